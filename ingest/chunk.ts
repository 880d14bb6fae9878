/**
 * Chunk: passages that follow the article's structure. A section is a heading (or an FAQ question)
 * with what follows it; small sections are merged, long ones are split at sentence boundaries with one
 * sentence of overlap, so a fact near a cut is still whole in one passage.
 */
import type { ChunkRecord, LanguageCode } from '../src/core/types.js';
import type { Block } from './segment.js';
import { splitSentences } from '../src/core/answer/sentences.js';

export interface ChunkOptions {
  /** Soft upper bound of a passage, in characters. */
  maxChars: number;
  /** Sections shorter than this are merged with the next one. */
  minChars: number;
}

/**
 * Bumped whenever the chunking algorithm changes: it is part of every document's content hash, so the
 * next ingest re-chunks documents whose text did not change.
 */
export const CHUNKER_VERSION = 4;

/** A line that announces what follows ("Le thème de NEC ESS 2025 est :") or asks it (an FAQ question). */
const announces = (line: string | undefined) => line !== undefined && /[:?]\s*$/.test(line);

interface Section {
  heading: string | null;
  lines: string[];
}

function sections(blocks: Block[]): Section[] {
  const out: Section[] = [];
  let current: Section = { heading: null, lines: [] };
  for (const block of blocks) {
    if (block.kind === 'heading' || block.kind === 'question') {
      if (current.heading || current.lines.length) out.push(current);
      current = { heading: block.text, lines: [] };
    } else {
      current.lines.push(block.kind === 'item' ? `• ${block.text}` : block.text);
    }
  }
  if (current.heading || current.lines.length) out.push(current);
  return out;
}

/** Sentences of one line of text (the core's splitter, so passages and quotes cut alike). */
export const sentences = splitSentences;

/** Splits one section's text into pieces of at most maxChars, cutting between sentences. */
function splitLong(lines: string[], lang: LanguageCode, maxChars: number): string[] {
  const units = lines.flatMap((line) => (line.length > maxChars ? sentences(line, lang) : [line]));
  const pieces: string[] = [];
  let current: string[] = [];
  let size = 0;
  // How many lines at the head of `current` are the overlap carried from the previous piece.
  let carried = 0;
  for (const unit of units) {
    if (size + unit.length > maxChars && current.length) {
      // A piece never ends on a lead-in or a question: it moves to the next piece, with what answers it
      // (when the two fit together; a piece of nothing but the carried overlap is not pushed).
      const last = current.at(-1)!;
      if (current.length > 1 && announces(last) && last.length + 1 + unit.length <= maxChars) {
        current.pop();
        if (current.length > carried) pieces.push(current.join('\n'));
        current = [last, unit];
        size = last.length + 1 + unit.length + 1;
        carried = 0;
        continue;
      }
      pieces.push(current.join('\n'));
      // Overlap: carry the last sentence over when it is short enough to be context, not a repeat.
      const tail = last.length <= maxChars / 3 ? last : (sentences(last, lang).at(-1) ?? '');
      // …and only when the piece it starts still fits: the overlap must not push a passage over maxChars.
      current = tail && tail.length <= maxChars / 3 && tail.length + 1 + unit.length <= maxChars ? [tail] : [];
      carried = current.length;
      size = current.reduce((n, s) => n + s.length + 1, 0);
    }
    current.push(unit);
    size += unit.length + 1;
  }
  if (current.length) pieces.push(current.join('\n'));
  return pieces;
}

export interface ChunkInput {
  docId: string;
  title: string;
  source: string;
  lang: LanguageCode;
  date: string | null;
  blocks: Block[];
}

/** Longest lead carried by every passage: a sentence, not a second passage. */
export const LEAD_MAX_CHARS = 240;

/**
 * The article's lead: the first sentence of its first real paragraph (headings, captions-as-headings,
 * list items and one-line fragments are skipped), cut at a word under LEAD_MAX_CHARS. News articles
 * name their subject there ("Le 17 novembre 2023 marque la fin de NEC ESS Europe…"), and the passages
 * further down rarely repeat it.
 */
export function articleLead(blocks: Block[], lang: LanguageCode): string | null {
  const first = blocks.find((b) => b.kind === 'paragraph' && b.text.length >= 40);
  if (!first) return null;
  const sentence = (sentences(first.text, lang)[0] ?? first.text).trim();
  if (sentence.length <= LEAD_MAX_CHARS) return sentence;
  const cut = sentence.slice(0, LEAD_MAX_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), LEAD_MAX_CHARS / 2)).trimEnd()}…`;
}

/** `options` come from SOGA_CHUNK_MAX_CHARS / SOGA_CHUNK_MIN_CHARS (their defaults live in the config schema). */
export function chunkArticle(article: ChunkInput, options: ChunkOptions): ChunkRecord[] {
  const merged: Section[] = [];
  for (const section of sections(article.blocks)) {
    const prev = merged.at(-1);
    const prevSize = prev ? prev.lines.join('\n').length : Infinity;
    // A heading or FAQ question with nothing under it yet: what follows is its body, whatever its size.
    // So is a section whose last line announces what follows ("Le thème … est :"). (Not one that ends
    // with a question: that may be rhetorical, and FAQ questions are headings already.)
    const bodiless = (Boolean(prev?.heading) && !prev!.lines.length) || /:\s*$/.test(prev?.lines.at(-1) ?? '');
    // A bodiless section is not appended to the previous one: it would end that passage, cut from its answer.
    const small = section.lines.length > 0 && prevSize < options.minChars && prevSize + section.lines.join('\n').length < options.maxChars;
    if (prev && (bodiless || small)) {
      // A small section joins the next: the heading stays in the text so nothing is lost.
      prev.lines.push(...(section.heading ? [section.heading] : []), ...section.lines);
    } else {
      merged.push({ heading: section.heading, lines: [...section.lines] });
    }
  }
  const lead = articleLead(article.blocks, article.lang);
  const chunks: ChunkRecord[] = [];
  for (const section of merged) {
    if (!section.lines.length && !section.heading) continue;
    const pieces = section.lines.length ? splitLong(section.lines, article.lang, options.maxChars) : [''];
    for (const piece of pieces) {
      const text = section.heading ? `${section.heading}\n${piece}`.trim() : piece;
      if (!text) continue;
      const position = chunks.length;
      chunks.push({
        id: `${article.docId}#${position}`,
        docId: article.docId,
        title: article.title,
        source: article.source,
        lang: article.lang,
        date: article.date,
        position,
        section: section.heading,
        // Every passage carries it, the one that holds it too (so that all passages of the article are
        // read under the same heading); the index skips it where the text has it (passage-text.ts).
        context: lead,
        text,
      });
    }
  }
  return chunks;
}
