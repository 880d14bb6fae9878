/** ask() with reviewed answers: the same question gets the reviewer's answer, said to be one, with its date and sources. */
import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../../src/core/ask.js';
import { Messages } from '../../../src/core/i18n.js';
import { EldLanguageDetector } from '../../../src/infra/eld-language-detector.js';
import { FakeChunkStore } from '../../fakes/fake-chunk-store.js';
import { A_SOURCE, FakeCorrectionStore, aCorrection } from '../../fakes/fake-correction-store.js';
import { testAskOptions } from '../../fakes/ask-options.js';
import { FakeLexicon } from '../../fakes/fake-lexicon.js';
import de from '../../../prompts/locales/de.json' with { type: 'json' };
import en from '../../../prompts/locales/en.json' with { type: 'json' };
import fr from '../../../prompts/locales/fr.json' with { type: 'json' };

const PASSAGE = 'Le sommet européen des coopératives se tiendra à Porto en 2027, annonce le réseau.';
const CORRECTION = aCorrection({
  id: '7',
  question: 'Où se tiendra le sommet européen des coopératives ?',
  lang: 'fr',
  answer: 'À Lisbonne, les 4 et 5 juin : le lieu a changé depuis l’article.',
  sources: [A_SOURCE],
  reviewedAt: '2026-11-30T10:00:00.000Z',
});

function build(corrections: FakeCorrectionStore | null) {
  return createAssistant(
    {
      store: FakeChunkStore.withPassages([{ title: 'Sommet des coopératives', text: PASSAGE }]),
      embedder: null,
      chat: null,
      detector: new EldLanguageDetector({ fallback: 'en' }),
      messages: new Messages({ de, en, fr }),
      prompts: { system: 'rules', answer: '{{passages}}\n{{question}}', condense: '{{history}}\n{{question}}' },
      clock: { now: () => new Date('2026-12-06T12:00:00Z') },
      corrections,
      lexicon: new FakeLexicon({ 'en-fr': { summit: ['sommet'], held: ['tiendra'] }, 'fr-en': { sommet: ['summit'], tiendra: ['held'] } }),
    },
    testAskOptions(),
  );
}

describe('a question a reviewer has answered', () => {
  it('gets the reviewed answer instead of the passages, with its review date and the reviewer’s sources', async () => {
    const answer = await build(new FakeCorrectionStore([CORRECTION])).ask('Où se tiendra le sommet européen des coopératives ?');
    expect(answer).toMatchObject({ outcome: 'correction', mode: 'reviewed', correctionId: '7', grounded: true, language: 'fr' });
    expect(answer.text).toContain('30 novembre 2026');
    expect(answer.text).toContain('À Lisbonne, les 4 et 5 juin');
    expect(answer.text).not.toContain('Porto');
    expect(answer.citations).toEqual([expect.objectContaining({ n: 1, chunkId: A_SOURCE.chunkId, quote: A_SOURCE.quote })]);
    expect(answer.retrieved).toEqual([]);
  });

  it('in another language, gets it as written and is told which language that is', async () => {
    const answer = await build(new FakeCorrectionStore([CORRECTION])).ask('Where will the European summit of cooperatives be held?');
    expect(answer.outcome).toBe('correction');
    expect(answer.language).toBe('en');
    expect(answer.text).toMatch(/^Reviewed answer \(checked by the SOGA team on November 30, 2026\):\nThis reviewed answer is written in French:\nÀ Lisbonne/);
  });

  it('is answered from the passages again once the correction is withdrawn', async () => {
    const answer = await build(new FakeCorrectionStore([{ ...CORRECTION, withdrawn: true }])).ask('Où se tiendra le sommet européen des coopératives ?');
    expect(answer.outcome).toBe('answered');
    expect(answer.text).toContain('Porto');
  });

  it('leaves other questions on the same topic to the passages', async () => {
    const answer = await build(new FakeCorrectionStore([CORRECTION])).ask('Quand se tiendra le sommet européen des coopératives ?');
    expect(answer.outcome).toBe('answered');
    expect(answer.correctionId).toBeUndefined();
  });
});
