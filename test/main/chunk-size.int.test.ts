/**
 * SOGA_CHUNK_MAX_CHARS / SOGA_CHUNK_MIN_CHARS reach the chunker, and changing them re-chunks the corpus on
 * the next ingest (they are part of every document's content hash).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { createRuntime } from '../../src/main/runtime.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'soga-chunk-size-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function ingestWith(env: Record<string, string>) {
  const runtime = await createRuntime(parseConfig({ SOGA_DATA_DIR: dataDir, SOGA_EMBED_PROVIDER: 'none', SOGA_LOG_ENABLED: 'false', ...env }), { log: () => undefined });
  try {
    const report = await runtime.ingest();
    return { report, passages: await runtime.store.countChunks() };
  } finally {
    await runtime.close();
  }
}

describe('the passage size is a setting', { timeout: 120_000 }, () => {
  it('makes smaller passages when asked, and re-chunks every document when it changes', async () => {
    const standard = await ingestWith({});
    expect(standard.report.failed).toEqual([]);
    const small = await ingestWith({ SOGA_CHUNK_MAX_CHARS: '400', SOGA_CHUNK_MIN_CHARS: '100' });
    expect(small.passages).toBeGreaterThan(standard.passages);
    expect(small.report.updated.length).toBe(standard.report.added.length);
    const again = await ingestWith({ SOGA_CHUNK_MAX_CHARS: '400', SOGA_CHUNK_MIN_CHARS: '100' });
    expect(again.report.skipped.length).toBe(standard.report.added.length);
  });
});
