/**
 * Matching a member's question against approved ones: paraphrases and translations match, near
 * misses (another year, edition, kind of value, subject) do not. The threshold itself is measured on
 * test/fixtures/correction-pairs.json with the real dictionaries (bench/correction-threshold.ts);
 * these cases use the schema's default threshold and a small hand-written dictionary.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load.js';
import { createCorrectionMatcher } from '../../../src/core/corrections/match-correction.js';
import { FakeLexicon } from '../../fakes/fake-lexicon.js';
import { aCorrection } from '../../fakes/fake-correction-store.js';

const config = parseConfig({});
const options = { minOverlap: config.SOGA_CORRECTION_MIN_OVERLAP, minCosine: config.SOGA_CORRECTION_MIN_COSINE };
const lexicon = new FakeLexicon({
  'de-fr': { kostet: ['coute', 'prix'], mitgliedschaft: ['adhesion'], jahr: ['an', 'annee'], herbstforum: ['forum automne'] },
  'fr-de': { coute: ['kostet'], adhesion: ['mitgliedschaft'], an: ['jahr'] },
  'en-fr': { cost: ['coute', 'cout'], membership: ['adhesion'], year: ['an', 'annee'], autumn: ['automne'] },
  'fr-en': { coute: ['cost'], adhesion: ['membership'], an: ['year'], automne: ['autumn'] },
});
const matcher = createCorrectionMatcher({ lexicon, termStats: null }, options);

const APPROVED = aCorrection({ question: "Combien coûte l'adhésion pour un an ?", lang: 'fr', answer: '120 euros par an.' });
const FORUM = aCorrection({ id: '2', question: 'Where is the Autumn Forum 2026 held?', lang: 'en', answer: 'In Ghent.' });

describe('a question asking what an approved question asks', () => {
  it('matches the same question with other function words', async () => {
    expect(await matcher.match("L'adhésion pour un an, combien ça coûte ?", 'fr', [APPROVED])).toMatchObject({ correction: { id: '1' }, by: 'words' });
  });

  it('matches its translation through the dictionaries, both ways', async () => {
    expect((await matcher.match('How much does membership cost for one year?', 'en', [APPROVED]))?.correction.id).toBe('1');
    expect((await matcher.match('Wie viel kostet die Mitgliedschaft für ein Jahr?', 'de', [APPROVED]))?.correction.id).toBe('1');
  });

  it('matches a name and year written alike in every language', async () => {
    expect((await matcher.match('Où se tient le Autumn Forum 2026 ?', 'fr', [APPROVED, FORUM]))?.correction.id).toBe('2');
  });
});

describe('a question near an approved one that asks something else', () => {
  it('does not match another year of the same event', async () => {
    expect(await matcher.match('Where is the Autumn Forum 2025 held?', 'en', [FORUM])).toBeNull();
  });

  it('does not match another kind of value about the same event', async () => {
    expect(await matcher.match('When is the Autumn Forum 2026 held?', 'en', [FORUM])).toBeNull();
  });

  it('does not match another edition', async () => {
    const first = aCorrection({ question: 'Who spoke at the first Autumn Forum?', lang: 'en', answer: '…' });
    expect(await matcher.match('Who spoke at the second Autumn Forum?', 'en', [first])).toBeNull();
    expect(await matcher.match('Who spoke at the 2nd Autumn Forum?', 'en', [first])).toBeNull();
  });

  it('does not match a question about another subject in the same words', async () => {
    expect(await matcher.match('Combien coûte le billet pour le gala ?', 'fr', [APPROVED])).toBeNull();
  });

  it('does not match a near-cognate name in the same language (Sommerfest is not Winterfest)', async () => {
    const summer = aCorrection({ question: 'Wo findet das Sommerfest der Mitglieder statt?', lang: 'de', answer: '…' });
    expect(await matcher.match('Wo findet das Winterfest der Mitglieder statt?', 'de', [summer])).toBeNull();
  });

  it('never matches a withdrawn correction', async () => {
    expect(await matcher.match("Combien coûte l'adhésion pour un an ?", 'fr', [{ ...APPROVED, withdrawn: true }])).toBeNull();
  });
});

describe('matching by meaning with a trusted embedding model', () => {
  const vectors: Record<string, number[]> = {
    'Who runs the network?': [1, 0, 0],
    'Who is in charge of the network?': [0.99, 0.1, 0],
    'Who ran the network in 2019?': [0.98, 0.15, 0],
  };
  const embed = async (text: string) => (vectors[text] ? Float32Array.from(vectors[text]) : undefined);
  const byModel = createCorrectionMatcher({ lexicon: null, termStats: null, embed }, options);
  const approved = aCorrection({ question: 'Who runs the network?', lang: 'en', answer: '…' });

  it('matches a paraphrase the words alone miss when the vectors are close', async () => {
    expect(await matcher.match('Who is in charge of the network?', 'en', [approved])).toBeNull();
    expect(await byModel.match('Who is in charge of the network?', 'en', [approved])).toMatchObject({ by: 'model' });
  });

  it('keeps the guards: close vectors with another year do not match', async () => {
    expect(await byModel.match('Who ran the network in 2019?', 'en', [approved])).toBeNull();
  });
});
