/**
 * What every surface shows under an answer: one entry per [n] with the article's title, date and a
 * link (or a file name that means something), the quote only when the answer text does not already
 * hold it, and the quote's language when it differs from the member's. Discord, Matrix, the terminal
 * and the web render these entries in their own markup, so the four agree on what is shown.
 */
import type { Messages } from '../i18n.js';
import { normalizeText } from '../text/normalize.js';
import { articleDateLabel } from './dates.js';
import type { Citation, LanguageCode } from '../types.js';

export interface SourceEntry {
  /** The [n] markers that point to this article (two passages of one article are listed once). */
  numbers: number[];
  title: string;
  /** The article's date (ISO), or null when undated. */
  date: string | null;
  /** A link to the article, when one is known. */
  url?: string;
  /** The file the article came from, when no link is known and its name is not a hashed export name. */
  file?: string;
  /** The quotes the answer does not show already (a chat model's paraphrase), in [n] order. */
  quotes: string[];
  /** The language the quotes are in, when it is not the member's. */
  quotedIn?: LanguageCode;
}

/** "004_9ac45f6a09908b38.txt": an export's name, which tells a member nothing. */
const HASHED_NAME = /[0-9a-f]{12,}/i;

/** What the list is built from: an Answer, or an answer as the answer log keeps it. */
export interface CitedAnswer {
  text: string;
  language: LanguageCode;
  citations: (Pick<Citation, 'n' | 'docId' | 'title' | 'source' | 'quote' | 'date' | 'lang'> & { url?: string | null })[];
}

export function sourceEntries(answer: CitedAnswer): SourceEntry[] {
  const said = normalizeText(answer.text);
  const byArticle = new Map<string, SourceEntry>();
  for (const c of [...answer.citations].sort((a, b) => a.n - b.n)) {
    const quote = c.quote.replace(/\s+/g, ' ').trim();
    const unseen = quote && !said.includes(normalizeText(quote).slice(0, 80)) ? [quote] : [];
    const known = byArticle.get(c.docId);
    if (known) {
      known.numbers.push(c.n);
      known.quotes.push(...unseen);
      continue;
    }
    const url = c.url ?? (/^https?:\/\//i.test(c.source) ? c.source : undefined);
    const fileName = c.source.split(/[\\/]/).pop() ?? c.source;
    const title = c.title.replace(/\s+/g, ' ').trim();
    const entry: SourceEntry = { numbers: [c.n], title: title || fileName, date: c.date, quotes: unseen };
    if (url) entry.url = url;
    // A hashed name is shown only when there is nothing else to tell the articles apart.
    else if (!HASHED_NAME.test(fileName) || !title) entry.file = fileName;
    if (c.lang && c.lang !== answer.language) entry.quotedIn = c.lang;
    byArticle.set(c.docId, entry);
  }
  return [...byArticle.values()];
}

/** "[1]" or "[1, 2]". */
export function markers(entry: SourceEntry): string {
  return `[${entry.numbers.join(', ')}]`;
}

/** The name of `lang` in the member's language ("French", "Französisch", "francés"). */
export function languageNameIn(lang: LanguageCode, inLanguage: LanguageCode): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(lang) ?? lang;
  } catch {
    // An unknown code (not BCP 47) has no display name: the code itself still tells the member.
    return lang;
  }
}

/** The entry's date and, for a quote in another language, "quoted in French", in the member's language. */
export function entryNotes(entry: SourceEntry, lang: LanguageCode, messages: Messages): string[] {
  const t = (key: string, vars: Record<string, string>) => messages.t(lang, key, vars);
  const notes = [articleDateLabel(entry.date, lang, t)];
  if (entry.quotedIn) notes.push(t('quotedIn', { language: languageNameIn(entry.quotedIn, lang) }));
  return notes;
}
