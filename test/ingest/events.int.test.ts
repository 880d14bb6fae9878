/**
 * The events index kept in step with its documents: ingestion on a temporary corpus folder, a real
 * LanceDB index and the events file beside it.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { documentId, ingest } from '../../ingest/pipeline.js';
import { EventsFile } from '../../src/infra/events-file.js';
import { LanceDbStore } from '../../src/infra/lancedb/lancedb-store.js';
import { CHUNKING, copyExports, EXPORTS, newDetector, PARSE_LIMITS, TempDirs } from './helpers/env.js';

const temp = new TempDirs();
const detector = newDetector();
afterEach(() => temp.removeAll());

const AWARDS = 'Les Social Economy Awards à Ljubljana';
const FORUM = 'Le FNAF à Paris';
const awards = (date: string) => `# ${AWARDS}

Les finalistes des Social Economy Awards avec l’équipe de Social Economy Europe, qui ont eu lieu à Ljubljana le ${date}.
Le Social Good Accelerator a été finaliste dans la catégorie « Numérisation et compétences ».
`;
const FORUM_MD = `# ${FORUM}

Le 13 octobre 2021, deux membres du SOGA étaient invités au Forum National des Associations et Fondations (FNAF), au Palais des Congrès de Paris.
`;

async function setup() {
  const root = await temp.make('soga-events-');
  const env = { corpus: path.join(root, 'corpus'), db: path.join(root, 'data', 'lancedb') };
  await mkdir(env.corpus, { recursive: true });
  return { ...env, eventsFile: path.join(env.db, 'events.json') };
}

async function run(env: Awaited<ReturnType<typeof setup>>) {
  const store = await LanceDbStore.open({ dir: env.db });
  const events = new EventsFile({ file: env.eventsFile });
  const report = await ingest({ store, embedder: null, detector, events }, { corpusDir: env.corpus, maxFileBytes: 1_000_000, batchSize: 8, parse: PARSE_LIMITS, chunking: CHUNKING });
  return { report, events, store };
}

const summary = async (events: EventsFile) => (await events.listEvents()).map((e) => ({ key: e.key, start: e.start, docId: e.docId }));

describe('the events index follows its documents', { timeout: 60_000 }, () => {
  it('holds the events of every ingested article, pointing at their passages', async () => {
    const env = await setup();
    await writeFile(path.join(env.corpus, 'awards.md'), awards('12 octobre 2021'));
    await writeFile(path.join(env.corpus, 'forum.md'), FORUM_MD);
    const { events, store } = await run(env);
    expect(await summary(events)).toEqual([
      { key: 'social economy awards', start: '2021-10-12', docId: documentId(AWARDS) },
      { key: 'fnaf', start: '2021-10-13', docId: documentId(FORUM) },
    ]);
    const [first] = await events.listEvents();
    const [chunk] = await store.getChunks([first.chunkId!]);
    expect(chunk.text).toContain(first.sentence);
  });

  it('replaces the events of a changed article and leaves the others as they were', async () => {
    const env = await setup();
    await writeFile(path.join(env.corpus, 'awards.md'), awards('12 octobre 2021'));
    await writeFile(path.join(env.corpus, 'forum.md'), FORUM_MD);
    const first = await run(env);
    const forumBefore = (await first.events.listEvents({ docIds: [documentId(FORUM)] }))[0];
    await writeFile(path.join(env.corpus, 'awards.md'), awards('14 octobre 2021'));
    const { report, events } = await run(env);
    expect(report.updated).toEqual([AWARDS]);
    expect(await summary(events)).toEqual([
      { key: 'fnaf', start: '2021-10-13', docId: documentId(FORUM) },
      { key: 'social economy awards', start: '2021-10-14', docId: documentId(AWARDS) },
    ]);
    expect((await events.listEvents({ docIds: [documentId(FORUM)] }))[0]).toEqual(forumBefore);
  });

  it('removes the events of a deleted article', async () => {
    const env = await setup();
    await writeFile(path.join(env.corpus, 'awards.md'), awards('12 octobre 2021'));
    await writeFile(path.join(env.corpus, 'forum.md'), FORUM_MD);
    await run(env);
    await rm(path.join(env.corpus, 'awards.md'));
    const { report, events } = await run(env);
    expect(report.removed).toEqual([AWARDS]);
    expect(await summary(events)).toEqual([{ key: 'fnaf', start: '2021-10-13', docId: documentId(FORUM) }]);
  });

  it('rebuilds the events of unchanged articles when the events file is lost or damaged', async () => {
    const env = await setup();
    await writeFile(path.join(env.corpus, 'forum.md'), FORUM_MD);
    const first = await run(env);
    const before = await first.events.listEvents();
    await writeFile(env.eventsFile, '{ not json');
    await expect(new EventsFile({ file: env.eventsFile }).listEvents()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    const warnings: string[] = [];
    const store = await LanceDbStore.open({ dir: env.db });
    const events = new EventsFile({ file: env.eventsFile, warn: (m) => warnings.push(m) });
    const report = await ingest({ store, embedder: null, detector, events }, { corpusDir: env.corpus, maxFileBytes: 1_000_000, batchSize: 8, parse: PARSE_LIMITS, chunking: CHUNKING });
    expect(report.skipped).toEqual([FORUM]);
    expect(warnings.join('\n')).toMatch(/not valid JSON: rebuilding/);
    expect(await events.listEvents()).toEqual(before);
    await rm(env.eventsFile);
    await run(env);
    expect(JSON.parse(await readFile(env.eventsFile, 'utf8')).docs[documentId(FORUM)].events).toEqual(before);
  });

  it('lists the events of a period, whatever the precision of their dates', async () => {
    const env = await setup();
    await copyExports(env.corpus, [EXPORTS.bundle]);
    const { events } = await run(env);
    const all = await events.listEvents();
    expect(all.length).toBeGreaterThan(3);
    const in2021 = await events.listEvents({ from: '2021', to: '2021' });
    expect(in2021.length).toBeGreaterThan(0);
    expect(in2021.every((e) => e.start.startsWith('2021') || (e.end ?? '').startsWith('2021'))).toBe(true);
    const october = await events.listEvents({ from: '2021-10', to: '2021-10-31' });
    expect(october.map((e) => e.key).sort()).toEqual(['actse', 'fnaf', 'social economy awards']);
  });
});
