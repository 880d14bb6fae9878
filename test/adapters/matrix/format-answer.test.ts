import { describe, expect, it } from 'vitest';
import { Messages } from '../../../src/core/i18n.js';
import { defangRoomMentions, formatAnswer, formatNotice, sanitizeMatrixHtml, threadedNotice } from '../../../src/adapters/matrix/format-answer.js';
import { makeAnswer } from '../../fakes/fake-assistant.js';
import { occurrences, phoneLines, QUOTES, twoSourceAnswer } from '../../fakes/two-source-answer.js';
import en from '../../../prompts/locales/en.json' with { type: 'json' };
import fr from '../../../prompts/locales/fr.json' with { type: 'json' };
import de from '../../../prompts/locales/de.json' with { type: 'json' };

const messages = new Messages({ en, fr, de });

const citation = (n: number, overrides = {}) => ({
  n,
  chunkId: `doc${n}#0`,
  docId: `doc${n}`,
  title: `Title ${n}`,
  source: `corpus/doc${n}.md`,
  quote: `Quoted passage ${n}.`,
  date: '2025-11-25',
  lang: 'en',
  score: 0.5,
  ...overrides,
});

describe('an answer with citations', () => {
  const answer = makeAnswer({
    outcome: 'answered',
    text: 'The forum is on 25 November [1].\n\nIt is in Brussels [2].',
    language: 'en',
    citations: [citation(1), citation(2, { date: null, source: 'https://example.org/a?b=1&c=2' })],
  });
  const out = formatAnswer(answer, messages);

  it('puts the answer, then one line a source ([n], title, date, file or link) and a quote the answer does not show', () => {
    expect(out.body).toBe(
      'The forum is on 25 November [1].\n\nIt is in Brussels [2].\n\nSources:\n' +
        '[1] Title 1 — article of November 25, 2025 — doc1.md\n   « Quoted passage 1. »\n' +
        '[2] Title 2 — undated — https://example.org/a?b=1&c=2\n   « Quoted passage 2. »',
    );
  });

  it('renders the same as HTML: paragraphs, a list with the [n] written out, blockquotes, links for URLs only', () => {
    expect(out.format).toBe('org.matrix.custom.html');
    expect(out.formatted_body).toBe(
      '<p>The forum is on 25 November [1].</p><p>It is in Brussels [2].</p><p><strong>Sources</strong></p><ul>' +
        '<li>[1] <strong>Title 1</strong> — article of November 25, 2025 — <code>doc1.md</code><blockquote>Quoted passage 1.</blockquote></li>' +
        '<li>[2] <strong>Title 2</strong> — undated — <a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a><blockquote>Quoted passage 2.</blockquote></li></ul>',
    );
  });

  it('localises the labels in the answer language, and says an English quote is in English', () => {
    const french = formatAnswer({ ...answer, language: 'fr', citations: [citation(1)] }, messages);
    expect(french.body).toContain('Sources:\n[1] Title 1 — article du 25 novembre 2025 — cité en anglais — doc1.md');
  });

  it('keeps the [n] of each source when citations are not consecutive', () => {
    const gap = formatAnswer({ ...answer, citations: [citation(1), citation(3)] }, messages);
    expect(gap.formatted_body).toContain('<li>[3] <strong>Title 3</strong>');
    expect(gap.body).toContain('\n[3] Title 3');
  });

  it('shortens long quotes at a word boundary', () => {
    const long = formatAnswer({ ...answer, citations: [citation(1, { quote: 'word '.repeat(200) })] }, messages);
    const quote = /« (.*) »/.exec(long.body)![1];
    expect(quote.length).toBeLessThanOrEqual(301);
    expect(quote.endsWith('word…')).toBe(true);
  });
});

