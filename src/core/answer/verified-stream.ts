/**
 * Streaming that shows only checked sentences. A small model on two cores takes 10–20 s to its first
 * token and several more per sentence, so a chat surface wants to show the answer as it comes; but a
 * sentence must not reach the member before its claims are checked (claims.ts). Each sentence is
 * therefore forwarded once it is complete — a closed JSON object of a structured reply, or a text
 * sentence once the next one has begun — and has passed the checks that need no other sentence:
 * its claims against the passages it cites, its language, its quotes, and not repeating the rules.
 * A sentence that fails is not shown; the ones after it still may be. The checked answer that ask()
 * returns replaces the preview (renumbered citations, or the extractive answer if the whole reply
 * failed), so the preview is never the last word.
 */
import type { FusedHit, LanguageCode } from '../types.js';
import type { AnswerType } from './answer-type.js';
import { leaksPrompt, verifyCitations } from './citations.js';
import { checkClaims, sentencesWithMarkers, type ClaimSentence } from './claims.js';
import { claimPassages } from './reply-check.js';
import { revealsSecret } from './stream-guard.js';
import { completedSentences, renderSentence } from './structured.js';

export interface VerifiedStreamOptions {
  forward: (text: string) => void;
  /** Whether the reply is JSON (answerSchema) or text with [n] markers. */
  structured: boolean;
  passages: FusedHit[];
  question: string;
  lang: LanguageCode;
  systemPrompt: string;
  givenText: string;
  signal?: AbortSignal;
  /**
   * What the question asks for (answer-type.ts). Checked sentences are held back until, together,
   * they give it: the whole reply is rejected without it, so a preview of "The phone number is
   * jeanne(at)…" for a question about a phone number would show a claim the member never gets.
   */
  expected?: Set<AnswerType>;
  /**
   * Whether the checked sentences so far (text, and the passages they cite) may be shown: ask()'s
   * as-informative rule, so that the preview is not an answer that will give way to the extractive one.
   * Like `expected`, once they pass, the sentences after them are shown as they come.
   */
  mayShow?: (text: string, passages: number[]) => boolean;
  /** The passages' words that are another language's, not the answer's (foreign-words.ts). */
  foreignWords?: ReadonlyMap<string, LanguageCode>;
  today?: Date;
}

export interface VerifiedStream {
  /** Feeds one generated token (passed as the chat model's onToken: it uses no `this`). */
  push: (token: string) => void;
  /** The reply is complete: its last sentence is judged too. */
  end(): void;
  /** What was forwarded so far. */
  readonly forwarded: string;
}

const NO_ANSWER = /NO_ANSWER/i;

export function createVerifiedStream(options: VerifiedStreamOptions): VerifiedStream {
  const claimed = claimPassages(options.passages);
  let raw = '';
  let judged = 0;
  let forwarded = '';
  let stopped = false;
  /** Sentences that passed their checks but do not yet give what the question asks for. */
  let held: ClaimSentence[] = [];
  let valueGiven = !options.expected?.size && !options.mayShow;

  function passes(sentence: ClaimSentence): boolean {
    const text = options.structured ? renderSentence(sentence) : sentence.text;
    if (leaksPrompt(text, options.systemPrompt, 8) || revealsSecret(text, options.systemPrompt, options.givenText)) return false;
    if (verifyCitations(text, options.passages).problems.some((p) => p.startsWith('quote'))) return false;
    return checkClaims({ sentences: [sentence], passages: claimed, question: options.question, lang: options.lang, foreignWords: options.foreignWords, today: options.today }).ok;
  }

  function judge(complete: ClaimSentence[]) {
    for (; judged < complete.length; judged++) {
      const sentence = complete[judged];
      if (!passes(sentence)) continue;
      held.push(sentence);
      // The same test as the whole reply's (claims.ts), on the checked sentences so far.
      if (!valueGiven) {
        valueGiven =
          checkClaims({ sentences: held, passages: claimed, question: options.question, lang: options.lang, expected: options.expected, foreignWords: options.foreignWords, today: options.today })
            .ok &&
          (options.mayShow?.(held.map((h) => (options.structured ? renderSentence(h) : h.text)).join(' '), [...new Set(held.flatMap((h) => h.passages))]) ?? true);
      }
      if (!valueGiven) continue;
      for (const shown of held) {
        const text = `${forwarded ? ' ' : ''}${options.structured ? renderSentence(shown) : shown.text}`;
        forwarded += text;
        options.forward(text);
      }
      held = [];
    }
  }

  const sentences = () => (options.structured ? completedSentences(raw) : sentencesWithMarkers(raw, options.lang));

  return {
    push(token: string) {
      if (stopped) return;
      raw += token;
      if (options.signal?.aborted || NO_ANSWER.test(raw) || leaksPrompt(raw, options.systemPrompt, 8)) {
        stopped = true;
        return;
      }
      // A text sentence is complete once the segmenter has started the next one.
      judge(options.structured ? sentences() : sentences().slice(0, -1));
    },
    end() {
      if (stopped || options.signal?.aborted) return;
      stopped = true;
      judge(sentences());
    },
    get forwarded() {
      return forwarded;
    },
  };
}
