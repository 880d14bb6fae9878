/**
 * Child process for the unreadable-folder test. It runs as an unprivileged user (root reads through
 * chmod 000), ingests the corpus, makes `<corpus>/locked` unreadable, ingests again, and prints both
 * reports and the stored titles as JSON on stdout.
 */
import { chmod, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ingest } from '../../../ingest/pipeline.js';
import { EldLanguageDetector } from '../../../src/infra/eld-language-detector.js';
import { LanceDbStore } from '../../../src/infra/lancedb/lancedb-store.js';
import { CHUNKING, PARSE_LIMITS } from './env.js';

const [corpusDir, dbDir] = process.argv.slice(2) as [string, string];
const detector = new EldLanguageDetector({ fallback: 'fr' });
const options = { corpusDir, maxFileBytes: 1_000_000, batchSize: 8, parse: PARSE_LIMITS, chunking: CHUNKING };
const locked = path.join(corpusDir, 'locked');

const first = await ingest({ store: await LanceDbStore.open({ dir: dbDir }), embedder: null, detector }, options);
await chmod(locked, 0o000);
let blocked = false;
try {
  await readdir(locked);
} catch {
  blocked = true;
}
const store = await LanceDbStore.open({ dir: dbDir });
const second = await ingest({ store, embedder: null, detector }, options);
const titles = (await store.listDocuments()).map((d) => d.title);
await chmod(locked, 0o755);
process.stdout.write(JSON.stringify({ blocked, first, second, titles }));
