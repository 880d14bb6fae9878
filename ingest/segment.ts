/**
 * Segment: split a loaded file into articles with their real titles and a list of structural blocks.
 *
 * The SOGA exports put several articles in one file and announce each by its title repeated two or
 * three times (sometimes once more in another language, sometimes with a subtitle appended). Markdown
 * and HTML announce articles with a level-1 heading instead. Image captions come as
 * "alt text / caption / Source: …" triples: the caption is kept, the alt text and credit are noise.
 */
import { normalizeText } from '../src/core/text/normalize.js';
import type { LoadedFile } from './load.js';

export type BlockKind = 'heading' | 'question' | 'paragraph' | 'item';

export interface Block {
  kind: BlockKind;
  text: string;
  /** Heading depth (1 = article title level); 0 for non-headings. */
  level: number;
}

export interface SegmentedArticle {
  title: string;
  /** Other titles seen for the same article (translations, long variants). */
  aliases: string[];
  blocks: Block[];
  source: string;
}

interface Line {
  text: string;
  blankBefore: boolean;
  heading: number;
}

// A flag is two code points: inside the character class it matched (and stripped) only its first half.
const BULLET = /^(?:[•\-–—*·▪◦●○►✓✔👉🟢🔴🔵🟡📌📄🎧✨➡→]|🇫🇷|🇪🇸|🇧🇪)/u;
const CREDIT = /^(source|sources|crédit|credit|photo|©)\s*:/i;

export function isTitleLike(text: string): boolean {
  if (text.length < 8 || text.length > 170) return false;
  if (BULLET.test(text) || /^\d+[.)]\s/.test(text)) return false;
  if (/[.,;]$/.test(text)) return false;
  if (/https?:\/\/|\(at\)|@\w+\./.test(text)) return false;
  return text.split(/\s+/).length >= 2;
}

function sameTitle(a: string, b: string): boolean {
  const na = normalizeText(a);
  const nb = normalizeText(b);
  if (na === nb) return true;
  const [short, long] = na.length <= nb.length ? [na, nb] : [nb, na];
  return short.length >= 20 && long.startsWith(short);
}

