/**
 * Topic coverage: how much of a question's topic a passage holds, across languages.
 */
import { describe, expect, it } from 'vitest';
import { coverage, questionNames, SYNONYM_MATCH, weightedTopicTerms, type TermStats } from '../../../src/core/answer/matching.js';

/** A corpus of 100 passages that tells of NEC ESS 2025 (and 2023), never of 2026. */
const stats: TermStats = { total: 100, df: (w) => ({ nec: 20, ess: 30, '2025': 15, '2023': 10, paris: 8, lieu: 12 })[w] ?? 0 };
const PASSAGE = 'Le NEC ESS 2025 aura lieu à Paris du 25 au 27 novembre.';

describe('numbers in a question are matched exactly', () => {
  it('does not take one year for a cognate of another', () => {
    const terms = weightedTopicTerms('NEC ESS 2026', 'en', ['en', 'fr'], null);
    const result = coverage(terms, PASSAGE, ['en', 'fr']);
    expect(result.matched).toEqual([1, 1, 0]);
  });

  it('lets a year the corpus never mentions weigh as much as the rest of the question, so no passage covers more than half', () => {
    const langs = ['en', 'fr'];
    const asked = weightedTopicTerms('Where will NEC ESS 2026 take place in Paris?', 'en', langs, stats);
    expect(coverage(asked, PASSAGE, langs).coverage).toBeLessThanOrEqual(0.5);
    // The same question about a year the corpus has is covered as usual.
    const known = weightedTopicTerms('Where will NEC ESS 2025 take place in Paris?', 'en', langs, stats);
    expect(coverage(known, PASSAGE, langs).coverage).toBeGreaterThan(0.6);
  });

  it('weighs an unknown word that is not a year as any unknown word, less: it may be a translation', () => {
    const venue = weightedTopicTerms('NEC ESS Paris venue', 'en', ['en', 'fr'], stats).find((t) => t.word === 'venue')!;
    const year = weightedTopicTerms('NEC ESS Paris 2026', 'en', ['en', 'fr'], stats).find((t) => t.word === '2026')!;
    expect(venue.weight).toBeLessThan(year.weight);
  });
});

describe("a word's dictionary translations cover it", () => {
  const langs = ['de', 'fr'];
  const LETTER = 'Le Social Good Accelerator et ses 70 membres ont publié une lettre ouverte.';
  const frStats: TermStats = { total: 100, df: (w) => ({ membres: 5, membre: 5, lettre: 3, ouverte: 4, social: 40, good: 40, accelerator: 40 })[w] ?? 0 };

  it('matches a passage that holds every word of one translation, by stem', () => {
    const terms = weightedTopicTerms(
      'Mitglieder offenen Brief',
      'de',
      langs,
      frStats,
      new Map([
        ['mitglieder', ['membre']],
        ['brief', ['lettre ouverte', 'epitre']],
      ]),
    );
    expect(coverage(terms, LETTER, langs).matched).toEqual([1, 0, 1]);
    // Half a translation is no match: "lettre" alone is not "lettre pastorale".
    const pastoral = weightedTopicTerms('Brief', 'de', langs, frStats, new Map([['brief', ['lettre pastorale']]]));
    expect(coverage(pastoral, LETTER, langs).matched).toEqual([0]);
  });

  it("keeps the weight of a word the corpus lacks: a dictionary's first sense may not be the question's", () => {
    const without = weightedTopicTerms('Mitglieder', 'de', langs, frStats).find((t) => t.word === 'mitglieder')!;
    const translated = weightedTopicTerms('Mitglieder', 'de', langs, frStats, new Map([['mitglieder', ['membre']]])).find((t) => t.word === 'mitglieder')!;
    expect(translated.weight).toBe(without.weight);
    expect(translated.translations).toHaveLength(1);
    expect(without.translations).toBeUndefined();
  });
});

describe("a word's synonyms cover it, less than the word itself", () => {
  const langs = ['en', 'fr'];
  const FAIR = 'La foire de Lyon a accueilli 3 000 visiteurs venus de toute la région.';
  const stats: TermStats = { total: 100, df: (w) => ({ foire: 2, lyon: 3, visiteurs: 4 })[w] ?? 0 };

  it('counts a synonym (or its translation) the passage holds as a partial match', () => {
    const terms = weightedTopicTerms('guests Lyon', 'en', langs, stats, new Map(), new Map([['guests', ['caller', 'visiteur']]]));
    expect(coverage(terms, FAIR, langs).matched).toEqual([SYNONYM_MATCH, 1]);
    const without = weightedTopicTerms('guests Lyon', 'en', langs, stats);
    expect(coverage(without, FAIR, langs).matched).toEqual([0, 1]);
  });
  it('lets the word itself or a translation count in full', () => {
    const terms = weightedTopicTerms('guests', 'en', langs, stats, new Map([['guests', ['visiteur']]]), new Map([['guests', ['foire']]]));
    expect(coverage(terms, FAIR, langs).matched).toEqual([1]);
  });
});

