/**
 * The key that groups the names of one event (or one series) across articles and languages of
 * spelling: folded, without years, articles or the words every edition carries ("NEC ESS Europe
 * 2023" and "NEC ESS 2025" → "nec ess"). An acronym among the names is the key, being the name the
 * articles share most.
 */
import { normalizeText } from '../text/normalize.js';

const STOP = new Set([
  'de',
  'des',
  'du',
  'd',
  'l',
  'la',
  'le',
  'les',
  'of',
  'the',
  'for',
  'pour',
  'sur',
  'en',
  'et',
  'and',
  'on',
  'in',
  'a',
  'au',
  'aux',
  'europe',
  'european',
  'europeen',
  'europeenne',
  'edition',
]);

export function keyOf(name: string): string {
  return normalizeText(name)
    .replace(/(\D)((?:19|20)\d{2})\b/g, '$1 ')
    .replace(/\b(?:19|20)\d{2}\b/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !STOP.has(w))
    .join(' ');
}

export function eventKey(variants: string[]): string {
  const acronym = variants.find(isAcronymName);
  return keyOf(acronym ?? variants[0]);
}

/** "FNAF", "NEC ESS", "EUSES 2021", "NEC ESS Europe": capitals inside every word. */
function isAcronymName(name: string): boolean {
  const words = name
    .replace(/\b(?:19|20)\d{2}\b/g, '')
    .trim()
    .split(/\s+/);
  return words.length > 0 && words.length <= 3 && words.every((w) => /^[A-Z][A-Za-z]*[A-Z]/.test(w) || w === 'Europe') && words.some((w) => w !== 'Europe');
}