describe('a two-source answer', () => {
  it.each(['en', 'de', 'fr'] as const)('(%s) shows each quote once, fits a phone screen and labels French quotes for other languages', (lang) => {
    const out = formatAnswer(twoSourceAnswer(lang, { url: 'https://soga.eu/nec-ess-2025' }), messages);
    for (const text of [out.body, out.formatted_body]) {
      for (const quote of QUOTES) expect(occurrences(text, quote)).toBe(1);
      expect(text).not.toMatch(/[0-9a-f]{12}/);
    }
    expect(out.formatted_body).toContain('<a href="https://soga.eu/nec-ess-2025">');
    expect(phoneLines(out.body)).toBeLessThanOrEqual(30);
    if (lang !== 'fr') expect(out.body).toContain(lang === 'de' ? 'zitiert auf Französisch' : 'quoted in French');
    else expect(out.body).not.toContain('cité en');
  });
});

describe('an answer without citations', () => {
  it('is just the text, which the engine already localised', () => {
    const out = formatAnswer(makeAnswer({ text: "The SOGA articles don't say." }), messages);
    expect(out.body).toBe("The SOGA articles don't say.");
    expect(out.formatted_body).toBe("<p>The SOGA articles don't say.</p>");
  });
});

describe('untrusted text in answers', () => {
  it('escapes HTML from the model or the documents', () => {
    const out = formatAnswer(makeAnswer({ outcome: 'answered', text: '<script>alert(1)</script><img src=x onerror=alert(1)>', citations: [citation(1, { title: '<b onclick="x">T</b>' })] }), messages);
    expect(out.formatted_body).not.toMatch(/<script|<img|<[^>]*onclick|<b /);
    expect(out.formatted_body).toContain('&lt;script&gt;');
  });

  it('defangs @room (any case) in body and HTML so it notifies nobody', () => {
    const out = formatAnswer(makeAnswer({ text: 'Ping @room and @Room, not @roommate.', citations: [citation(1, { quote: 'tell @room' })] }), messages);
    for (const field of [out.body, out.formatted_body]) {
      expect(field).not.toMatch(/@room\b/i);
      expect(field).toContain('@\u200Droom');
    }
    expect(out.body).toContain('@roommate');
  });

  it('never produces a pill, even from a matrix.to source link', () => {
    const out = formatAnswer(makeAnswer({ outcome: 'answered', citations: [citation(1, { source: 'https://matrix.to/#/@room:example.org' })] }), messages);
    expect(out.formatted_body).not.toContain('<a ');
    expect(out.formatted_body).not.toMatch(/@room/i);
  });
});

describe('sanitising HTML to the Matrix allow-list', () => {
  it('keeps allowed tags and drops the rest, with their dangerous attributes', () => {
    expect(sanitizeMatrixHtml('<p onclick="x">a</p><iframe src="https://e.org"></iframe><code class="language-js evil">b</code>')).toBe('<p>a</p><code class="language-js">b</code>');
  });

  it('allows only mxc images and http(s)/mailto links', () => {
    expect(sanitizeMatrixHtml('<img src="https://e.org/x.png"><img src="mxc://s/m"><a href="javascript:alert(1)">j</a><a href="mailto:a@b.c">m</a>')).toBe(
      '<img /><img src="mxc://s/m" /><a>j</a><a href="mailto:a@b.c">m</a>',
    );
  });
});

describe('the messages the bot sends', () => {
  it('are threaded notices with the reply fallback and an empty m.mentions', () => {
    const content = threadedNotice(formatNotice('Done @room'), '$root', '$question');
    expect(content).toEqual({
      msgtype: 'm.notice',
      body: 'Done @\u200Droom',
      format: 'org.matrix.custom.html',
      formatted_body: '<p>Done @\u200Droom</p>',
      'm.mentions': {},
      'm.relates_to': { rel_type: 'm.thread', event_id: '$root', is_falling_back: true, 'm.in_reply_to': { event_id: '$question' } },
    });
  });

  it('defang leaves other text alone', () => {
    expect(defangRoomMentions('email room@example.org or @alice:room.org')).toBe('email room@example.org or @alice:room.org');
  });
});
