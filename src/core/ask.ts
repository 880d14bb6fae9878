/**
 * ask(): language → self-contained question → retrieve (vector + BM25 + n-grams, fused) → decide
 * answerability → answer (chat model, verified; or extractive) → cite. Platform-neutral: adapters
 * call it through the Assistant interface and format the typed Answer themselves.
 */
import { describeError } from './errors.js';
import type { Assistant } from './assistant.js';
import type { Messages } from './i18n.js';
import type { ChatMessage, ChatModel, ChunkStore, Clock, Embedder, LanguageDetector, Lexicon, TermStats } from './ports.js';
import { reciprocalRankFusion, type FusionWeights } from './retrieval/fuse.js';
import { searchableText } from './retrieval/passage-text.js';
import { coverage, weightedTopicTerms, type WeightedTerm } from './answer/matching.js';
import { renderExtractive, selectSentences } from './answer/extractive.js';
import { answerTypeMatch, expectedAnswerTypes, type AnswerType } from './answer/answer-type.js';
import { leaksPrompt, verifyCitations } from './answer/citations.js';
import { checkAnswerLanguage } from './answer/answer-language.js';
import { createStreamGuard, revealsSecret } from './answer/stream-guard.js';
import { splitSentences } from './answer/sentences.js';
import { isInstructionLike } from './answer/instructions.js';
import { articleDateLabel, relativeToToday } from './answer/dates.js';
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
  /** Bilingual dictionaries for questions in languages the articles are not written in (optional). */
  lexicon?: Lexicon | null;
}

export interface AskOptions {
  retrievalK: number;
  contextPassages: number;
  weights: FusionWeights;
  /** Weighted share of the question's topic words a passage must cover to be used. */
  minCoverage: number;
  /**
   * With a real embedding model: cosine from which a passage counts as relevant with less topic
   * coverage (half of minCoverage); it is never enough on its own, since an off-topic question's best
   * cosine can be as high as an answerable one's.
   */
  minVectorScore?: number;
  /** How the fused passages are reordered (defaults: DEFAULT_RERANK). */
  rerank?: RerankWeights;
  /**
   * With an embedding model: how close to the question (0–1, see `closeness` in retrieve()) the
   * passage that clears minCoverage must also be. 0 turns the check off; default 0.5.
   */
  minVectorAgreement?: number;
  maxQuestionChars: number;
  defaultLanguage: LanguageCode;
  llmTimeoutMs: number;
  /**
   * Whether questions are embedded at all (default true). Off for a model that showed no sense of
   * meaning in the start-up check: nothing would use its vector. Apart from the fusion weight, so that
   * SOGA_WEIGHT_VECTOR=0 keeps a trusted model's rerank and answerability gate.
   */
  embedQuestions?: boolean;
}

/**
 * Weights of the rerank of the fused passages: rank fusion (normalised to the best fused score), topic
 * coverage of title + section + passage, coverage of the passage's own text, and closeness to the
 * question in the embedding space (0 without an embedding model, so lexical-only ranking is unchanged).
 */
export interface RerankWeights {
  fusion: number;
  coverage: number;
  passageCoverage: number;
  vector: number;
  /**
   * Whether the passage holds the kind of thing asked for (a date for "when", a place for "where", a
   * name for "who": answer-type.ts). Passages of one article often cover the question's topic words
   * alike; this tells the one that answers from its neighbours. Absent: 0.
   */
  answerType?: number;
}

/**
 * The vector weight (measured with multilingual-e5-small: 0.4–1 rank the same on the development and a
 * held-out question set; 1.5 and more start to override clear lexical evidence) restores the cross-lingual
 * signal that coverage lacks: an English question shares few words with the French passage that answers it.
 */
export const DEFAULT_RERANK: RerankWeights = { fusion: 0.4, coverage: 0.3, passageCoverage: 0.3, vector: 0.6, answerType: 0.15 };
export const DEFAULT_MIN_VECTOR_AGREEMENT = 0.5;

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

interface Retrieved {
  hits: FusedHit[];
  terms: WeightedTerm[];
  langs: LanguageCode[];
  /** Cosine of each passage the vector search returned. */
  cosines: Map<string, number>;
  /** 0–1 closeness of a hit to the question in the embedding space; null without a vector list. */
  closeness: ((hit: FusedHit) => number) | null;
  /** Whether the question's vector ranked passages (false: no embedder, it failed, or the index holds no vectors of it). */
  embedded: boolean;
}

