/**
 * The ingestion pipeline on a temporary corpus folder and a temporary LanceDB index: incremental
 * runs, failures that must not lose what was ingested, a deleted index, and a change of embedder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, rename, rm, truncate, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { documentId, ingest, type IngestOptions, type IngestReport } from '../../ingest/pipeline.js';
import type { Embedder } from '../../src/core/ports.js';
import type { DocumentRecord } from '../../src/core/types.js';
import { LanceDbStore } from '../../src/infra/lancedb/lancedb-store.js';
import { CHUNKING, copyExports, EXPORTS, FIXTURE_MODEL_ID, loadFixtureEmbedder, newDetector, PARSE_LIMITS, TempDirs } from './helpers/env.js';
import { buildPdf, VALID_PDF_LINES } from './helpers/pdf.js';
import { templatedArticles } from './helpers/templated-articles.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const temp = new TempDirs();
const detector = newDetector();
afterEach(() => temp.removeAll());

const GARDEN = 'Jardin partagé de Villeurbanne';
const BIKES = 'Atelier vélo solidaire';
const FESTIVAL = 'Fête des communs numériques';
const STRASBOURG = 'Strasbourg : un deuxième sommet européen réussi pour l’économie sociale';
const OPEN_LETTER = 'Lettre ouverte : Ancrer l’économie sociale et solidaire dans son futur numérique';

const A_MD = `# ${GARDEN}

Le jardin partagé de Villeurbanne accueille chaque samedi matin les habitants du quartier pour cultiver ensemble tomates, courges et plantes aromatiques.
Les récoltes sont partagées entre les familles et l'épicerie solidaire voisine.

# ${BIKES}

L'atelier vélo solidaire répare gratuitement les bicyclettes des étudiants le mercredi soir, avec des pièces de récupération.
Des bénévoles y apprennent aussi à chacun à entretenir son propre vélo.
`;

const B_MD = `# ${FESTIVAL}

La fête des communs numériques réunit en octobre les associations qui publient des logiciels libres, des cartes ouvertes et des données partagées.
Au programme : ateliers de contribution à Wikipédia et à OpenStreetMap, et une table ronde sur la gouvernance des communs.
`;

interface Env {
  corpus: string;
  db: string;
}

async function setup(files: Record<string, string | Buffer> = { 'a.md': A_MD, 'b.md': B_MD }, exportFiles: string[] = []): Promise<Env> {
  const root = await temp.make('soga-pipeline-');
  const env = { corpus: path.join(root, 'corpus'), db: path.join(root, 'data', 'lancedb') };
  await mkdir(env.corpus, { recursive: true });
  for (const [name, content] of Object.entries(files)) await write(env, name, content);
  await copyExports(env.corpus, exportFiles);
  return env;
}

async function write(env: Env, name: string, content: string | Buffer): Promise<void> {
  await mkdir(path.dirname(path.join(env.corpus, name)), { recursive: true });
  await writeFile(path.join(env.corpus, name), content);
}

interface RunOptions extends Partial<IngestOptions> {
  embedder?: Embedder | null;
  store?: LanceDbStore;
  at?: string;
  log?: string[];
}

/** One ingestion run as the CLI does it: a freshly opened store, unless one is given. */
async function run(env: Env, options: RunOptions = {}): Promise<{ report: IngestReport; store: LanceDbStore; docs: DocumentRecord[] }> {
  const { embedder = null, store: given, at, log, ...ingestOptions } = options;
  const store = given ?? (await LanceDbStore.open({ dir: env.db }));
  const report = await ingest(
    { store, embedder, detector, now: at ? () => new Date(at) : undefined, log: log ? (m) => log.push(m) : undefined },
    { corpusDir: env.corpus, maxFileBytes: 1_000_000, batchSize: 8, parse: PARSE_LIMITS, chunking: CHUNKING, ...ingestOptions },
  );
  return { report, store, docs: await store.listDocuments() };
}

const titles = (docs: DocumentRecord[]) => docs.map((d) => d.title).sort();
const sorted = (list: string[]) => [...list].sort();

async function lexicalHits(store: LanceDbStore, text: string) {
  return (await store.search({ text, k: 10, analyzeAs: ['fr'] })).lexical;
}

