/**
 * Dedupe: the same article appears in several exports, sometimes with a sentence translated or a
 * caption missing. Articles whose word 5-gram shingles mostly overlap are one article: the most
 * complete copy is kept and every source is remembered.
 */
import { normalizeText, words } from '../src/core/text/normalize.js';
import type { SegmentedArticle } from './segment.js';

export interface DedupedArticle extends SegmentedArticle {
  sources: string[];
  /** Titles of the copies that were merged into this one (if they differed). */
  mergedTitles: string[];
}

const SHINGLE = 5;

export function shingles(text: string): Set<string> {
  const w = words(text);
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

export interface DedupeOptions {
  /** Containment above which two articles are the same article. */
  threshold: number;
}

export function dedupe(articles: SegmentedArticle[], options: DedupeOptions = { threshold: 0.6 }): DedupedArticle[] {
  const bodies = articles.map((a) => a.blocks.map((b) => b.text).join('\n'));
  const sets = bodies.map(shingles);
  const kept: { article: DedupedArticle; set: Set<string>; length: number }[] = [];
  articles.forEach((article, i) => {
    const sameTitle = (k: DedupedArticle) => normalizeText(k.title) === normalizeText(article.title) && normalizeText(k.title).length > 0;
    const match = kept.find((k) => containment(k.set, sets[i]) >= options.threshold || (sameTitle(k.article) && containment(k.set, sets[i]) >= options.threshold / 2));
    if (!match) {
      kept.push({ article: { ...article, sources: [article.source], mergedTitles: [] }, set: sets[i], length: bodies[i].length });
      return;
    }
    const sources = [...new Set([...match.article.sources, article.source])];
    const titles = [match.article.title, ...match.article.mergedTitles, article.title, ...article.aliases];
    if (bodies[i].length > match.length) {
      // The longer copy is the more complete one; it becomes the kept article.
      match.article = { ...article, sources, mergedTitles: [] };
      match.set = sets[i];
      match.length = bodies[i].length;
    } else {
      match.article.sources = sources;
    }
    const keep = match.article;
    const seen = new Set([normalizeText(keep.title), ...keep.aliases.map(normalizeText)]);
    keep.mergedTitles = [...new Set(titles.filter((t) => !seen.has(normalizeText(t))))];
  });
  return kept.map((k) => k.article);
}
