/**
 * Untrusted HTML and PDF files are parsed in a separate process with a time limit and a memory cap
 * (SOGA_PARSE_TIMEOUT_MS, SOGA_PARSE_MAX_MEMORY_MB): a bomb is killed and refused as FILE_TOO_COMPLEX,
 * the rest of the ingest goes on, and questions are answered meanwhile. The bombs are generated here.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CorpusFolder } from '../../ingest/corpus-manager.js';
import { IsolatedParser } from '../../ingest/isolated-parser.js';
import { parseConfig } from '../../src/config/load.js';
import { SogaError } from '../../src/core/errors.js';
import { LanceDbStore } from '../../src/infra/lancedb/lancedb-store.js';
import { createRuntime } from '../../src/main/runtime.js';
import { deepHtml, deepPdf, flateBombPdf, manyPagesPdf } from './helpers/bombs.js';
import { CHUNKING, newDetector, PARSE_LIMITS, TempDirs } from './helpers/env.js';
import { buildPdf } from './helpers/pdf.js';

const temp = new TempDirs();
afterAll(() => temp.removeAll());

/** Short enough for a test, long enough for a real PDF on a loaded machine. */
const TIMEOUT_MS = 5_000;
/** How long after the limit a refusal may come: killing and reporting, on a busy shared machine. */
const SLACK_MS = 15_000;

async function refusal(parser: IsolatedParser, bytes: Buffer, kind: 'pdf' | 'html', source: string): Promise<{ error: SogaError; ms: number }> {
  const started = Date.now();
  const error = await parser.extract(bytes, kind, source).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `${source} should be refused`).toBeInstanceOf(SogaError);
  return { error: error as SogaError, ms: Date.now() - started };
}

describe('a file that would exhaust memory or time is refused as FILE_TOO_COMPLEX', { timeout: 120_000 }, () => {
  it('refuses a Flate bomb (~100 KB inflating to 100 MB) at the memory cap of the default configuration', async () => {
    const parser = new IsolatedParser(PARSE_LIMITS);
    const bomb = flateBombPdf(100, 'string');
    expect(bomb.length).toBeLessThan(500_000);
    const { error, ms } = await refusal(parser, bomb, 'pdf', 'bomb.pdf');
    expect(error.code).toBe('FILE_TOO_COMPLEX');
    expect(error.message).toContain('bomb.pdf');
    expect(error.message).toContain(`${PARSE_LIMITS.maxMemoryMb} MB`);
    expect(ms).toBeLessThan(PARSE_LIMITS.timeoutMs + SLACK_MS);
    // The next file gets a fresh process and is read.
    expect(await parser.extract(buildPdf({ lines: ['Après la bombe'] }), 'pdf', 'ok.pdf')).toContain('Après la bombe');
    parser.close();
  });

  it('refuses a Flate bomb of drawing operators and a 50,000-page PDF at the time limit', async () => {
    const parser = new IsolatedParser({ ...PARSE_LIMITS, timeoutMs: TIMEOUT_MS });
    for (const [source, bytes] of [
      ['operators.pdf', flateBombPdf(100, 'operators')],
      ['pages.pdf', manyPagesPdf(50_000)],
    ] as const) {
      const { error, ms } = await refusal(parser, bytes, 'pdf', source);
      expect(error.code).toBe('FILE_TOO_COMPLEX');
      expect(error.message).toContain(`${TIMEOUT_MS} ms`);
      expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS);
      expect(ms).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    }
    parser.close();
  });

  it('refuses PDF and HTML nested 100,000 levels deep', async () => {
    const parser = new IsolatedParser(PARSE_LIMITS);
    expect((await refusal(parser, deepPdf(100_000), 'pdf', 'deep.pdf')).error.code).toBe('FILE_TOO_COMPLEX');
    expect((await refusal(parser, Buffer.from(deepHtml(100_000)), 'html', 'deep.html')).error.code).toBe('FILE_TOO_COMPLEX');
    // Ordinary nesting is read.
    expect(await parser.extract(Buffer.from(deepHtml(50)), 'html', 'shallow.html')).toContain('Un texte enfoui.');
    parser.close();
  });
});

