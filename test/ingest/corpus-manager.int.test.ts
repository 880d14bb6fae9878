/**
 * CorpusFolder: uploads from chat or the web are checked, stored under corpus/uploads with a generated
 * name, ingested at once; removal deletes an upload or excludes an article of a shared export.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusFolder } from '../../ingest/corpus-manager.js';
import { documentId } from '../../ingest/pipeline.js';
import { SogaError, type SogaErrorCode } from '../../src/core/errors.js';
import { LanceDbStore } from '../../src/infra/lancedb/lancedb-store.js';
import { CHUNKING, newDetector, PARSE_LIMITS, TempDirs } from './helpers/env.js';
import { buildPdf, VALID_PDF_LINES, xmpPacket } from './helpers/pdf.js';

const temp = new TempDirs();
afterEach(() => temp.removeAll());

const SHARED_EXPORT = `# Jardin partagé de Villeurbanne

Le jardin partagé de Villeurbanne accueille chaque samedi matin les habitants du quartier pour cultiver ensemble tomates et courges.

# Atelier vélo solidaire

L'atelier vélo solidaire répare gratuitement les bicyclettes des étudiants le mercredi soir, avec des pièces de récupération.
`;

const UPLOAD = `# Permanence numérique de Roubaix

La permanence numérique de Roubaix aide les habitants à faire leurs démarches en ligne, chaque mardi, avec des médiateurs formés par la Mednum.
`;

async function setup() {
  const root = await temp.make('soga-corpus-');
  const corpusDir = path.join(root, 'corpus');
  const dataDir = path.join(root, 'data');
  await mkdir(corpusDir, { recursive: true });
  await writeFile(path.join(corpusDir, 'export.md'), SHARED_EXPORT);
  const store = await LanceDbStore.open({ dir: path.join(dataDir, 'lancedb') });
  const log: string[] = [];
  const corpus = new CorpusFolder(
    { store, embedder: null, detector: newDetector(), log: (m) => log.push(m) },
    { corpusDir, dataDir, maxFileBytes: 200_000, batchSize: 8, parse: PARSE_LIMITS, chunking: CHUNKING },
  );
  await corpus.reingest();
  return { root, corpusDir, dataDir, store, corpus, log };
}

async function uploadsIn(corpusDir: string): Promise<string[]> {
  return existsSync(path.join(corpusDir, 'uploads')) ? (await readdir(path.join(corpusDir, 'uploads'))).sort() : [];
}

async function codeOf(promise: Promise<unknown>): Promise<SogaErrorCode | 'ok'> {
  return promise.then(
    () => 'ok' as const,
    (e: unknown) => {
      expect(e).toBeInstanceOf(SogaError);
      return (e as SogaError).code;
    },
  );
}

describe('an upload’s link and a PDF’s own title and address', { timeout: 60_000 }, () => {
  it('keeps the link given with an upload in sources.json, by the upload’s path, and on the document', async () => {
    const { corpusDir, store, corpus } = await setup();
    await corpus.addFile('roubaix.md', Buffer.from(UPLOAD), { url: ' https://example.org/permanence-roubaix ' });
    const doc = (await store.listDocuments()).find((d) => d.title === 'Permanence numérique de Roubaix');
    expect(doc?.url).toBe('https://example.org/permanence-roubaix');
    const sources = JSON.parse(await readFile(path.join(corpusDir, 'sources.json'), 'utf8')) as Record<string, string>;
    expect(Object.entries(sources)).toEqual([[`uploads/${(await uploadsIn(corpusDir))[0]}`, 'https://example.org/permanence-roubaix']]);
    // A re-ingest keeps it: the link lives where staff edit the others.
    await corpus.reingest();
    expect((await store.listDocuments()).find((d) => d.title === 'Permanence numérique de Roubaix')?.url).toBe('https://example.org/permanence-roubaix');
  });

  it('refuses a link that is not a web address, storing nothing', async () => {
    const { corpusDir, corpus } = await setup();
    expect(await codeOf(corpus.addFile('roubaix.md', Buffer.from(UPLOAD), { url: 'javascript:alert(1)' }))).toBe('INVALID_URL');
    expect(await uploadsIn(corpusDir)).toEqual([]);
    expect(existsSync(path.join(corpusDir, 'sources.json'))).toBe(false);
  });

  it('titles an uploaded PDF by its metadata and links it by its XMP address', async () => {
    const { store, corpus } = await setup();
    const pdf = buildPdf({
      lines: ['La recyclerie de Tourcoing a revendu 12 tonnes d objets en 2024.'],
      info: { Title: 'Bilan de la recyclerie de Tourcoing' },
      xmp: xmpPacket({ 'prism:url': 'https://example.org/recyclerie' }),
    });
    await corpus.addFile('scan_0001.pdf', pdf);
    const doc = (await store.listDocuments()).find((d) => d.title === 'Bilan de la recyclerie de Tourcoing');
    expect(doc?.url).toBe('https://example.org/recyclerie');
  });
});

describe('an uploaded file is stored under a generated name and answerable at once', { timeout: 60_000 }, () => {
  it('stores the upload in corpus/uploads, even when its original name tries to climb out', async () => {
    const { root, corpusDir, store, corpus, log } = await setup();
    const change = await corpus.addFile('../../x.md', Buffer.from(UPLOAD), { uploadedBy: 'alice' });
    expect(change.added).toEqual(['Permanence numérique de Roubaix']);
    expect(change.failed).toEqual([]);
    const files = await uploadsIn(corpusDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}-[0-9a-f]{8}-x\.md$/);
    expect(existsSync(path.join(root, 'x.md'))).toBe(false);
    expect(existsSync(path.join(path.dirname(root), 'x.md'))).toBe(false);
    expect(await readFile(path.join(corpusDir, 'uploads', files[0]), 'utf8')).toBe(UPLOAD);
    const doc = (await store.listDocuments()).find((d) => d.title === 'Permanence numérique de Roubaix')!;
    expect(doc.source).toBe(`uploads/${files[0]}`);
    expect(log.some((m) => m.startsWith('alice added uploads/'))).toBe(true);
  });

  it('makes the new document searchable as soon as addFile resolves', async () => {
    const { store, corpus } = await setup();
    await corpus.addFile('permanence.md', Buffer.from(UPLOAD));
    const { lexical, ngram } = await store.search({ text: 'démarches en ligne à Roubaix', k: 5, analyzeAs: ['fr'] });
    expect(lexical[0]?.chunk.title).toBe('Permanence numérique de Roubaix');
    expect(ngram[0]?.chunk.title).toBe('Permanence numérique de Roubaix');
  });

  it('ingests an uploaded PDF', async () => {
    const { store, corpus, corpusDir } = await setup();
    const change = await corpus.addFile('Rapport annuel (final) été 2024.pdf', buildPdf({ lines: VALID_PDF_LINES }));
    expect(change.added).toHaveLength(1);
    const [file] = await uploadsIn(corpusDir);
    expect(file).toMatch(/^\d{4}-\d{2}-\d{2}-[0-9a-f]{8}-[\w-]+\.pdf$/);
    expect((await store.search({ text: 'Zéphyrine', k: 5, analyzeAs: ['fr'] })).lexical[0]?.chunk.source).toBe(`uploads/${file}`);
  });

  it('keeps the existing documents when a file is added', async () => {
    const { store, corpus } = await setup();
    const before = await store.listDocuments();
    const change = await corpus.addFile('permanence.md', Buffer.from(UPLOAD));
    expect(change.removed).toEqual([]);
    expect(change.skipped.sort()).toEqual(before.map((d) => d.title).sort());
    expect(await corpus.list()).toHaveLength(before.length + 1);
  });

  it('serialises two uploads sent at the same time', async () => {
    const { corpus } = await setup();
    // Different enough not to be merged as near duplicates.
    const second = "# Bourse aux semences de Tourcoing\n\nChaque printemps, la bourse aux semences de Tourcoing permet d'échanger graines paysannes et conseils de jardinage entre voisins.\n";
    const [a, b] = await Promise.all([corpus.addFile('a.md', Buffer.from(UPLOAD)), corpus.addFile('b.md', Buffer.from(second))]);
    expect([...a.added, ...b.added].sort()).toEqual(['Bourse aux semences de Tourcoing', 'Permanence numérique de Roubaix']);
    const titles = (await corpus.list()).map((d) => d.title);
    expect(titles).toEqual(expect.arrayContaining(['Permanence numérique de Roubaix', 'Bourse aux semences de Tourcoing']));
  });
});

describe('an upload that is not what it claims is refused and nothing is stored', { timeout: 60_000 }, () => {
  it.each([
    ['HTML named .pdf', 'rapport.pdf', Buffer.from('<!doctype html><html><body><p>Pas un PDF</p></body></html>'), 'INVALID_PDF'],
    ['a password-protected PDF', 'secret.pdf', buildPdf({ lines: ['Confidentiel'], encrypted: true }), 'ENCRYPTED_PDF'],
    ['a truncated PDF', 'cut.pdf', buildPdf({ lines: VALID_PDF_LINES }).subarray(0, 300), 'INVALID_PDF'],
    ['binary data named .md', 'photo.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), 'BINARY_CONTENT'],
    ['an unsupported type', 'tableur.xlsx', Buffer.from('PK fake'), 'UNSUPPORTED_FILE_TYPE'],
    ['an empty file', 'vide.md', Buffer.alloc(0), 'EMPTY_DOCUMENT'],
    ['a file over the size limit', 'gros.txt', Buffer.alloc(200_001, 'a'), 'FILE_TOO_LARGE'],
  ] as const)('refuses %s', async (_what, name, bytes, code) => {
    const { corpusDir, corpus } = await setup();
    const before = await corpus.list();
    expect(await codeOf(corpus.addFile(name, Buffer.from(bytes)))).toBe(code);
    expect(await uploadsIn(corpusDir)).toEqual([]);
    expect(await corpus.list()).toEqual(before);
  });
});

describe('removing a document', { timeout: 60_000 }, () => {
  it('deletes an uploaded file and its document', async () => {
    const { corpusDir, corpus } = await setup();
    await corpus.addFile('permanence.md', Buffer.from(UPLOAD));
    const change = await corpus.remove(documentId('Permanence numérique de Roubaix'));
    expect(change.removed).toEqual(['Permanence numérique de Roubaix']);
    expect(await uploadsIn(corpusDir)).toEqual([]);
    expect((await corpus.list()).map((d) => d.title)).not.toContain('Permanence numérique de Roubaix');
  });

  it('forgets an uploaded file’s link in sources.json with the file, keeping staff’s other entries', async () => {
    const { corpusDir, corpus } = await setup();
    await writeFile(path.join(corpusDir, 'sources.json'), JSON.stringify({ 'Jardin partagé de Villeurbanne': 'https://example.org/jardin' }));
    await corpus.addFile('roubaix.md', Buffer.from(UPLOAD), { url: 'https://example.org/permanence-roubaix' });
    const read = async () => JSON.parse(await readFile(path.join(corpusDir, 'sources.json'), 'utf8')) as Record<string, string>;
    expect(Object.values(await read())).toContain('https://example.org/permanence-roubaix');
    await corpus.remove(documentId('Permanence numérique de Roubaix'));
    expect(await read()).toEqual({ 'Jardin partagé de Villeurbanne': 'https://example.org/jardin' });
  });

  it('creates no sources.json when removing an upload that had no link', async () => {
    const { corpusDir, corpus } = await setup();
    await corpus.addFile('permanence.md', Buffer.from(UPLOAD));
    await corpus.remove(documentId('Permanence numérique de Roubaix'));
    expect(existsSync(path.join(corpusDir, 'sources.json'))).toBe(false);
  });

  it('excludes an article of a shared export file without touching the file, and keeps it excluded', async () => {
    const { corpusDir, dataDir, store, corpus } = await setup();
    const bikes = documentId('Atelier vélo solidaire');
    const change = await corpus.remove(bikes);
    expect(change.removed).toEqual(['Atelier vélo solidaire']);
    expect(await readFile(path.join(corpusDir, 'export.md'), 'utf8')).toBe(SHARED_EXPORT);
    expect(JSON.parse(await readFile(path.join(dataDir, 'excluded-documents.json'), 'utf8'))).toEqual([bikes]);
    expect(await corpus.exclusions()).toEqual([bikes]);
    expect((await corpus.list()).map((d) => d.title)).toEqual(['Jardin partagé de Villeurbanne']);
    const again = await corpus.reingest();
    expect(again.added).toEqual([]);
    expect((await store.search({ text: 'bicyclettes', k: 5, analyzeAs: ['fr'] })).lexical).toEqual([]);
  });

  it('removes only the chosen article of an uploaded file that holds several', async () => {
    const { corpusDir, corpus } = await setup();
    const two = `${UPLOAD}\n# Repair café de Lille\n\nLe repair café de Lille répare petits appareils électriques et vêtements chaque premier dimanche du mois.\n`;
    const added = await corpus.addFile('deux.md', Buffer.from(two));
    expect(added.added.sort()).toEqual(['Permanence numérique de Roubaix', 'Repair café de Lille']);
    const change = await corpus.remove(documentId('Repair café de Lille'));
    expect(change.removed).toEqual(['Repair café de Lille']);
    const titles = (await corpus.list()).map((d) => d.title);
    expect(titles).toContain('Permanence numérique de Roubaix');
    expect(titles).not.toContain('Repair café de Lille');
    expect(await uploadsIn(corpusDir)).toHaveLength(1);
  });

  it('says NOT_FOUND for an unknown id', async () => {
    const { corpus } = await setup();
    expect(await codeOf(corpus.remove('no-such-document'))).toBe('NOT_FOUND');
  });
});