async function expectConsistent(store: LanceDbStore, docs: DocumentRecord[]): Promise<void> {
  expect(await store.countChunks()).toBe(docs.reduce((n, d) => n + d.chunkCount, 0));
}

describe('incremental ingestion of a corpus folder', { timeout: 60_000 }, () => {
  it('adds every article on the first run, with its metadata', async () => {
    const env = await setup();
    const { report, store, docs } = await run(env, { at: '2026-01-01T00:00:00Z' });
    expect(sorted(report.added)).toEqual(sorted([GARDEN, BIKES, FESTIVAL]));
    expect(report).toMatchObject({ updated: [], skipped: [], removed: [], failed: [], reembedded: false });
    expect(titles(docs)).toEqual(sorted([GARDEN, BIKES, FESTIVAL]));
    const garden = docs.find((d) => d.title === GARDEN)!;
    expect(garden).toMatchObject({ id: documentId(GARDEN), source: 'a.md', sources: ['a.md'], lang: 'fr', embedModel: null, ingestedAt: '2026-01-01T00:00:00.000Z' });
    expect(report.chunks).toBe(docs.reduce((n, d) => n + d.chunkCount, 0));
    await expectConsistent(store, docs);
    expect((await lexicalHits(store, 'bicyclettes réparées')).map((h) => h.chunk.title)).toContain(BIKES);
  });

  it('skips every unchanged article on the second run and rewrites nothing', async () => {
    const env = await setup();
    const first = await run(env, { at: '2026-01-01T00:00:00Z' });
    const second = await run(env, { at: '2026-02-01T00:00:00Z' });
    expect(sorted(second.report.skipped)).toEqual(sorted([GARDEN, BIKES, FESTIVAL]));
    expect(second.report).toMatchObject({ added: [], updated: [], removed: [], failed: [], reembedded: false });
    expect(second.docs).toEqual(first.docs);
    expect(second.report.chunks).toBe(first.report.chunks);
  });

  it('updates only the articles of an edited file', async () => {
    const env = await setup();
    await run(env, { at: '2026-01-01T00:00:00Z' });
    await write(env, 'a.md', A_MD.replace('le mercredi soir', 'le jeudi soir, au local de la rue Francis-de-Pressensé'));
    const { report, store, docs } = await run(env, { at: '2026-02-01T00:00:00Z' });
    expect(report.updated).toEqual([BIKES]);
    expect(sorted(report.skipped)).toEqual(sorted([GARDEN, FESTIVAL]));
    expect(report).toMatchObject({ added: [], removed: [], failed: [] });
    const ingestedAt = Object.fromEntries(docs.map((d) => [d.title, d.ingestedAt]));
    expect(ingestedAt).toEqual({ [GARDEN]: '2026-01-01T00:00:00.000Z', [BIKES]: '2026-02-01T00:00:00.000Z', [FESTIVAL]: '2026-01-01T00:00:00.000Z' });
    const hits = await lexicalHits(store, 'Pressensé');
    expect(hits.map((h) => h.chunk.title)).toEqual([BIKES]);
    expect(hits[0].chunk.text).toContain('le jeudi soir');
    expect((await lexicalHits(store, 'mercredi')).length).toBe(0);
    await expectConsistent(store, docs);
  });

  it('removes the articles of a deleted file, with their passages', async () => {
    const env = await setup();
    await run(env);
    await rm(path.join(env.corpus, 'a.md'));
    const { report, store, docs } = await run(env);
    expect(sorted(report.removed)).toEqual(sorted([GARDEN, BIKES]));
    expect(report.skipped).toEqual([FESTIVAL]);
    expect(titles(docs)).toEqual([FESTIVAL]);
    expect(await store.getChunks([`${documentId(GARDEN)}#0`, `${documentId(BIKES)}#0`])).toEqual([]);
    expect(await lexicalHits(store, 'jardin vélo')).toEqual([]);
    await expectConsistent(store, docs);
  });

  it('keeps an article exported twice when one of its files is deleted, and updates its sources', async () => {
    const env = await setup({}, [EXPORTS.strasbourg, EXPORTS.bundle]);
    const first = await run(env);
    expect(first.docs.find((d) => d.title === STRASBOURG)!.sources).toEqual([EXPORTS.strasbourg, EXPORTS.bundle]);
    expect(first.docs).toHaveLength(6);
    await rm(path.join(env.corpus, EXPORTS.strasbourg));
    const { report, docs } = await run(env);
    expect(report.removed).toEqual([]);
    expect(report.updated).toEqual([STRASBOURG]);
    expect(report.skipped).toHaveLength(5);
    expect(docs.find((d) => d.title === STRASBOURG)!.sources).toEqual([EXPORTS.bundle]);
  });

  it('ingests Markdown, HTML, text and PDF files in subfolders, and ignores READMEs and hidden files', async () => {
    const env = await setup({
      'README.md': '# À propos de ce dossier\n\nCe fichier explique le dossier et ne doit pas être indexé comme un article.\n',
      '.brouillon.md': '# Brouillon caché\n\nUn fichier caché, laissé par un éditeur, qui ne doit pas être indexé.\n',
      'web/page.html':
        '<!doctype html><html><head><title>x</title></head><body><h1>Repair café de Lille</h1><p>Le repair café de Lille répare petits appareils et vêtements chaque premier dimanche du mois.</p></body></html>',
      'notes/semences.txt': 'Bourse aux semences\n\nBourse aux semences\n\nChaque printemps, la bourse aux semences permet d’échanger des graines paysannes entre voisins.\n',
      'rapport.pdf': buildPdf({ lines: VALID_PDF_LINES }),
    });
    const { report, docs } = await run(env);
    expect(report.failed).toEqual([]);
    expect(Object.fromEntries(docs.map((d) => [d.title, d.source]))).toEqual({
      'Repair café de Lille': 'web/page.html',
      'Bourse aux semences': 'notes/semences.txt',
      [VALID_PDF_LINES[0]]: 'rapport.pdf',
    });
  });

  it('ingests the shipped exports into the twelve articles', async () => {
    const env = await setup({}, Object.values(EXPORTS));
    const { report, store, docs } = await run(env);
    expect(report.added).toHaveLength(12);
    expect(report.failed).toEqual([]);
    expect(docs.map((d) => d.id).every((id, i, all) => all.indexOf(id) === i)).toBe(true);
    expect(docs.find((d) => d.title === OPEN_LETTER)).toMatchObject({ date: '2022-02', lang: 'fr', sources: [EXPORTS.bundle, EXPORTS.openLetter] });
    // Every merge is in the report, with the kept article's title and file and the copy's.
    expect(report.merged).toEqual([
      expect.objectContaining({ title: expect.stringMatching(/^Strasbourg/), source: EXPORTS.strasbourg, copySource: EXPORTS.bundle }),
      { title: OPEN_LETTER, source: EXPORTS.bundle, copyTitle: OPEN_LETTER, copySource: EXPORTS.openLetter },
    ]);
    expect(docs.find((d) => d.title.startsWith('NEC ESS 2025'))).toMatchObject({ date: '2025-11-25' });
    await expectConsistent(store, docs);
  });
});

