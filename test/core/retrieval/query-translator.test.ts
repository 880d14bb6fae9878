import { describe, expect, it } from 'vitest';
import { createQueryTranslator } from '../../../src/core/retrieval/query-translator.js';
import { FakeLexicon } from '../../fakes/fake-lexicon.js';
import { FakeThesaurus } from '../../fakes/fake-thesaurus.js';
import type { TermStats, WeightedTerm } from '../../../src/core/answer/matching.js';

const stats = (known: string[]): TermStats => ({ df: (w: string) => (known.includes(w) ? 3 : 0), total: 10 });
const terms = (...words: string[]): WeightedTerm[] => words.map((word) => ({ word, weight: 1, stems: new Set([word]) }));

describe('dictionary translations of the words the corpus never uses', () => {
  it('translates only unknown words, into each other corpus language', async () => {
    const lexicon = new FakeLexicon({ 'de-fr': { mitglieder: ['membre'] }, 'de-en': { mitglieder: ['member'] } });
    const out = await createQueryTranslator(lexicon, () => undefined).translateUnknown(terms('mitglieder', 'soga'), 'de', ['de', 'fr', 'en'], stats(['soga']));
    expect(out.get('mitglieder')).toEqual(['membre', 'member']);
    expect(lexicon.calls.every((c) => c.words.join() === 'mitglieder')).toBe(true);
  });
  it('goes on without a broken dictionary and says so once per pair', async () => {
    const lexicon = new FakeLexicon({});
    lexicon.failure = new Error('truncated index');
    const warnings: string[] = [];
    const t = createQueryTranslator(lexicon, (m) => warnings.push(m));
    expect((await t.translateUnknown(terms('mitglieder'), 'de', ['de', 'fr'], stats([]))).size).toBe(0);
    await t.translateUnknown(terms('mitglieder'), 'de', ['de', 'fr'], stats([]));
    // The German-French pair, then the English one its untranslated words were tried in: each once.
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/de→fr.*truncated index/);
    expect(warnings[1]).toMatch(/en→fr.*truncated index/);
  });
  it('looks a word its own dictionaries do not list up as a borrowed English word', async () => {
    const lexicon = new FakeLexicon({ 'pt-fr': { cadeira: ['chaise'] }, 'en-fr': { meeting: ['reunion'], cadeira: ['wrong'] } });
    const out = await createQueryTranslator(lexicon, () => undefined).translateUnknown(terms('cadeira', 'meeting', 'xyzzy'), 'pt', ['pt', 'fr', 'en'], stats([]));
    // "cadeira" has its Portuguese sense only; English is never asked for a word into English.
    expect(Object.fromEntries(out)).toEqual({ cadeira: ['chaise'], meeting: ['reunion'] });
    expect(lexicon.calls.some((c) => c.from === 'en' && c.to === 'en')).toBe(false);
  });
});

describe('a country the question names, as the articles’ languages write it', () => {
  it('names it, or its adjective, in each other corpus language, with or without dictionaries', async () => {
    const out = await createQueryTranslator(null, () => undefined).translateUnknown(terms('ijslandse', 'stichting'), 'nl', ['nl', 'fr', 'en'], stats([]));
    expect(Object.fromEntries(out)).toEqual({ ijslandse: ['Islande', 'Iceland'] });
    const lexicon = new FakeLexicon({ 'it-fr': { norvegia: ['norvégien'] } });
    const both = await createQueryTranslator(lexicon, () => undefined).translateUnknown(terms('norvegia'), 'it', ['it', 'fr'], stats([]));
    expect(both.get('norvegia')).toEqual(['Norvège', 'norvégien']);
  });
});

describe('synonyms of the words the corpus never uses', () => {
  it('are looked up in the question language, kept where the corpus is written in it, and translated', async () => {
    const thesaurus = new FakeThesaurus({ en: { visitors: ['guest', 'caller'] } });
    const lexicon = new FakeLexicon({ 'en-fr': { guest: ['invité', 'hôte', 'convive'] } });
    const out = await createQueryTranslator(lexicon, () => undefined, thesaurus).synonymsOfUnknown('How many visitors came to Lyon?', terms('visitors', 'lyon'), 'en', ['en', 'fr'], stats(['lyon']));
    // Two translations per synonym: a synonym's later senses are a step further from the question's word.
    expect(out.byWord.get('visitors')).toEqual(['guest', 'caller', 'invité', 'hôte']);
    expect(thesaurus.calls[0].words).not.toContain('lyon');
  });
  it('are only translated when the corpus is not written in the question language', async () => {
    const thesaurus = new FakeThesaurus({ en: { visitors: ['guest'] } });
    const lexicon = new FakeLexicon({ 'en-fr': { guest: ['invité'] } });
    const out = await createQueryTranslator(lexicon, () => undefined, thesaurus).synonymsOfUnknown('How many visitors came?', terms('visitors'), 'en', ['fr'], stats([]));
    expect(out.byWord.get('visitors')).toEqual(['invité']);
  });
  it("prefer a phrase the thesaurus lists with the next word ('carry out'), whose word is then not translated alone", async () => {
    const thesaurus = new FakeThesaurus({ en: { carry: ['transport'], 'carry out': ['perform'] } });
    const out = await createQueryTranslator(null, () => undefined, thesaurus).synonymsOfUnknown('Who will carry out the survey?', terms('carry', 'survey'), 'en', ['en'], stats(['survey']));
    expect(out.byWord.get('carry')).toEqual(['perform']);
    expect([...out.inPhrases]).toEqual(['carry']);
  });
  it('go on without a broken thesaurus, said once per outage', async () => {
    const thesaurus = new FakeThesaurus({});
    thesaurus.failure = new Error('EIO');
    const warnings: string[] = [];
    const t = createQueryTranslator(null, (m) => warnings.push(m), thesaurus);
    expect((await t.synonymsOfUnknown('visitors?', terms('visitors'), 'en', ['en'], stats([]))).byWord.size).toBe(0);
    await t.synonymsOfUnknown('visitors?', terms('visitors'), 'en', ['en'], stats([]));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/en thesaurus.*EIO/);
  });
});
