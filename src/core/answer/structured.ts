/**
 * Structured answers: the model writes its sentences and, apart from each, the numbers of the
 * passages that say it, as JSON that a grammar (local llama.cpp) or `response_format` (OpenAI-
 * compatible servers) holds it to. A small model that cannot keep "[n]" markers in prose (it wrote
 * answers that were only "[1] [2]") can still fill two fields, and the claim checks then know which
 * passages each sentence claims to come from.
 */
import type { JsonSchema } from '../ports.js';
import type { ClaimSentence } from './claims.js';

/** At most this many sentences: the prompt asks for a short answer, and each one costs seconds on a small model. */
export const MAX_SENTENCES = 3;
/** Characters per sentence: a bound on a model that would otherwise write until its token limit. */
export const MAX_SENTENCE_CHARS = 300;

/**
 * `{ "sentences": [{ "text": "…", "passages": [n, …] }] }`; no sentence means the passages do not
 * hold the answer. Passage numbers are limited to those given, so an invented [7] cannot be written.
 */
export function answerSchema(passageCount: number): JsonSchema {
  const numbers = Array.from({ length: Math.max(1, passageCount) }, (_, i) => i + 1);
  return {
    type: 'object',
    properties: {
      sentences: {
        type: 'array',
        maxItems: MAX_SENTENCES,
        items: {
          type: 'object',
          properties: {
            text: { type: 'string', maxLength: MAX_SENTENCE_CHARS },
            passages: { type: 'array', items: { enum: numbers }, minItems: 1, maxItems: 3 },
          },
          required: ['text', 'passages'],
          additionalProperties: false,
        },
      },
    },
    required: ['sentences'],
    additionalProperties: false,
  };
}

export type StructuredReply = { kind: 'answer'; sentences: ClaimSentence[] } | { kind: 'no_answer' } | { kind: 'not_json' };

const MARKER = /\s*\[\d+(?:\s*[,;]\s*\d+)*\]/g;

/**
 * Reads a structured reply. A server that ignored the schema may have sent plain text (or JSON in a
 * code fence): `not_json` tells the caller to read it as text instead.
 */
export function parseStructuredReply(raw: string): StructuredReply {
  const body = raw
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  if (!body.startsWith('{')) return { kind: 'not_json' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { kind: 'not_json' };
  }
  const list = (parsed as { sentences?: unknown })?.sentences;
  if (!Array.isArray(list)) return { kind: 'not_json' };
  const sentences: ClaimSentence[] = [];
  for (const item of list as unknown[]) {
    // The model's JSON: any field may be missing or of another type.
    const entry = (item ?? {}) as { text?: unknown; passages?: unknown };
    const text = typeof entry.text === 'string' ? entry.text.trim() : '';
    const passages = Array.isArray(entry.passages) ? [...new Set((entry.passages as unknown[]).filter((n): n is number => Number.isInteger(n)))] : [];
    // Markers the model also wrote into the text are the same claim as its list: the list decides.
    sentences.push({ text: text.replace(MARKER, '').trim(), passages });
  }
  return sentences.length ? { kind: 'answer', sentences } : { kind: 'no_answer' };
}

/** A checked sentence as the member reads it: its markers before the final punctuation ("… in Lyon [2]."). */
export function renderSentence(sentence: ClaimSentence): string {
  const markers = sentence.passages.map((n) => `[${n}]`).join('');
  const text = sentence.text.replace(MARKER, '').trim();
  const [, body, end] = text.match(/^(.*?)([.!?…]*)$/s)!;
  return markers ? `${body.trimEnd()} ${markers}${end || '.'}` : text;
}

/**
 * The sentences of a structured reply that are complete so far, while it streams: each closed
 * `{"text": …, "passages": […]}` object. Parsing the prefix as a whole is impossible (it is not JSON
 * yet), so the objects are read one by one.
 */
export function completedSentences(partial: string): ClaimSentence[] {
  const out: ClaimSentence[] = [];
  const item = /\{\s*"text"\s*:\s*("(?:[^"\\]|\\.)*")\s*,\s*"passages"\s*:\s*\[([\d\s,]*)\]\s*\}/g;
  for (const m of partial.matchAll(item)) {
    let text: string;
    try {
      text = JSON.parse(m[1]) as string;
    } catch {
      continue;
    }
    const passages = [
      ...new Set(
        m[2]
          .split(',')
          .map((n) => Number(n.trim()))
          .filter((n) => Number.isInteger(n) && n > 0),
      ),
    ];
    out.push({ text: text.replace(MARKER, '').trim(), passages });
  }
  return out;
}
