/**
 * Stage 5 with a chat model: the passages go to the model as delimited data with their dates and
 * today's date; what it writes is checked (reply-check.ts: NO_ANSWER, the rules repeated, citations,
 * quoted spans, each sentence's claims against the passages it cites, the value the question asks
 * for, language) and any failure is a reason to fall back to the extractive answer, never an error.
 * With `output: 'json'` the model writes its sentences and the passages of each as JSON held to a
 * schema (structured.ts); streaming shows only sentences that passed their checks (verified-stream.ts).
 */
import { describeError, isSogaError } from '../errors.js';
import type { ChatMessage, ChatModel, LanguageDetector, Thesaurus } from '../ports.js';
import { deadline, fill, languageName } from '../text/template.js';
import type { AskContext, Citation, FusedHit, LanguageCode } from '../types.js';
import { expectedAnswerTypes } from './answer-type.js';
import { foreignPassageWords } from './foreign-words.js';
import type { RemovedSentence } from './claims.js';
import { relativeToToday } from './dates.js';
import { isInstructionLike } from './instructions.js';
import { coverage, weightedTopicTerms, type WeightedTerm } from './matching.js';
import { checkReply } from './reply-check.js';
import { splitSentences } from './sentences.js';
import { modelPassages, type ModelPassageOptions } from './model-passages.js';
import { answerSchema } from './structured.js';
import { createVerifiedStream } from './verified-stream.js';

export interface GenerateDeps {
  chat: ChatModel;
  detector: LanguageDetector;
  prompts: { system: string; answer: string; answerJson?: string };
  warn: (message: string) => void;
  llmTimeoutMs: number;
  /** 'json' asks for answerSchema with the answerJson template (text when there is none, or unset). */
  output?: 'json' | 'text';
  /** How many passages the model reads, each cut to how many characters (model-passages.ts); unset: all, whole. */
  passages?: ModelPassageOptions;
  /** Tells the passages' words that the answer's language does not write (foreign-words.ts); none: only letters and endings tell. */
  thesaurus?: Thesaurus | null;
}

/** `removed`: sentences the claim checks took out, with the reason (also when the whole reply failed). */
export type Generated =
  | { ok: true; text: string; citations: Citation[]; removed: RemovedSentence[] }
  /** notFound: the model said the passages do not answer (NO_ANSWER), which is a refusal, not a failure. */
  | { ok: false; reason: string; notFound?: boolean; removed: RemovedSentence[] };

export async function generateAnswer(
  deps: GenerateDeps,
  question: string,
  lang: LanguageCode,
  retrievedPassages: FusedHit[],
  terms: WeightedTerm[],
  langs: LanguageCode[],
  today: Date,
  context: AskContext,
  /** Whether a streaming surface may be shown these checked sentences yet (the as-informative rule): by the chunks they cite. */
  mayShow?: (text: string, chunkIds: string[]) => boolean,
): Promise<Generated> {
  const { chat, prompts } = deps;
  // From here on, "passages" are what the model read: its [n] and its claims refer to these.
  const passages = deps.passages ? modelPassages(retrievedPassages, terms, langs, deps.passages) : retrievedPassages;
  const system = fill(prompts.system, { language: languageName(lang), today: today.toISOString().slice(0, 10) });
  const block = passages
    .map((p, i) => {
      const when = p.chunk.date ? `${p.chunk.date} (${relativeToToday(p.chunk.date, today)})` : 'unknown';
      return `<passage n="${i + 1}" title="${p.chunk.title.replace(/"/g, "'")}" date="${when}" source="${p.chunk.source}">\n${p.chunk.text.replace(/<\/?passages?\b[^>]*>/gi, '')}\n</passage>`;
    })
    .join('\n');
  const asked = question.replace(/<\/?question>/gi, '');
  const structured = deps.output === 'json' && Boolean(prompts.answerJson);
  const template = structured ? prompts.answerJson! : prompts.answer;
  const chatMessages: ChatMessage[] = [
    { role: 'system', content: system },
    { role: 'user', content: fill(template, { passages: block, question: asked, language: languageName(lang) }) },
  ];
  const foreignWords = await foreignWordsOf(deps, passages, lang);
  const signal = deadline(deps.llmTimeoutMs, context.signal);
  // The answer template's own sentences count as rules too (a model may recite either).
  const instructions = `${system}\n${fill(template, { passages: '', question: '', language: languageName(lang) })}`;
  const given = `${block}\n${asked}`;
  // Streaming shows each sentence once it is complete and has passed its own checks; the checked
  // answer below replaces whatever was shown.
  const expected = expectedAnswerTypes(asked, lang);
  const stream =
    context.onToken &&
    createVerifiedStream({
      forward: context.onToken,
      structured,
      passages,
      question: asked,
      lang,
      systemPrompt: instructions,
      givenText: given,
      signal,
      expected,
      foreignWords,
      today,
      ...(mayShow
        ? {
            mayShow: (text: string, ns: number[]) =>
              mayShow(
                text,
                ns.map((n) => passages[n - 1].chunk.id),
              ),
          }
        : {}),
    });
  let raw: string;
  try {
    raw = await chat.generate(chatMessages, { signal, onToken: stream?.push, schema: structured ? answerSchema(passages.length) : undefined });
    stream?.end();
  } catch (error) {
    // The chat models say which it was by code; a bare abort (the caller's signal) is a timeout too.
    const reason = isSogaError(error, 'LLM_TIMEOUT') || signal.aborted ? 'LLM_TIMEOUT' : 'LLM_FAILED';
    deps.warn(`chat model failed (${reason}), answering extractively: ${describeError(error)}`);
    return { ok: false, reason, removed: [] };
  }
  const checked = checkReply({ raw, structured, passages, question: asked, lang, expected, detector: deps.detector, systemPrompt: instructions, givenText: given, foreignWords, today });
  if (!checked.ok) return checked;
  // Renumber to 1..m in order of use so the sources list has no gaps.
  const renumber = new Map(checked.used.map((n, i) => [n, i + 1]));
  const text = checked.text.replace(/\[(\d+)\]/g, (_m, n: string) => `[${renumber.get(Number(n))}]`);
  const citations = checked.used.map((n, i) => citationFor(passages[n - 1], i + 1, terms, langs, text));
  return { ok: true, text, citations, removed: checked.removed };
}

/** The passages' foreign words, or none when there is no thesaurus or it cannot be read (said to the operator). */
async function foreignWordsOf(deps: GenerateDeps, passages: FusedHit[], lang: LanguageCode): Promise<Map<string, LanguageCode>> {
  if (!deps.thesaurus) return new Map();
  try {
    return await foreignPassageWords(deps.thesaurus, passages, lang);
  } catch (error) {
    deps.warn(`the thesaurus could not tell the passages' foreign words; the mixed-language check reads letters and endings only: ${describeError(error)}`);
    return new Map();
  }
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
  return {
    n,
    chunkId: hit.chunk.id,
    docId: hit.chunk.docId,
    title: hit.chunk.title,
    source: hit.chunk.source,
    ...(hit.chunk.url ? { url: hit.chunk.url } : {}),
    quote: best,
    date: hit.chunk.date,
    lang: hit.chunk.lang,
    score: hit.score,
  };
}
