/**
 * Passage and question vectors for the benchmark corpus, computed once per (corpus, model) and cached
 * under bench/.cache/ as raw little-endian float32 (N × dimension).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Embedder } from '../src/core/ports.js';
import { CACHE_DIR } from './corpus.js';

export function passageText(chunk: { title: string; text: string }): string {
  // What ingest/pipeline.ts embeds for a passage.
  return `${chunk.title}\n${chunk.text}`;
}

function slug(modelId: string): string {
  return modelId.replace(/[^a-zA-Z0-9._-]+/g, '_');
}

/** Embeds `texts` (or reads the cache `name`), returning one flat Float32Array. */
export async function cachedVectors(
  name: string,
  embedder: Embedder,
  kind: 'passage' | 'query',
  texts: string[],
  onProgress?: (done: number) => void,
): Promise<{ data: Float32Array; computedMs: number | null }> {
  const file = path.join(CACHE_DIR, `${name}.${slug(embedder.modelId)}.f32`);
  const dim = embedder.dimension;
  if (existsSync(file)) {
    const buf = await readFile(file);
    if (buf.byteLength === texts.length * dim * 4) {
      return { data: new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4), computedMs: null };
    }
  }
  await mkdir(CACHE_DIR, { recursive: true });
  const started = performance.now();
  const data = new Float32Array(texts.length * dim);
  const step = 512;
  for (let i = 0; i < texts.length; i += step) {
    const slice = texts.slice(i, i + step);
    const vectors = kind === 'passage' ? await embedder.embedPassages(slice) : await embedder.embedQueries(slice);
    vectors.forEach((v, j) => data.set(v, (i + j) * dim));
    onProgress?.(Math.min(i + step, texts.length));
  }
  const computedMs = performance.now() - started;
  await writeFile(`${file}.tmp`, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  await rename(`${file}.tmp`, file);
  return { data, computedMs };
}