const ARTICLE = `# Fête des communs de Clermont-Ferrand

La fête des communs de Clermont-Ferrand réunit les associations du Puy-de-Dôme le samedi 14 juin 2025 à la halle aux blés.
`;

describe('the rest goes on while a bomb is being parsed', { timeout: 180_000 }, () => {
  it('reports the bombs as refused, ingests the other files, and answers a question asked during the ingest', async () => {
    const root = await temp.make('soga-bombs-');
    const corpusDir = path.join(root, 'corpus');
    await mkdir(corpusDir, { recursive: true });
    await writeFile(path.join(corpusDir, 'fete.md'), ARTICLE);
    const config = parseConfig({
      SOGA_DATA_DIR: path.join(root, 'data'),
      SOGA_CORPUS_DIR: corpusDir,
      SOGA_EMBED_PROVIDER: 'none',
      SOGA_LOG_ENABLED: 'false',
      SOGA_DICTIONARY_DIR: '',
      SOGA_PARSE_TIMEOUT_MS: String(TIMEOUT_MS),
    });
    const runtime = await createRuntime(config, { log: () => undefined });
    try {
      expect((await runtime.ingest()).added).toEqual(['Fête des communs de Clermont-Ferrand']);
      await writeFile(path.join(corpusDir, 'a-bomb.pdf'), flateBombPdf(100, 'operators'));
      await writeFile(path.join(corpusDir, 'b-pages.pdf'), manyPagesPdf(50_000));
      await writeFile(path.join(corpusDir, 'c-deep.html'), deepHtml(100_000));
      await writeFile(path.join(corpusDir, 'd-other.md'), '# Repair café de Nantes\n\nLe repair café de Nantes ouvre chaque premier mardi du mois à la maison de quartier.\n');

      let ingestDone = 0;
      const started = Date.now();
      const ingesting = runtime.ingest().then((report) => {
        ingestDone = Date.now();
        return report;
      });
      const answer = await runtime.assistant.ask('Quand a lieu la fête des communs de Clermont-Ferrand ?');
      const answeredAt = Date.now();
      const report = await ingesting;

      expect(answer.grounded).toBe(true);
      expect(answer.text).toContain('14 juin 2025');
      expect(answeredAt).toBeLessThan(ingestDone);
      expect(report.failed.map((f) => [f.source, f.code]).sort()).toEqual([
        ['a-bomb.pdf', 'FILE_TOO_COMPLEX'],
        ['b-pages.pdf', 'FILE_TOO_COMPLEX'],
        ['c-deep.html', 'FILE_TOO_COMPLEX'],
      ]);
      expect(report.added).toEqual(['Repair café de Nantes']);
      expect(report.skipped).toEqual(['Fête des communs de Clermont-Ferrand']);
      expect(ingestDone - started).toBeLessThan(2 * TIMEOUT_MS + 3 * SLACK_MS);
    } finally {
      await runtime.close();
    }
  });

  it('refuses an uploaded bomb before storing it (web, Discord and Matrix uploads all use addFile)', async () => {
    const root = await temp.make('soga-bomb-upload-');
    const corpusDir = path.join(root, 'corpus');
    await mkdir(corpusDir, { recursive: true });
    const store = await LanceDbStore.open({ dir: path.join(root, 'data', 'lancedb') });
    const corpus = new CorpusFolder(
      { store, embedder: null, detector: newDetector() },
      { corpusDir, dataDir: path.join(root, 'data'), maxFileBytes: 20_000_000, batchSize: 8, parse: { ...PARSE_LIMITS, timeoutMs: TIMEOUT_MS }, chunking: CHUNKING },
    );
    const error = await corpus.addFile('rapport.pdf', manyPagesPdf(50_000)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SogaError);
    expect((error as SogaError).code).toBe('FILE_TOO_COMPLEX');
    expect(await readdir(corpusDir)).toEqual([]);
    expect(await store.listDocuments()).toEqual([]);
  });
});