describe('many new documents are written together', { timeout: 120_000 }, () => {
  // One merge per document scanned the whole table: 1,880 short articles took ten times longer at
  // the end than at the start. The speed itself is measured in bench/ingest.ts.
  it('appends 600 short articles in a few writes, each under 512 passages, and indexes them all', async () => {
    const env = await setup({});
    for (const a of templatedArticles(600)) await write(env, `events/${a.code}.md`, a.markdown);
    const store = await LanceDbStore.open({ dir: env.db });
    const writes: number[] = [];
    let upserts = 0;
    const add = store.addDocuments.bind(store);
    store.addDocuments = (entries) => {
      writes.push(entries.reduce((n, e) => n + e.chunks.length, 0));
      return add(entries);
    };
    const upsert = store.upsertDocument.bind(store);
    store.upsertDocument = (doc, chunks) => {
      upserts++;
      return upsert(doc, chunks);
    };
    const { report, docs } = await run(env, { store });
    expect(report.added).toHaveLength(600);
    expect(docs).toHaveLength(600);
    expect(upserts).toBe(0);
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(report.chunks / 512) + 1);
    expect(writes.every((n) => n < 512 + 20)).toBe(true);
    expect(await store.countChunks()).toBe(report.chunks);
  });
});

describe('a file ingested from outside the corpus folder', { timeout: 60_000 }, () => {
  it('is cited by its file name, never by its absolute path, and found again on the next run', async () => {
    const env = await setup({ 'a.md': A_MD });
    const outside = path.join(path.dirname(env.corpus), 'elsewhere', 'fete.md');
    await mkdir(path.dirname(outside), { recursive: true });
    await writeFile(outside, B_MD);
    const { report, store, docs } = await run(env, { paths: [outside] });
    expect(report.added).toContain(FESTIVAL);
    const doc = docs.find((d) => d.title === FESTIVAL)!;
    expect(doc.source).toBe('fete.md');
    expect(doc.sources).toEqual([outside]);
    const chunks = await store.getChunks(Array.from({ length: doc.chunkCount }, (_, i) => `${doc.id}#${i}`));
    expect(chunks.length).toBe(doc.chunkCount);
    for (const c of chunks) expect(c.source).toBe('fete.md');
    // The next run, without the path, still finds the file and leaves the document alone.
    const again = await run(env);
    expect(again.report.skipped).toContain(FESTIVAL);
    expect(again.report.removed).toEqual([]);
  });
});

