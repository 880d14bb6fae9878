/**
 * The words that qualify a number ("plus de 4 500", "près de 2 000", "more than 200", "über 70"): a
 * value stated without them says more than the article ("4 500" for "more than 4 500"). Read in the
 * languages the articles and members write; said in the member's language by the message catalogue
 * (`countMoreThan`, `countFewerThan`, `countAbout`, `countNearly` in prompts/locales).
 */
import { normalizeText } from './normalize.js';

export type Qualifier = 'more' | 'fewer' | 'about' | 'nearly';

/** Accent-folded, each at the end of the text before the number. */
const BEFORE: [Qualifier, RegExp][] = [
  ['more', /(?:^|[^\p{L}])(?:plus d['e]|more than|upwards of|mehr als|uber|mas de|piu di|oltre|mais de|meer dan|ruim|ponad|over|yli|vice nez|viac ako|peste|mes de)\s*$/u],
  ['fewer', /(?:^|[^\p{L}])(?:moins d['e]|less than|fewer than|under|weniger als|menos de|meno di|minder dan)\s*$/u],
  ['about', /(?:^|[^\p{L}])(?:environ|about|around|approximately|roughly|some|rund|etwa|ungefahr|ca\.|circa|alrededor de|aproximadamente|unos|unas|cerca de|ongeveer|zo'n|okolo|omkring|noin)\s*$/u],
  ['nearly', /(?:^|[^\p{L}])(?:pres d['e]|presque|quasi|nearly|almost|close to|fast|knapp|beinahe|casi|quase|bijna|prawie|nastan|lahes)\s*$/u],
];

/** The qualifier written just before a number, given the text that precedes it; null when there is none. */
export function qualifierBefore(preceding: string): Qualifier | null {
  const tail = normalizeText(preceding.slice(-30));
  for (const [qualifier, re] of BEFORE) if (re.test(tail)) return qualifier;
  return null;
}

/** The catalogue key that says a qualified value in the member's language ("more than {value}"). */
export const QUALIFIER_MESSAGE: Record<Qualifier, string> = { more: 'countMoreThan', fewer: 'countFewerThan', about: 'countAbout', nearly: 'countNearly' };
