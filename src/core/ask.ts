/**
 * ask(): a short composition of named stages, each in its own module —
 *   language (text/question-language) → self-contained question (conversation/condense) →
 *   retrieve: embed, translate, search, fuse, rerank (retrieval/retrieve) →
 *   answerable? (answer/answerability) → answer: chat model, checked (answer/generate), or
 *   extractive (answer/extractive-answer) → cited Answer.
 * Platform-neutral: adapters call it through the Assistant interface and format the typed Answer.
 */
import type { Assistant } from './assistant.js';
import type { Messages } from './i18n.js';
import type { ChatModel, ChunkStore, Clock, Embedder, EventStore, LanguageDetector, Lexicon, Thesaurus } from './ports.js';
import { answerFromEvents, answerNamedInPeriod, answerSeveralEvents, eventPassages, namedEventFor, namesAnEvent, namesLaterEdition, timeIntent, withPeriodYear } from './answer/event-answers.js';
import { groupEvents } from './events/group-events.js';
import type { FusionWeights } from './retrieval/fuse.js';
import type { RerankWeights } from './retrieval/rerank.js';
import { pickLanguage } from './text/question-language.js';
import { withoutPlantedInstructions } from './text/planted-instructions.js';
import { condenseFollowUp } from './conversation/condense.js';
import { askWeightedTerms, citedFirst, vouchedByTopic } from './conversation/topic-answerability.js';
import { createQueryEmbedder } from './retrieval/query-embedder.js';
import { createQueryTranslator } from './retrieval/query-translator.js';
import { retrieve } from './retrieval/retrieve.js';
import { judgeAnswerability } from './answer/answerability.js';
import { generateAnswer } from './answer/generate.js';
import { answerExtractively, type ExtractiveAnswer } from './answer/extractive-answer.js';
import { lessInformativeReason } from './answer/as-informative.js';
import { withExtractiveQuotes } from './answer/quoted-evidence.js';
import type { Answer, AskContext, Citation, FusedHit, LanguageCode, Timings } from './types.js';
import { joinPartAnswers, twoPartQuestion } from './answer/two-part-question.js';
import type { CorrectionStore } from './corrections/correction.js';
import { createCorrectionMatcher } from './corrections/match-correction.js';
import { correctionReply } from './corrections/correction-answer.js';

export type { RerankWeights };

export interface PromptTemplates {
  system: string;
  answer: string;
  condense: string;
  /** The user message when the model is asked for JSON (answerSchema): the same data, the JSON format and a worked example. */
  answerJson?: string;
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
  /** Thesauri: synonyms of a question's words that neither the articles nor the dictionaries give (optional). */
  thesaurus?: Thesaurus | null;
  /** The events index: "next event?" and "events in 2021?" are answered from it (optional). */
  events?: EventStore | null;
  /** Reviewed answers: a question that asks what one answers gets it instead of the engine's answer (optional). */
  corrections?: CorrectionStore | null;
}

/** Every value comes from the config schema (src/main/ask-options.ts), which holds the defaults. */
export interface AskOptions {
  retrievalK: number;
  contextPassages: number;
  weights: FusionWeights;
  rerank: RerankWeights;
  /** Weighted share of the question's topic words a passage must cover to be used. */
  minCoverage: number;
  /** See AnswerabilityOptions. */
  minVectorScore?: number;
  minVectorAgreement: number;
  maxQuestionChars: number;
  defaultLanguage: LanguageCode;
  llmTimeoutMs: number;
  /**
   * How the chat model is asked to write: 'json' (sentences and the passages of each as separate
   * fields, held to a schema; needs the answerJson template) or 'text' ([n] markers in prose).
   */
  llmOutput?: 'json' | 'text';
  /** Whether the model's NO_ANSWER refuses the question (true) or leaves it to the extractive answer (false, unset). */
  llmMayRefuse?: boolean;
  /** How many passages the chat model reads, each cut to how many characters (unset: the contextPassages, whole). */
  llmPassages?: { count: number; maxChars: number };
  /**
   * Whether questions are embedded at all. Off for a model that showed no sense of meaning in the
   * start-up check: nothing would use its vector. Apart from the fusion weight, so that
   * SOGA_WEIGHT_VECTOR=0 keeps a trusted model's rerank and answerability gate.
   */
  embedQuestions: boolean;
  /** How close a question must be to an approved one to get its reviewed answer (see corrections/match-correction.ts). */
  corrections?: { minOverlap: number; minCosine: number; useVectors: boolean };
}

