/**
 * The reply that delivers a reviewed answer: it says it is one and when it was reviewed, gives the
 * reviewer's text as written (in its own language, said so when it is not the member's: no machine
 * translation), and cites the passages the reviewer chose.
 */
import type { Messages } from '../i18n.js';
import { formatDocDate } from '../answer/dates.js';
import { languageNameIn } from '../answer/source-list.js';
import type { Citation, LanguageCode } from '../types.js';
import type { Correction } from './correction.js';

export function correctionReply(correction: Correction, lang: LanguageCode, messages: Messages): { text: string; citations: Citation[] } {
  const date = formatDocDate(correction.reviewedAt.slice(0, 10), lang) ?? correction.reviewedAt.slice(0, 10);
  const citations: Citation[] = correction.sources.map((s, i) => ({
    n: i + 1,
    chunkId: s.chunkId,
    docId: s.docId,
    title: s.title,
    source: s.source,
    ...(s.url ? { url: s.url } : {}),
    quote: s.quote,
    date: s.date,
    lang: s.lang,
    score: 1,
  }));
  const lines = [messages.t(lang, 'correctionLead', { date })];
  if (correction.lang !== lang) lines.push(messages.t(lang, 'correctionInLanguage', { language: languageNameIn(correction.lang, lang) }));
  const markers = citations.length ? ` ${citations.map((c) => `[${c.n}]`).join(' ')}` : '';
  lines.push(`${correction.answer.trim()}${markers}`);
  return { text: lines.join('\n'), citations };
}
