/** What is kept of a staff reply: a proposal for a person to decide on, or a reason it is not one. */
import { describe, expect, it } from 'vitest';
import { proposeStaffReply } from '../../../src/core/corrections/staff-replies.js';
import { FakeProposalSink } from '../../fakes/fake-proposal-sink.js';

const reply = { surface: 'discord', place: 't', question: ' Where is the gala? ', botEntryId: '9', reply: '  It is in Ghent now.  \n', staffId: 's1' };

describe('a staff reply after an answer', () => {
  it('is proposed with its text and question trimmed', async () => {
    const sink = new FakeProposalSink();
    expect(await proposeStaffReply(sink, reply)).toEqual({ proposed: true, id: '1' });
    expect(sink.proposed[0]).toMatchObject({ question: 'Where is the gala?', reply: 'It is in Ghent now.', botEntryId: '9', staffId: 's1' });
  });

  it('is not proposed when it has no text (an image, a sticker) or follows no logged answer', async () => {
    const sink = new FakeProposalSink();
    expect(await proposeStaffReply(sink, { ...reply, reply: ' \n ' })).toEqual({ proposed: false, reason: 'empty' });
    expect(await proposeStaffReply(sink, { ...reply, botEntryId: '' })).toEqual({ proposed: false, reason: 'no-answer' });
    expect(sink.proposed).toEqual([]);
  });

  it('says why when the desk cannot store it, instead of throwing into the chat adapter', async () => {
    const sink = new FakeProposalSink();
    sink.failure = new Error('database is locked');
    expect(await proposeStaffReply(sink, reply)).toEqual({ proposed: false, reason: 'failed', detail: 'database is locked' });
  });
});
