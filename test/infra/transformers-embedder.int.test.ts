/**
 * TransformersEmbedder with the tiny real ONNX model of test/fixtures/tiny-embedder (see its README):
 * real loading, tokenizer, onnxruntime-node and mean pooling, with no network.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SogaError } from '../../src/core/errors.js';
import type { TransformersEmbedder } from '../../src/infra/transformers-embedder.js';
import { cosine, FIXTURE_MODEL_DIR, loadFixtureEmbedder } from '../ingest/helpers/env.js';

let cacheDir: string;
let embedder: TransformersEmbedder;

beforeAll(async () => {
  cacheDir = mkdtempSync(path.join(os.tmpdir(), 'soga-embed-cache-'));
  embedder = await loadFixtureEmbedder(cacheDir, { model: 'soga/tiny-fixture', batchSize: 3 });
}, 60_000);
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const TEXTS = [
  'Le sommet européen de l’économie sociale à Strasbourg',
  'Les communs numériques sont une ressource partagée, ouverte et gouvernée collectivement.',
  'Jeanne Bretécher au micro du podcast Parlez-moi d’IA',
  'Les micro-dons en caisse',
  'NEC ESS 2025 : Intelligence artificielle ou coopérative ?',
  'a',
  'Social Tech Academy',
];

describe('loading the model from a local folder', { timeout: 60_000 }, () => {
  it('reads the dimension from the model (64) and names the vectors after the model and folder', () => {
    expect(embedder.dimension).toBe(64);
    expect(embedder.modelId).toBe('soga/tiny-fixture@tiny-embedder');
  });

  it('fails with EMBEDDING_FAILED, the path and a hint when the folder does not exist', async () => {
    const missing = path.join(cacheDir, 'no-such-model');
    const error = await loadFixtureEmbedder(cacheDir, { modelDir: missing }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SogaError);
    expect(error).toMatchObject({ code: 'EMBEDDING_FAILED' });
    expect((error as SogaError).message).toContain(missing);
    expect((error as SogaError).hint).toMatch(/SOGA_EMBED_MODEL_DIR/);
  });

  it('fails with EMBEDDING_FAILED when the folder has no weights for the requested dtype', async () => {
    await expect(loadFixtureEmbedder(cacheDir, { dtype: 'q8' })).rejects.toMatchObject({ code: 'EMBEDDING_FAILED' });
  });

  it('loads the folder given as a relative path too', async () => {
    const relative = path.relative(process.cwd(), FIXTURE_MODEL_DIR);
    const again = await loadFixtureEmbedder(cacheDir, { modelDir: relative });
    const [a] = await again.embedPassages([TEXTS[0]]);
    const [b] = await embedder.embedPassages([TEXTS[0]]);
    expect(Array.from(a)).toEqual(Array.from(b));
  });
});

describe('embedding texts', { timeout: 60_000 }, () => {
  it('returns one normalised 64-dimension Float32Array per text, in order', async () => {
    const vectors = await embedder.embedPassages(TEXTS);
    expect(vectors).toHaveLength(TEXTS.length);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v).toHaveLength(64);
      expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    }
    // In order: each vector is the one of its own text.
    for (let i = 0; i < TEXTS.length; i++) {
      const [alone] = await embedder.embedPassages([TEXTS[i]]);
      expect(cosine(vectors[i], alone)).toBeCloseTo(1, 6);
    }
  });

  it('gives the same vectors whatever the batch size', async () => {
    const big = await loadFixtureEmbedder(cacheDir, { batchSize: 64 });
    const one = await loadFixtureEmbedder(cacheDir, { batchSize: 1 });
    const inBatchesOf3 = await embedder.embedQueries(TEXTS);
    const inOneCall = await big.embedQueries(TEXTS);
    const oneByOne = await one.embedQueries(TEXTS);
    for (let i = 0; i < TEXTS.length; i++) {
      for (let j = 0; j < 64; j++) {
        expect(inBatchesOf3[i][j]).toBeCloseTo(inOneCall[i][j], 5);
        expect(oneByOne[i][j]).toBeCloseTo(inOneCall[i][j], 5);
      }
    }
  });

  it('is deterministic', async () => {
    const [a] = await embedder.embedPassages([TEXTS[1]]);
    const [b] = await embedder.embedPassages([TEXTS[1]]);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('adds the query and passage prefixes, which change the vector', async () => {
    const [query] = await embedder.embedQueries([TEXTS[0]]);
    const [passage] = await embedder.embedPassages([TEXTS[0]]);
    expect(Array.from(query)).not.toEqual(Array.from(passage));
    // The prefix is exactly what is prepended: an embedder without prefixes given the prefixed text agrees.
    const bare = await loadFixtureEmbedder(cacheDir, { queryPrefix: '', passagePrefix: '' });
    const [manualQuery] = await bare.embedQueries([`query: ${TEXTS[0]}`]);
    const [manualPassage] = await bare.embedPassages([`passage: ${TEXTS[0]}`]);
    const [unprefixed] = await bare.embedPassages([TEXTS[0]]);
    expect(cosine(query, manualQuery)).toBeCloseTo(1, 6);
    expect(cosine(passage, manualPassage)).toBeCloseTo(1, 6);
    expect(cosine(passage, unprefixed)).toBeLessThan(0.99999);
  });

  it('puts texts that share words closer than unrelated texts', async () => {
    const [q] = await embedder.embedQueries(['sommet européen Strasbourg']);
    const passages = await embedder.embedPassages([TEXTS[0], TEXTS[3], TEXTS[2]]);
    const scores = passages.map((p) => cosine(q, p));
    expect(scores[0]).toBeGreaterThan(scores[1]);
    expect(scores[0]).toBeGreaterThan(scores[2]);
  });

  it('returns nothing for no text', async () => {
    expect(await embedder.embedQueries([])).toEqual([]);
  });
});

describe('the cross-lingual check on the fixture model', { timeout: 60_000 }, () => {
  it('finds no sense of meaning in it (about one pair in eight, in both checks)', async () => {
    const { probeCrossLingual } = await import('../../src/core/retrieval/cross-lingual-probe.js');
    const result = await probeCrossLingual(embedder);
    expect(result.multilingual).toBe(false);
    expect(result.matched).toBeLessThan(4);
    expect(result.semantic).toBe(false);
    expect(result.paraphrasesMatched).toBeLessThan(4);
  });
});
