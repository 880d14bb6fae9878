/**
 * An Answer as a Matrix message: a plain `body` and an HTML `formatted_body` with the answer (which
 * holds its quotes with their [n]), then one line a source ([n], title, date, link or file; see
 * core/answer/source-list).
 *
 * Everything here comes from documents or a model, so it is treated as untrusted: HTML is escaped, the
 * result is sanitised to the Matrix allow-list, `@room` is defanged, and nothing becomes a pill.
 */
import sanitizeHtml, { type Attributes, type Options as SanitizeOptions } from 'sanitize-html';
import { entryNotes, markers, sourceEntries } from '../../core/answer/source-list.js';
import type { Messages } from '../../core/i18n.js';
import type { Answer } from '../../core/types.js';

export interface MatrixText {
  body: string;
  format: 'org.matrix.custom.html';
  formatted_body: string;
}

/** Matrix events are capped at 65,536 bytes; keep the two text fields well under that together. */
const MAX_TEXT_CHARS = 12_000;
const MAX_QUOTE_CHARS = 300;

/**
 * `@room` notifies the whole room in clients that still match the body. A zero-width joiner after the `@`
 * keeps it readable but makes it match nothing. Case-insensitive because push rules are.
 */
export function defangRoomMentions(text: string): string {
  return text.replace(/@(room)\b/gi, '@\u200D$1');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Shortens at a word boundary and marks the cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max).replace(/\s+\S*$/, '');
  return `${cut || text.slice(0, max)}…`;
}

/** Plain text to HTML: escaped, paragraphs on blank lines, line breaks kept. */
export function textToHtml(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((para) => `<p>${escapeHtml(para.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** The tags and attributes the Matrix client-server spec allows in `formatted_body` (v1.x, m.room.message). */
const MATRIX_HTML: SanitizeOptions = {
  allowedTags: [
    'font',
    'del',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'p',
    'a',
    'ul',
    'ol',
    'sup',
    'sub',
    'li',
    'b',
    'i',
    'u',
    'strong',
    'em',
    's',
    'strike',
    'code',
    'hr',
    'br',
    'div',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'caption',
    'pre',
    'span',
    'img',
    'details',
    'summary',
  ],
  allowedAttributes: {
    font: ['data-mx-bg-color', 'data-mx-color', 'color'],
    span: ['data-mx-bg-color', 'data-mx-color', 'data-mx-spoiler'],
    a: ['href', 'target'],
    img: ['width', 'height', 'alt', 'title', 'src'],
    ol: ['start'],
    code: ['class'],
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ['https', 'http', 'ftp', 'mailto', 'magnet'],
  allowedSchemesByTag: { img: ['mxc'] },
  allowProtocolRelative: false,
  transformTags: {
    // A link to a Matrix user or room renders as a pill; our messages must not mention anyone.
    a: (tagName: string, attribs: Attributes) => (/^(https?:\/\/matrix\.to\/|matrix:)/i.test(attribs.href ?? '') ? { tagName: 'span', attribs: {} } : { tagName, attribs }),
  },
};

export function sanitizeMatrixHtml(html: string): string {
  return sanitizeHtml(html, MATRIX_HTML);
}

function sourceHtml(where: string): string {
  return /^https?:\/\//i.test(where) ? `<a href="${escapeHtml(where)}">${escapeHtml(where)}</a>` : `<code>${escapeHtml(where)}</code>`;
}

/** Builds the message fields from plain and HTML parts; defangs and sanitises both. */
export function matrixText(body: string, html: string): MatrixText {
  return {
    body: defangRoomMentions(truncate(body, MAX_TEXT_CHARS)),
    format: 'org.matrix.custom.html',
    formatted_body: sanitizeMatrixHtml(defangRoomMentions(html)),
  };
}

/** A short bot message (command results, refusals) in both forms. */
export function formatNotice(text: string): MatrixText {
  return matrixText(text, textToHtml(truncate(text, MAX_TEXT_CHARS)));
}

export function formatAnswer(answer: Answer, messages: Messages): MatrixText {
  const lang = answer.language;
  const text = truncate(answer.text.trim(), MAX_TEXT_CHARS / 2);
  if (answer.citations.length === 0) return matrixText(text, textToHtml(text));

  const plain: string[] = [];
  const html: string[] = [];
  for (const entry of sourceEntries(answer)) {
    const notes = entryNotes(entry, lang, messages);
    const where = entry.url ?? entry.file;
    // Only a quote the answer does not show already (a chat model's paraphrase) is repeated here.
    const quotes = entry.quotes.map((q) => truncate(q, MAX_QUOTE_CHARS));
    plain.push([`${markers(entry)} ${entry.title} — ${notes.join(' — ')}${where ? ` — ${where}` : ''}`, ...quotes.map((q) => `   « ${q} »`)].join('\n'));
    html.push(
      `<li>${escapeHtml(markers(entry))} <strong>${escapeHtml(entry.title)}</strong> — ${escapeHtml(notes.join(' — '))}${where ? ` — ${sourceHtml(where)}` : ''}` +
        `${quotes.map((q) => `<blockquote>${escapeHtml(q)}</blockquote>`).join('')}</li>`,
    );
  }
  // The [n] markers are written out: one article may carry two of them, and numbers need not be consecutive.
  const sources = messages.t(lang, 'sources');
  return matrixText(`${text}\n\n${sources}:\n${plain.join('\n')}`, `${textToHtml(text)}<p><strong>${escapeHtml(sources)}</strong></p><ul>${html.join('')}</ul>`);
}

/**
 * A bot message in the thread rooted at `root`, replying to `replyTo`: the fallback fields let clients
 * without thread support show it as a reply. `m.mentions: {}` declares that it notifies nobody.
 */
export function threadedNotice(text: MatrixText, root: string, replyTo: string): Record<string, unknown> {
  return {
    msgtype: 'm.notice',
    ...text,
    'm.mentions': {},
    'm.relates_to': { rel_type: 'm.thread', event_id: root, is_falling_back: true, 'm.in_reply_to': { event_id: replyTo } },
  };
}
