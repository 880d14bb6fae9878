/** A ProposalSink for adapter tests: every staff reply proposed, in order; can be made to fail like a locked database. */
import type { ProposalSink, StaffReplyInput } from '../../src/core/corrections/correction.js';

export class FakeProposalSink implements ProposalSink {
  readonly proposed: StaffReplyInput[] = [];
  failure: Error | null = null;

  async propose(input: StaffReplyInput): Promise<string> {
    if (this.failure) throw this.failure;
    this.proposed.push(input);
    return String(this.proposed.length);
  }
}
