/**
 * Shared set-up for ingestion and infrastructure tests: paths of the shipped corpus and the fixture
 * model, temporary folders that are removed afterwards, and the real detector and embedder.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IsolatedParser, type ParseLimits } from '../../../ingest/isolated-parser.js';
import { parseConfig } from '../../../src/config/load.js';
import { EldLanguageDetector } from '../../../src/infra/eld-language-detector.js';
import type { ChunkOptions } from '../../../ingest/chunk.js';
import { TransformersEmbedder, type TransformersEmbedderOptions } from '../../../src/infra/transformers-embedder.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The chunk sizes of the config schema's defaults (SOGA_CHUNK_MAX_CHARS, SOGA_CHUNK_MIN_CHARS), as main passes them. */
export const CHUNKING: ChunkOptions = (() => {
  const config = parseConfig({});
  return { maxChars: config.SOGA_CHUNK_MAX_CHARS, minChars: config.SOGA_CHUNK_MIN_CHARS };
})();

export const REPO_ROOT = path.resolve(here, '../../..');
export const SHIPPED_CORPUS = path.join(REPO_ROOT, 'corpus');
export const FIXTURE_MODEL_DIR = path.join(REPO_ROOT, 'test/fixtures/tiny-embedder');

/** The shipped export files, by the article they are known for. */
export const EXPORTS = {
  strasbourg: '000_3e07869b91c4aa9b.txt',
  bundle: '001_e7ac034814a2a696.txt',
  openLetter: '002_775ffd1a6c936704.txt',
  necEss2023: '003_ac22249b96fc9251.txt',
  necEss2025: '004_9ac45f6a09908b38.txt',
} as const;

export function newDetector(): EldLanguageDetector {
  return new EldLanguageDetector({ fallback: 'fr' });
}

/** Temporary folders created by a test file; `removeAll` in afterEach/afterAll deletes them. */
export class TempDirs {
  private readonly dirs: string[] = [];

  async make(prefix = 'soga-test-'): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    this.dirs.push(dir);
    return dir;
  }

  async removeAll(): Promise<void> {
    for (const dir of this.dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  }
}

/** Copies shipped export files into `dir`. */
export async function copyExports(dir: string, files: string[]): Promise<void> {
  for (const file of files) await cp(path.join(SHIPPED_CORPUS, file), path.join(dir, file));
}

export const FIXTURE_MODEL_ID = 'soga/tiny-fixture';

export function fixtureEmbedderOptions(cacheDir: string, overrides: Partial<TransformersEmbedderOptions> = {}): TransformersEmbedderOptions {
  return {
    model: FIXTURE_MODEL_ID,
    modelDir: FIXTURE_MODEL_DIR,
    cacheDir,
    allowDownload: false,
    dtype: 'fp32',
    queryPrefix: 'query: ',
    passagePrefix: 'passage: ',
    batchSize: 16,
    ...overrides,
  };
}

export function loadFixtureEmbedder(cacheDir: string, overrides: Partial<TransformersEmbedderOptions> = {}): Promise<TransformersEmbedder> {
  return TransformersEmbedder.load(fixtureEmbedderOptions(cacheDir, overrides));
}

export { cosine } from '../../../src/core/retrieval/cross-lingual-probe.js';

/** The parsing limits of the default configuration (the schema holds the defaults). */
export const PARSE_LIMITS: ParseLimits = (() => {
  const config = parseConfig({});
  return { timeoutMs: config.SOGA_PARSE_TIMEOUT_MS, maxMemoryMb: config.SOGA_PARSE_MAX_MEMORY_MB };
})();

/** The parser ingestion uses, with the default limits; its process exits with the test worker. */
export const parser = new IsolatedParser(PARSE_LIMITS);
