/**
 * Text normalisation shared by indexing, matching and evaluation, as the eval README defines it:
 * lower case, accents removed (NFKD, combining marks dropped), typographic apostrophes to ', NBSP to
 * space, runs of white space to one space.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /[\u2018\u2019\u02bc\u2032`´]/g;
const SPACES = /[\s\u00a0\u202f\u2007]+/g;

export function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').replace(APOSTROPHES, "'").toLowerCase().replace(SPACES, ' ').trim();
}

/**
 * Words of normalised text: letters and digits, split on everything else (elisions included:
 * l'ia → l, ia). A hyphenated compound also yields its joined form, so "co-financed" meets
 * "cofinancé" and "e-mail" meets "email" (not a range of numbers: "2024-2026" is two years).
 */
export function words(text: string): string[] {
  const normalized = normalizeText(text);
  const out: string[] = normalized.match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const compound of normalized.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu) ?? []) {
    // "2024-2026" is a range, not a word "20242026" that no passage would hold.
    if (!/^[\d-]+$/.test(compound)) out.push(compound.replace(/-/g, ''));
  }
  return out;
}

/** Character n-grams of each word padded with spaces, the cross-lingual matching unit. */
export function charNgrams(word: string, n = 3): string[] {
  const padded = ` ${word} `;
  if (padded.length <= n) return [padded];
  const out: string[] = [];
  for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
  return out;
}

/** Dice similarity of two words' trigram sets: 1 for equal words, about 0.5 for close cognates. */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (/^\d+$/.test(a) || /^\d+$/.test(b)) return 0;
  return Math.max(dice(a, b), dice(cognateKey(a), cognateKey(b)));
}

function dice(a: string, b: string): number {
  const ga = new Set(charNgrams(a));
  const gb = new Set(charNgrams(b));
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return (2 * shared) / (ga.size + gb.size);
}

/**
 * A spelling in which Romance and English cognates meet: the same Latin word is written "existent" /
 * "esistono", "action" / "ação" / "azione", "photo" / "foto", "communs" / "comuni". Accent-folded input.
 */
const cognateKeys = new Map<string, string>();

export function cognateKey(word: string): string {
  let key = cognateKeys.get(word);
  if (key === undefined) {
    // Memoised like the stems: matching compares the same passage words again on every question.
    if (cognateKeys.size >= 100_000) cognateKeys.clear();
    cognateKeys.set(word, (key = spellCognate(word)));
  }
  return key;
}

function spellCognate(word: string): string {
  return word
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/y/g, 'i')
    .replace(/k/g, 'c')
    .replace(/x/g, 's')
    .replace(/(?:zione|zioni|ciones|cione|cion|coes|cao|tions)$/, 'tion')
    .replace(/ct/g, 't')
    .replace(/([a-z])\1/g, '$1');
}

/** A four-digit year word ("2025"): written alike in every language. */
export function isYear(word: string): boolean {
  return /^(?:19|20)\d\d$/.test(word);
}

/** The years a text names ("2024-2026" names both). */
export function yearsIn(text: string): Set<string> {
  return new Set(text.match(/(?<!\d)(?:19|20)\d\d(?!\d)/g) ?? []);
}
