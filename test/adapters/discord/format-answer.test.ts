import { describe, expect, it } from 'vitest';
import { defang, formatAnswer, formatSourceEntry, formatProgress, splitProse, truncateAtWord } from '../../../src/adapters/discord/format-answer.js';
import type { Citation } from '../../../src/core/types.js';
import { makeAnswer } from '../../fakes/fake-assistant.js';
import { occurrences, phoneLines, QUOTES, twoSourceAnswer } from '../../fakes/two-source-answer.js';
import { sourceEntries } from '../../../src/core/answer/source-list.js';
import { loadMessages } from './harness.js';

const messages = loadMessages();
const options = { lang: 'en', maxQuestionChars: 1000 };

function citation(n: number, overrides: Partial<Citation> = {}): Citation {
  return {
    n,
    chunkId: `d${n}#0`,
    docId: `d${n}`,
    title: `Title ${n}`,
    source: `a/${n}.md`,
    quote: `Quote ${n}.`,
    date: '2024-01-02',
    lang: 'en',
    score: 1,
    ...overrides,
  };
}

describe('defanging mentions', () => {
  it('breaks @everyone, @here, role, user and nickname mentions', () => {
    const out = defang('@everyone @here @Everyone <@&123456789012345678> <@123456789012345678> <@!123456789012345678>');
    expect(out).not.toMatch(/@(everyone|here)\b/i);
    expect(out).not.toMatch(/<@[!&]?\d+>/);
  });

  it('leaves e-mail addresses, channel links and ordinary text readable', () => {
    expect(defang('write to team@soga.eu in <#123456789012345678>')).toBe('write to team@soga.eu in <#123456789012345678>');
  });
});

describe('cutting text at word boundaries', () => {
  it('keeps text that fits', () => {
    expect(truncateAtWord('short text', 20)).toBe('short text');
  });

  it('cuts between words and marks the cut', () => {
    const out = truncateAtWord('one two three four five', 12);
    expect(out).toBe('one two…');
    expect(out.length).toBeLessThanOrEqual(12);
  });

  it('never splits a surrogate pair', () => {
    const out = truncateAtWord('😀'.repeat(10), 5);
    expect(out).toBe('😀😀😀😀…');
  });
});

const entryOf = (c: Citation, text = 'An answer.') => sourceEntries(makeAnswer({ outcome: 'answered', text, citations: [c] }))[0];

describe('formatting sources', () => {
  it('gives each source one line: [n], title, date and the file, with no quote the answer already shows', () => {
    const text = formatSourceEntry(entryOf(citation(2, { quote: 'Quote 2.' }), 'Yes: « Quote 2. » [2]'), messages, 'fr');
    expect(text).toBe('**[2] Title 2** · article du 2 janvier 2024 · `2.md`');
  });

  it('shows a quote the answer does not hold (a paraphrase), a few lines of it', () => {
    const text = formatSourceEntry(entryOf(citation(2, { quote: 'l1\nl2\nl3\nl4\nl5' })), messages, 'fr');
    expect(text).toContain('> l1 l2 l3 l4 l5');
  });

  it('says "undated" when the article has no date and suppresses link previews of URL sources', () => {
    const text = formatSourceEntry(entryOf(citation(1, { date: null, source: 'https://soga.eu/a' })), messages, 'en');
    expect(text).toContain('· undated');
    expect(text).toContain('<https://soga.eu/a>');
  });

  it('defangs mentions hidden in a corpus title or quote', () => {
    const text = formatSourceEntry(entryOf(citation(1, { title: '@everyone news', quote: 'ping <@&123456789012345678>' })), messages, 'en');
    expect(text).not.toMatch(/@everyone|<@&\d+>/);
  });
});

describe('a two-source answer', () => {
  it.each(['en', 'de', 'fr'] as const)('(%s) fits one message, shows each quote once and labels French quotes for other languages', (lang) => {
    const parts = formatAnswer(twoSourceAnswer(lang), messages, { ...options, lang });
    expect(parts).toHaveLength(1);
    expect(parts[0].length).toBeLessThanOrEqual(1200);
    expect(phoneLines(parts[0])).toBeLessThanOrEqual(30);
    for (const quote of QUOTES) expect(occurrences(parts[0], quote)).toBe(1);
    expect(parts[0]).toContain('Sommet européen de l’économie sociale à Strasbourg');
    expect(parts[0]).not.toMatch(/[0-9a-f]{12}/);
    if (lang === 'fr') expect(parts[0]).not.toMatch(/cité en/);
    else expect(parts[0]).toContain(messages.t(lang, 'quotedIn', { language: lang === 'de' ? 'Französisch' : 'French' }));
  });
});

describe('formatting answers', () => {
  it('puts the answer first and the sources after a localised heading', () => {
    const parts = formatAnswer(makeAnswer({ outcome: 'answered', text: 'Yes [1].', citations: [citation(1)] }), messages, { ...options, lang: 'de' });
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatch(/^Yes \[1\]\.\n\n\*\*Quellen\*\*\n\*\*\[1\] Title 1\*\*/);
  });

  it('uses the catalog for outcomes that are not answers', () => {
    expect(formatAnswer(makeAnswer({ outcome: 'not_found' }), messages, { ...options, lang: 'it' })).toEqual([messages.t('it', 'notFound')]);
    expect(formatAnswer(makeAnswer({ outcome: 'question_too_long', question: 'x'.repeat(1200) }), messages, options)).toEqual([messages.t('en', 'tooLong', { length: 1200, max: 1000 })]);
  });

  it('splits a long answer under the limit without cutting a word or a source, heading kept with the first source', () => {
    const words = Array.from({ length: 1500 }, (_, i) => `w${i}`);
    const citations = Array.from({ length: 12 }, (_, i) => citation(i + 1, { quote: 'A quoted passage. '.repeat(15) }));
    const parts = formatAnswer(makeAnswer({ outcome: 'answered', text: words.join(' '), citations }), messages, options);
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
    expect(
      parts
        .join(' ')
        .split(/\s+/)
        .filter((w) => /^w\d+$/.test(w)),
    ).toEqual(words);
    for (let n = 1; n <= 12; n++) {
      const holding = parts.filter((p) => p.includes(`**[${n}] Title ${n}**`));
      expect(holding).toHaveLength(1);
      expect(holding[0]).toContain(`\`${n}.md\``);
    }
    const withHeading = parts.find((p) => p.includes('**Sources**'))!;
    expect(withHeading).toMatch(/\*\*Sources\*\*\n\*\*\[1\]/);
  });

  it('keeps line breaks inside a long paragraph', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `- item ${i}`);
    const parts = formatAnswer(makeAnswer({ outcome: 'answered', text: lines.join('\n') }), messages, options);
    expect(
      parts
        .join('\n')
        .split('\n')
        .filter((l) => l.startsWith('- item')),
    ).toEqual(lines);
  });
});

describe('splitting prose', () => {
  it('cuts a single token longer than a message only because nothing else is possible', () => {
    const blocks = splitProse('x'.repeat(4500), 2000);
    expect(blocks.map((b) => b.text.length)).toEqual([2000, 2000, 500]);
  });
});

describe('showing progress', () => {
  it('shows the text so far with a cursor, within the limit, defanged', () => {
    expect(formatProgress('Hello @everyone')).toBe('Hello @\u200beveryone ▌');
    expect(formatProgress('word '.repeat(1000)).length).toBeLessThanOrEqual(2000);
  });
});
