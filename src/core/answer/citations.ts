/**
 * Verification of generated answers: every [n] must name a passage that was given to the model, and
 * every quoted span must appear verbatim (after normalisation) in a cited passage. Markers that name
 * no passage are removed (repair); an invented quote or an answer with no valid citation is rejected
 * so the caller falls back to an extractive answer.
 */
import { normalizeText } from '../text/normalize.js';
import type { FusedHit } from '../types.js';

export interface Verification {
  ok: boolean;
  /** The answer with invalid markers removed. */
  text: string;
  /** Passage numbers (1-based) the answer cites, in order of first use. */
  used: number[];
  problems: string[];
}

const MARKER = /\[(\d+(?:\s*[,;]\s*\d+)*)\]/g;
const QUOTE = /[«“"„]\s*([^«»“”"„]{12,}?)\s*[»”"“]/g;

export function verifyCitations(answer: string, passages: FusedHit[]): Verification {
  const problems: string[] = [];
  const used: number[] = [];
  const text = answer
    .replace(MARKER, (_m, group: string) => {
      const numbers = group.split(/[,;]/).map((n) => Number(n.trim()));
      const valid = numbers.filter((n) => Number.isInteger(n) && n >= 1 && n <= passages.length);
      for (const n of numbers) if (!valid.includes(n)) problems.push(`[${n}] names no passage`);
      for (const n of valid) if (!used.includes(n)) used.push(n);
      return valid.length ? valid.map((n) => `[${n}]`).join('') : '';
    })
    .replace(/[ \t]+([.,;:!?])/g, '$1')
    .trim();
  if (!used.length) problems.push('no valid citation');
  // Spaces before punctuation don't count: French text has them (« L’objectif : … »), and the clean-up
  // above removes them from the answer, quotes included.
  const norm = (t: string) => normalizeText(t).replace(/ (?=[.,;:!?])/g, '');
  const cited = (used.length ? used : passages.map((_, i) => i + 1)).map((n) => norm(`${passages[n - 1].chunk.title}\n${passages[n - 1].chunk.text}`));
  const all = passages.map((p) => norm(`${p.chunk.title}\n${p.chunk.text}`));
  for (const match of text.matchAll(QUOTE)) {
    const span = norm(match[1]).replace(/[.…]+$/, '');
    if (!cited.some((p) => p.includes(span))) {
      problems.push(all.some((p) => p.includes(span)) ? `quote "${match[1]}" is from an uncited passage` : `quote "${match[1]}" is not in any passage`);
    }
  }
  const fatal = problems.some((p) => p.startsWith('quote') || p === 'no valid citation');
  return { ok: !fatal, text, used, problems };
}

/**
 * True when the answer repeats a run of eight or more words of the system prompt: the prompt is
 * never to be revealed, whatever the question asked for.
 */
export function leaksPrompt(answer: string, systemPrompt: string, run = 8): boolean {
  const words = (t: string) => normalizeText(t).match(/[\p{L}\p{N}]+/gu) ?? [];
  const prompt = words(systemPrompt);
  const grams = new Set<string>();
  for (let i = 0; i + run <= prompt.length; i++) grams.add(prompt.slice(i, i + run).join(' '));
  const a = words(answer);
  for (let i = 0; i + run <= a.length; i++) if (grams.has(a.slice(i, i + run).join(' '))) return true;
  return false;
}
