/**
 * The words a passage is found by, in one place so that the index (ingestion), the embeddings and the
 * coverage that `ask()` measures all see the same text.
 */
import type { ChunkRecord } from '../types.js';

type PassageParts = Pick<ChunkRecord, 'title' | 'section' | 'text' | 'context'>;

/** Title, the article's lead, section and text: what BM25 indexes and coverage is measured on. */
export function searchableText(chunk: PassageParts): string {
  return [chunk.title, leadOf(chunk), chunk.section ?? '', chunk.text].join('\n');
}

/** What is embedded: the section heading already opens the text. */
export function embeddedText(chunk: PassageParts): string {
  const lead = leadOf(chunk);
  return lead ? `${chunk.title}\n${lead}\n${chunk.text}` : `${chunk.title}\n${chunk.text}`;
}

/** The lead, unless the passage holds it already (its words would count twice). */
export function leadOf(chunk: PassageParts): string {
  const lead = chunk.context ?? '';
  return lead && !chunk.text.includes(lead.replace(/…$/, '')) ? lead : '';
}
