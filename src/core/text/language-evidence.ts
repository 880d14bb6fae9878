/**
 * The words of a question that tell which language it is in. Members name SOGA's events and projects
 * by their English or French names ("Kto finansuje Social Tech Academy?", "O SOGA participou no Web
 * Summit?"): on a short question those names are most of the n-grams a language detector sees, and
 * an English "for" in "Tech for Good" votes as an English function word. What is left without them
 * ("Kto finansuje", "O participou no") is the member's own language.
 *
 * A name here is: a quoted span (a title); a word with a digit ("2025", "COP28"); an acronym ("SOGA",
 * "NEC"); an inner capital ("HelloAsso"); a capitalised word that is not the first of its sentence
 * and stands next to another such word ("Social Tech Academy"), English connectors included ("Tech
 * for Good"). A lone capitalised word is kept: it is as likely a German noun as a name.
 */
const QUOTED = /«[^«»]*»|“[^“”]*”|„[^„“”]*[“”]|"[^"]*"/g;
/** Words that join the parts of an English name ("Tech for Good", "Festival of Ideas"). */
const CONNECTORS = new Set(['for', 'of', 'and', 'the', '&']);
/** Fewer words than this left, and the names stay: a detector needs something to read. */
const MIN_WORDS = 2;

const core = (token: string) => token.replace(/^[^\p{L}\p{N}&]+|[^\p{L}\p{N}&]+$/gu, '');
const capitalised = (word: string) => /^\p{Lu}/u.test(word);
const alwaysName = (word: string) => /\d/.test(word) || (word.length > 1 && /\p{L}/u.test(word) && word === word.toUpperCase()) || /\p{Ll}\p{Lu}/u.test(word);

export function languageEvidence(text: string): string {
  const kept = ownWords(text);
  return kept.filter((w) => /\p{L}{2,}/u.test(w)).length >= MIN_WORDS ? kept.join(' ') : text;
}

/** The question's words that are not names (as above), with their punctuation. */
export function ownWords(text: string): string[] {
  // A quoted title becomes a sentence break, so that the word after it counts as a sentence's first.
  const tokens = text.replace(QUOTED, ' . ').match(/\S+/g) ?? [];
  const words = tokens.map(core);
  const initial: boolean[] = [];
  let first = true;
  for (const token of tokens) {
    initial.push(first || /^[¿¡]/.test(token));
    first = /[.?!:;]$/.test(token);
  }
  const nameLike = (i: number) => i >= 0 && i < words.length && !!words[i] && (alwaysName(words[i]) || (!initial[i] && capitalised(words[i])));
  const connector = (i: number) => i >= 0 && i < words.length && CONNECTORS.has(words[i].toLowerCase()) && !capitalised(words[i]);
  const isName = words.map((word, i) => {
    if (!word) return false;
    if (alwaysName(word)) return true;
    if (!capitalised(word) || initial[i]) return false;
    return nameLike(i - 1) || nameLike(i + 1) || (connector(i + 1) && nameLike(i + 2)) || (connector(i - 1) && nameLike(i - 2));
  });
  for (let i = 1; i < words.length - 1; i++) if (connector(i) && isName[i - 1] && isName[i + 1]) isName[i] = true;
  return tokens.filter((_, i) => !isName[i] && words[i] !== '');
}