describe('a file that cannot be used is reported and loses nothing already ingested', { timeout: 60_000 }, () => {
  it('reports each bad file with its code and keeps the good ones', async () => {
    const env = await setup();
    const before = await run(env);
    const whole = buildPdf({ lines: VALID_PDF_LINES });
    await write(env, 'empty.md', '');
    await write(env, 'locked.pdf', buildPdf({ lines: ['Confidentiel'], encrypted: true }));
    await write(env, 'cut.pdf', whole.subarray(0, Math.floor(whole.length / 2)));
    await write(env, 'page.pdf', '<!doctype html><html><body><p>Pas un PDF</p></body></html>');
    await write(env, 'image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
    await write(env, 'slides.pptx', 'PK fake');
    await write(env, 'huge.txt', '');
    await truncate(path.join(env.corpus, 'huge.txt'), 1_000_001);
    const { report, store, docs } = await run(env);
    const codes = Object.fromEntries(report.failed.map((f) => [f.source, f.code]));
    expect(codes).toEqual({
      'empty.md': 'EMPTY_DOCUMENT',
      'locked.pdf': 'ENCRYPTED_PDF',
      'cut.pdf': 'INVALID_PDF',
      'page.pdf': 'INVALID_PDF',
      'image.md': 'BINARY_CONTENT',
      'slides.pptx': 'UNSUPPORTED_FILE_TYPE',
      'huge.txt': 'FILE_TOO_LARGE',
    });
    for (const f of report.failed) expect(f.message).toContain(f.source);
    expect(report).toMatchObject({ added: [], updated: [], removed: [] });
    expect(docs).toEqual(before.docs);
    await expectConsistent(store, docs);
  });

  it('keeps the articles of a file that fails to load on a later run', async () => {
    const env = await setup();
    const before = await run(env);
    for (const [content, code] of [
      [Buffer.from([0, 1, 2, 3, 0, 5]), 'BINARY_CONTENT'],
      ['', 'EMPTY_DOCUMENT'],
      ['   \n\n', 'EMPTY_DOCUMENT'],
    ] as const) {
      await write(env, 'a.md', content);
      const { report, store, docs } = await run(env);
      expect(report.failed).toEqual([expect.objectContaining({ source: 'a.md', code })]);
      expect(report.removed).toEqual([]);
      expect(docs).toEqual(before.docs);
      expect((await lexicalHits(store, 'bicyclettes')).map((h) => h.chunk.title)).toContain(BIKES);
    }
    // Once the file is fixed, it is in sync again (and unchanged articles are skipped).
    await write(env, 'a.md', A_MD);
    const fixed = await run(env);
    expect(fixed.report).toMatchObject({ failed: [], removed: [], added: [], updated: [] });
  });

  it('keeps everything when the corpus folder itself is missing, and says so', async () => {
    const env = await setup();
    const before = await run(env);
    await rename(env.corpus, `${env.corpus}-moved`);
    const { report, store, docs } = await run(env);
    expect(report.failed).toEqual([expect.objectContaining({ code: 'UNREADABLE_FILE' })]);
    expect(report.failed[0].message).toContain(env.corpus);
    expect(report.removed).toEqual([]);
    expect(docs).toEqual(before.docs);
    await expectConsistent(store, docs);
  });

  it('ingests a valid PDF and makes its text searchable', async () => {
    const env = await setup({ 'rapport.pdf': buildPdf({ lines: VALID_PDF_LINES }) });
    const { report, store, docs } = await run(env);
    expect(report.failed).toEqual([]);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ source: 'rapport.pdf', sources: ['rapport.pdf'] });
    const lexical = await lexicalHits(store, 'Zephyrine');
    expect(lexical.map((h) => h.chunk.source)).toEqual(['rapport.pdf']);
    expect(lexical[0].chunk.text).toContain('La coopérative Zéphyrine finance les communs');
  });
});

