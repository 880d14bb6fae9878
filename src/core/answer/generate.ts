/**
 * Stage 5 with a chat model: the passages go to the model as delimited data with their dates and
 * today's date; what it writes is checked (NO_ANSWER, the rules repeated, citations, quoted spans,
 * language) and any failure is a reason to fall back to the extractive answer, never an error.
 */
import { describeError, isSogaError } from '../errors.js';
import type { ChatMessage, ChatModel, LanguageDetector } from '../ports.js';
import { deadline, fill, languageName } from '../text/template.js';
import type { AskContext, Citation, FusedHit, LanguageCode } from '../types.js';
import { checkAnswerLanguage } from './answer-language.js';
import { leaksPrompt, verifyCitations } from './citations.js';
import { relativeToToday } from './dates.js';
import { isInstructionLike } from './instructions.js';
import { coverage, weightedTopicTerms, type WeightedTerm } from './matching.js';
import { splitSentences } from './sentences.js';
import { createStreamGuard, revealsSecret } from './stream-guard.js';

export interface GenerateDeps {
  chat: ChatModel;
  detector: LanguageDetector;
  prompts: { system: string; answer: string };
  warn: (message: string) => void;
  llmTimeoutMs: number;
}

export type Generated =
  | { ok: true; text: string; citations: Citation[] }
  /** notFound: the model said the passages do not answer (NO_ANSWER), which is a refusal, not a failure. */
  | { ok: false; reason: string; notFound?: boolean };

const NO_ANSWER = /\bNO_ANSWER\b/;

export async function generateAnswer(
  deps: GenerateDeps,
  question: string,
  lang: LanguageCode,
  passages: FusedHit[],
  terms: WeightedTerm[],
  langs: LanguageCode[],
  today: Date,
  context: AskContext,
): Promise<Generated> {
  const { chat, prompts } = deps;
  const system = fill(prompts.system, { language: languageName(lang), today: today.toISOString().slice(0, 10) });
  const block = passages
    .map((p, i) => {
      const when = p.chunk.date ? `${p.chunk.date} (${relativeToToday(p.chunk.date, today)})` : 'unknown';
      return `<passage n="${i + 1}" title="${p.chunk.title.replace(/"/g, "'")}" date="${when}" source="${p.chunk.source}">\n${p.chunk.text.replace(/<\/?passages?\b[^>]*>/gi, '')}\n</passage>`;
    })
    .join('\n');
  const asked = question.replace(/<\/?question>/gi, '');
  const chatMessages: ChatMessage[] = [
    { role: 'system', content: system },
    { role: 'user', content: fill(prompts.answer, { passages: block, question: asked, language: languageName(lang) }) },
  ];
  const signal = deadline(deps.llmTimeoutMs, context.signal);
  // Streamed tokens are shown before the reply is checked: the guard holds back what could be the
  // rules or NO_ANSWER (the checked answer below replaces whatever was shown).
  // The answer template's own sentences count as rules too (a model may recite either).
  const instructions = `${system}\n${fill(prompts.answer, { passages: '', question: '', language: languageName(lang) })}`;
  const onToken = context.onToken && createStreamGuard({ forward: context.onToken, systemPrompt: instructions, givenText: `${block}\n${asked}`, signal }).push;
  let raw: string;
  try {
    raw = await chat.generate(chatMessages, { signal, onToken });
  } catch (error) {
    // The chat models say which it was by code; a bare abort (the caller's signal) is a timeout too.
    const reason = isSogaError(error, 'LLM_TIMEOUT') || signal.aborted ? 'LLM_TIMEOUT' : 'LLM_FAILED';
    deps.warn(`chat model failed (${reason}), answering extractively: ${describeError(error)}`);
    return { ok: false, reason };
  }
  if (NO_ANSWER.test(raw) && raw.replace(NO_ANSWER, '').trim().length < 20) return { ok: false, reason: 'model found no answer in the passages', notFound: true };
  if (leaksPrompt(raw, prompts.system)) return { ok: false, reason: 'answer repeated the system prompt' };
  if (revealsSecret(raw, system, `${block}\n${asked}`)) return { ok: false, reason: 'answer repeated the system prompt (a secret-looking word of it)' };
  const verification = verifyCitations(raw, passages);
  if (!verification.ok) return { ok: false, reason: `citation check failed: ${verification.problems.join('; ')}` };
  const language = checkAnswerLanguage(verification.text, lang, deps.detector, passages.map((p) => p.chunk.title));
  if (!language.ok) return { ok: false, reason: language.reason };
  // Renumber to 1..m in order of use so the sources list has no gaps.
  const renumber = new Map(verification.used.map((n, i) => [n, i + 1]));
  const text = verification.text.replace(/\[(\d+)\]/g, (_m, n: string) => `[${renumber.get(Number(n))}]`);
  const citations = verification.used.map((n, i) => citationFor(passages[n - 1], i + 1, terms, langs, text));
  return { ok: true, text, citations };
}

/** The quote shown under a generated answer: the passage's own sentence closest to the question and the answer, never a planted instruction. */
export function citationFor(hit: FusedHit, n: number, terms: WeightedTerm[], langs: LanguageCode[], extraText = ''): Citation {
  const sentences = splitSentences(hit.chunk.text, hit.chunk.lang).filter((s) => !isInstructionLike(s));
  let best = sentences[0] ?? hit.chunk.title;
  let bestScore = -1;
  for (const s of sentences) {
    const score = coverage(terms, s, langs).coverage + (extraText ? 0.5 * coverage(weightedTopicTerms(extraText, hit.chunk.lang, langs, null), s, langs).coverage : 0);
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  return { n, chunkId: hit.chunk.id, docId: hit.chunk.docId, title: hit.chunk.title, source: hit.chunk.source, ...(hit.chunk.url ? { url: hit.chunk.url } : {}), quote: best, date: hit.chunk.date, lang: hit.chunk.lang, score: hit.score };
}
