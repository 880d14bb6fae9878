import { describe, expect, it } from 'vitest';
import { playgroundPage } from '../../../src/adapters/web/pages/playground.js';
import type { LogEntry } from '../../../src/core/answer-log.js';
import { Messages } from '../../../src/core/i18n.js';
import { occurrences, QUOTES, twoSourceAnswer } from '../../fakes/two-source-answer.js';
import en from '../../../prompts/locales/en.json' with { type: 'json' };
import fr from '../../../prompts/locales/fr.json' with { type: 'json' };

const messages = new Messages({ en, fr });

/** The answer as the answer log keeps it: what the playground shows. */
function logged(answer: ReturnType<typeof twoSourceAnswer>): LogEntry {
  return {
    id: 'e1',
    createdAt: '2026-12-06T04:00:00Z',
    surface: 'web',
    place: null,
    question: answer.question,
    lang: answer.language,
    outcome: answer.outcome,
    mode: answer.mode,
    grounded: answer.grounded,
    totalMs: 12,
    reviewStatus: 'unreviewed',
    thumbsUp: 0,
    thumbsDown: 0,
    answerFirstLine: answer.text.split('\n')[0],
    fallbackReason: null,
    followUp: false,
    freshness: { index: null, store: null },
    correctionId: null,
    asker: null,
    standaloneQuestion: answer.standaloneQuestion,
    answerText: answer.text,
    citations: answer.citations.map((c) => ({ ...c, url: c.url ?? null })),
    retrieved: [],
    timings: answer.timings,
    models: answer.models,
    feedback: [],
    reviewedBy: null,
    reviewedAt: null,
    correctedAnswer: null,
    correctedFacts: [],
    correctedAnswerable: null,
    removed: [],
  };
}

const page = (lang: 'en' | 'fr', answer: ReturnType<typeof twoSourceAnswer>) =>
  String(
    playgroundPage(
      { lang, theme: 'auto', t: (key, vars) => messages.t(lang, key, vars), path: '/playground', session: { user: 'staff', csrf: 'x' } },
      { turns: [logged(answer)], languages: ['en', 'fr'] },
    ),
  );

describe('the playground shows an answer as members see it', () => {
  it.each([
    ['en', 'en'],
    ['en', 'de'],
    ['fr', 'fr'],
  ] as const)('(staff %s, answer %s) each quote once, sources with title and date, no hashed file name', (staffLang, lang) => {
    const text = page(staffLang, twoSourceAnswer(lang));
    const unescaped = text.replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&');
    for (const quote of QUOTES) expect(occurrences(unescaped, quote)).toBe(1);
    expect(text).toContain('Sommet européen de l’économie sociale à Strasbourg');
    expect(text).not.toMatch(/[0-9a-f]{12}/);
    if (lang !== 'fr') expect(text).toContain('quoted in French');
  });
});