/** Root reads through chmod 000; detect it once, at collection time. */
function chmodBlocksReads(): boolean {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'soga-chmod-probe-'));
  try {
    mkdirSync(path.join(dir, 'x'));
    chmodSync(path.join(dir, 'x'), 0o000);
    try {
      readdirSync(path.join(dir, 'x'));
      return false;
    } catch {
      return true;
    } finally {
      chmodSync(path.join(dir, 'x'), 0o755);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const NOBODY = 65534;
const blocksForUs = chmodBlocksReads();
const isRoot = process.getuid?.() === 0;
/**
 * As root, chmod 000 blocks nothing. util-linux's setpriv runs the child as root without the two
 * capabilities that bypass file permissions: it still reaches a checkout under a 0700 folder (its own),
 * which user "nobody", the fallback, cannot.
 */
const DROP_DAC = ['--inh-caps=-dac_override,-dac_read_search', '--bounding-set=-dac_override,-dac_read_search', '--'];
const hasSetpriv = isRoot && !blocksForUs && spawnSync('setpriv', [...DROP_DAC, process.execPath, '-e', '0']).status === 0;

describe('an unreadable folder in the corpus', { timeout: 90_000 }, () => {
  // As root, the scenario runs in a child process that cannot bypass permissions (see DROP_DAC), or as "nobody".
  // Skipped only when reads ignore permissions and we cannot switch user (privileged, but not root).
  const canTest = blocksForUs || isRoot;
  (canTest ? it : it.skip)(`is reported and the articles of its files are kept${canTest ? '' : ' [skipped: chmod does not block reads here and we cannot drop privileges]'}`, async () => {
    const env = await setup({ 'b.md': B_MD, 'locked/a.md': A_MD });
    if (!blocksForUs && !hasSetpriv) {
      const root = path.dirname(env.corpus);
      for (const p of [root, env.corpus, path.join(env.corpus, 'locked'), path.join(env.corpus, 'locked/a.md'), path.join(env.corpus, 'b.md')]) chownSync(p, NOBODY, NOBODY);
    }
    const tsx = createRequire(import.meta.url).resolve('tsx');
    const output = await new Promise<string>((resolve, reject) => {
      const args = ['--import', tsx, path.join(here, 'helpers/unreadable-folder.child.ts'), env.corpus, env.db];
      const child = spawn(hasSetpriv ? 'setpriv' : process.execPath, hasSetpriv ? [...DROP_DAC, process.execPath, ...args] : args, {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, LANCEDB_LOG: 'error' },
        ...(blocksForUs || hasSetpriv ? {} : { uid: NOBODY, gid: NOBODY }),
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`child exited ${code}: ${stderr}`))));
    });
    const { blocked, first, second, titles: kept } = JSON.parse(output) as { blocked: boolean; first: IngestReport; second: IngestReport; titles: string[] };
    expect(blocked).toBe(true);
    expect(sorted(first.added)).toEqual(sorted([GARDEN, BIKES, FESTIVAL]));
    expect(second.failed).toEqual([expect.objectContaining({ source: 'locked', code: 'UNREADABLE_FILE' })]);
    expect(second.failed[0].message).toMatch(/folder cannot be read/);
    expect(second.removed).toEqual([]);
    expect(sorted(kept)).toEqual(sorted([GARDEN, BIKES, FESTIVAL]));
  });
});

