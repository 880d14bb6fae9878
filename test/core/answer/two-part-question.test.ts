import { describe, expect, it } from 'vitest';
import { joinPartAnswers, twoPartQuestion } from '../../../src/core/answer/two-part-question.js';
import { Messages } from '../../../src/core/i18n.js';
import type { Answer, Citation } from '../../../src/core/types.js';
import en from '../../../prompts/locales/en.json' with { type: 'json' };
import de from '../../../prompts/locales/de.json' with { type: 'json' };

describe('twoPartQuestion() finds the two asks of a question', () => {
  it('splits where "and" opens a second ask, in the question’s language', () => {
    expect(twoPartQuestion('What is the Social Tech Atlas and how much does it cost?', 'en')).toEqual(['What is the Social Tech Atlas?', 'How much does it cost?']);
    expect(twoPartQuestion('Qu’est-ce que Coopedia et depuis quand existe-t-il ?', 'fr')).toEqual(['Qu’est-ce que Coopedia ?', 'Depuis quand existe-t-il ?']);
    expect(twoPartQuestion('Wer leitet UNIPSO, und wo hat es seinen Sitz?', 'de')).toEqual(['Wer leitet UNIPSO?', 'Wo hat es seinen Sitz?']);
    expect(twoPartQuestion('Co to jest Coopedia i kto ją prowadzi?', 'pl')).toEqual(['Co to jest Coopedia?', 'Kto ją prowadzi?']);
  });

  it('takes a preposition before the interrogative ("and in which year")', () => {
    expect(twoPartQuestion('Who runs the Social Tech Atlas and in which year did it start?', 'en')).toEqual(['Who runs the Social Tech Atlas?', 'In which year did it start?']);
  });

  it('leaves one ask of one topic whole', () => {
    expect(twoPartQuestion('When and where is the next Social Good Week?', 'en')).toBeNull();
    expect(twoPartQuestion('Who organised the Social Good Week and where?', 'en')).toBeNull();
    expect(twoPartQuestion('Which partners and members supported the forum?', 'en')).toBeNull();
    expect(twoPartQuestion('Quels sont les liens entre communs et coopératives ?', 'fr')).toBeNull();
    // A topic only the second ask writes is shared by both.
    expect(twoPartQuestion('How many visitors and how many stands did the Lyon Repair Fair have?', 'en')).toBeNull();
    expect(twoPartQuestion('In quale città e in che giorno si è svolta la fiera di Lione?', 'it')).toBeNull();
  });

  it('does not read the Italian verb "è" as "and"', () => {
    expect(twoPartQuestion('Il Social Tech Atlas è gratuito e chi lo gestisce?', 'it')).toEqual(['Il Social Tech Atlas è gratuito?', 'Chi lo gestisce?']);
  });

  it('knows no "and" of a language it was not told about', () => {
    expect(twoPartQuestion('What is it and how much?', 'xx')).toBeNull();
  });
});

function answer(grounded: boolean, text: string, citations: Partial<Citation>[] = []): Answer {
  return {
    question: '',
    standaloneQuestion: '',
    language: 'en',
    outcome: grounded ? 'answered' : 'not_found',
    text,
    grounded,
    mode: grounded ? 'extractive' : 'none',
    citations: citations as Citation[],
    retrieved: [],
    timings: { languageMs: 0, condenseMs: 0, embedMs: 0, retrieveMs: 0, answerMs: 0, totalMs: 0 },
    models: { embedder: null, chat: null },
  };
}

describe('joinPartAnswers() answers what the articles hold and says plainly what they do not', () => {
  const messages = new Messages({ en, de });

  it('keeps the answered part and names the other in the member’s words and language', () => {
    const joined = joinPartAnswers(
      [
        { ask: 'Was ist das Atlas-Projekt?', answer: answer(true, '« Une cartographie » [1]', [{ n: 1, chunkId: 'a', quote: 'Une cartographie' }]) },
        { ask: 'Wie viel kostet es?', answer: answer(false, de.notFound) },
      ],
      'de',
      messages,
    );
    expect(joined!.text).toBe(`« Une cartographie » [1]\n\n${de.partNotFound.replace('{part}', 'Wie viel kostet es?')}`);
    expect(joined!.citations).toEqual([{ n: 1, chunkId: 'a', quote: 'Une cartographie' }]);
  });

  it('puts the unanswered first part first, as the member asked', () => {
    const joined = joinPartAnswers(
      [
        { ask: 'Who pays for it?', answer: answer(false, en.notFound) },
        { ask: 'When did it start?', answer: answer(true, 'In short: 2021 [1].', [{ n: 1, chunkId: 'b', quote: 'en 2021' }]) },
      ],
      'en',
      messages,
    );
    expect(joined!.text.startsWith(en.partNotFound.replace('{part}', 'Who pays for it?'))).toBe(true);
    expect(joined!.text.endsWith('In short: 2021 [1].')).toBe(true);
  });

  it('numbers the second part’s citations after the first’s, a passage quoted by both keeping its number', () => {
    const joined = joinPartAnswers(
      [
        {
          ask: 'What is it?',
          answer: answer(true, '« A » [1] « B » [2]', [
            { n: 1, chunkId: 'a', quote: 'A' },
            { n: 2, chunkId: 'b', quote: 'B' },
          ]),
        },
        {
          ask: 'Who runs it?',
          answer: answer(true, 'In short: C [1]. « B » [2]', [
            { n: 1, chunkId: 'c', quote: 'C' },
            { n: 2, chunkId: 'b', quote: 'B' },
          ]),
        },
      ],
      'en',
      messages,
    );
    expect(joined!.text).toBe('« A » [1] « B » [2]\n\nIn short: C [3]. « B » [2]');
    expect(joined!.citations.map((c) => [c.n, c.chunkId])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    expect(joined!.direct).toBeUndefined();
  });

  it('leaves the refusal standing when neither part is answered', () => {
    expect(
      joinPartAnswers(
        [
          { ask: 'a b c?', answer: answer(false, en.notFound) },
          { ask: 'd e?', answer: answer(false, en.notFound) },
        ],
        'en',
        messages,
      ),
    ).toBeNull();
  });
});