export function createAssistant(deps: AskDeps, options: AskOptions): Assistant {
  const { store, embedder, chat, detector, messages, prompts, clock } = deps;
  const warn = deps.warn ?? (() => undefined);
  const retrieval = {
    store,
    queryEmbedder: createQueryEmbedder(embedder, warn),
    translator: createQueryTranslator(deps.lexicon ?? null, warn, deps.thesaurus ?? null),
    embedModelId: embedder?.modelId,
  };
  const condenseDeps = {
    chat,
    prompt: prompts.condense,
    warn,
    llmTimeoutMs: options.llmTimeoutMs,
    maxQuestionChars: options.maxQuestionChars,
    termStats: () => store.termStats(),
    ...(deps.events ? { events: () => deps.events!.listEvents() } : {}),
  };

  const corrections = deps.corrections ?? null;
  const correctionMatcher =
    corrections && options.corrections
      ? createCorrectionMatcher(
          {
            lexicon: deps.lexicon ?? null,
            termStats: () => store.termStats(),
            // Only a model that pairs translations may match questions by meaning (the start-up check).
            embed: options.corrections.useVectors ? (text) => retrieval.queryEmbedder.embed(text) : null,
            warn,
          },
          options.corrections,
        )
      : null;

  const events = deps.events;
  /**
   * A two-part question the articles do not answer whole, asked as its two parts (two-part-question.ts).
   * The second is made self-contained with the first as the conversation before it ("when was it
   * launched?" names the Social Tech Academy), then judged as a question of its own: a follow-up's
   * looser gate (a topic already found) would answer "what is its budget?" from the first part's passage.
   * Null when it is no two-part question or neither part is answered.
   */
  const answerInParts = async (standalone: string, lang: LanguageCode, context: AskContext): Promise<Omit<Answer, 'timings' | 'question' | 'standaloneQuestion' | 'language' | 'models'> | null> => {
    const split = twoPartQuestion(standalone, lang);
    if (!split) return null;
    // The question was made self-contained already; the parts are delivered together, not streamed;
    // a short part is read in the whole question's language.
    const partContext: AskContext = { ...context, history: [], locale: lang, onToken: undefined };
    const first = await assistant.ask(split[0], partContext);
    const second = await assistant.ask(
      (
        await condenseFollowUp(
          condenseDeps,
          split[1],
          [
            { role: 'user', text: split[0] },
            { role: 'assistant', text: first.text },
          ],
          lang,
          context.signal,
        )
      ).query,
      partContext,
    );
    const joined = joinPartAnswers(
      [
        { ask: split[0], answer: first },
        { ask: split[1], answer: second },
      ],
      lang,
      messages,
    );
    return joined && { ...joined, outcome: 'answered', grounded: true };
  };
  const assistant: Assistant = {
    ...(events
      ? {
          async upcomingEvents(context: AskContext = {}): Promise<Answer> {
            const started = performance.now();
            const asked = context.locale?.slice(0, 2).toLowerCase();
            const lang = asked && Intl.DateTimeFormat.supportedLocalesOf(asked).length ? asked : options.defaultLanguage;
            const now = context.now ?? clock.now();
            const all = groupEvents(await events.listEvents(), now.toISOString().slice(0, 10));
            const listed = answerFromEvents(all, { kind: 'next', question: '' }, lang, now, messages);
            const totalMs = performance.now() - started;
            const grounded = listed.outcome === 'answered';
            return {
              question: '/events',
              standaloneQuestion: '/events',
              language: lang,
              outcome: listed.outcome,
              text: listed.text,
              grounded,
              mode: grounded ? 'extractive' : 'none',
              citations: listed.citations,
              retrieved: [],
              models: { embedder: null, chat: null },
              timings: { languageMs: 0, condenseMs: 0, embedMs: 0, retrieveMs: 0, answerMs: totalMs, totalMs },
            };
          },
        }
      : {}),
    async ask(question: string, context: AskContext = {}): Promise<Answer> {
      const started = performance.now();
      const timings: Timings = { languageMs: 0, condenseMs: 0, embedMs: 0, retrieveMs: 0, answerMs: 0, totalMs: 0 };
      const trimmed = question.trim();
      const base = {
        question,
        standaloneQuestion: trimmed,
        grounded: false,
        citations: [] as Citation[],
        retrieved: [] as FusedHit[],
        models: { embedder: embedder?.modelId ?? null, chat: chat?.modelId ?? null },
      };
      const done = (answer: Omit<Answer, 'timings'>): Answer => ({ ...answer, timings: { ...timings, totalMs: performance.now() - started } });
      const lap = (since: number) => performance.now() - since;

      if (!trimmed) {
        const lang = context.locale?.slice(0, 2).toLowerCase() || options.defaultLanguage;
        return done({ ...base, language: lang, outcome: 'empty_question', mode: 'none', text: messages.t(lang, 'emptyQuestion') });
      }
      let t = performance.now();
      const lang = pickLanguage(detector, trimmed.slice(0, 2000), { locale: context.locale, history: context.history, defaultLanguage: options.defaultLanguage });
      timings.languageMs = lap(t);
      if (trimmed.length > options.maxQuestionChars) {
        return done({ ...base, language: lang, outcome: 'question_too_long', mode: 'none', text: messages.t(lang, 'tooLong', { length: trimmed.length, max: options.maxQuestionChars }) });
      }

      t = performance.now();
      // The question without what it tells the assistant to do (planted-instructions.ts).
      const condensed = await condenseFollowUp(condenseDeps, withoutPlantedInstructions(trimmed, lang), context.history ?? [], lang, context.signal);
      timings.condenseMs = lap(t);

      // A reviewed answer to the same question (in any language) comes before retrieval: a reviewer
      // fixed what the engine said, and the engine would say it again.
      if (corrections && correctionMatcher) {
        t = performance.now();
        const matched = await correctionMatcher.match(condensed.query, lang, await corrections.activeCorrections());
        if (matched) {
          const reply = correctionReply(matched.correction, lang, messages);
          timings.answerMs = lap(t);
          return done({
            ...base,
            standaloneQuestion: condensed.query,
            language: lang,
            outcome: 'correction',
            grounded: true,
            mode: 'reviewed',
            text: reply.text,
            citations: reply.citations,
            correctionId: matched.correction.id,
            models: { embedder: matched.by === 'model' ? base.models.embedder : null, chat: null },
          });
        }
      }

      const today = context.now ?? clock.now();
      // The events index, grouped once for the whole question (as of today).
      const indexed = deps.events ? groupEvents(await deps.events.listEvents(), today.toISOString().slice(0, 10)) : null;
      // "… NEC ESS letztes Jahr?" asking how many, who…: about the 2025 edition (event-answers.ts
      // withPeriodYear), for retrieval and every stage after it.
      const standalone = (indexed && withPeriodYear(indexed, condensed.query, lang, today)) || condensed.query;
      const retrieved = await retrieve(retrieval, options, standalone, lang, timings, condensed.priorSources);
      t = performance.now();
      const result = { ...base, models: { ...base.models, embedder: retrieved.embedded ? base.models.embedder : null }, standaloneQuestion: standalone, language: lang, retrieved: retrieved.hits };
      // "Next event?", "events in 2021?": the events index lists them; the passages stay in the answer
      // for review (the answer log shows what retrieval would have offered).
      // "Is NEC ESS this year?": that event's editions in the period, or its latest when none.
      const namedInPeriod = indexed ? answerNamedInPeriod(indexed, standalone, lang, today, messages) : null;
      if (namedInPeriod) {
        timings.answerMs = lap(t);
        return done({ ...result, outcome: 'answered', grounded: true, mode: 'extractive', text: namedInPeriod.text, citations: namedInPeriod.citations });
      }
      let intent = indexed ? timeIntent(standalone, lang, today) : null;
      // "What did SOGA members do at the FNAF 2021?" asks about one event, not for 2021's list; "the
      // next president of SOGA" is not about an event at all.
      if (intent?.kind === 'period' && indexed && namesAnEvent(indexed, standalone)) intent = null;
      if (intent && intent.kind !== 'period' && intent.named && indexed && !namesAnEvent(indexed, standalone)) intent = null;
      if (intent && indexed) {
        const listed = answerFromEvents(indexed, intent, lang, today, messages);
        timings.answerMs = lap(t);
        const grounded = listed.outcome === 'answered';
        return done({ ...result, outcome: listed.outcome, grounded, mode: grounded ? 'extractive' : 'none', text: listed.text, citations: listed.citations });
      }
      const passages = retrieved.hits.slice(0, options.contextPassages);
      const judged = judgeAnswerability(passages, retrieved, options, { ...retrieved, question: standalone, lang, corpusLangs: await store.corpusLanguages() });
      let { answerable, usable, loose } = judged;
      // A follow-up's topic, already found by the conversation, counts as matched (conversation/topic-answerability).
      // Also where only the looser reading (a rare name) found it answerable: the topic's passages, which
      // hold the kind of value asked, are the ones to quote ("DigitalEES — che cosa offre?" quoted another
      // project's passage of the same article).
      if ((!answerable || loose) && condensed.topic) {
        const vouched = vouchedByTopic(passages, retrieved.terms, retrieved.langs, { ...condensed.topic, lang, priorSources: condensed.priorSources });
        if (vouched.length) ({ answerable, usable, loose } = { answerable: true, usable: vouched, loose: false });
      }
      const notFound = (reason: string) => {
        timings.answerMs = lap(t);
        return done({ ...result, outcome: 'not_found', mode: 'none', text: messages.t(lang, 'notFound'), notFoundReason: reason });
      };
      // A question about when / where an event happened that the events index knows by name is
      // answered from it, even where the passages' words cover the question too little.
      const named = indexed ? namedEventFor(indexed, standalone, lang) : null;
      if (named === 'no-such-edition') return notFound('the events index knows no such edition of the event named');
      if (indexed && namesLaterEdition(indexed, standalone)) return notFound('the question names an edition later than every one the articles tell of');
      // Two events compared, or editions of a series: the events index lists each with its date. This
      // listing is the extractive answer, so also what a chat model's answer falls back to.
      const several = named && 'several' in named ? answerSeveralEvents(named.several, lang, today, messages) : null;
      if (several && !chat) {
        timings.answerMs = lap(t);
        return done({ ...result, outcome: 'answered', grounded: true, mode: 'extractive', text: several.text, citations: several.citations });
      }
      const event = named && !('several' in named) ? named : null;
      if (!answerable && !event && !several) {
        // "What is DigitalEES and when was it founded?": what the articles hold of it, and plainly what they do not.
        const inParts = await answerInParts(standalone, lang, context);
        if (inParts) {
          timings.answerMs = lap(t);
          return done({ ...result, ...inParts });
        }
        if (judged.missingHead) return notFound(`no passage on what the question names holds what it asks for (${judged.missingHead.join(' ')})`);
        return notFound('no passage covers enough of the question');
      }

      // A follow-up's topic is covered by the names it carries ("Parlez-moi d'IA — wanneer opgenomen?"):
      // the kind of value it asks for must then be in a passage on that topic, not just anywhere.
      const holders = condensed.dependent ? usable : passages;
      let extractiveMemo: ExtractiveAnswer | undefined;
      // What to quote for a follow-up is chosen by its ask more than by its topic (conversation/topic-answerability).
      const terms = condensed.topic ? askWeightedTerms(retrieved.terms, { ...condensed.topic, lang }) : retrieved.terms;
      // Exactly what the member gets without a chat model: a model's answer that is not delivered gives way to it.
      const extractiveAnswer = () =>
        (extractiveMemo ??= several
          ? { text: several.text, citations: several.citations, direct: null }
          : answerExtractively({
              messages,
              question: standalone,
              lang,
              usable: condensed.dependent ? citedFirst(usable, condensed.priorSources) : usable,
              passages: holders,
              terms,
              langs: retrieved.langs,
              today,
              event,
              statesValue: !loose,
            }));
      const lessInformativeThanExtractive = (text: string, chunkIds: string[]): string | null => {
        const extractive = extractiveAnswer();
        // The extractive path would refuse: there is nothing the model's answer could fall short of.
        if ('notFound' in extractive) return null;
        return lessInformativeReason({
          answer: text,
          direct: extractive.direct,
          question: standalone,
          lang,
          t: (l, key, vars) => messages.t(l, key, vars),
          passageTexts: [...passages, ...usable].map((p) => p.chunk.text),
          generatedChunkIds: chunkIds,
          extractiveFirstChunkId: extractive.citations[0]?.chunkId ?? null,
          extractiveQuotes: extractive.citations.map((c) => ({ text: c.quote, lang: c.lang })),
        });
      };
      let fallbackReason: string | undefined;
      let removed: Answer['removed'];
      if (chat) {
        // The events the question is about join the passages, with "past" / "upcoming" as of today.
        const facts = indexed ? eventPassages(indexed, standalone, lang, today) : [];
        const given = [...facts.filter((f) => !passages.some((p) => p.chunk.text.includes(f.chunk.text))), ...passages];
        const generated = await generateAnswer(
          { chat, detector, prompts, warn, llmTimeoutMs: options.llmTimeoutMs, output: options.llmOutput ?? 'text', passages: options.llmPassages, thesaurus: deps.thesaurus ?? null },
          standalone,
          lang,
          given,
          retrieved.terms,
          retrieved.langs,
          today,
          context,
          // A streaming surface is shown nothing that would give way to the extractive answer below.
          (text, chunkIds) => lessInformativeThanExtractive(text, chunkIds) === null,
        );
        // Never worse than no model: a checked answer that says less than the extractive one gives way to it.
        const lessInformative = generated.ok
          ? lessInformativeThanExtractive(
              generated.text,
              generated.citations.map((c) => c.chunkId),
            )
          : null;
        if (generated.ok && !lessInformative) {
          timings.answerMs = lap(t);
          const extractive = extractiveAnswer();
          // The articles' own sentences stay under the model's words (quoted-evidence.ts).
          const delivered = 'notFound' in extractive ? generated : withExtractiveQuotes(generated, extractive);
          return done({
            ...result,
            outcome: 'answered',
            grounded: true,
            mode: 'generative',
            text: delivered.text,
            modelText: generated.text,
            citations: delivered.citations,
            ...(generated.removed.length ? { removed: generated.removed } : {}),
          });
        }
        // The model's NO_ANSWER is a veto of the extractive answer only when configured: measured on
        // the dev questions it refused an answerable one and no unanswerable one (the answerability
        // gate had refused those already), so by default the member gets the extractive answer.
        if (!generated.ok && generated.notFound && options.llmMayRefuse) return notFound('the chat model found no answer in the passages');
        fallbackReason = generated.ok ? lessInformative! : generated.reason;
        if (generated.removed.length) removed = generated.removed;
      }

      const extractive = extractiveAnswer();
      if ('notFound' in extractive) {
        // "Qu'est-ce que Coopedia et combien coûte-t-il ?": no passage gives the price, one says what Coopedia is.
        const inParts = await answerInParts(standalone, lang, context);
        if (inParts) {
          timings.answerMs = lap(t);
          return done({ ...result, ...inParts, ...(fallbackReason ? { fallbackReason } : {}) });
        }
        return notFound(extractive.reason);
      }
      timings.answerMs = lap(t);
      return done({
        ...result,
        outcome: 'answered',
        grounded: true,
        mode: 'extractive',
        text: extractive.text,
        direct: extractive.direct ?? undefined,
        citations: extractive.citations,
        fallbackReason,
        ...(removed ? { removed } : {}),
      });
    },
  };
  return assistant;
}
