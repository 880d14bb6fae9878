/**
 * Everything a chat model's reply goes through before a member sees it, in one place: NO_ANSWER, the
 * rules repeated, the citations (markers name passages, quotes are verbatim), each sentence's claims
 * (claims.ts), the kind of value the question asks for, and the answer's language. A plain-text reply
 * and a structured (JSON) one go through the same checks; only how their sentences and citations are
 * read differs. The result says what was removed and why, so the answer log and `--json` can show it.
 */
import type { LanguageDetector } from '../ports.js';
import type { FusedHit, LanguageCode } from '../types.js';
import { checkAnswerLanguage } from './answer-language.js';
import type { AnswerType } from './answer-type.js';
import { leaksPrompt, verifyCitations } from './citations.js';
import { checkClaims, sentencesWithMarkers, type ClaimPassage, type ClaimSentence, type RemovedSentence } from './claims.js';
import { revealsSecret } from './stream-guard.js';
import { parseStructuredReply, renderSentence } from './structured.js';

export interface ReplyCheckInput {
  raw: string;
  /** Whether the model was asked for JSON (answerSchema); a reply that is not JSON is read as text. */
  structured: boolean;
  passages: FusedHit[];
  question: string;
  lang: LanguageCode;
  expected: Set<AnswerType>;
  detector: LanguageDetector;
  /** The rules as given (a reply repeating them is discarded). */
  systemPrompt: string;
  /** The passages and question as given (their words are not a leak). */
  givenText: string;
  /** The passages' words that are another language's, not the answer's (foreign-words.ts). */
  foreignWords?: ReadonlyMap<string, LanguageCode>;
  today?: Date;
}

export type ReplyCheck = { ok: true; text: string; used: number[]; removed: RemovedSentence[] } | { ok: false; reason: string; notFound?: boolean; removed: RemovedSentence[] };

const NO_ANSWER = /\bNO_ANSWER\b/;

export function claimPassages(passages: FusedHit[]): ClaimPassage[] {
  return passages.map((p, i) => ({ n: i + 1, title: p.chunk.title, text: p.chunk.text, date: p.chunk.date }));
}

export function checkReply(input: ReplyCheckInput): ReplyCheck {
  const { raw, passages, question, lang, systemPrompt, givenText } = input;
  const structured = input.structured ? parseStructuredReply(raw) : ({ kind: 'not_json' } as const);
  if (structured.kind === 'no_answer') return { ok: false, reason: 'model found no answer in the passages', notFound: true, removed: [] };
  if (structured.kind === 'not_json' && NO_ANSWER.test(raw) && raw.replace(NO_ANSWER, '').trim().length < 20) {
    return { ok: false, reason: 'model found no answer in the passages', notFound: true, removed: [] };
  }
  const written = structured.kind === 'answer' ? structured.sentences.map((s) => s.text).join(' ') : raw;
  if (leaksPrompt(written, systemPrompt)) return { ok: false, reason: 'answer repeated the system prompt', removed: [] };
  if (revealsSecret(written, systemPrompt, givenText)) return { ok: false, reason: 'answer repeated the system prompt (a secret-looking word of it)', removed: [] };

  let sentences: ClaimSentence[];
  if (structured.kind === 'answer') {
    sentences = structured.sentences;
    // Quotes must be verbatim in the passages each sentence cites: checked on the rendered sentences.
    for (const s of sentences) {
      const quotes = verifyCitations(renderSentence(s), passages);
      const bad = quotes.problems.filter((p) => p.startsWith('quote'));
      if (bad.length) return { ok: false, reason: `citation check failed: ${bad.join('; ')}`, removed: [] };
    }
  } else {
    const verification = verifyCitations(raw, passages);
    if (!verification.ok) return { ok: false, reason: `citation check failed: ${verification.problems.join('; ')}`, removed: [] };
    sentences = sentencesWithMarkers(verification.text, lang);
  }

  // The whole reply in another language is said as such (the claim checks would only see its sentences).
  const whole = checkAnswerLanguage(
    sentences.map((s) => s.text).join(' '),
    lang,
    input.detector,
    passages.map((p) => p.chunk.title),
  );
  if (!whole.ok) return { ok: false, reason: whole.reason, removed: [] };
  const claims = checkClaims({ sentences, passages: claimPassages(passages), question, lang, expected: input.expected, foreignWords: input.foreignWords, today: input.today });
  if (!claims.ok) return { ok: false, reason: claims.reason, removed: claims.removed };
  const text = claims.sentences.map((s) => (structured.kind === 'answer' ? renderSentence(s) : s.text)).join(' ');
  const language = checkAnswerLanguage(
    text,
    lang,
    input.detector,
    passages.map((p) => p.chunk.title),
  );
  if (!language.ok) return { ok: false, reason: language.reason, removed: claims.removed };
  const used: number[] = [];
  for (const s of claims.sentences) for (const n of s.passages) if (!used.includes(n)) used.push(n);
  return { ok: true, text, used, removed: claims.removed };
}