/** Lines without caption noise, with structural hints. */
function readLines(text: string): Line[] {
  const raw = text.split('\n').map((l) => l.replace(/\u00a0/g, ' ').trim());
  const drop = new Set<number>();
  raw.forEach((line, i) => {
    if (!CREDIT.test(line) || line.length > 120) return;
    drop.add(i);
    // alt text / caption / credit: the alt text is the first line of the contiguous run of three.
    const a = raw[i - 1];
    const b = raw[i - 2];
    // The run starts after a blank line or right after the previous triple's credit (captions back to back).
    if (a && b && raw[i - 3] !== undefined && (!raw[i - 3] || CREDIT.test(raw[i - 3]))) drop.add(i - 2);
    else if (a && !b && a.length < 60) drop.add(i - 1);
    else if (a && b && raw[i - 3] === undefined) drop.add(i - 2);
  });
  const lines: Line[] = [];
  let blank = true;
  raw.forEach((line, i) => {
    if (!line) {
      blank = true;
      return;
    }
    if (drop.has(i)) return;
    const md = /^(#{1,6})\s+(.+?)\s*#*$/.exec(line);
    lines.push({ text: md ? md[2] : line, blankBefore: blank, heading: md ? md[1].length : 0 });
    blank = false;
  });
  return lines;
}

export interface SegmentOptions {
  /** Tells which of two candidate titles is in another language than the article. */
  detectLanguage: (text: string) => string;
}

/** Where each article starts, and which lines form its title block. */
interface Boundary {
  start: number;
  end: number;
  titles: string[];
}

function findBoundaries(lines: Line[], markdown: boolean, detect: (t: string) => string): Boundary[] {
  const boundaries: Boundary[] = [];
  const hasH1 = lines.some((l) => l.heading === 1);
  const consumed = (i: number) => boundaries.some((b) => i >= b.start && i < b.end);
  for (let i = 0; i < lines.length; i++) {
    if (markdown && hasH1) {
      if (lines[i].heading === 1) boundaries.push({ start: i, end: i + 1, titles: [lines[i].text] });
      continue;
    }
    if (!isTitleLike(lines[i].text)) continue;
    const repeatAt = [i + 1, i + 2].find((j) => j < lines.length && sameTitle(lines[i].text, lines[j].text));
    const bilingual = repeatAt === undefined && isBilingualPair(lines, i, detect);
    if (repeatAt === undefined && !bilingual) continue;
    let end = bilingual ? i + 2 : repeatAt! + 1;
    while (!bilingual && end < lines.length && sameTitle(lines[i].text, lines[end].text)) end++;
    const titles = lines.slice(i, end).map((l) => l.text);
    const titleLang = detect(lines[i].text);
    let start = i;
    // A translation of the title just before or just after the repeated one belongs to the same article.
    const prev = lines[i - 1];
    if (!bilingual && prev && isTitleLike(prev.text) && !consumed(i - 1) && detect(prev.text) !== titleLang) {
      titles.unshift(prev.text);
      start = i - 1;
    }
    const next = lines[end];
    if (!bilingual && next && isTitleLike(next.text) && lines[end + 1] && !isTitleLike(lines[end + 1].text) && detect(next.text) !== titleLang) {
      titles.push(next.text);
      end++;
    }
    boundaries.push({ start, end, titles });
    i = end - 1;
  }
  if (!boundaries.length || boundaries[0].start > 0) {
    // The file's first lines are an article of their own, titled by its first line(s).
    let end = 0;
    const titles: string[] = [];
    if ((lines[0] && isTitleLike(lines[0].text.replace(/:$/, ''))) || lines[0]?.heading) {
      titles.push(lines[0].text);
      end = 1;
      if (/:$/.test(lines[0].text) && lines[1] && isTitleLike(lines[1].text)) {
        titles[0] = `${lines[0].text} ${lines[1].text}`;
        end = 2;
      }
    }
    if (lines.length) boundaries.unshift({ start: 0, end, titles });
  }
  return boundaries;
}

/**
 * "EUSES 2021: on our way to Mannheim !" followed by "EUSES 2021: en route pour Mannheim !": two
 * title lines in two languages that share their lead-in announce an article too.
 */
function isBilingualPair(lines: Line[], i: number, detect: (t: string) => string): boolean {
  const a = lines[i];
  const b = lines[i + 1];
  const after = lines[i + 2];
  if (!b || !after || !a.blankBefore || !b.blankBefore || !isTitleLike(b.text) || isTitleLike(after.text)) return false;
  const lead = (t: string) => (t.includes(':') ? normalizeText(t.slice(0, t.indexOf(':'))) : '');
  return lead(a.text).length >= 3 && lead(a.text) === lead(b.text) && detect(a.text) !== detect(b.text);
}

/** Picks the title written in the article's own language, preferring the shortest such variant. */
function chooseTitle(titles: string[], bodyLang: string, detect: (t: string) => string): { title: string; aliases: string[] } {
  const distinct: string[] = [];
  for (const t of titles) if (!distinct.some((d) => normalizeText(d) === normalizeText(t))) distinct.push(t);
  if (!distinct.length) return { title: '', aliases: [] };
  const inLang = distinct.filter((t) => detect(t) === bodyLang);
  const pool = inLang.length ? inLang : distinct;
  // The repeated form is the real title; a longer variant that extends it is a subtitle.
  const counts = new Map<string, number>();
  for (const t of titles) counts.set(normalizeText(t), (counts.get(normalizeText(t)) ?? 0) + 1);
  const title = [...pool].sort((a, b) => counts.get(normalizeText(b))! - counts.get(normalizeText(a))! || a.length - b.length)[0];
  return { title, aliases: distinct.filter((t) => t !== title) };
}

function toBlocks(lines: Line[]): Block[] {
  const blocks: Block[] = [];
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (line.heading) {
      blocks.push({ kind: 'heading', text: line.text, level: line.heading });
    } else if (BULLET.test(line.text) || /^\d+[.)]\s/.test(line.text) || (!line.blankBefore && blocks.length && blocks.at(-1)!.kind === 'item')) {
      blocks.push({ kind: 'item', text: line.text.replace(BULLET, '').trim() || line.text, level: 0 });
    } else if (isTitleLike(line.text) && line.text.length <= 140 && line.blankBefore && next && (next.text.length > line.text.length * 0.6 || /:$/.test(next.text)) && /\?$/.test(line.text)) {
      // An FAQ question; its answer may be long or start with a short lead-in to a list ("Parmi les intervenants :").
      blocks.push({ kind: 'question', text: line.text, level: 3 });
    } else if (isTitleLike(line.text) && line.text.length <= 120 && line.blankBefore && next && !isTitleLike(next.text)) {
      blocks.push({ kind: 'heading', text: line.text, level: 2 });
    } else {
      blocks.push({ kind: 'paragraph', text: line.text, level: 0 });
    }
  });
  return blocks;
}

export function segment(file: LoadedFile, options: SegmentOptions): SegmentedArticle[] {
  const lines = readLines(file.text);
  if (!lines.length) return [];
  const boundaries = findBoundaries(lines, file.kind === 'markdown' || file.kind === 'html', options.detectLanguage);
  const articles: SegmentedArticle[] = [];
  boundaries.forEach((b, k) => {
    const bodyLines = lines.slice(b.end, boundaries[k + 1]?.start ?? lines.length);
    if (!bodyLines.length) return;
    const blocks = toBlocks(bodyLines);
    const bodyText = blocks.map((x) => x.text).join('\n');
    const lang = options.detectLanguage(bodyText);
    let { title, aliases } = chooseTitle(b.titles, lang, options.detectLanguage);
    if (!title) {
      // No title line: the file name is the best title we have.
      title = file.source.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
    }
    articles.push({ title, aliases, blocks, source: file.source });
  });
  return articles;
}
