/**
 * LanceDbStore on a real embedded LanceDB in a temporary folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SogaError } from '../../../src/core/errors.js';
import type { Embedder } from '../../../src/core/ports.js';
import type { ChunkWithVector, DocumentRecord } from '../../../src/core/types.js';
import { LanceDbStore, systemErrorCode, wrapWriteError } from '../../../src/infra/lancedb/lancedb-store.js';
import { loadFixtureEmbedder, TempDirs } from '../../ingest/helpers/env.js';

const temp = new TempDirs();
afterEach(() => temp.removeAll());

function doc(id: string, overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id,
    title: `Titre ${id}`,
    source: `${id}.md`,
    sources: [`${id}.md`],
    lang: 'fr',
    date: null,
    contentHash: `hash-${id}`,
    chunkCount: 0,
    ingestedAt: '2026-01-01T00:00:00.000Z',
    embedModel: null,
    ...overrides,
  };
}

function chunks(docId: string, texts: string[], overrides: Partial<ChunkWithVector> = {}): ChunkWithVector[] {
  return texts.map((text, position) => ({
    id: `${docId}#${position}`,
    docId,
    title: `Titre ${docId}`,
    source: `${docId}.md`,
    lang: 'fr',
    date: null,
    position,
    section: null,
    text,
    ...overrides,
  }));
}

async function put(store: LanceDbStore, id: string, texts: string[], docOverrides: Partial<DocumentRecord> = {}, chunkOverrides: Partial<ChunkWithVector> = {}) {
  await store.upsertDocument(doc(id, { chunkCount: texts.length, ...docOverrides }), chunks(id, texts, chunkOverrides));
}

async function lexicalStore(): Promise<{ dir: string; store: LanceDbStore }> {
  const dir = path.join(await temp.make('soga-lance-'), 'lancedb');
  const store = await LanceDbStore.open({ dir, readConsistencySeconds: 0 });
  expect(await store.prepare(null, null)).toEqual({ reset: false });
  return { dir, store };
}

const ids = (hits: { chunk: { id: string } }[]) => hits.map((h) => h.chunk.id);

describe('a document is replaced in one step', { timeout: 30_000 }, () => {
  it('leaves no stale chunk when a document is re-upserted with fewer chunks', async () => {
    const { store } = await lexicalStore();
    await put(store, 'a', ['premier passage sur les jardins', 'deuxième passage sur les vélos', 'troisième passage sur les semences']);
    await put(store, 'b', ['un autre document sur les monnaies locales']);
    expect(await store.countChunks()).toBe(4);
    await put(store, 'a', ['passage unique, réécrit']);
    expect(await store.countChunks()).toBe(2);
    expect((await store.getChunks(['a#0', 'a#1', 'a#2'])).map((c) => c.text)).toEqual(['passage unique, réécrit']);
    expect(await store.getChunks(['b#0'])).toHaveLength(1);
    await store.optimize();
    expect((await store.search({ text: 'semences vélos', k: 10, analyzeAs: ['fr'] })).lexical).toEqual([]);
    expect((await store.listDocuments()).find((d) => d.id === 'a')!.chunkCount).toBe(1);
  });

  it('lets a concurrent reader see the old chunks or the new ones, never a mix or nothing', async () => {
    const { store } = await lexicalStore();
    const version = (v: number, n: number) => Array.from({ length: n }, (_, i) => `version ${v} passage ${i}`);
    await put(store, 'a', version(0, 3));
    const all = ['a#0', 'a#1', 'a#2', 'a#3', 'a#4'];
    const seen: string[] = [];
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const got = await store.getChunks(all);
        const versions = new Set(got.map((c) => c.text.split(' passage')[0]));
        seen.push(`${got.length}:${[...versions].join(',')}`);
      }
    })();
    for (let v = 1; v <= 12; v++) await put(store, 'a', version(v, v % 2 ? 5 : 3));
    writing = false;
    await reader;
    expect(seen.length).toBeGreaterThan(3);
    for (const s of seen) expect(s).toMatch(/^(3:version (\d+)|5:version (\d+))$/);
  });

  it('keeps a document with no chunks as a row without passages', async () => {
    const { store } = await lexicalStore();
    await put(store, 'a', ['un passage']);
    await store.upsertDocument(doc('a', { chunkCount: 0 }), []);
    expect(await store.countChunks()).toBe(0);
    expect((await store.listDocuments()).map((d) => d.id)).toEqual(['a']);
  });
});

describe('documents are listed, read back and deleted', { timeout: 30_000 }, () => {
  it('round-trips every field of a document, nulls included, sorted by title', async () => {
    const { store } = await lexicalStore();
    const full = doc('z', { title: 'Zéro déchet', sources: ['z.md', 'uploads/2026-01-01-abcd1234-z.md'], url: 'https://soga.eu/z', date: '2025-11-25', lang: 'en', chunkCount: 1, embedModel: null });
    const bare = doc('m', { title: 'Atelier', chunkCount: 1 });
    await store.upsertDocument(full, chunks('z', ['texte z'], { lang: 'en', date: '2025-11-25', section: 'Intro', context: 'Le chapeau de z.', url: 'https://soga.eu/z' }));
    await store.upsertDocument(bare, chunks('m', ['texte m']));
    // A document without a link reads back with url null.
    expect(await store.listDocuments()).toEqual([{ ...bare, url: null }, full]);
    expect(await store.getChunks(['z#0'])).toEqual([
      {
        id: 'z#0',
        docId: 'z',
        title: 'Titre z',
        source: 'z.md',
        lang: 'en',
        date: '2025-11-25',
        position: 0,
        section: 'Intro',
        context: 'Le chapeau de z.',
        url: 'https://soga.eu/z',
        text: 'texte z',
      },
    ]);
    expect((await store.corpusLanguages()).sort()).toEqual(['en', 'fr']);
  });

  it('deletes a document and its chunks, and nothing else', async () => {
    const { store } = await lexicalStore();
    await put(store, 'a', ['un', 'deux']);
    await put(store, 'b', ['trois']);
    await store.deleteDocument('a');
    expect((await store.listDocuments()).map((d) => d.id)).toEqual(['b']);
    expect(await store.getChunks(['a#0', 'a#1', 'b#0'])).toHaveLength(1);
    expect(await store.countChunks()).toBe(1);
  });

  it('answers an index that was never prepared with empty results', async () => {
    const store = await LanceDbStore.open({ dir: path.join(await temp.make('soga-lance-'), 'never') });
    expect(await store.listDocuments()).toEqual([]);
    expect(await store.countChunks()).toBe(0);
    expect(await store.search({ text: 'économie', k: 5, analyzeAs: ['fr'] })).toEqual({ vector: [], lexical: [], ngram: [] });
    expect((await store.termStats()).total).toBe(0);
    await expect(store.upsertDocument(doc('a'), [])).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });

  it('shows another process the index it created after this store was opened', async () => {
    const dir = path.join(await temp.make('soga-lance-'), 'lancedb');
    const bot = await LanceDbStore.open({ dir, readConsistencySeconds: 0 });
    expect(await bot.listDocuments()).toEqual([]);
    const ingester = await LanceDbStore.open({ dir, readConsistencySeconds: 0 });
    await ingester.prepare(null, null);
    await put(ingester, 'a', ["l'économie sociale et solidaire en Europe"]);
    await ingester.optimize();
    expect((await bot.listDocuments()).map((d) => d.id)).toEqual(['a']);
    expect(ids((await bot.search({ text: 'économie', k: 5, analyzeAs: ['fr'] })).lexical)).toEqual(['a#0']);
    await put(ingester, 'b', ['les monnaies locales']);
    expect((await bot.listDocuments()).map((d) => d.id)).toEqual(['a', 'b']);
  });
});

describe('an error never empties the index', { timeout: 30_000 }, () => {
  async function filled(): Promise<{ dir: string; store: LanceDbStore }> {
    const { dir, store } = await lexicalStore();
    await put(store, 'a', ['les monnaies locales', "l'économie sociale"]);
    return { dir, store };
  }
  const rowsOnDisk = async (dir: string) => {
    const db = await lancedb.connect(dir);
    return { chunks: await (await db.openTable('chunks')).countRows(), documents: await (await db.openTable('documents')).countRows() };
  };

  it('stops prepare() when the tables cannot be listed, instead of recreating them empty', async () => {
    const { dir, store } = await filled();
    // A transient I/O error of the connection (the store's own, reached past its private field).
    const connection = (store as unknown as { db: lancedb.Connection }).db;
    const spy = vi.spyOn(connection, 'tableNames').mockRejectedValueOnce(new Error('Input/output error (os error 5)'));
    await expect(store.prepare(null, null)).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringContaining('nothing was changed') });
    expect(spy).toHaveBeenCalled();
    expect(await rowsOnDisk(dir)).toEqual({ chunks: 2, documents: 1 });
    // Once the error has passed, the same store goes on with everything it had.
    expect(await store.prepare(null, null)).toEqual({ reset: false });
    expect((await store.listDocuments()).map((d) => d.id)).toEqual(['a']);
  });

  it('refuses an index description that is not what it should be, rather than taking it for another model', async () => {
    const { dir } = await filled();
    for (const bad of ['{"schemaVersion": "3", "embedModel": null}', '{"schemaVersion": 3, "embedModel": null, "dimension": -1}', '{ truncated']) {
      writeFileSync(path.join(dir, 'index-meta.json'), bad);
      await expect(LanceDbStore.open({ dir })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      expect(await rowsOnDisk(dir)).toEqual({ chunks: 2, documents: 1 });
    }
  });
});

describe('a full disk is told by the error code, not the message', () => {
  it('reads ENOSPC from Node errors, from the cause chain, and from the errno of a native LanceDB error', () => {
    const node = Object.assign(new Error('write failed'), { code: 'ENOSPC' });
    expect(systemErrorCode(node)).toBe('ENOSPC');
    expect(systemErrorCode(new Error('commit failed', { cause: node }))).toBe('ENOSPC');
    expect(systemErrorCode(Object.assign(new Error('lance error: IO error: failed to write (os error 28)'), { code: 'GenericFailure' }))).toBe('ENOSPC');
    expect(wrapWriteError(node, 'writing "x"').code).toBe('DISK_FULL');
  });

  it('does not take a message that only mentions space for a full disk', () => {
    expect(systemErrorCode(new Error('No space left in the title column (ENOSPC)'))).toBeUndefined();
    expect(wrapWriteError(new Error('No space left in the title column (ENOSPC)'), 'writing "x"').code).toBe('STORE_WRITE_FAILED');
  });
});

describe('text search: language-aware stems and accent-folded n-grams', { timeout: 30_000 }, () => {
  let store: LanceDbStore;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'soga-lance-search-'));
    store = await LanceDbStore.open({ dir });
    await store.prepare(null, null);
    await put(store, 'org', ["Chaque organisation membre signe la charte de l'association."]);
    await put(store, 'eco', ["L'économie sociale et solidaire rassemble coopératives, mutuelles et fondations."]);
    await put(store, 'bike', ["L'atelier répare les vélos des étudiants le mercredi soir."]);
    await put(store, 'en', ['Our volunteers prepared the summit in Mannheim.'], {}, { lang: 'en' });
    await store.optimize();
    return () => rmSync(dir, { recursive: true, force: true });
  });

  it('finds "organisation" for the query "organisations" (French stemming)', async () => {
    const { lexical } = await store.search({ text: 'organisations', k: 5, analyzeAs: ['fr'] });
    expect(ids(lexical)).toEqual(['org#0']);
  });

  it('finds "économie" for the query "economie" (accents folded), in both lists', async () => {
    const { lexical, ngram } = await store.search({ text: 'economie', k: 5, analyzeAs: ['fr'] });
    expect(ids(lexical)).toEqual(['eco#0']);
    expect(ids(ngram)[0]).toBe('eco#0');
  });

  it('stems a question as each language of the corpus', async () => {
    expect(ids((await store.search({ text: 'volunteer', k: 5, analyzeAs: ['fr'] })).lexical)).toEqual([]);
    expect(ids((await store.search({ text: 'volunteer', k: 5, analyzeAs: ['fr', 'en'] })).lexical)).toEqual(['en#0']);
  });

  it('catches cognates with n-grams where stems differ ("solidarity" → "solidaire")', async () => {
    const { lexical, ngram } = await store.search({ text: 'solidarity', k: 5, analyzeAs: ['en'] });
    expect(ids(lexical)).not.toContain('eco#0');
    expect(ids(ngram)[0]).toBe('eco#0');
  });

  it('ranks by BM25 and returns nothing for absent words', async () => {
    const { lexical } = await store.search({ text: 'vélos étudiants', k: 5, analyzeAs: ['fr'] });
    expect(ids(lexical)[0]).toBe('bike#0');
    expect(lexical[0].score).toBeGreaterThan(0);
    expect((await store.search({ text: 'xylophone', k: 5, analyzeAs: ['fr'] })).lexical).toEqual([]);
  });

  it('searches rows written after the index was built', async () => {
    await put(store, 'late', ['La ressourcerie collecte les meubles inutilisés.']);
    expect(ids((await store.search({ text: 'ressourcerie', k: 5, analyzeAs: ['fr'] })).lexical)).toEqual(['late#0']);
    await store.deleteDocument('late');
  });

  it('returns no vector list on a lexical-only index, even when given a vector', async () => {
    const { vector } = await store.search({ text: 'vélos', vector: new Float32Array(64).fill(0.1), k: 5, analyzeAs: ['fr'] });
    expect(vector).toEqual([]);
  });
});

describe('past trigramMaxRows: the stems with edit distance 1 instead of trigrams', { timeout: 30_000 }, () => {
  let dir: string;
  let store: LanceDbStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'soga-lance-fuzzy-'));
    const small = await LanceDbStore.open({ dir, readConsistencySeconds: 0 });
    await small.prepare(null, null);
    await put(small, 'eco', ["L'économie sociale et solidaire rassemble coopératives, mutuelles et fondations."]);
    await put(small, 'bike', ["L'atelier répare les vélos des étudiants le mercredi soir."]);
    await put(small, 'en', ['Our volunteers prepared the summit in Mannheim.'], {}, { lang: 'en' });
    await small.optimize();
    store = await LanceDbStore.open({ dir, readConsistencySeconds: 0, trigramMaxRows: 2 });
    return () => rmSync(dir, { recursive: true, force: true });
  });

  it('drops the trigram index once the table is past the threshold', async () => {
    const table = await (await lancedb.connect(dir)).openTable('chunks');
    expect((await table.listIndices()).flatMap((i) => i.columns).sort()).toEqual(['grams', 'lex']);
    await store.optimize(); // 3 passages > 2
    await table.checkoutLatest();
    expect((await table.listIndices()).flatMap((i) => i.columns)).toEqual(['lex']);
  });

  it('catches cognates whose stems differ by a letter ("solidarity" → "solidaire")', async () => {
    await store.optimize();
    const { lexical, ngram } = await store.search({ text: 'solidarity', k: 5, analyzeAs: ['en'] });
    expect(ids(lexical)).not.toContain('eco#0');
    expect(ids(ngram)).toEqual(['eco#0']);
  });

  it('forgives a typo in the approximate list only, and stops at one edit', async () => {
    await store.optimize();
    const typo = await store.search({ text: 'rasemble', k: 5, analyzeAs: ['fr'] });
    expect(typo.lexical).toEqual([]);
    expect(ids(typo.ngram)).toEqual(['eco#0']);
    expect((await store.search({ text: 'rasembel', k: 5, analyzeAs: ['fr'] })).ngram).toEqual([]);
  });

  it('still finds exact words in both lists', async () => {
    await store.optimize();
    const { lexical, ngram } = await store.search({ text: 'vélos', k: 5, analyzeAs: ['fr'] });
    expect(ids(lexical)).toEqual(['bike#0']);
    expect(ids(ngram)).toEqual(['bike#0']);
  });
});

describe('past trigramMaxRows: the stems one edit away come from a vocabulary of the index', { timeout: 30_000 }, () => {
  // Past the threshold: the approximate list is the question's stems plus the indexed stems one edit away.
  async function largeStore(warn?: (m: string) => void): Promise<{ dir: string; store: LanceDbStore }> {
    const dir = path.join(await temp.make('soga-lance-vocab-'), 'lancedb');
    const store = await LanceDbStore.open({ dir, readConsistencySeconds: 0, trigramMaxRows: 0, warn });
    await store.prepare(null, null);
    return { dir, store };
  }
  const vocabularyFile = (dir: string) => path.join(dir, 'stem-vocabulary.json');

  it('is counted by optimize() and saved beside the tables with the passages of each stem', async () => {
    const { dir, store } = await largeStore();
    await put(store, 'eco', ["L'économie sociale et solidaire rassemble coopératives, mutuelles et fondations."]);
    await put(store, 'eco2', ['Économie circulaire']);
    await store.optimize();
    const saved = JSON.parse(readFileSync(vocabularyFile(dir), 'utf8')) as { version: number; stems: [string, number][] };
    const counts = new Map(saved.stems);
    expect(counts.get('econom')).toBe(2);
    expect(counts.get('rassembl')).toBe(1);
    expect(saved.version).toBe(await (await (await lancedb.connect(dir)).openTable('chunks')).version());
  });

  it('is not kept for a table that is still searched with trigrams', async () => {
    const dir = path.join(await temp.make('soga-lance-vocab-'), 'lancedb');
    const store = await LanceDbStore.open({ dir, readConsistencySeconds: 0, trigramMaxRows: 5 });
    await store.prepare(null, null);
    await put(store, 'eco', ['économie sociale']);
    await store.optimize();
    expect(existsSync(vocabularyFile(dir))).toBe(false);
  });

  it('matches a typo in every word of a long question, not only in the first ones', async () => {
    const { store } = await largeStore();
    // "cas" has twelve neighbours: LanceDB's fuzzy query spent its 10 expansions for the whole question on them.
    for (const c of 'abcdefghijkl') await put(store, `ca${c}`, [`ca${c}`]);
    await put(store, 'bike', ["L'atelier répare les vélos des étudiants le mercredi soir."]);
    await store.optimize();
    const { lexical, ngram } = await store.search({ text: 'caz atelir', k: 30, analyzeAs: ['fr'] });
    expect(ids(lexical)).toEqual([]);
    expect(ids(ngram)).toContain('bike#0');
    expect(ids(ngram)).toContain('caa#0');
  });

  it('is read from the file by another store, which then does not use the fuzzy query', async () => {
    const { dir, store } = await largeStore();
    await put(store, 'eco', ["L'économie sociale et solidaire rassemble coopératives, mutuelles et fondations."]);
    await store.optimize();
    // Doctored file: a stem one edit from "rassembl" that no passage holds, so a read (not a count) shows.
    const saved = JSON.parse(readFileSync(vocabularyFile(dir), 'utf8')) as { version: number; stems: [string, number][] };
    writeFileSync(vocabularyFile(dir), JSON.stringify({ ...saved, stems: [['rassemble', 5]] }));
    const reader = await LanceDbStore.open({ dir, readConsistencySeconds: 0, trigramMaxRows: 0 });
    // The first question starts the read and does not wait for it: LanceDB's fuzzy query, counted.
    expect(ids((await reader.search({ text: 'rasembl', k: 5, analyzeAs: ['fr'] })).ngram)).toEqual(['eco#0']);
    expect(reader.fuzzyFallbacks).toBe(1);
    await reader.vocabularyReady();
    // "rasembles" → "rasembl" is one edit from "rassemble" (the doctored stem), two from "rassembl": nothing.
    expect((await reader.search({ text: 'rasembl', k: 5, analyzeAs: ['fr'] })).ngram).toEqual([]);
    expect(reader.fuzzyFallbacks).toBe(1);
  });

  it('is counted in the background and saved for an index optimised before vocabularies existed', async () => {
    const { dir, store } = await largeStore();
    await put(store, 'eco', ["L'économie sociale et solidaire rassemble coopératives, mutuelles et fondations."]);
    await store.optimize();
    rmSync(vocabularyFile(dir));
    const reader = await LanceDbStore.open({ dir, readConsistencySeconds: 0, trigramMaxRows: 0 });
    expect(ids((await reader.search({ text: 'rasemble', k: 5, analyzeAs: ['fr'] })).ngram)).toEqual(['eco#0']);
    await reader.vocabularyReady();
    expect(existsSync(vocabularyFile(dir))).toBe(true);
    expect(ids((await reader.search({ text: 'rasemble', k: 5, analyzeAs: ['fr'] })).ngram)).toEqual(['eco#0']);
    expect(reader.fuzzyFallbacks).toBe(1);
  });

  it("reaches the new stems of another process's ingest once it has optimised, and keeps searching rows written before that", async () => {
    const { dir, store } = await largeStore();
    await put(store, 'eco', ['économie sociale']);
    await store.optimize();
    const reader = await LanceDbStore.open({ dir, readConsistencySeconds: 0, trigramMaxRows: 0 });
    await reader.search({ text: 'economie', k: 5, analyzeAs: ['fr'] });
    await reader.vocabularyReady();
    await put(store, 'late', ['La ressourcerie collecte les meubles.']); // no optimize() yet
    const before = await reader.search({ text: 'ressourcerie', k: 5, analyzeAs: ['fr'] });
    expect(ids(before.lexical)).toEqual(['late#0']);
    expect(ids(before.ngram)).toEqual(['late#0']); // the exact stem is always in the query
    await reader.vocabularyReady();
    expect((await reader.search({ text: 'resourcerie', k: 5, analyzeAs: ['fr'] })).ngram).toEqual([]);
    await store.optimize();
    await reader.search({ text: 'economie', k: 5, analyzeAs: ['fr'] }); // a new version: the file is looked at
    await reader.vocabularyReady();
    expect(ids((await reader.search({ text: 'resourcerie', k: 5, analyzeAs: ['fr'] })).ngram)).toEqual(['late#0']);
    expect(reader.fuzzyFallbacks).toBe(1);
  });

  it('serves words whose first letter is not ASCII, with the vocabulary and before it is read', async () => {
    const { dir, store } = await largeStore();
    await put(store, 'oeuvre', ["Les œuvres de l'atelier sont exposées."]);
    await put(store, 'school', ['Школа открыта.'], {}, { lang: 'ru' });
    await store.optimize();
    // A typo after the first letter: found through the vocabulary.
    expect(ids((await store.search({ text: 'œuvrs', k: 5, analyzeAs: ['fr'] })).ngram)).toEqual(['oeuvre#0']);
    // A fresh store has no vocabulary yet: LanceDB's fuzzy query, which would panic on these stems.
    const reader = await LanceDbStore.open({ dir, readConsistencySeconds: 0, trigramMaxRows: 0 });
    const mixed = await reader.search({ text: 'œuvres школа atelir', k: 5, analyzeAs: ['fr', 'ru'] });
    expect(reader.fuzzyFallbacks).toBe(1);
    expect(ids(mixed.lexical).sort()).toEqual(['oeuvre#0', 'school#0']);
    expect(ids(mixed.ngram)).toEqual(['oeuvre#0']); // "atelir" → "atelier"; the other two in the exact list
    const another = await LanceDbStore.open({ dir, readConsistencySeconds: 0, trigramMaxRows: 0 });
    expect(ids((await another.search({ text: 'школа', k: 5, analyzeAs: ['fr', 'ru'] })).ngram)).toEqual(['school#0']);
    expect(another.fuzzyFallbacks).toBe(1);
    await Promise.all([reader.vocabularyReady(), another.vocabularyReady()]);
  });

  it('is forgotten when the index is emptied for another model', async () => {
    const { dir, store } = await largeStore();
    await put(store, 'eco', ['économie sociale']);
    await store.optimize();
    expect(existsSync(vocabularyFile(dir))).toBe(true);
    await store.prepare('other-model', 8);
    expect(existsSync(vocabularyFile(dir))).toBe(false);
    expect(await store.search({ text: 'economie', k: 5, analyzeAs: ['fr'] })).toEqual({ vector: [], lexical: [], ngram: [] });
    await store.vocabularyReady(); // the empty table's (empty) vocabulary, counted in the background
    expect(await store.search({ text: 'economi', k: 5, analyzeAs: ['fr'] })).toEqual({ vector: [], lexical: [], ngram: [] });
  });

  it('falls back to the fuzzy query with one warning when the vocabulary can be neither read nor counted', async () => {
    const warnings: string[] = [];
    const { dir, store } = await largeStore((m) => warnings.push(m));
    await put(store, 'eco', ['économie sociale']);
    await store.optimize();
    const reader = await LanceDbStore.open({ dir, readConsistencySeconds: 0, trigramMaxRows: 0, warn: (m) => warnings.push(m) });
    // Neither readable nor replaceable: a non-empty folder where the file should be.
    rmSync(vocabularyFile(dir), { force: true });
    mkdirSync(path.join(vocabularyFile(dir), 'in-the-way'), { recursive: true });
    expect(ids((await reader.search({ text: 'economi', k: 5, analyzeAs: ['fr'] })).ngram)).toEqual(['eco#0']);
    await reader.vocabularyReady();
    // Counted in memory: used from then on, and the failed save said once.
    expect(ids((await reader.search({ text: 'economi', k: 5, analyzeAs: ['fr'] })).ngram)).toEqual(['eco#0']);
    expect(reader.fuzzyFallbacks).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/stem vocabulary could not be saved/);
  });
});

describe('vector search with the fixture embedder', { timeout: 60_000 }, () => {
  let embedder: Embedder;
  let cacheDir: string;
  beforeAll(async () => {
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'soga-lance-cache-'));
    embedder = await loadFixtureEmbedder(cacheDir);
    return () => rmSync(cacheDir, { recursive: true, force: true });
  });

  async function vectorStore() {
    const dir = path.join(await temp.make('soga-lance-vec-'), 'lancedb');
    const store = await LanceDbStore.open({ dir });
    await store.prepare(embedder.modelId, embedder.dimension);
    return store;
  }

  it('never compares a query vector made by another model with the stored vectors', async () => {
    const store = await vectorStore();
    const text = 'Le sommet européen de l’économie sociale à Strasbourg.';
    const [vector] = await embedder.embedPassages([text]);
    await store.upsertDocument(doc('other', { chunkCount: 1, embedModel: embedder.modelId }), chunks('other', [text], { vector }));
    const [query] = await embedder.embedQueries(['sommet Strasbourg']);
    expect((await store.search({ text: 'sommet', vector: query, vectorModel: 'another-model', k: 3, analyzeAs: ['fr'] })).vector).toEqual([]);
    expect((await store.search({ text: 'sommet', vector: query, vectorModel: embedder.modelId, k: 3, analyzeAs: ['fr'] })).vector).not.toEqual([]);
  });

  it('ranks first the passage that shares the query words', async () => {
    const store = await vectorStore();
    const texts = {
      summit: 'Le sommet européen de l’économie sociale à Strasbourg a réuni deux mille participants venus de quatorze pays.',
      podcast: 'Jeanne Bretécher parle d’intelligence artificielle et de communs numériques dans un podcast.',
      donations: 'Les micro-dons en caisse permettent d’arrondir ses achats au profit des associations.',
    };
    for (const [id, text] of Object.entries(texts)) {
      const [vector] = await embedder.embedPassages([text]);
      await store.upsertDocument(doc(id, { chunkCount: 1, embedModel: embedder.modelId }), chunks(id, [text], { vector }));
    }
    for (const [id, query] of [
      ['summit', 'sommet européen Strasbourg participants'],
      ['podcast', 'podcast intelligence artificielle Jeanne'],
      ['donations', 'micro-dons en caisse associations'],
    ] as const) {
      const [vector] = await embedder.embedQueries([query]);
      const hits = (await store.search({ text: query, vector, vectorModel: embedder.modelId, k: 3, analyzeAs: ['fr'] })).vector;
      expect(ids(hits)[0], query).toBe(`${id}#0`);
      expect(hits).toHaveLength(3);
      expect(hits[0].score).toBeGreaterThan(hits[1].score);
      expect(hits[0].score).toBeLessThanOrEqual(1);
    }
  });

  it('refuses a chunk whose vector is missing or of another dimension', async () => {
    const store = await vectorStore();
    const missing = store.upsertDocument(doc('a', { chunkCount: 1 }), chunks('a', ['texte']));
    await expect(missing).rejects.toBeInstanceOf(SogaError);
    await expect(missing).rejects.toMatchObject({ code: 'EMBEDDING_DIMENSION_MISMATCH' });
    await expect(store.upsertDocument(doc('a', { chunkCount: 1 }), chunks('a', ['texte'], { vector: new Float32Array(32) }))).rejects.toMatchObject({
      code: 'EMBEDDING_DIMENSION_MISMATCH',
    });
    expect(await store.countChunks()).toBe(0);
    expect(await store.listDocuments()).toEqual([]);
  });

  it('empties the index when the model changes, and keeps it when it does not', async () => {
    const store = await vectorStore();
    const [vector] = await embedder.embedPassages(['texte']);
    await store.upsertDocument(doc('a', { chunkCount: 1 }), chunks('a', ['texte'], { vector }));
    expect(await store.prepare(embedder.modelId, embedder.dimension)).toEqual({ reset: false });
    expect(await store.countChunks()).toBe(1);
    expect(await store.prepare('another/model', 64)).toEqual({ reset: true });
    expect(await store.countChunks()).toBe(0);
    expect(await store.listDocuments()).toEqual([]);
    expect(store.indexMeta).toMatchObject({ embedModel: 'another/model', dimension: 64 });
  });
});

describe("passages are found by their article's lead", { timeout: 30_000 }, () => {
  const lead = 'Le 17 novembre 2023 marque la fin de NEC ESS Europe.';

  it('finds a passage by words only the lead has, and returns the lead with it', async () => {
    const { store } = await lexicalStore();
    await put(store, 'interview', [lead, 'Denis Stokkink a présenté la Social Tech Academy.'], {}, { context: lead });
    await put(store, 'other', ['La Social Tech Academy forme aux métiers du numérique.']);
    await store.optimize();
    const { lexical } = await store.search({ text: 'Qui a présenté la Social Tech Academy au NEC ESS 2023 ?', k: 5, analyzeAs: ['fr'] });
    expect(ids(lexical)[0]).toBe('interview#1');
    expect(lexical[0].chunk.context).toBe(lead);
  });

  it('does not count the lead in the term statistics: repeated in every passage, its words would look common', async () => {
    const { store } = await lexicalStore();
    await put(store, 'a', [lead, 'Premier passage.', 'Second passage.'], {}, { context: lead });
    const stats = await store.termStats();
    expect(stats.total).toBe(3);
    expect(stats.df('novembre')).toBe(1);
    expect(stats.df('passage')).toBe(2);
  });

  it('still searches an index built before passages had a lead, until the next ingest rebuilds it', async () => {
    const { dir, store } = await lexicalStore();
    await put(store, 'a', ['La ressourcerie collecte les meubles.']);
    await store.optimize();
    const table = await (await lancedb.connect(dir)).openTable('chunks');
    await table.dropColumns(['context']);
    const reopened = await LanceDbStore.open({ dir, readConsistencySeconds: 0 });
    const { lexical } = await reopened.search({ text: 'ressourcerie', k: 5, analyzeAs: ['fr'] });
    expect(ids(lexical)).toEqual(['a#0']);
    expect(lexical[0].chunk.context ?? null).toBeNull();
    expect((await reopened.getChunks(['a#0']))[0].text).toBe('La ressourcerie collecte les meubles.');
    // The column comes back (another process rebuilt the table): the open store reads it from then on.
    await table.addColumns([{ name: 'context', valueSql: "'Le chapeau.'" }]);
    expect((await reopened.getChunks(['a#0']))[0].context).toBe('Le chapeau.');
  });
});

describe('term statistics count the passages that use each word', { timeout: 30_000 }, () => {
  it('counts passages, not occurrences, with folded words, and follows writes', async () => {
    const { store } = await lexicalStore();
    await store.upsertDocument(doc('a', { chunkCount: 2 }), [
      ...chunks('a', ['Économie économie sociale'], { title: 'Jardins' }),
      ...chunks('a', ['Les coopératives'], { title: 'Jardins' }).map((c) => ({ ...c, id: 'a#1', position: 1 })),
    ]);
    await store.upsertDocument(doc('b', { chunkCount: 1 }), chunks('b', ['économie circulaire'], { title: 'Ressourcerie' }));
    const stats = await store.termStats();
    expect(stats.total).toBe(3);
    expect(stats.df('economie')).toBe(2);
    expect(stats.df('cooperatives')).toBe(1);
    expect(stats.df('jardins')).toBe(2); // the title is indexed with every passage
    expect(stats.df('absent')).toBe(0);
    await store.deleteDocument('b');
    await store.optimize(); // as every ingest ends
    const after = await store.termStats();
    expect(after.total).toBe(2);
    expect(after.df('economie')).toBe(1);
    expect(after.df('circulaire')).toBe(0);
  });

  it('are counted by optimize() and read back from its file by another store, without a scan', async () => {
    const { dir, store } = await lexicalStore();
    await put(store, 'a', ['économie sociale', 'jardins partagés']);
    await store.optimize();
    const file = path.join(dir, 'term-stats.json');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved).toMatchObject({ total: 2, df: { economie: 1, jardins: 1 } });
    // A reader given doctored figures for the current version uses them: it read the file, it did not count.
    writeFileSync(file, JSON.stringify({ ...saved, total: 99, df: { economie: 42 } }));
    const reader = await LanceDbStore.open({ dir, readConsistencySeconds: 0 });
    const stats = await reader.termStats();
    expect(stats.total).toBe(99);
    expect(stats.df('economie')).toBe(42);
  });

  it('serve the last figures while new writes are counted in the background, then the new ones', async () => {
    const { dir, store } = await lexicalStore();
    await put(store, 'a', ['économie sociale']);
    await store.optimize();
    const reader = await LanceDbStore.open({ dir, readConsistencySeconds: 0 });
    expect((await reader.termStats()).total).toBe(1);
    await put(store, 'b', ['économie circulaire', 'ressourcerie']); // no optimize(): an ingest still under way
    expect((await reader.termStats()).total).toBe(1);
    await expect.poll(async () => (await reader.termStats()).total, { timeout: 10_000 }).toBe(3);
    expect((await reader.termStats()).df('economie')).toBe(2);
  });

  it('are still served when they cannot be saved, with one warning that says so', async () => {
    const dir = path.join(await temp.make('soga-lance-'), 'lancedb');
    const warnings: string[] = [];
    const store = await LanceDbStore.open({ dir, readConsistencySeconds: 0, warn: (m) => warnings.push(m) });
    await store.prepare(null, null);
    await put(store, 'a', ['économie sociale']);
    // A folder where the file should go: the rename onto it fails, as on a read-only or full disk.
    mkdirSync(path.join(dir, 'term-stats.json'));
    expect((await store.termStats()).total).toBe(1);
    await put(store, 'b', ['économie circulaire']);
    await store.optimize();
    expect((await store.termStats()).df('economie')).toBe(2);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/word frequencies could not be saved/);
  });

  it('are counted on the spot for an index that never had any, and forgotten when the index is emptied', async () => {
    const { dir, store } = await lexicalStore();
    await put(store, 'a', ['économie sociale']);
    expect(existsSync(path.join(dir, 'term-stats.json'))).toBe(false);
    expect((await store.termStats()).total).toBe(1);
    expect(existsSync(path.join(dir, 'term-stats.json'))).toBe(true);
    await store.prepare('other-model', 8); // another model: the index is emptied
    expect(existsSync(path.join(dir, 'term-stats.json'))).toBe(false);
    expect((await store.termStats()).total).toBe(0);
  });
});

describe('ids with quotes go through SQL filters safely', { timeout: 30_000 }, () => {
  it("upserts, replaces, reads and deletes a document whose id contains '", async () => {
    const { store } = await lexicalStore();
    const id = "l'atelier d'été";
    await put(store, id, ['premier', 'deuxième', 'troisième']);
    await put(store, 'other', ['autre']);
    expect((await store.getChunks([`${id}#0`, `${id}#2`])).map((c) => c.text).sort()).toEqual(['premier', 'troisième']);
    await put(store, id, ['seul']);
    expect(await store.getChunks([`${id}#1`, `${id}#2`])).toEqual([]);
    expect(await store.countChunks()).toBe(2);
    await store.deleteDocument(id);
    expect((await store.listDocuments()).map((d) => d.id)).toEqual(['other']);
    expect(await store.countChunks()).toBe(1);
  });

  it('treats an injection attempt as a plain id', async () => {
    const { store } = await lexicalStore();
    await put(store, 'keep', ['à garder']);
    await store.deleteDocument("x' OR '1'='1");
    await put(store, "y' OR doc_id <> '", ['injecté']);
    expect((await store.listDocuments()).map((d) => d.id).sort()).toEqual(['keep', "y' OR doc_id <> '"]);
    expect(await store.countChunks()).toBe(2);
  });
});

describe('orphan chunks left by a crash are removed', { timeout: 30_000 }, () => {
  it('removes the chunks whose document row is missing, and only those', async () => {
    const { dir, store } = await lexicalStore();
    await put(store, 'a', ['un', 'deux']);
    await put(store, 'b', ['trois']);
    // A crash between the chunks and the document row: the row is missing.
    const db = await lancedb.connect(dir);
    await (await db.openTable('documents')).delete("id = 'a'");
    expect(await store.countChunks()).toBe(3);
    expect(await store.removeOrphans()).toBe(1);
    expect(await store.countChunks()).toBe(1);
    expect((await store.getChunks(['b#0'])).map((c) => c.text)).toEqual(['trois']);
    expect(await store.removeOrphans()).toBe(0);
  });
});
