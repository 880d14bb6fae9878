/**
 * An Assistant for adapter tests. By default it refuses everything but empty questions the way the
 * engine does; pass an answer function to script answers, or `answerFromCorpus(corpus)` to answer from
 * the passages of a FakeCorpus by word overlap.
 */
import type { Assistant } from '../../src/core/assistant.js';
import type { Answer, AskContext, Citation, FusedHit } from '../../src/core/types.js';
import type { FakeCorpus } from './fake-corpus.js';

export type AnswerFn = (question: string, context: AskContext) => Answer | Promise<Answer>;

/** A complete Answer with plausible defaults; override what a test cares about. */
export function makeAnswer(overrides: Partial<Answer> = {}): Answer {
  const question = overrides.question ?? 'What is SOGA?';
  return {
    question,
    standaloneQuestion: question,
    language: 'en',
    outcome: 'not_found',
    text: "The SOGA articles don't say.",
    grounded: false,
    mode: 'none',
    citations: [],
    retrieved: [],
    timings: { languageMs: 1, condenseMs: 0, embedMs: 3, retrieveMs: 5, answerMs: 2, totalMs: 11 },
    models: { embedder: 'fake-embedder', chat: null },
    ...overrides,
  };
}

const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .match(/\p{L}{3,}|\d+/gu) ?? [],
  );

export function defaultAnswer(question: string, context: AskContext): Answer {
  const trimmed = question.trim();
  const language = context.locale?.slice(0, 2) || 'en';
  if (!trimmed) return makeAnswer({ question, language, outcome: 'empty_question', text: 'Please type a question.' });
  return makeAnswer({ question, language });
}

export function answerFromCorpus(corpus: FakeCorpus, minCoverage = 0.5): AnswerFn {
  return (question, context) => {
    const q = words(question);
    if (q.size === 0) return defaultAnswer(question, context);
    const hits: FusedHit[] = corpus
      .passages()
      .map((chunk) => {
        const p = words(chunk.text + ' ' + chunk.title);
        const covered = [...q].filter((w) => p.has(w)).length;
        return { chunk, score: covered / q.size, ranks: { lexical: 0 }, signals: { lexical: covered }, coverage: covered / q.size };
      })
      .filter((h) => h.score > 0)
      .sort((a, b) => b.score - a.score)
      .map((h, i) => ({ ...h, ranks: { lexical: i + 1 } }));
    const best = hits[0];
    const language = context.locale?.slice(0, 2) || 'en';
    if (!best || best.coverage < minCoverage) return makeAnswer({ question, language, retrieved: hits });
    const citation: Citation = {
      n: 1,
      chunkId: best.chunk.id,
      docId: best.chunk.docId,
      title: best.chunk.title,
      source: best.chunk.source,
      quote: best.chunk.text.slice(0, 200),
      date: best.chunk.date,
      lang: best.chunk.lang,
      score: best.score,
    };
    return makeAnswer({
      question,
      language,
      outcome: 'answered',
      mode: 'extractive',
      grounded: true,
      text: `${best.chunk.text} [1]`,
      citations: [citation],
      retrieved: hits,
    });
  };
}

export class FakeAssistant implements Assistant {
  readonly calls: { question: string; context: AskContext }[] = [];

  constructor(private readonly answerFn: AnswerFn = defaultAnswer) {}

  async ask(question: string, context: AskContext = {}): Promise<Answer> {
    this.calls.push({ question, context });
    return this.answerFn(question, context);
  }
}