describe('a deleted index is rebuilt from the corpus', { timeout: 60_000 }, () => {
  it('re-ingests everything when the LanceDB folder was deleted between runs', async () => {
    const env = await setup();
    const first = await run(env);
    await rm(env.db, { recursive: true, force: true });
    const { report, store, docs } = await run(env);
    expect(sorted(report.added)).toEqual(sorted([GARDEN, BIKES, FESTIVAL]));
    expect(report).toMatchObject({ skipped: [], updated: [], removed: [], failed: [] });
    expect(titles(docs)).toEqual(titles(first.docs));
    expect(await store.countChunks()).toBe(first.report.chunks);
    expect((await lexicalHits(store, 'jardin')).length).toBeGreaterThan(0);
  });

  it('also when the folder disappears under a long-running process that keeps its store open', async () => {
    const env = await setup();
    const first = await run(env);
    await rm(env.db, { recursive: true, force: true });
    const { report, store, docs } = await run(env, { store: first.store });
    expect(sorted(report.added)).toEqual(sorted([GARDEN, BIKES, FESTIVAL]));
    expect(report.failed).toEqual([]);
    expect(titles(docs)).toEqual(titles(first.docs));
    await expectConsistent(store, docs);
    expect((await lexicalHits(store, 'jardin')).length).toBeGreaterThan(0);
    // The next run of the same process is incremental again.
    expect((await run(env, { store })).report.skipped).toHaveLength(3);
  });
});

describe('changing the embedding model re-embeds everything and never mixes vector spaces', { timeout: 120_000 }, () => {
  let cacheDir: string;
  let fixture: Embedder;
  beforeAll(async () => {
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'soga-model-cache-'));
    fixture = await loadFixtureEmbedder(cacheDir);
    return () => rmSync(cacheDir, { recursive: true, force: true });
  });

  it('goes from lexical-only to the fixture model and back', async () => {
    const env = await setup();
    const log: string[] = [];
    const lexical = await run(env, { log });
    expect(lexical.report.reembedded).toBe(false);
    expect(lexical.docs.every((d) => d.embedModel === null)).toBe(true);
    const [queryVector] = await fixture.embedQueries(['atelier vélo solidaire bicyclettes']);
    expect((await lexical.store.search({ text: 'vélo', vector: queryVector, vectorModel: fixture.modelId, k: 5, analyzeAs: ['fr'] })).vector).toEqual([]);

    const embedded = await run(env, { embedder: fixture, log });
    expect(embedded.report.reembedded).toBe(true);
    expect(sorted([...embedded.report.added, ...embedded.report.updated])).toEqual(sorted([GARDEN, BIKES, FESTIVAL]));
    expect(embedded.report.skipped).toEqual([]);
    expect(embedded.docs.map((d) => d.embedModel)).toEqual([fixture.modelId, fixture.modelId, fixture.modelId]);
    expect(fixture.modelId).toContain(FIXTURE_MODEL_ID);
    expect(embedded.store.indexMeta).toMatchObject({ embedModel: fixture.modelId, dimension: 64 });
    expect(log.some((m) => m.includes('re-indexing every document') && m.includes(fixture.modelId))).toBe(true);
    await expectConsistent(embedded.store, embedded.docs);
    // Every stored passage has a vector in the new space: a vector search can reach all of them.
    const total = await embedded.store.countChunks();
    const vectorHits = (await embedded.store.search({ text: 'x', vector: queryVector, vectorModel: fixture.modelId, k: 100, analyzeAs: ['fr'] })).vector;
    expect(vectorHits).toHaveLength(total);
    expect(vectorHits[0].chunk.title).toBe(BIKES);

    const again = await run(env, { embedder: fixture });
    expect(again.report.reembedded).toBe(false);
    expect(again.report.skipped).toHaveLength(3);

    const back = await run(env, { embedder: null });
    expect(back.report.reembedded).toBe(true);
    expect(back.docs.every((d) => d.embedModel === null)).toBe(true);
    expect(back.store.indexMeta).toMatchObject({ embedModel: null, dimension: null });
    expect((await back.store.search({ text: 'vélo', vector: queryVector, vectorModel: fixture.modelId, k: 5, analyzeAs: ['fr'] })).vector).toEqual([]);
    expect((await lexicalHits(back.store, 'vélo')).length).toBeGreaterThan(0);
  });

  it('treats the same files under another model id as another vector space', async () => {
    const env = await setup();
    await run(env, { embedder: fixture });
    const renamed = await loadFixtureEmbedder(cacheDir, { model: 'other/model-id' });
    const { report, docs } = await run(env, { embedder: renamed });
    expect(report.reembedded).toBe(true);
    expect(new Set(docs.map((d) => d.embedModel))).toEqual(new Set([renamed.modelId]));
  });
});

