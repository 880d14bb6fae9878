/**
 * A staff member's reply after the bot's answer, from any chat surface, becomes a proposed correction
 * for a reviewer to approve, edit or dismiss (never an answer by itself: a person decides). The adapters
 * only say who is staff and which answer the reply follows; what is kept is decided here.
 */
import { describeError } from '../errors.js';
import type { ProposalSink, StaffReplyInput } from './correction.js';

export type StaffReplyResult = { proposed: true; id: string } | { proposed: false; reason: 'empty' | 'no-answer' | 'failed'; detail?: string };

/** A chat message longer than this is not a reply to one answer. */
const MAX_REPLY = 4000;

export async function proposeStaffReply(sink: ProposalSink, input: StaffReplyInput): Promise<StaffReplyResult> {
  const reply = input.reply.replace(/\s+\n/g, '\n').trim();
  if (!reply) return { proposed: false, reason: 'empty' };
  if (!input.botEntryId || !input.question.trim()) return { proposed: false, reason: 'no-answer' };
  try {
    const id = await sink.propose({ ...input, question: input.question.trim(), reply: reply.length > MAX_REPLY ? reply.slice(0, MAX_REPLY) : reply });
    return { proposed: true, id };
  } catch (error) {
    // The reply stays in the chat; the operator is told why it is not on the desk.
    return { proposed: false, reason: 'failed', detail: describeError(error) };
  }
}
