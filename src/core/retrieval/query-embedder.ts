/**
 * The question's vector, or none: an embedding endpoint that went down or a crashed worker must not
 * cost the member an answer, since BM25 and n-grams still find most passages. The outage is reported
 * once, not on every question, and again after the model came back and failed anew.
 */
import { describeError } from '../errors.js';
import type { Embedder } from '../ports.js';

export interface QueryEmbedder {
  embed(text: string): Promise<Float32Array | undefined>;
}

export function createQueryEmbedder(embedder: Embedder | null, warn: (message: string) => void): QueryEmbedder {
  let down = false;
  return {
    async embed(text) {
      if (!embedder) return undefined;
      try {
        const [vector] = await embedder.embedQueries([text]);
        down = false;
        return vector;
      } catch (error) {
        if (!down) warn(`embedding the question failed, answering with lexical retrieval (BM25) until it works again: ${describeError(error)}`);
        down = true;
        return undefined;
      }
    },
  };
}
