/**
 * ask(): language → self-contained question → retrieve (vector + BM25 + n-grams, fused) → decide
 * answerability → answer (chat model, verified; or extractive) → cite. Platform-neutral: adapters
 * call it through the Assistant interface and format the typed Answer themselves.
 */
import { describeError } from './errors.js';
import type { Assistant } from './assistant.js';
import type { Messages } from './i18n.js';
import type { ChatMessage, ChatModel, ChunkStore, Clock, Embedder, LanguageDetector } from './ports.js';
import { reciprocalRankFusion, type FusionWeights } from './retrieval/fuse.js';
import { coverage, weightedTopicTerms, type WeightedTerm } from './answer/matching.js';
import { renderExtractive, selectSentences } from './answer/extractive.js';
import { expectedAnswerTypes } from './answer/answer-type.js';
import { leaksPrompt, verifyCitations } from './answer/citations.js';
import { checkAnswerLanguage } from './answer/answer-language.js';
import { createStreamGuard } from './answer/stream-guard.js';
import { splitSentences } from './answer/sentences.js';
import { formatDocDate, relativeToToday } from './answer/dates.js';
import type { Answer, AskContext, ChatTurn, Citation, FusedHit, LanguageCode, Timings } from './types.js';

export interface PromptTemplates {
  system: string;
  answer: string;
  condense: string;
}

export interface AskDeps {
  store: ChunkStore;
  embedder: Embedder | null;
  chat: ChatModel | null;
  detector: LanguageDetector;
  messages: Messages;
  prompts: PromptTemplates;
  clock: Clock;
  /** Warnings for operators (stderr / logs), e.g. a chat model that failed. */
  warn?: (message: string) => void;
}

export interface AskOptions {
  retrievalK: number;
  contextPassages: number;
  weights: FusionWeights;
  /** Weighted share of the question's topic words a passage must cover to be used. */
  minCoverage: number;
  /** With a real embedding model: cosine above which a passage counts as relevant on its own. */
  minVectorScore?: number;
  maxQuestionChars: number;
  defaultLanguage: LanguageCode;
  llmTimeoutMs: number;
}

const NO_ANSWER = /\bNO_ANSWER\b/;

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (m, name: string) => vars[name] ?? m);
}

function languageName(lang: LanguageCode): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/** An AbortSignal that fires on the caller's signal or after `ms`. */
function deadline(ms: number, outer?: AbortSignal): AbortSignal {
  const timeout = AbortSignal.timeout(ms);
  return outer ? AbortSignal.any([outer, timeout]) : timeout;
}

