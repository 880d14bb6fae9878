/**
 * What a chat surface may show while the model is still writing. Streamed tokens (AskContext.onToken)
 * reach the member before the finished reply is checked, so without this a reply that recites the
 * system prompt, or says NO_ANSWER, would be on screen for a moment before the checked answer
 * replaces it. The guard forwards a token only once it cannot be the start of either:
 *
 * - nothing is forwarded until the reply has `holdChars` characters (a reply that starts with the
 *   rules or with NO_ANSWER is caught before anything is shown);
 * - the last `run - 1` words (and a word still being written) are always held back, so a run of `run`
 *   words copied from the rules is recognised before its first word is shown;
 * - forwarding stops for good at the first such run, at a word of the rules that looks like a secret
 *   (letters and digits mixed, as in a canary "CANARY-7f3a"), at NO_ANSWER, or when the caller's
 *   signal has fired (the caller has moved on to the extractive answer).
 *
 * Words that the passages or the question also contain, and function words, are not the rules' own:
 * a run must hold two words of the rules' own to count. Held-back text is never flushed: the checked
 * answer that ask() returns replaces the preview, so the tail costs nothing.
 */
import { indexStopwords } from '../text/analyzer.js';
import { normalizeText } from '../text/normalize.js';
import type { LanguageCode } from '../types.js';

export interface StreamGuardOptions {
  /** Where accepted text goes (the caller's onToken). */
  forward: (text: string) => void;
  /** The rules as the model was given them. */
  systemPrompt: string;
  /** The data the model was given (passages, question): words from there are not a leak. */
  givenText?: string;
  /** Language the rules are written in (for its function words); the shipped prompts are English. */
  rulesLanguage?: LanguageCode;
  /** Characters the reply must have before anything is shown. */
  holdChars?: number;
  /** Words in a row shared with the rules (and not with the data) that count as a leak. */
  run?: number;
  signal?: AbortSignal;
}

export interface StreamGuard {
  /** Feeds one generated token (pass it as the chat model's onToken: it uses no `this`). */
  push: (token: string) => void;
  /** Why forwarding stopped, or null while it goes on. */
  readonly stoppedBecause: string | null;
  /** What was forwarded so far. */
  readonly forwarded: string;
}

export const DEFAULT_HOLD_CHARS = 48;
export const DEFAULT_LEAK_RUN = 4;

const WORD = /[\p{L}\p{N}]+/gu;
const NO_ANSWER = /NO_ANSWER/i;

function normWords(text: string): string[] {
  return normalizeText(text).match(WORD) ?? [];
}

function grams(words: string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return out;
}

/**
 * Words of the rules that look like secrets (letters and digits mixed, at least 4 characters, as in
 * a canary "CANARY-7f3a") and that the data does not contain: no answer has a reason to write one.
 */
export function secretWords(systemPrompt: string, givenText = ''): Set<string> {
  const given = new Set(normWords(givenText));
  return new Set(normWords(systemPrompt).filter((w) => w.length >= 4 && /\p{L}/u.test(w) && /\p{N}/u.test(w) && !given.has(w)));
}

/** The first secret word of the rules (see secretWords) that `text` contains, or null. */
export function revealsSecret(text: string, systemPrompt: string, givenText = ''): string | null {
  const secrets = secretWords(systemPrompt, givenText);
  return normWords(text).find((w) => secrets.has(w)) ?? null;
}

export function createStreamGuard(options: StreamGuardOptions): StreamGuard {
  const run = Math.max(2, options.run ?? DEFAULT_LEAK_RUN);
  const holdChars = options.holdChars ?? DEFAULT_HOLD_CHARS;
  const given = normWords(options.givenText ?? '');
  const givenGrams = grams(given, run);
  const givenWords = new Set(given);
  const ruleWords = normWords(options.systemPrompt);
  // A run counts when two of its words are the rules' own: neither function words nor words of the
  // data. Otherwise an answer saying "by the Social Good Accelerator" (the rules name SOGA too) would
  // stop the stream of most answers about SOGA.
  const stops = indexStopwords(options.rulesLanguage ?? 'en');
  const own = (w: string) => !stops.has(w) && !givenWords.has(w);
  const leakGrams = new Set([...grams(ruleWords, run)].filter((g) => !givenGrams.has(g) && g.split(' ').filter(own).length >= 2));
  const secrets = secretWords(options.systemPrompt, options.givenText);

  let text = '';
  let sent = 0;
  let stopped: string | null = null;

  function check(words: string[]): string | null {
    if (NO_ANSWER.test(text)) return 'the reply says NO_ANSWER';
    for (const w of words) if (secrets.has(w)) return 'the reply contains a word of the rules';
    for (let i = 0; i + run <= words.length; i++) if (leakGrams.has(words.slice(i, i + run).join(' '))) return 'the reply repeats the rules';
    return null;
  }

  return {
    push(token: string) {
      if (stopped || !token) return;
      if (options.signal?.aborted) {
        stopped = 'the caller stopped waiting';
        return;
      }
      text += token;
      const matches = [...text.matchAll(WORD)];
      stopped = check(matches.map((m) => normalizeText(m[0])));
      if (stopped || text.length < holdChars) return;
      // Hold back the last run - 1 words (a word still being written among them).
      const held = run - 1;
      let end = matches.length > held ? matches[matches.length - held].index : 0;
      // And a tail that may be growing into NO_ANSWER, whatever `run` is.
      const marker = /NO(?:_(?:A(?:N(?:S(?:W(?:E(?:R)?)?)?)?)?)?)?$/i.exec(text);
      if (marker) end = Math.min(end, marker.index);
      if (end > sent) {
        options.forward(text.slice(sent, end));
        sent = end;
      }
    },
    get stoppedBecause() {
      return stopped;
    },
    get forwarded() {
      return text.slice(0, sent);
    },
  };
}
