/**
 * Dedupe: the same article appears in several exports, sometimes with a sentence translated or a
 * caption missing. Articles whose word 5-gram shingles mostly overlap are one article: the most
 * complete copy is kept and every source is remembered.
 *
 * Overlap alone is not enough: event announcements are templated, and two of them share nearly every
 * shingle while being about different events. Two copies are the same article only when what tells
 * articles apart — names, dates, numbers, places, codes — is the same: a copy may lack some of the
 * other's (a missing caption), but when each holds one the other lacks ("Lupekevi, 12 mars, Lyon"
 * against "Lupekeni, 3 avril, Brest"), they are two articles.
 */
import { normalizeText, words } from '../src/core/text/normalize.js';
import type { SegmentedArticle } from './segment.js';

/** A copy merged into a kept article, for the ingest report. */
export interface MergedCopy {
  title: string;
  source: string;
}

export interface DedupedArticle extends SegmentedArticle {
  sources: string[];
  /** Titles of the copies that were merged into this one (if they differed). */
  mergedTitles: string[];
  /** Every copy merged into this one (same title or not), with its file. */
  merges: MergedCopy[];
}

const SHINGLE = 5;
/**
 * A shingle held by more kept articles than this is template text: it is not used to find merge
 * candidates (a true copy shares the shingles around its own names), which keeps dedupe linear
 * instead of comparing every templated article with every other.
 */
const COMMON_SHINGLE = 8;

export function shingles(text: string): Set<string> {
  return shinglesOf(words(text));
}

function shinglesOf(w: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= w.length; i++) out.add(w.slice(i, i + SHINGLE).join(' '));
  if (!out.size && w.length) out.add(w.join(' '));
  return out;
}

/** |A∩B| / min(|A|,|B|): 1 when one copy is contained in the other. */
export function containment(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (!small.size) return 0;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}

/**
 * What tells an article apart from a templated sibling: tokens with a digit (dates, years, prices,
 * codes), all-capital codes and acronyms, and capitalised words inside a sentence (names, places),
 * normalised like the text. A sentence's first word is left out: its capital says nothing.
 */
export function distinguishing(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    let sentenceStart = true;
    for (const match of line.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*|[.!?:;«»"“”()]/gu)) {
      const token = match[0];
      if (/^[.!?:;«»"“”()]$/.test(token)) {
        if (/[.!?:]/.test(token)) sentenceStart = true;
        continue;
      }
      const hasDigit = /\p{N}/u.test(token);
      const code = /^\p{Lu}[\p{Lu}\p{N}-]+$/u.test(token);
      const name = !sentenceStart && /^\p{Lu}/u.test(token);
      if (hasDigit || code || name) for (const w of normalizeText(token).split(/[^\p{L}\p{N}]+/u)) if (w) out.add(w);
      sentenceStart = false;
    }
  }
  return out;
}

/** Each copy holds a distinguishing token the other's text does not: two different articles. */
function differ(a: { marks: Set<string>; vocabulary: Set<string> }, b: { marks: Set<string>; vocabulary: Set<string> }): boolean {
  const extra = (x: typeof a, y: typeof a) => [...x.marks].some((t) => !y.vocabulary.has(t));
  return extra(a, b) && extra(b, a);
}

export interface DedupeOptions {
  /** Containment above which two articles are the same article. */
  threshold: number;
}

interface Kept {
  article: DedupedArticle;
  set: Set<string>;
  marks: Set<string>;
  vocabulary: Set<string>;
  length: number;
}

export function dedupe(articles: SegmentedArticle[], options: DedupeOptions = { threshold: 0.6 }): DedupedArticle[] {
  const kept: Kept[] = [];
  /** Shingle → indexes in `kept` of the articles holding it. */
  const postings = new Map<string, number[]>();
  const index = (k: number, set: Set<string>) => {
    for (const s of set) {
      const list = postings.get(s);
      if (list) list.push(k);
      else postings.set(s, [k]);
    }
  };
  /** Normalised title → indexes in `kept` of the articles that had it (kept or merged). */
  const byTitle = new Map<string, number[]>();
  const addTitle = (k: number, title: string) => {
    if (!title) return;
    const list = byTitle.get(title);
    if (!list) byTitle.set(title, [k]);
    else if (!list.includes(k)) list.push(k);
  };
  for (const article of articles) {
    const body = article.blocks.map((b) => b.text).join('\n');
    const bodyWords = words(body);
    const copy = { set: shinglesOf(bodyWords), marks: distinguishing(`${article.title}\n${body}`), vocabulary: new Set([...bodyWords, ...words(article.title)]) };
    const title = normalizeText(article.title);
    const candidates = new Set<number>();
    for (const s of copy.set) {
      const list = postings.get(s);
      if (list && list.length <= COMMON_SHINGLE) for (const k of list) candidates.add(k);
    }
    // A copy under the same title may share little text (a short and a long version).
    for (const k of byTitle.get(title) ?? []) candidates.add(k);
    const at = [...candidates]
      .sort((x, y) => x - y)
      .find((i) => {
        const k = kept[i];
        const overlap = containment(k.set, copy.set);
        const sameTitle = title.length > 0 && normalizeText(k.article.title) === title;
        return (overlap >= options.threshold || (sameTitle && overlap >= options.threshold / 2)) && !differ(k, copy);
      });
    if (at === undefined) {
      kept.push({ article: { ...article, sources: [article.source], mergedTitles: [], merges: [] }, ...copy, length: body.length });
      index(kept.length - 1, copy.set);
      addTitle(kept.length - 1, title);
      continue;
    }
    const match = kept[at];
    const sources = [...new Set([...match.article.sources, article.source])];
    const titles = [match.article.title, ...match.article.mergedTitles, article.title, ...article.aliases];
    if (body.length > match.length) {
      // The longer copy is the more complete one; it becomes the kept article.
      const merges = [...match.article.merges, { title: match.article.title, source: match.article.source }];
      match.article = { ...article, sources, mergedTitles: [], merges };
      match.set = copy.set;
      match.length = body.length;
      index(at, copy.set);
      addTitle(at, title);
    } else {
      match.article.sources = sources;
      match.article.merges.push({ title: article.title, source: article.source });
    }
    // What either copy holds, so a third copy is compared with both.
    for (const t of copy.marks) match.marks.add(t);
    for (const t of copy.vocabulary) match.vocabulary.add(t);
    const keep = match.article;
    const seen = new Set([normalizeText(keep.title), ...keep.aliases.map(normalizeText)]);
    keep.mergedTitles = [...new Set(titles.filter((t) => !seen.has(normalizeText(t))))];
  }
  return kept.map((k) => k.article);
}