export function createAssistant(deps: AskDeps, options: AskOptions): Assistant {
  const { store, embedder, chat, detector, messages, prompts, clock } = deps;
  const warn = deps.warn ?? (() => undefined);

  function pickLanguage(text: string, locale?: string): LanguageCode {
    const guess = detector.detect(text);
    const fromLocale = locale?.slice(0, 2).toLowerCase();
    if (guess.confidence < 0.25 && fromLocale) return fromLocale;
    return guess.confidence > 0 ? guess.lang : fromLocale ?? options.defaultLanguage;
  }

  async function condense(question: string, history: ChatTurn[], signal?: AbortSignal): Promise<string> {
    const earlier = history.filter((t) => t.role === 'user').map((t) => t.text);
    if (!earlier.length) return question;
    if (chat) {
      try {
        const transcript = history.slice(-6).map((t) => `${t.role === 'user' ? 'Member' : 'Assistant'}: ${t.text.slice(0, 600)}`).join('\n');
        const rewritten = await chat.generate(
          [{ role: 'user', content: fill(prompts.condense, { history: transcript, question }) }],
          { signal: deadline(Math.min(options.llmTimeoutMs, 8000), signal) },
        );
        const line = rewritten.trim().split('\n')[0]?.trim();
        if (line && line.length <= options.maxQuestionChars) return line;
      } catch (error) {
        warn(`condensing the follow-up failed, using the earlier question instead: ${describeError(error)}`);
      }
    }
    // Without a model: the earlier question supplies what the follow-up refers to.
    return `${earlier.at(-1)} ${question}`;
  }

  async function retrieve(text: string, lang: LanguageCode, timings: Timings): Promise<{ hits: FusedHit[]; terms: WeightedTerm[]; langs: LanguageCode[]; topVector: number }> {
    let vector: Float32Array | undefined;
    const t0 = performance.now();
    if (embedder) [vector] = await embedder.embedQueries([text]);
    timings.embedMs = performance.now() - t0;
    const t1 = performance.now();
    const langs = [...new Set([lang, ...(await store.corpusLanguages())])];
    const [lists, stats] = await Promise.all([store.search({ text, vector, vectorModel: embedder?.modelId, k: options.retrievalK, analyzeAs: langs }), store.termStats()]);
    const fused = reciprocalRankFusion(lists, options.weights).slice(0, Math.max(options.contextPassages * 4, 20));
    const terms = weightedTopicTerms(text, lang, langs, stats);
    const top = fused[0]?.score ?? 1;
    const body = new Map<string, number>();
    for (const hit of fused) {
      hit.coverage = coverage(terms, `${hit.chunk.title}\n${hit.chunk.section ?? ''}\n${hit.chunk.text}`, langs).coverage;
      body.set(hit.chunk.id, coverage(terms, hit.chunk.text, langs).coverage);
    }
    // Rerank: rank fusion says which passages the retrievers agree on; coverage says which passages
    // contain the question's topic words (across languages). The passage's own text counts apart from
    // its article title, which every passage of the article shares.
    const rerank = (h: FusedHit) => 0.4 * (h.score / top) + 0.3 * h.coverage + 0.3 * body.get(h.chunk.id)!;
    fused.sort((a, b) => rerank(b) - rerank(a));
    timings.retrieveMs = performance.now() - t1;
    return { hits: fused, terms, langs, topVector: lists.vector[0]?.score ?? -1 };
  }

  function citationFor(hit: FusedHit, n: number, terms: WeightedTerm[], langs: LanguageCode[], extraText = ''): Citation {
    const sentences = splitSentences(hit.chunk.text, hit.chunk.lang);
    let best = sentences[0] ?? hit.chunk.text;
    let bestScore = -1;
    for (const s of sentences) {
      const score = coverage(terms, s, langs).coverage + (extraText ? 0.5 * coverage(weightedTopicTerms(extraText, hit.chunk.lang, langs, null), s, langs).coverage : 0);
      if (score > bestScore) [best, bestScore] = [s, score];
    }
    return { n, chunkId: hit.chunk.id, docId: hit.chunk.docId, title: hit.chunk.title, source: hit.chunk.source, quote: best, date: hit.chunk.date, lang: hit.chunk.lang, score: hit.score };
  }

  async function generate(question: string, lang: LanguageCode, passages: FusedHit[], terms: WeightedTerm[], langs: LanguageCode[], context: AskContext): Promise<{ ok: true; text: string; citations: Citation[] } | { ok: false; reason: string; notFound?: boolean }> {
    const today = clock.now();
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
    const signal = deadline(options.llmTimeoutMs, context.signal);
    // Streamed tokens are shown before the reply is checked: the guard holds back what could be the
    // rules or NO_ANSWER (the checked answer below replaces whatever was shown).
    const onToken = context.onToken && createStreamGuard({ forward: context.onToken, systemPrompt: system, givenText: `${block}\n${asked}`, signal }).push;
    let raw: string;
    try {
      raw = await chat!.generate(chatMessages, { signal, onToken });
    } catch (error) {
      const reason = /abort|timeout/i.test(String((error as Error)?.name) + describeError(error)) ? 'LLM_TIMEOUT' : 'LLM_FAILED';
      warn(`chat model failed (${reason}), answering extractively: ${describeError(error)}`);
      return { ok: false, reason };
    }
    if (NO_ANSWER.test(raw) && raw.replace(NO_ANSWER, '').trim().length < 20) return { ok: false, reason: 'model found no answer in the passages', notFound: true };
    if (leaksPrompt(raw, prompts.system)) return { ok: false, reason: 'answer repeated the system prompt' };
    const verification = verifyCitations(raw, passages);
    if (!verification.ok) return { ok: false, reason: `citation check failed: ${verification.problems.join('; ')}` };
    const language = checkAnswerLanguage(verification.text, lang, detector, passages.map((p) => p.chunk.title));
    if (!language.ok) return { ok: false, reason: language.reason };
    // Renumber to 1..m in order of use so the sources list has no gaps.
    const renumber = new Map(verification.used.map((n, i) => [n, i + 1]));
    const text = verification.text.replace(/\[(\d+)\]/g, (_m, n: string) => `[${renumber.get(Number(n))}]`);
    const citations = verification.used.map((n, i) => citationFor(passages[n - 1], i + 1, terms, langs, text));
    return { ok: true, text, citations };
  }

  return {
    async ask(question: string, context: AskContext = {}): Promise<Answer> {
      const started = performance.now();
      const timings: Timings = { languageMs: 0, condenseMs: 0, embedMs: 0, retrieveMs: 0, answerMs: 0, totalMs: 0 };
      const trimmed = question.trim();
      const base = { question, standaloneQuestion: trimmed, grounded: false, citations: [] as Citation[], retrieved: [] as FusedHit[], models: { embedder: embedder?.modelId ?? null, chat: chat?.modelId ?? null } };
      const done = (answer: Omit<Answer, 'timings'>): Answer => ({ ...answer, timings: { ...timings, totalMs: performance.now() - started } });

      if (!trimmed) {
        const lang = context.locale?.slice(0, 2).toLowerCase() || options.defaultLanguage;
        return done({ ...base, language: lang, outcome: 'empty_question', mode: 'none', text: messages.t(lang, 'emptyQuestion') });
      }
      const t0 = performance.now();
      const lang = pickLanguage(trimmed.slice(0, 2000), context.locale);
      timings.languageMs = performance.now() - t0;
      if (trimmed.length > options.maxQuestionChars) {
        return done({ ...base, language: lang, outcome: 'question_too_long', mode: 'none', text: messages.t(lang, 'tooLong', { length: trimmed.length, max: options.maxQuestionChars }) });
      }

      const t1 = performance.now();
      const standalone = await condense(trimmed, context.history ?? [], context.signal);
      timings.condenseMs = performance.now() - t1;

      const { hits, terms, langs, topVector } = await retrieve(standalone, lang, timings);
      const t2 = performance.now();
      const passages = hits.slice(0, options.contextPassages);
      const bestCoverage = Math.max(0, ...passages.map((h) => h.coverage));
      const vectorSaysYes = options.minVectorScore !== undefined && topVector >= options.minVectorScore;
      const answerable = passages.length > 0 && (bestCoverage >= options.minCoverage || vectorSaysYes);
      const result = { ...base, standaloneQuestion: standalone, language: lang, retrieved: hits };
      const notFound = () => done({ ...result, outcome: 'not_found', mode: 'none', text: messages.t(lang, 'notFound') });
      if (!answerable) {
        timings.answerMs = performance.now() - t2;
        return notFound();
      }

      let fallbackReason: string | undefined;
      if (chat) {
        const generated = await generate(trimmed === standalone ? trimmed : standalone, lang, passages, terms, langs, context);
        if (generated.ok) {
          timings.answerMs = performance.now() - t2;
          return done({ ...result, outcome: 'answered', grounded: true, mode: 'generative', text: generated.text, citations: generated.citations });
        }
        if (generated.notFound) {
          timings.answerMs = performance.now() - t2;
          return notFound();
        }
        fallbackReason = generated.reason;
      }

      // Extractive: quote the passages that clear the threshold.
      const usable = passages.filter((h) => h.coverage >= options.minCoverage * 0.8 || vectorSaysYes);
      const selection = selectSentences(usable.length ? usable : passages.slice(0, 1), terms, langs, expectedAnswerTypes(trimmed, lang));
      if (!selection.quotes.length) return notFound();
      const dateLabel = (date: string | null) => messages.t(lang, 'articleFrom', { date: formatDocDate(date, lang) ?? messages.t(lang, 'undated') });
      const rendered = renderExtractive(messages.t(lang, 'leadIn'), selection, dateLabel);
      timings.answerMs = performance.now() - t2;
      return done({ ...result, outcome: 'answered', grounded: true, mode: 'extractive', text: rendered.text, citations: rendered.citations, fallbackReason });
    },
  };
}
