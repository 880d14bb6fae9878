/**
 * Dictionary forms of inflected and compound words, for looking a question's word up in a bilingual
 * dictionary whose headwords are infinitives and simple nouns. Snowball stems meet most inflections
 * ("Mitglieder" ~ "Mitglied"), but not the German and Dutch participles and past tenses, which change
 * inside the word ("vorgestellt" is "vorstellen", "meegewerkt" is "meewerken"), nor compounds, which
 * dictionaries list by their parts ("Kompetenzpakt" is "Kompetenz" + "Pakt").
 */
import type { LanguageCode } from '../types.js';

/** Separable verb particles, which come before the participle's "ge" ("vor|ge|stellt"). */
const PARTICLES: Partial<Record<LanguageCode, string>> = {
  de: 'ab|an|auf|aus|bei|dar|durch|ein|fest|her|hin|mit|nach|vor|vorbei|weg|weiter|wieder|zu|zuruck|zusammen',
  nl: 'aan|af|bij|door|in|mee|na|om|op|over|samen|terug|toe|uit|voor|weg',
};

/**
 * Infinitives a participle or past-tense form may come from, most likely first; empty for other
 * languages and other words. Over-generates on purpose: only forms a dictionary lists are used.
 */
export function infinitiveCandidates(word: string, lang: LanguageCode): string[] {
  const particles = PARTICLES[lang];
  if (!particles) return [];
  const out: string[] = [];
  const add = (form: string) => {
    if (form.length >= 4 && form !== word && !out.includes(form)) out.push(form);
  };
  if (lang === 'de') {
    // vor|ge|stell|t, ge|gründ|et, ver|öffentlich|t: the stem then "en"; -iert is -ieren.
    const participle = new RegExp(`^(${particles})?ge(.{2,}?)(?:et|t|en)$`).exec(word);
    if (participle) add(`${participle[1] ?? ''}${participle[2]}en`);
    const past = /^(.{3,}?)(?:ete|te|eten|ten|et|t)$/.exec(word);
    if (past) add(`${past[1]}en`);
    if (word.endsWith('iert')) add(`${word.slice(0, -1)}en`);
  } else {
    // mee|ge|werk|t, ge|organiseer|d, werk|te, open|de: the stem then "en"; a doubled vowel before the
    // last consonant is written single before "en" ("organiseer" → "organiseren").
    const stems: string[] = [];
    // The final d or t is the ending, or the stem's own ("op|ge|richt" of "oprichten").
    const participle = new RegExp(`^(${particles})?ge(.{2,}?)(d|t)$`).exec(word);
    if (participle) stems.push(`${participle[1] ?? ''}${participle[2]}`, `${participle[1] ?? ''}${participle[2]}${participle[3]}`);
    const past = /^(.{3,}?)(?:de|te|den|ten)$/.exec(word);
    if (past) stems.push(past[1]);
    for (const stem of stems) {
      add(`${stem.replace(/([aeou])\1([^aeiou])$/, '$1$2')}en`);
      add(`${stem}en`);
    }
  }
  return out;
}

/** Linking letters between the parts of a compound ("Arbeit|s|markt", "boek|en|kast"). */
const LINKS: Partial<Record<LanguageCode, string[]>> = {
  de: ['', 's', 'es', 'n', 'en', 'e', 'er'],
  nl: ['', 's', 'en', 'e'],
};
const MIN_PART = 4;

/**
 * The two words a German or Dutch compound is made of, both known to `known` (a dictionary's
 * headwords): the modifier first, the head last ("kompetenzpakt" → ["kompetenz", "pakt"]). Of
 * several splits, the one with the longest head. Null for other languages, short words and words
 * no split explains.
 */
export function splitCompound(word: string, lang: LanguageCode, known: (part: string) => boolean): [string, string] | null {
  const links = LINKS[lang];
  if (!links || word.length < 2 * MIN_PART) return null;
  for (let cut = MIN_PART; cut <= word.length - MIN_PART; cut++) {
    const head = word.slice(cut);
    if (!known(head)) continue;
    for (const link of links) {
      if (!word.slice(0, cut).endsWith(link)) continue;
      const modifier = word.slice(0, cut - link.length);
      if (modifier.length >= MIN_PART && known(modifier)) return [modifier, head];
    }
  }
  return null;
}
