/**
 * Extractive answers: the embedded default and the fallback when a chat model fails. The best
 * supporting sentences of the retrieved passages are quoted verbatim, in their original language,
 * with citation numbers, after a lead-in in the asker's language.
 */
import type { Citation, FusedHit, LanguageCode } from '../types.js';
import { coverage, type WeightedTerm } from './matching.js';
import { splitSentences } from './sentences.js';

export interface ExtractiveOptions {
  /** Upper bound of the quoted text, in characters. */
  maxChars: number;
  maxSentences: number;
}

export const DEFAULT_EXTRACTIVE: ExtractiveOptions = { maxChars: 600, maxSentences: 3 };

interface Candidate {
  hitIndex: number;
  sentenceIndex: number;
  text: string;
  score: number;
}

export interface ExtractiveResult {
  quotes: { text: string; hit: FusedHit }[];
}

/** Picks the sentences that best cover the question, favouring better-ranked passages. */
export function selectSentences(hits: FusedHit[], terms: WeightedTerm[], langs: LanguageCode[], options: ExtractiveOptions = DEFAULT_EXTRACTIVE): ExtractiveResult {
  const candidates: Candidate[] = [];
  hits.forEach((hit, hitIndex) => {
    const sentences = splitSentences(hit.chunk.text, hit.chunk.lang);
    sentences.forEach((sentence, sentenceIndex) => {
      let text = sentence;
      // A heading or an FAQ question is not an answer: it stands for the sentence that follows it.
      if (/[?:]$/.test(sentence) || (sentenceIndex === 0 && hit.chunk.section && sentence === hit.chunk.section)) {
        const next = sentences[sentenceIndex + 1];
        if (!next) return;
        text = next;
        sentenceIndex += 1;
      }
      const own = coverage(terms, text, langs).coverage;
      // The heading a sentence sits under tells what it is about.
      const context = coverage(terms, `${hit.chunk.title} ${hit.chunk.section ?? ''} ${sentence === text ? '' : sentence}`, langs).coverage;
      const rankPrior = 1 / (1 + hitIndex * 0.35);
      const lengthPenalty = text.length < 25 ? 0.5 : 1;
      candidates.push({ hitIndex, sentenceIndex, text, score: (own + 0.35 * context) * rankPrior * lengthPenalty + hit.coverage * 0.2 });
    });
  });
  candidates.sort((a, b) => b.score - a.score);
  const chosen: Candidate[] = [];
  let size = 0;
  for (const c of candidates) {
    if (chosen.length >= options.maxSentences) break;
    if (chosen.length && c.score < chosen[0].score * 0.75) break;
    if (chosen.some((x) => x.hitIndex === c.hitIndex && x.sentenceIndex === c.sentenceIndex) || chosen.some((x) => x.text === c.text)) continue;
    if (size + c.text.length > options.maxChars && chosen.length) continue;
    chosen.push(c);
    size += c.text.length;
  }
  // Quotes read in passage order within each passage.
  chosen.sort((a, b) => a.hitIndex - b.hitIndex || a.sentenceIndex - b.sentenceIndex);
  return { quotes: chosen.map((c) => ({ text: c.text.length > options.maxChars ? `${c.text.slice(0, options.maxChars).replace(/\s+\S*$/, '')}…` : c.text, hit: hits[c.hitIndex] })) };
}

/** Numbers citations by first appearance and renders the answer text. */
export function renderExtractive(leadIn: string, result: ExtractiveResult, dateLabel: (date: string | null) => string): { text: string; citations: Citation[] } {
  const citations: Citation[] = [];
  const lines = result.quotes.map((q) => {
    let citation = citations.find((c) => c.chunkId === q.hit.chunk.id);
    if (!citation) {
      citation = {
        n: citations.length + 1,
        chunkId: q.hit.chunk.id,
        docId: q.hit.chunk.docId,
        title: q.hit.chunk.title,
        source: q.hit.chunk.source,
        quote: q.text.replace(/…$/, ''),
        date: q.hit.chunk.date,
        lang: q.hit.chunk.lang,
        score: q.hit.score,
      };
      citations.push(citation);
    } else {
      citation.quote = `${citation.quote} ${q.text.replace(/…$/, '')}`;
    }
    return `« ${q.text} » [${citation.n}]`;
  });
  const byDoc = new Set(citations.map((c) => c.date));
  const dated = byDoc.size === 1 && citations[0]?.date ? ` (${dateLabel(citations[0].date)})` : '';
  return { text: `${leadIn}${dated}\n${lines.join('\n')}`, citations };
}