describe('a name of several words is one thing', () => {
  const langs = ['es', 'fr', 'en'];
  const stats: TermStats = { total: 100, df: (w) => ({ web: 2, summit: 5, social: 40, economy: 10 })[w] ?? 0 };

  it('finds the names of a question, not its first word', () => {
    expect(questionNames('Welchen Plan hat Barbara Trachte bei der Social Good Week vorgestellt?')).toEqual(['barbara trachte', 'social good week']);
    expect(questionNames('¿Cuánto cuesta la entrada al Web Summit 2026?')).toEqual(['web summit']);
    expect(questionNames('Who co-organises NEC ESS 2025?')).toEqual(['nec ess']);
  });

  it('takes only runs whose every word the corpus uses, hyphens split as in the text', () => {
    const known: TermStats = { total: 100, df: (w) => ({ jean: 3, marc: 3, ayrault: 2, projekt: 0, atlas: 4 })[w] ?? 0 };
    const terms = weightedTopicTerms('Was hat Jean-Marc Ayrault über das Projekt Atlas gesagt?', 'de', ['de', 'fr'], known);
    expect(Object.fromEntries(terms.filter((t) => t.name).map((t) => [t.word, t.name]))).toEqual({ jean: 'jean marc ayrault', marc: 'jean marc ayrault', ayrault: 'jean marc ayrault' });
    const matched = coverage(terms, 'Jean-Marc Ayrault a présenté le projet Atlas.', ['de', 'fr']).matched;
    expect(matched[terms.findIndex((t) => t.word === 'ayrault')]).toBe(1);
    expect(matched[terms.findIndex((t) => t.word === 'atlas')]).toBe(1);
  });

  it('counts a word of a name half where the text uses it apart from the name', () => {
    const terms = weightedTopicTerms('¿Entradas para el Web Summit?', 'es', langs, stats);
    expect(terms.map((t) => t.word)).toEqual(['entradas', 'web', 'summit']);
    expect(coverage(terms, 'Le Social Economy Summit "ActSE" à Ljubljana.', langs).matched).toEqual([0, 0, 0.5]);
    expect(coverage(terms, 'Le Social Innovation Village lors du Web Summit à Lisbonne.', langs).matched).toEqual([0, 1, 1]);
  });
});

describe('a word naming the kind of place asked for', () => {
  const langs = ['nl', 'fr'];
  const cityStats: TermStats = { total: 100, df: (w) => ({ festival: 3, muziek: 0, stad: 0 })[w] ?? 0 };

  it('is covered by a place the passage names, not only by the noun itself', () => {
    const terms = weightedTopicTerms('In welke stad vond het festival plaats?', 'nl', langs, cityStats);
    expect(terms.find((t) => t.word === 'stad')?.place).toBe(true);
    const stad = terms.findIndex((t) => t.word === 'stad');
    expect(coverage(terms, 'Le festival a eu lieu à Grenoble en juin.', langs, { places: true }).matched[stad]).toBe(1);
    // A passage that names no place does not cover it.
    expect(coverage(terms, 'Le festival a réuni des musiciens.', langs, { places: true }).matched[stad]).toBe(0);
    // Nor does a sentence scored for quoting: there the place must be the one asked for.
    expect(coverage(terms, 'Le festival a eu lieu à Grenoble en juin.', langs).matched[stad]).toBe(0);
  });

  it('leaves other words to the usual matching', () => {
    const terms = weightedTopicTerms('Welk festival was in Grenoble?', 'nl', langs, cityStats);
    expect(terms.some((t) => t.place)).toBe(false);
  });
});

describe('a rare name is matched where it stands', () => {
  // "codeparc" is used by 2 passages of 100; "codepark", another name, is a word the articles use too.
  const df = new Map(Object.entries({ codeparc: 2, codepark: 3, offre: 10 }));
  const stats = { total: 100, df: (w: string) => df.get(w) ?? 0 };
  const terms = weightedTopicTerms('What does Codeparc offer?', 'en', ['en', 'fr'], stats, new Map([['offer', ['offre']]]));
  it('is not covered by a word that merely resembles it', () => {
    expect(terms.find((t) => t.word === 'codeparc')?.rareName).toBe(true);
    expect(coverage(terms, 'Une offre de codepark pour les écoles.', ['en', 'fr']).matched[terms.findIndex((t) => t.word === 'codeparc')]).toBe(0);
  });
  it('is covered where the passage writes it', () => {
    expect(coverage(terms, 'Codeparc propose une offre de codage.', ['en', 'fr']).coverage).toBe(1);
  });
});

describe('a deputy holds another office than the one its noun names', () => {
  const stats = { total: 100, df: (w: string) => (['presidente', 'president', 'vice', 'association'].includes(w) ? 5 : 0) };
  it('does not read "présidente" in "vice-présidente" or "Vice (Présidente …)" for a question that asks for the president', () => {
    const terms = weightedTopicTerms('Qui est la présidente de l’association ?', 'fr', ['fr'], stats);
    const at = terms.findIndex((t) => t.word === 'presidente');
    expect(coverage(terms, 'Marie Dupont, vice-présidente de l’association, a ouvert la séance.', ['fr']).matched[at]).toBe(0);
    expect(coverage(terms, 'Nous avons accueilli Marie Dupont, Vice (Présidente de l’association).', ['fr']).matched[at]).toBe(0);
    expect(coverage(terms, 'Paul Martin, présidente de l’association, a ouvert la séance.', ['fr']).matched[at]).toBe(1);
  });
  it('reads it for a question that asks for the deputy', () => {
    const terms = weightedTopicTerms('Qui est la vice-présidente de l’association ?', 'fr', ['fr'], stats);
    expect(coverage(terms, 'Marie Dupont, vice-présidente de l’association, a ouvert la séance.', ['fr']).coverage).toBe(1);
  });
});
