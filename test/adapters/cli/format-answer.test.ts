import { describe, expect, it } from 'vitest';
import { answerJson, formatAnswer } from '../../../src/adapters/cli/format-answer.js';
import { Messages } from '../../../src/core/i18n.js';
import { makeAnswer } from '../../fakes/fake-assistant.js';
import { occurrences, phoneLines, QUOTES, twoSourceAnswer } from '../../fakes/two-source-answer.js';
import en from '../../../prompts/locales/en.json' with { type: 'json' };
import fr from '../../../prompts/locales/fr.json' with { type: 'json' };
import de from '../../../prompts/locales/de.json' with { type: 'json' };

const messages = new Messages({ en, fr, de });

describe('a two-source answer in the terminal', () => {
  it.each(['en', 'de', 'fr'] as const)('(%s) shows each quote once, then one line a source with title and date, no hashed file name', (lang) => {
    const text = formatAnswer(twoSourceAnswer(lang), messages);
    for (const quote of QUOTES) expect(occurrences(text, quote)).toBe(1);
    expect(text).not.toMatch(/[0-9a-f]{12}/);
    expect(text).toContain(
      `[2] Sommet européen de l’économie sociale à Strasbourg — ${messages.t(lang, 'articleFrom', { date: lang === 'fr' ? '5 mai 2022' : lang === 'de' ? '5. Mai 2022' : 'May 5, 2022' })}`,
    );
    expect(phoneLines(text)).toBeLessThanOrEqual(30);
    if (lang === 'de') expect(text).toContain('zitiert auf Französisch');
  });

  it('gives the link when the article has one', () => {
    expect(formatAnswer(twoSourceAnswer('en', { url: 'https://soga.eu/nec' }), messages)).toMatch(/^\[1\] NEC ESS 2025 .* — https:\/\/soga\.eu\/nec$/m);
  });

  it('prints the quote under its source when the answer does not show it (a chat model’s paraphrase)', () => {
    const answer = { ...twoSourceAnswer('en'), text: 'It takes place in Brussels and Paris [1]; 2,000 people came to Strasbourg [2].', mode: 'generative' as const };
    const text = formatAnswer(answer, messages);
    for (const quote of QUOTES) expect(occurrences(text, quote)).toBe(1);
  });
});

describe('the JSON of an answer', () => {
  it('names the query searched beside the question', () => {
    const json = answerJson(makeAnswer({ question: 'And where?', standaloneQuestion: 'NEC ESS 2025 — where?' })) as Record<string, unknown>;
    expect(json.question).toBe('And where?');
    expect(json.query).toBe('NEC ESS 2025 — where?');
  });
});
