/**
 * The SQLite answer log: the behaviour every answer log shares (test/core/contracts/answer-log.contract.ts),
 * then what only a file shows: what the bytes hold, permissions, schema versions of older files.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAnswerLog, type SqliteAnswerLog } from '../../../src/infra/sqlite/answer-log.js';
import { answerLogMigrations } from '../../../src/infra/sqlite/migrations.js';
import { answered, describeAnswerLog, KEY } from '../../core/contracts/answer-log.contract.js';

let dir: string;
let file: string;
let clock: Date;
let log: SqliteAnswerLog;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'soga-log-'));
  file = path.join(dir, 'answers.sqlite');
  clock = new Date('2025-06-15T12:00:00Z');
  log = openAnswerLog({ file, hmacKey: KEY, now: () => clock });
});

afterEach(() => {
  log.close();
  rmSync(dir, { recursive: true, force: true });
});

describeAnswerLog('SQLite', () => ({
  // Each made log is a file of its own in this test's folder; reopen opens the latest again, as another process would.
  make: async ({ hmacKey, now }) => {
    file = path.join(dir, `contract-${Math.random().toString(36).slice(2)}.sqlite`);
    return openAnswerLog({ file, hmacKey, now });
  },
  reopen: async ({ hmacKey, now }) => openAnswerLog({ file, hmacKey, now }),
}));

describe('what the file holds', () => {
  it('never writes the key or the raw asker id to the file', async () => {
    await log.record({ surface: 'matrix', askerId: '@alice:example.org', answer: answered('q') });
    log.close();
    const bytes = Buffer.concat([readFileSync(file), readFileSync(`${file}-wal`, { flag: 'a+' })]).toString('latin1');
    expect(bytes).not.toContain('@alice:example.org');
    expect(bytes).not.toContain(KEY);
    log = openAnswerLog({ file, hmacKey: KEY, now: () => clock });
  });

  it('deletes the feedback of purged entries with them', async () => {
    clock = new Date('2025-01-01T00:00:00Z');
    const old = await log.record({ surface: 'discord', answer: answered('old') });
    await log.addFeedback(old, { rating: 'down', by: 'x' });
    expect(await log.purgeOlderThan(90, new Date('2025-04-15T00:00:00Z'))).toBe(1);
    const raw = new Database(file, { readonly: true });
    expect((raw.prepare('SELECT count(*) AS n FROM feedback').get() as { n: number }).n).toBe(0);
    raw.close();
  });

  it('never stores the key itself, only a fingerprint of it', async () => {
    log.close();
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from(KEY))).toBe(false);
    const raw = new Database(file, { readonly: true });
    const fingerprint = (raw.prepare("SELECT value FROM meta WHERE name = 'key_fingerprint'").get() as { value: string }).value;
    raw.close();
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(KEY).not.toContain(fingerprint);
    log = openAnswerLog({ file, hmacKey: KEY });
    expect(log.keyMatches).toBe(true);
  });
});

describe('file permissions', () => {
  it('creates the log readable by its owner only, like the key beside it', async () => {
    await log.record({ surface: 'cli', answer: answered('private') });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(`${file}-wal`).mode & 0o777).toBe(0o600);
  });
});

describe('schema versions', () => {
  it('adds the search index to a log created before it, with the entries already there', async () => {
    log.close();
    const older = path.join(dir, 'v1.sqlite');
    const raw = new Database(older);
    raw.exec(answerLogMigrations[0].sql);
    raw.pragma('user_version = 1');
    raw
      .prepare(
        `INSERT INTO entries (created_at, surface, lang, mode, outcome, grounded, total_ms, question, standalone_question, answer_text, timings_json, citations_json, retrieved_json)
      VALUES ('2025-01-01T00:00:00Z', 'discord', 'fr', 'none', 'not_found', 0, 1, 'Où est la fête ?', 'Où est la fête ?', 'Les articles ne le disent pas.', '{}', '[]', '[]')`,
      )
      .run();
    raw.close();
    log = openAnswerLog({ file: older, hmacKey: KEY });
    expect((await log.list({ text: 'fete' })).total).toBe(1);
  });

  it('gives the citations of entries logged before links an explicit null link, keeping the rest of each citation', async () => {
    log.close();
    const older = path.join(dir, 'v4.sqlite');
    const raw = new Database(older);
    for (const m of answerLogMigrations.filter((x) => x.version <= 4)) raw.exec(m.sql);
    raw.pragma('user_version = 4');
    const citations = JSON.stringify([
      { n: 1, chunkId: 'c#1', docId: 'c', title: 'Café réparation', source: 'c.md', quote: 'le samedi', date: null, lang: 'fr', score: 0.7 },
      { n: 2, chunkId: 'd#1', docId: 'd', title: 'Atelier', source: 'd.md', url: 'https://example.org/atelier', quote: 'à Lille', date: null, lang: 'fr', score: 0.6 },
    ]);
    raw
      .prepare(
        `INSERT INTO entries (created_at, surface, lang, mode, outcome, grounded, total_ms, question, standalone_question, answer_text, timings_json, citations_json, retrieved_json)
      VALUES ('2025-01-01T00:00:00Z', 'web', 'fr', 'extractive', 'answered', 1, 1, 'Quand ?', 'Quand ?', 'Le samedi [1].', '{}', ?, '[]')`,
      )
      .run(citations);
    raw.close();
    log = openAnswerLog({ file: older, hmacKey: KEY });
    const [entry] = (await log.list({})).items;
    expect((await log.get(entry.id))!.citations).toEqual([
      { n: 1, chunkId: 'c#1', docId: 'c', title: 'Café réparation', source: 'c.md', quote: 'le samedi', date: null, lang: 'fr', score: 0.7, url: null },
      { n: 2, chunkId: 'd#1', docId: 'd', title: 'Atelier', source: 'd.md', url: 'https://example.org/atelier', quote: 'à Lille', date: null, lang: 'fr', score: 0.6 },
    ]);
  });

  it('reads entries logged before change numbers were as from an unknown index, and records new ones with theirs', async () => {
    log.close();
    const older = path.join(dir, 'v6.sqlite');
    const raw = new Database(older);
    for (const m of answerLogMigrations.filter((x) => x.version <= 6)) raw.exec(m.sql);
    raw.pragma('user_version = 6');
    raw.exec(`INSERT INTO entries (created_at, surface, lang, mode, outcome, grounded, total_ms, question, standalone_question, answer_text, timings_json, citations_json, retrieved_json)
      VALUES ('2025-01-01T00:00:00Z', 'web', 'fr', 'extractive', 'answered', 1, 1, 'Où ?', 'Où ?', 'À Lyon.', '{}', '[]', '[]')`);
    raw.close();
    log = openAnswerLog({ file: older, hmacKey: KEY });
    const [old] = (await log.list({})).items;
    expect((await log.get(old.id))!.freshness).toEqual({ index: null, store: null });
    const id = await log.record({ surface: 'cli', answer: answered('Quand ?'), freshness: { index: 7, store: 9 } });
    expect((await log.get(id))!.freshness).toEqual({ index: 7, store: 9 });
  });

  it('migrates a new file to the latest user_version and reopens without re-running', () => {
    const raw = new Database(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(Math.max(...answerLogMigrations.map((m) => m.version)));
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    const again = openAnswerLog({ file, hmacKey: KEY });
    again.close();
  });

  it('refuses a database written by a newer version', () => {
    const other = path.join(dir, 'newer.sqlite');
    const raw = new Database(other);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openAnswerLog({ file: other, hmacKey: KEY })).toThrowError(/newer/);
  });
});
