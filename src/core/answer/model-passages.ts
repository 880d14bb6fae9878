/**
 * What of the retrieved passages a chat model reads. A small model on a CPU reads the prompt at
 * ~60 tokens/s per thread, and every passage it reads is one more it may borrow a wrong date from,
 * so it gets the first `count` passages, each cut to the run of its sentences that covers the
 * question's topic words best within `maxChars` (the whole passage when it is that short). The claim
 * checks then compare the answer with exactly the text the model read.
 */
import type { FusedHit, LanguageCode } from '../types.js';
import { coverage, type WeightedTerm } from './matching.js';
import { splitSentences } from './sentences.js';

export interface ModelPassageOptions {
  count: number;
  maxChars: number;
}

/** The window of consecutive sentences (at most maxChars, at least one sentence) with the best coverage. */
export function bestWindow(text: string, lang: LanguageCode, terms: WeightedTerm[], langs: LanguageCode[], maxChars: number): string {
  if (text.length <= maxChars) return text;
  const sentences = splitSentences(text, lang);
  let best = sentences[0] ?? text.slice(0, maxChars);
  let bestScore = -1;
  for (let i = 0; i < sentences.length; i++) {
    let window = sentences[i];
    for (let j = i + 1; j < sentences.length && window.length + 1 + sentences[j].length <= maxChars; j++) window = `${window} ${sentences[j]}`;
    // Equal coverage: the longer window (more context), then the earlier one.
    const score = coverage(terms, window, langs).coverage + window.length / (maxChars * 100);
    if (score > bestScore) [best, bestScore] = [window, score];
  }
  return best.length > maxChars * 1.5 ? best.slice(0, maxChars) : best;
}

export function modelPassages(passages: FusedHit[], terms: WeightedTerm[], langs: LanguageCode[], options: ModelPassageOptions): FusedHit[] {
  return passages.slice(0, Math.max(1, options.count)).map((hit) => {
    const text = bestWindow(hit.chunk.text, hit.chunk.lang, terms, langs, options.maxChars);
    return text === hit.chunk.text ? hit : { ...hit, chunk: { ...hit.chunk, text } };
  });
}
