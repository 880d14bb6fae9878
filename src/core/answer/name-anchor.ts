/**
 * A passage about the one thing a question names. "Qui va fundar Girleek?" shares only "Girleek" with
 * the passage that answers it: "fundar" is a word no article and no dictionary of the question's
 * language gives, and it weighs as much as the name, so coverage stays under the threshold — where
 * questions about things the articles lack sit too ("Quanti dipendenti ha il Social Good Accelerator?").
 * What tells them apart: the name is rare (a few passages use it, unlike the organisation's own name),
 * the passage holds it whole, every other word the passage misses is one the corpus never uses and the
 * dictionaries do not translate into words it never uses (so it may be a translation they lack, where a
 * known word missed means another topic and "trésorier" the thing the articles lack), and the
 * passage holds the kind of value asked for ("who" → a name), when the question asks for one.
 */
import { answerTypeMatch, expectedAnswerTypes } from './answer-type.js';
import { coverage, type WeightedTerm } from './matching.js';
import { searchableText } from '../retrieval/passage-text.js';
import type { ChunkRecord, LanguageCode } from '../types.js';

/** Share of the coverage threshold that a passage anchored by a rare name must still reach. */
export const ANCHORED_SHARE = 0.8;

export interface NamedQuestion {
  question: string;
  lang: LanguageCode;
  terms: WeightedTerm[];
  langs: LanguageCode[];
}

/** Whether a passage is anchored to the question by a rare name (see above). */
export function anchoredByName(chunk: Pick<ChunkRecord, 'title' | 'section' | 'text' | 'context'>, asked: NamedQuestion): boolean {
  const { terms, langs } = asked;
  if (!terms.some((t) => t.rareName)) return false;
  // The name in the passage's own text, whole (coverage() halves a name's word that stands apart
  // from its name): the title is shared by every passage of the article.
  const own = coverage(terms, chunk.text, langs).matched;
  if (terms.some((t, i) => t.rareName && own[i] < 1)) return false;
  // A word the corpus uses that the passage (with its title) lacks says the question is about something else.
  const { matched } = coverage(terms, searchableText(chunk), langs);
  // So does one the dictionaries translate into words no passage uses ("treasurer" → "trésorier").
  if (terms.some((t, i) => (!t.unknown || t.lacking) && matched[i] === 0)) return false;
  const expected = expectedAnswerTypes(asked.question, asked.lang);
  return !expected.size || answerTypeMatch(chunk.text, expected, new Set(terms.map((t) => t.word))) > 0;
}
