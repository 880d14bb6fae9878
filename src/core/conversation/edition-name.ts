/**
 * How the articles name one edition of a series. "Et pour l'édition 2025 ?" after "Qui a cofinancé le
 * NEC ESS Europe 2023 ?" asks about "NEC ESS 2025": the articles call the 2023 edition "NEC ESS Europe"
 * and the 2025 one "NEC ESS", so the old edition's qualifier kept in the query pulled the search back
 * to the 2023 article. The events index holds every name each edition goes by.
 */
import { keyOf } from '../events/event-key.js';
import type { EventRecord } from '../events/types.js';
import { normalizeText } from '../text/normalize.js';

const YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)/g;
const wordsOf = (text: string) =>
  normalizeText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * `name` (without a year) as the articles name the edition of `year`: the longest of that edition's
 * names made only of `name`'s words, when the articles never write `name` itself for it; else undefined.
 */
export function editionNamer(records: readonly EventRecord[]): (name: string, year: string) => string | undefined {
  return (name, year) => {
    const key = keyOf(name);
    if (!key) return undefined;
    const variants = records
      .filter((r) => r.key === key && r.start.startsWith(year))
      .flatMap((r) => r.variants)
      .filter((v) => [...v.matchAll(YEAR)].every((m) => m[0] === year))
      .map((v) => v.replace(YEAR, ' ').replace(/\s+/g, ' ').trim());
    const own = wordsOf(name);
    if (!variants.length || variants.some((v) => wordsOf(v).join(' ') === own.join(' '))) return undefined;
    const kept = new Set(own);
    return variants.filter((v) => wordsOf(v).length && wordsOf(v).every((w) => kept.has(w))).sort((a, b) => b.length - a.length)[0];
  };
}
