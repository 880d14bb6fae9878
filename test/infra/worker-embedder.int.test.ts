/**
 * WorkerEmbedder with the fixture model (test/fixtures/tiny-embedder): the same vectors as the
 * in-process TransformersEmbedder, one worker per process, errors as SogaError, and the main thread
 * stays free while a large batch is embedded.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSogaError } from '../../src/core/errors.js';
import { TransformersEmbedder, type TransformersEmbedderOptions } from '../../src/infra/transformers-embedder.js';
import { WorkerEmbedder } from '../../src/infra/worker-embedder.js';

const OPTIONS: TransformersEmbedderOptions = {
  model: 'soga/tiny-fixture',
  modelDir: path.resolve('test/fixtures/tiny-embedder'),
  cacheDir: path.resolve('models'),
  allowDownload: false,
  dtype: 'fp32',
  queryPrefix: 'query: ',
  passagePrefix: 'passage: ',
  batchSize: 16,
};

const TEXTS = ['Quand a eu lieu le sommet de Strasbourg ?', 'Le Social Good Accelerator a co-organisé deux ateliers.', 'What is a digital commons?'];

describe('WorkerEmbedder', () => {
  let worker: WorkerEmbedder | null = null;

  afterAll(async () => {
    await worker?.close();
  });

  it('gives the same vectors as the in-process embedder, from one worker per process', async () => {
    worker = await WorkerEmbedder.load(OPTIONS);
    expect(await WorkerEmbedder.load({ ...OPTIONS })).toBe(worker);
    const local = await TransformersEmbedder.load(OPTIONS);
    expect(worker.modelId).toBe(local.modelId);
    expect(worker.dimension).toBe(64);
    const [fromWorker, fromLocal] = [await worker.embedQueries(TEXTS), await local.embedQueries(TEXTS)];
    expect(fromWorker).toHaveLength(3);
    fromWorker.forEach((v, i) => expect(Array.from(v)).toEqual(Array.from(fromLocal[i])));
    const passages = await worker.embedPassages(TEXTS);
    expect(Array.from(passages[1])).toEqual(Array.from((await local.embedPassages([TEXTS[1]]))[0]));
    expect(await worker.embedQueries([])).toEqual([]);
  });

  it('keeps the event loop free while it embeds (the in-process embedder holds it)', async () => {
    worker ??= await WorkerEmbedder.load(OPTIONS);
    const local = await TransformersEmbedder.load(OPTIONS);
    const batch = Array.from({ length: 300 }, (_, i) => `${TEXTS[i % 3]} passage ${i} `.repeat(12));
    // Share of the wall time the main thread was busy: tokenising and pooling are JavaScript.
    const busy = async (embedder: { embedPassages(t: string[]): Promise<Float32Array[]> }) => {
      await embedder.embedPassages(batch.slice(0, 16));
      const before = performance.eventLoopUtilization();
      await embedder.embedPassages(batch);
      return performance.eventLoopUtilization(before).utilization;
    };
    const [inWorker, inProcess] = [await busy(worker), await busy(local)];
    expect(inProcess).toBeGreaterThan(0.5);
    expect(inWorker).toBeLessThan(Math.min(0.3, inProcess / 2));
  });

  it('reports a model that cannot be loaded as EMBEDDING_FAILED with a hint', async () => {
    const error = await WorkerEmbedder.load({ ...OPTIONS, modelDir: path.resolve('test/fixtures/no-such-model') }).catch((e: unknown) => e);
    expect(isSogaError(error, 'EMBEDDING_FAILED')).toBe(true);
    expect((error as Error).message).toContain('no-such-model');
    expect((error as { hint?: string }).hint).toMatch(/SOGA_EMBED_MODEL_DIR/);
  });
});
