/**
 * The answer log's search folding in PostgreSQL, the rule SQLite's FTS5 tokenizer applies
 * (unicode61, remove_diacritics 2): accents removed, case folded. Done here rather than by the server,
 * whose lower() folds only ASCII under the C locale, so rows and staff queries fold alike on any server.
 */

/**
 * The text's words, diacritics removed and lower-cased, one space between them ("Deuxième d’ÉTÉ" →
 * "deuxieme d ete"): words are runs of letters and digits, as for unicode61, so the server's parser
 * (which, under the C locale, takes any non-ASCII character for a letter, ’ included) splits them alike.
 */
export function foldSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Staff words as a tsquery in which every word is a prefix that must occur ("lyon hackath" →
 * "lyon:* & hackath:*"): only letters and digits reach it, so nothing can be read as tsquery syntax.
 * Null when the text has no word.
 */
export function prefixQuery(text: string): string | null {
  const words = foldSearchText(text).split(' ').filter(Boolean);
  if (!words.length) return null;
  return words
    .slice(0, 20)
    .map((w) => `${w}:*`)
    .join(' & ');
}
