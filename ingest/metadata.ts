/**
 * Metadata: the date an article talks about, where its text gives one ("du 25 au 27 novembre 2025",
 * "En février 2022", "le 17 novembre 2023", "May 27, 2021"). The first complete date wins, else the
 * first month and year, else a year that stands in a date-like phrase.
 */
import { normalizeText } from '../src/core/text/normalize.js';
import { MONTH_NUMBER } from '../src/core/text/months.js';

const MONTHS = MONTH_NUMBER;
const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;
const YEAR = '((?:19|20)\\d{2})';
const DAY = '(\\d{1,2})(?:er|st|nd|rd|th|º|°)?';

// "25 novembre 2025", "du 25 au 27 novembre 2025", "5 et 6 mai 2022"
const DAY_MONTH_YEAR = new RegExp(`\\b${DAY}(?:\\s*(?:au|et|-|–|to|and|a|al|bis|e|t/m)\\s*\\d{1,2}(?:er)?)?\\s+(?:de\\s+)?${MONTH}\\s+(?:de\\s+)?${YEAR}\\b`);
// "November 25, 2025"
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`);
// "février 2022"
const MONTH_YEAR = new RegExp(`\\b${MONTH}\\s+(?:de\\s+)?${YEAR}\\b`);
// "2020", "en 2021", "edition 2023" — weakest evidence
const LONE_YEAR = new RegExp(`\\b${YEAR}\\b`);

const pad = (n: number) => String(n).padStart(2, '0');

export function detectDate(text: string): string | null {
  const t = normalizeText(text);
  const candidates: { index: number; value: string; strength: number }[] = [];
  for (const m of t.matchAll(new RegExp(DAY_MONTH_YEAR, 'g'))) {
    candidates.push({ index: m.index, value: `${m[3]}-${pad(MONTHS[m[2]])}-${pad(Number(m[1]))}`, strength: 3 });
  }
  for (const m of t.matchAll(new RegExp(MONTH_DAY_YEAR, 'g'))) {
    candidates.push({ index: m.index, value: `${m[3]}-${pad(MONTHS[m[1]])}-${pad(Number(m[2]))}`, strength: 3 });
  }
  for (const m of t.matchAll(new RegExp(MONTH_YEAR, 'g'))) {
    candidates.push({ index: m.index, value: `${m[2]}-${pad(MONTHS[m[1]])}`, strength: 2 });
  }
  if (candidates.length) {
    // Prefer the strongest form among the dates stated early in the article.
    const early = candidates.filter((c) => c.index < Math.max(600, t.length / 3));
    const pool = early.length ? early : candidates;
    pool.sort((a, b) => b.strength - a.strength || a.index - b.index);
    return pool[0].value;
  }
  const year = LONE_YEAR.exec(t);
  return year ? year[1] : null;
}