export function createAssistant(deps: AskDeps, options: AskOptions): Assistant {
  const { store, embedder, chat, detector, messages, prompts, clock } = deps;
  const lexicon = deps.lexicon ?? null;
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

  /** Set while the embedder fails, so an outage is reported once rather than on every question. */
  let embedderDown = false;

  async function embedQuery(text: string): Promise<Float32Array | undefined> {
    if (!embedder) return undefined;
    try {
      const [vector] = await embedder.embedQueries([text]);
      embedderDown = false;
      return vector;
    } catch (error) {
      // An endpoint that went down or a crashed worker must not cost the member an answer: BM25 and
      // n-grams still find most passages (the answer's models.embedder says the vector was missing).
      if (!embedderDown) warn(`embedding the question failed, answering with lexical retrieval (BM25) until it works again: ${describeError(error)}`);
      embedderDown = true;
      return undefined;
    }
  }

  /**
   * Dictionary translations of the question's topic words that the corpus never uses, into each other
   * language of the corpus. Words the corpus knows are left alone: they already match, and a
   * dictionary's other senses would only add noise.
   */
  async function translateUnknown(terms: WeightedTerm[], lang: LanguageCode, langs: LanguageCode[], stats: TermStats): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    const unknown = terms.filter((t) => stats.df(t.word) === 0).map((t) => t.word);
    if (!lexicon || !unknown.length) return out;
    for (const target of langs.filter((l) => l !== lang)) {
      const pair = `${lang}→${target}`;
      try {
        for (const [word, translated] of await lexicon.translate(unknown, lang, target)) out.set(word, [...(out.get(word) ?? []), ...translated]);
        lexiconDown.delete(pair);
      } catch (error) {
        // A broken dictionary file costs the cross-lingual matches, not the answer; said once per outage of each pair.
        if (!lexiconDown.has(pair)) warn(`the ${pair} dictionary could not be read, questions are matched without it: ${describeError(error)}`);
        lexiconDown.add(pair);
      }
    }
    return out;
  }
  const lexiconDown = new Set<string>();

  async function retrieve(text: string, lang: LanguageCode, timings: Timings): Promise<Retrieved> {
    const t0 = performance.now();
    // A model that failed the start-up check altogether is not asked at all.
    const vector = options.embedQuestions === false ? undefined : await embedQuery(text);
    timings.embedMs = performance.now() - t0;
    const t1 = performance.now();
    const langs = [...new Set([lang, ...(await store.corpusLanguages())])];
    const stats = await store.termStats();
    const untranslated = weightedTopicTerms(text, lang, langs, stats);
    const translations = await translateUnknown(untranslated, lang, langs, stats);
    // The translations join the query: BM25 then finds the French passage for "Mitglieder" ("membres").
    const query = translations.size ? `${text}\n${[...new Set([...translations.values()].flat())].join(' ')}` : text;
    const lists = await store.search({ text: query, vector, vectorModel: vector ? embedder?.modelId : undefined, k: options.retrievalK, analyzeAs: langs });
    // Only the head of the fused list is reranked, but each retriever's best passage always gets there:
    // a passage that only the vector model finds (a Spanish question, a French passage) would otherwise
    // lose the cut to passages that BM25 and n-grams both rank in the middle.
    const pool = Math.max(options.contextPassages * 4, 20);
    const leaders = new Set((['vector', 'lexical', 'ngram'] as const).filter((name) => options.weights[name]).map((name) => lists[name][0]?.chunk.id));
    const fused = reciprocalRankFusion(lists, options.weights).filter((h, i) => i < pool || leaders.has(h.chunk.id));
    const terms = translations.size ? weightedTopicTerms(text, lang, langs, stats, translations) : untranslated;
    const top = fused[0]?.score ?? 1;
    const body = new Map<string, number>();
    for (const hit of fused) {
      hit.coverage = coverage(terms, searchableText(hit.chunk), langs).coverage;
      body.set(hit.chunk.id, coverage(terms, hit.chunk.text, langs).coverage);
    }
    // Closeness: where a passage's cosine sits between the k-th vector hit (0) and the best (1). Raw
    // cosines of models like e5 crowd into a narrow band whose level varies from question to question
    // (best hit 0.74–0.91 with e5-small on the SOGA articles), so only their order within one question
    // means something. A passage the vector search did not return counts as 0; no vector list, no
    // closeness at all. (Read from the list itself: fusion drops the signals of a list weighted 0.)
    const cosines = new Map(lists.vector.map((h) => [h.chunk.id, h.score]));
    const best = lists.vector[0]?.score;
    const floor = lists.vector.at(-1)?.score;
    const closeness =
      best === undefined || floor === undefined
        ? null
        : (hit: FusedHit) => {
            const cosine = cosines.get(hit.chunk.id);
            return cosine === undefined ? 0 : best - floor > 1e-9 ? (cosine - floor) / (best - floor) : 1;
          };
    // Rerank: rank fusion says which passages the retrievers agree on; coverage says which passages
    // contain the question's topic words (across languages), the passage's own text apart from its
    // article title, which every passage of the article shares; closeness brings back what the
    // embedding model knows across languages, which word overlap cannot see.
    const w = options.rerank ?? DEFAULT_RERANK;
    const expected = w.answerType ? expectedAnswerTypes(text, lang) : new Set<AnswerType>();
    const known = new Set(terms.map((t) => t.word));
    const typed = (h: FusedHit) => (expected.size ? (w.answerType ?? 0) * answerTypeMatch(h.chunk.text, expected, known) : 0);
    const score = new Map(fused.map((h) => [h.chunk.id, w.fusion * (h.score / top) + w.coverage * h.coverage + w.passageCoverage * body.get(h.chunk.id)! + (closeness ? w.vector * closeness(h) : 0) + typed(h)]));
    fused.sort((a, b) => score.get(b.chunk.id)! - score.get(a.chunk.id)!);
    timings.retrieveMs = performance.now() - t1;
    // Used only if the store compared it: an index built by another model (or none) returns no vector list.
    return { hits: fused, terms, langs, cosines, closeness, embedded: lists.vector.length > 0 };
  }

  function citationFor(hit: FusedHit, n: number, terms: WeightedTerm[], langs: LanguageCode[], extraText = ''): Citation {
    // The quote shown under a generated answer is the passage's own words: never a planted instruction.
    const sentences = splitSentences(hit.chunk.text, hit.chunk.lang).filter((s) => !isInstructionLike(s));
    let best = sentences[0] ?? hit.chunk.title;
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
    // The answer template's own sentences count as rules too (a model may recite either).
    const instructions = `${system}\n${fill(prompts.answer, { passages: '', question: '', language: languageName(lang) })}`;
    const onToken = context.onToken && createStreamGuard({ forward: context.onToken, systemPrompt: instructions, givenText: `${block}\n${asked}`, signal }).push;
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
    if (revealsSecret(raw, system, `${block}\n${asked}`)) return { ok: false, reason: 'answer repeated the system prompt (a secret-looking word of it)' };
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

      const { hits, terms, langs, cosines, closeness, embedded } = await retrieve(standalone, lang, timings);
      const t2 = performance.now();
      const passages = hits.slice(0, options.contextPassages);
      // Answerable when one passage both covers the question's topic words and, with an embedding
      // model, is among the passages the model finds closest. Either signal alone is fooled: coverage
      // by near-cognates ("presidential" ~ "présidence"), cosine by anything on a neighbouring topic.
      // Without a model, coverage decides alone, as before.
      const minAgreement = options.minVectorAgreement ?? DEFAULT_MIN_VECTOR_AGREEMENT;
      const agrees = (h: FusedHit) => !closeness || closeness(h) >= minAgreement;
      // A high cosine lowers the coverage needed, never to nothing: the passage must share some of the topic.
      const vectorVouches = (h: FusedHit) => options.minVectorScore !== undefined && (cosines.get(h.chunk.id) ?? -1) >= options.minVectorScore && h.coverage >= options.minCoverage / 2;
      const answerable = passages.some((h) => (h.coverage >= options.minCoverage && agrees(h)) || vectorVouches(h));
      const result = { ...base, models: { ...base.models, embedder: embedded ? base.models.embedder : null }, standaloneQuestion: standalone, language: lang, retrieved: hits };
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

      // Extractive: quote the passages that clear the threshold, and that the model (when trusted) does
      // not place far from the question: the false friends the gate exists for must not be quoted either.
      const usable = passages.filter((h) => (h.coverage >= options.minCoverage * 0.8 && agrees(h)) || vectorVouches(h));
      const selection = selectSentences(usable.length ? usable : passages.slice(0, 1), terms, langs, expectedAnswerTypes(trimmed, lang));
      if (!selection.quotes.length) return notFound();
      const dateLabel = (date: string | null) => articleDateLabel(date, lang, (key, vars) => messages.t(lang, key, vars));
      const rendered = renderExtractive(messages.t(lang, 'leadIn'), selection, dateLabel);
      timings.answerMs = performance.now() - t2;
      return done({ ...result, outcome: 'answered', grounded: true, mode: 'extractive', text: rendered.text, citations: rendered.citations, fallbackReason });
    },
  };
}
