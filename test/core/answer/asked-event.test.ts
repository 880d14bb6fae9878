/** otherEventProblem on made-up passages: a right value said of another event or edition than the one asked. */
import { describe, expect, it } from 'vitest';
import { otherEventProblem } from '../../../src/core/answer/asked-event.js';
import { passageNameWords } from '../../../src/core/answer/names.js';
import type { LanguageCode } from '../../../src/core/types.js';

const PASSAGES = [
  'Le Forum des Territoires a accueilli 3 000 visiteurs à Lyon. Lors de ce forum, les Green Innovation Awards 2023 ont reçu 120 candidatures.',
  'Le Sommet européen des coopératives (EUCS 2022) s’est tenu à Gand en mars 2022. Le Solidarity Summit 2023 avait eu lieu à Porto.',
];
const names = new Set(PASSAGES.flatMap((p) => [...passageNameWords(p)]));
const check = (sentence: string, question: string, lang: LanguageCode = 'en') =>
  otherEventProblem(
    sentence,
    question,
    lang,
    PASSAGES.map((text) => ({ text, lang: 'fr' })),
    names,
  );

describe('a sentence about another event than the one the question names fails', () => {
  it('a true figure of the forum for a question about the awards', () => {
    expect(check('The Forum des Territoires welcomed 3,000 visitors [1].', 'How many projects applied to the Green Innovation Awards 2023?')).toBe(
      'it is said of "Forum", the question asks about "Green Innovation Awards"',
    );
  });

  it('the same in German, with the forum’s name in the answer’s words', () => {
    expect(check('Das Forum der Territorien hatte 3.000 Besucher [1].', 'Wie viele Projekte bewarben sich für die Green Innovation Awards 2023?', 'de')).toMatch(/^it is said of "Forum/);
  });

  it('another edition of the event asked about', () => {
    expect(check('The Solidarity Summit 2023 took place in Porto [2].', 'Where did the Solidarity Summit 2024 take place?')).toBe(
      'it is said of "Solidarity Summit 2023", the question asks about "Solidarity Summit 2024"',
    );
  });
});

describe('a sentence about the event asked passes', () => {
  it('names the event asked', () => {
    expect(check('The Green Innovation Awards 2023 received 120 applications [1].', 'How many projects applied to the Green Innovation Awards 2023?')).toBeNull();
  });

  it('names it by another name that a passage gives the same event', () => {
    expect(check('The European Cooperatives Summit took place in Ghent [2].', 'Where did EUCS 2022 take place?')).toBeNull();
  });

  it('names no event at all', () => {
    expect(check('It received 120 applications [1].', 'How many projects applied to the Green Innovation Awards 2023?')).toBeNull();
  });

  it('a question that names no event', () => {
    expect(check('The Forum des Territoires welcomed 3,000 visitors [1].', 'How many visitors came to Lyon?')).toBeNull();
  });
});