describe('excluded documents are not indexed', { timeout: 60_000 }, () => {
  it('removes an excluded article and brings it back when the exclusion is lifted', async () => {
    const env = await setup();
    await run(env);
    const excluded = await run(env, { exclude: [documentId(BIKES)] });
    expect(excluded.report.removed).toEqual([BIKES]);
    expect(titles(excluded.docs)).toEqual(sorted([GARDEN, FESTIVAL]));
    expect((await lexicalHits(excluded.store, 'bicyclettes')).length).toBe(0);
    const lifted = await run(env, { exclude: [] });
    expect(lifted.report.added).toEqual([BIKES]);
  });

  it('never adds an excluded article on a first run', async () => {
    const env = await setup();
    const { report, docs } = await run(env, { exclude: [documentId(FESTIVAL)] });
    expect(sorted(report.added)).toEqual(sorted([GARDEN, BIKES]));
    expect(titles(docs)).not.toContain(FESTIVAL);
  });
});

describe('an article’s link', { timeout: 60_000 }, () => {
  it('comes from front matter, an HTML canonical link, or sources.json (by title or file), and reaches the passages', async () => {
    const env = await setup({
      'a.md': `---\nurl: https://soga.eu/jardin\n---\n${A_MD.split('# Atelier')[0]}`,
      'b.md': B_MD,
      'page.html': `<html><head><link rel="canonical" href="https://soga.eu/velo"><title>${BIKES}</title></head><body><h1>${BIKES}</h1><p>L'atelier vélo solidaire répare gratuitement les bicyclettes des étudiants le mercredi soir, avec des pièces de récupération. Des bénévoles y apprennent aussi à chacun à entretenir son propre vélo.</p></body></html>`,
      'sources.json': JSON.stringify({ [FESTIVAL.toUpperCase()]: 'https://soga.eu/fete' }),
    });
    const { report, store, docs } = await run(env);
    expect(report.failed).toEqual([]);
    const url = (title: string) => docs.find((d) => d.title === title)?.url;
    expect([url(GARDEN), url(BIKES), url(FESTIVAL)]).toEqual(['https://soga.eu/jardin', 'https://soga.eu/velo', 'https://soga.eu/fete']);
    expect((await lexicalHits(store, 'bicyclettes réparées'))[0].chunk.url).toBe('https://soga.eu/velo');
    expect(docs.find((d) => d.title === GARDEN)!.chunkCount).toBeGreaterThan(0);
    expect((await lexicalHits(store, 'url soga jardin')).some((h) => h.chunk.text.includes('url:'))).toBe(false);
  });

  it('a malformed sources.json is reported by name and keeps the links already stored', async () => {
    const env = await setup({ 'b.md': B_MD, 'sources.json': JSON.stringify({ [FESTIVAL]: 'https://soga.eu/fete' }) });
    await run(env);
    await write(env, 'sources.json', '{ "Fête": ');
    const { report, docs } = await run(env);
    expect(report.failed).toEqual([expect.objectContaining({ source: 'sources.json', code: 'SOURCES_FILE_INVALID' })]);
    expect(docs.find((d) => d.title === FESTIVAL)?.url).toBe('https://soga.eu/fete');
  });
});
