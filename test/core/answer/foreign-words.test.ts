import { describe, expect, it } from 'vitest';
import { foreignPassageWords } from '../../../src/core/answer/foreign-words.js';
import type { FusedHit } from '../../../src/core/types.js';
import { FakeThesaurus } from '../../fakes/fake-thesaurus.js';

const hit = (text: string, lang: string): FusedHit => ({
  chunk: { id: `${lang}#0`, docId: lang, title: '', source: `${lang}.md`, lang, date: null, position: 0, section: null, text },
  score: 1,
  ranks: {},
  signals: {},
  coverage: 1,
});

// Made-up passages; the thesauri list what each language's would.
const thesaurus = new FakeThesaurus({}, { en: ['charter', 'network', 'hackathon', 'digital'], fr: ['charte', 'membres', 'reseau', 'digital'] });

describe('foreignPassageWords', () => {
  it('gives the words the passage language lists and the answer language does not', async () => {
    const words = await foreignPassageWords(thesaurus, [hit('Les membres signent une charte du réseau digital et un hackathon.', 'fr')], 'en');
    expect([...words]).toEqual([
      ['membres', 'fr'],
      ['charte', 'fr'],
      ['reseau', 'fr'],
    ]);
  });

  it('never a word a passage in the answer’s language writes, nor one shorter than four letters', async () => {
    const words = await foreignPassageWords(thesaurus, [hit('Les membres signent une charte.', 'fr'), hit('Our membres page lists every charte.', 'en')], 'en');
    expect(words.size).toBe(0);
  });

  it('nothing when the answer’s language has no thesaurus, or one too small to lack only foreign words', async () => {
    expect((await foreignPassageWords(thesaurus, [hit('Les membres signent une charte.', 'fr')], 'de')).size).toBe(0);
    const small = new FakeThesaurus({}, { es: ['firmar'], fr: ['charte', 'social'] }, { es: 20_000 });
    expect((await foreignPassageWords(small, [hit('Une charte sociale et un plan social.', 'fr')], 'es')).size).toBe(0);
  });

  it('never a word of a hyphenated compound ("micro" of "micro-dons")', async () => {
    const prefixes = new FakeThesaurus({}, { en: ['donation'], fr: ['micro', 'dons'] });
    expect([...(await foreignPassageWords(prefixes, [hit('Les micro-dons et les dons en ligne.', 'fr')], 'en')).keys()]).toEqual(['dons']);
  });
});
