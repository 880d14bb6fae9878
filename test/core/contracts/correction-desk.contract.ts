/**
 * What every corrections desk does (reviewed answers and staff-reply proposals, kept beside the answer
 * log whose entries deliver them), run against each implementation: SQLite and PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CorrectionDesk } from '../../../src/core/corrections/correction.js';
import { isSogaError } from '../../../src/core/errors.js';
import { makeAnswer } from '../../fakes/fake-assistant.js';
import { A_SOURCE } from '../../fakes/fake-correction-store.js';
import type { TestAnswerLog } from './answer-log.contract.js';

export interface CorrectionDeskSubject {
  /** An empty log and its desk on storage of their own. */
  make(options: { hmacKey: string; now: () => Date }): Promise<{ log: TestAnswerLog & { pseudonym(platformUserId: string): string }; desk: CorrectionDesk }>;
}

const KEY = 'a-test-key-of-enough-length-0123456789';

export function describeCorrectionDesk(name: string, subject: () => CorrectionDeskSubject): void {
  describe(`the corrections desk (${name})`, () => {
    const clock = new Date('2026-12-01T09:00:00Z');
    let log: TestAnswerLog & { pseudonym(platformUserId: string): string };
    let desk: CorrectionDesk;

    beforeEach(async () => {
      ({ log, desk } = await subject().make({ hmacKey: KEY, now: () => clock }));
    });
    afterEach(async () => {
      await log.close();
    });

    const approved = () => desk.approve({ question: 'Où a lieu le gala 2027 ?', lang: 'fr', answer: 'À Gand.', sources: [A_SOURCE], reviewer: 'admin', fromEntryId: '3' });

    describe('approving and withdrawing a correction', () => {
      it('keeps what the reviewer approved, with the review date, and offers it to answering', async () => {
        const c = await approved();
        expect(c).toMatchObject({ question: 'Où a lieu le gala 2027 ?', lang: 'fr', answer: 'À Gand.', reviewer: 'admin', reviewedAt: clock.toISOString(), withdrawn: false, fromEntryId: '3' });
        expect(c.sources).toEqual([A_SOURCE]);
        expect((await desk.activeCorrections()).map((x) => x.id)).toEqual([c.id]);
        expect(await desk.getCorrection(c.id)).toEqual(c);
        expect(await desk.getCorrection('x1')).toBeNull();
      });

      it('never offers a withdrawn correction again, but still lists it for the desk', async () => {
        const c = await approved();
        expect(await desk.withdraw(c.id, 'admin')).toMatchObject({ withdrawn: true, withdrawnAt: clock.toISOString() });
        expect(await desk.activeCorrections()).toEqual([]);
        expect(await desk.listCorrections()).toEqual([]);
        expect((await desk.listCorrections({ includeWithdrawn: true })).map((x) => x.id)).toEqual([c.id]);
      });

      it('refuses an empty answer or an unknown language, and says which', async () => {
        await expect(desk.approve({ question: 'Q ?', lang: 'fr', answer: '  ', sources: [], reviewer: 'admin' })).rejects.toThrow(/approved answer is empty/);
        await expect(desk.approve({ question: 'Q ?', lang: 'French', answer: 'A', sources: [], reviewer: 'admin' })).rejects.toThrow(/ISO 639-1/);
        expect(await desk.listCorrections({ includeWithdrawn: true })).toEqual([]);
      });

      it('says NOT_FOUND for a correction that does not exist', async () => {
        const error = await desk.withdraw('999', 'admin').catch((e: unknown) => e);
        expect(isSogaError(error, 'NOT_FOUND')).toBe(true);
      });
    });

    describe('the uses of a correction', () => {
      it('are the answers logged with its id, newest first, counted per correction', async () => {
        const c = await approved();
        const first = await log.record({ surface: 'discord', answer: { ...makeAnswer({ question: 'Où a lieu le gala 2027 ?' }), outcome: 'correction', correctionId: c.id } });
        await log.record({ surface: 'web', answer: makeAnswer({ question: 'Autre question ?' }) });
        const second = await log.record({ surface: 'matrix', answer: { ...makeAnswer({ question: 'Where is the 2027 gala?' }), outcome: 'correction', correctionId: c.id } });
        expect((await desk.uses(c.id)).map((u) => u.id)).toEqual([second, first]);
        expect((await desk.uses(c.id))[0]).toMatchObject({ outcome: 'correction', correctionId: c.id, surface: 'matrix' });
        expect((await desk.useCounts()).get(c.id)).toBe(2);
        expect((await log.get(first))?.correctionId).toBe(c.id);
      });
    });

    describe('staff replies proposed as corrections', () => {
      const reply = { surface: 'discord', place: 'thread-1', question: 'Où a lieu le gala 2027 ?', botEntryId: '12', reply: 'Ce sera à Gand, pas à Lyon.', staffId: '111222333' };

      it('are stored once, with the staff member pseudonymised', async () => {
        const id = await desk.propose(reply);
        expect(await desk.propose(reply)).toBe(id);
        const [p] = await desk.listProposals('open');
        expect(p).toMatchObject({ id, status: 'open', question: reply.question, reply: reply.reply, botEntryId: '12', place: 'thread-1' });
        expect(p.staff).toBe(log.pseudonym('111222333'));
        expect(p.staff).not.toContain('111222333');
      });

      it('refuse an empty reply or a bot answer id that is not one', async () => {
        await expect(desk.propose({ ...reply, reply: ' ' })).rejects.toThrow(/staff reply is empty/);
        await expect(desk.propose({ ...reply, botEntryId: 'abc' })).rejects.toThrow(/not an answer-log entry id/);
      });

      it('become a correction when approved (edited), and leave the open list', async () => {
        const id = await desk.propose(reply);
        const c = await desk.approveProposal(id, { question: reply.question, lang: 'fr', answer: 'À Gand, les 3 et 4 mai 2027.', sources: [], reviewer: 'admin' });
        expect(c).toMatchObject({ answer: 'À Gand, les 3 et 4 mai 2027.', fromProposalId: id });
        expect(await desk.getProposal(id)).toMatchObject({ status: 'approved', correctionId: c.id, decidedBy: 'admin' });
        expect(await desk.listProposals('open')).toEqual([]);
        await expect(desk.approveProposal(id, { question: 'q', lang: 'fr', answer: 'a', sources: [], reviewer: 'admin' })).rejects.toThrow(/no open proposal/);
        // A refused approval leaves nothing behind.
        const other = await desk.propose({ ...reply, reply: 'Une autre' });
        await expect(desk.approveProposal(other, { question: 'q', lang: 'fr', answer: ' ', sources: [], reviewer: 'admin' })).rejects.toThrow(/empty/);
        expect(await desk.getProposal(other)).toMatchObject({ status: 'open', correctionId: null });
        expect(await desk.listCorrections()).toHaveLength(1);
      });

      it('are erased with the staff member who wrote them, and with the member whose answer they follow', async () => {
        const member = await log.record({ surface: 'discord', askerId: 'member-9', answer: makeAnswer({ question: 'Où a lieu le gala 2027 ?' }) });
        await desk.propose({ ...reply, botEntryId: member, staffId: 'staff-1' });
        await desk.propose({ ...reply, reply: 'Autre réponse', staffId: 'staff-2' });
        await desk.propose({ ...reply, reply: 'Troisième', staffId: 'staff-3' });
        expect(await log.eraseUser('member-9')).toEqual({ entries: 1, feedback: 0, proposals: 1 });
        expect(await log.eraseUser('staff-2')).toEqual({ entries: 0, feedback: 0, proposals: 1 });
        expect((await desk.listProposals()).map((p) => p.reply)).toEqual(['Troisième']);
      });

      it('can be dismissed, and are then kept as dismissed', async () => {
        const id = await desk.propose(reply);
        expect(await desk.dismissProposal(id, 'admin')).toMatchObject({ status: 'dismissed', decidedBy: 'admin' });
        expect((await desk.listProposals('dismissed')).map((p) => p.id)).toEqual([id]);
        expect(await desk.activeCorrections()).toEqual([]);
        await expect(desk.dismissProposal(id, 'admin')).rejects.toThrow(/no open proposal/);
        await expect(desk.listProposals('maybe' as 'open')).rejects.toThrow(/unknown proposal status/);
      });
    });
  });
}
