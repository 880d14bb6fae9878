/**
 * `soga migrate-log`: an embedded installation's SQLite answer log moves into PostgreSQL with its ids,
 * pseudonyms, feedback, audit trail and corrections; a second run copies nothing and loses nothing; bad
 * input (no file, no database, another key) is refused with what to fix, exit code 1, nothing written.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerMigrateLogCommand } from '../../src/adapters/cli/migrate-log-command.js';
import { parseConfig } from '../../src/config/load.js';
import { PgAnswerLog } from '../../src/infra/postgres/pg-answer-log.js';
import { PgCorrections } from '../../src/infra/postgres/pg-corrections.js';
import { openPostgres, type Sql } from '../../src/infra/postgres/pg-database.js';
import { openAnswerLog } from '../../src/infra/sqlite/answer-log.js';
import { SqliteCorrections } from '../../src/infra/sqlite/corrections.js';
import { migrateSqliteLog } from '../../src/main/answer-log.js';
import { makeAnswer } from '../fakes/fake-assistant.js';
import { A_SOURCE } from '../fakes/fake-correction-store.js';
import { postgresUnavailable, testDatabase, type TestDatabase } from '../infra/postgres/test-database.js';

const run = promisify(execFile);
const KEY = 'migrate-test-key-0123456789abcdef';

describe.skipIf(postgresUnavailable)('soga migrate-log', { timeout: 120_000 }, () => {
  let db: TestDatabase;
  let dir: string;
  let file: string;
  let sql: Sql;

  beforeAll(async () => {
    db = await testDatabase();
    sql = await openPostgres(db.url, { maxConnections: 2 });
    dir = mkdtempSync(path.join(tmpdir(), 'soga-migrate-log-'));
    file = path.join(dir, 'answers.sqlite');
    // An embedded installation's log: 2,100 answers (three batches), feedback, a reviewed answer, its use, a proposal, the audit trail.
    let clock = new Date('2026-01-01T00:00:00Z');
    const log = openAnswerLog({ file, hmacKey: KEY, now: () => clock });
    const desk = new SqliteCorrections(log, () => clock);
    const correction = await desk.approve({ question: 'Où a lieu la kermesse ?', lang: 'fr', answer: 'Au parc.', sources: [A_SOURCE], reviewer: 'admin' });
    log.db.transaction(() => {
      for (let i = 0; i < 2100; i++) {
        clock = new Date(Date.parse('2026-01-01T00:00:00Z') + i * 60_000);
        log.recordSync({ surface: i % 2 ? 'discord' : 'matrix', askerId: `member-${i % 7}`, answer: makeAnswer({ question: `Quand a lieu la réunion numéro ${i} ?` }) });
      }
    })();
    await log.record({ surface: 'discord', askerId: 'member-1', answer: { ...makeAnswer({ question: 'Où est la kermesse ?' }), outcome: 'correction', correctionId: correction.id } });
    await log.addFeedback('5', { rating: 'down', comment: 'wrong', by: 'member-3' });
    await desk.propose({ surface: 'discord', question: 'Quand ?', botEntryId: '7', reply: 'Le 3 mai.', staffId: 'staff-1' });
    await log.audit('admin', 'view_log');
    log.close();
  }, 120_000);

  afterAll(async () => {
    await sql?.end();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The real entry point, in a child process, with only these variables about the log and the database. */
  async function cli(args: string[], env: Record<string, string>) {
    const base = { ...process.env };
    delete base.SOGA_DATABASE_URL;
    delete base.SOGA_LOG_HMAC_KEY;
    return run(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], {
      env: { ...base, SOGA_DATA_DIR: path.join(dir, 'data'), SOGA_LOG_DB: file, SOGA_EMBED_PROVIDER: 'none', ...env },
      timeout: 60_000,
    }).then(
      (r) => ({ code: 0, ...r }),
      (error: unknown) => error as { code: number; stdout: string; stderr: string },
    );
  }

  const logTables = async () => (await sql<{ t: string | null }[]>`select to_regclass('soga_log_entries')::text as t`)[0].t;

  describe('refuses bad input, with exit code 1 and nothing written', () => {
    it('a file that is not there', async () => {
      const result = await cli(['migrate-log', '--from', path.join(dir, 'nope.sqlite')], { SOGA_DATABASE_URL: db.url, SOGA_LOG_HMAC_KEY: KEY });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`there is no SQLite answer log at ${path.join(dir, 'nope.sqlite')}`);
      expect(await logTables()).toBeNull();
    });

    it('no SOGA_DATABASE_URL', async () => {
      const result = await cli(['migrate-log'], { SOGA_LOG_HMAC_KEY: KEY });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('SOGA_DATABASE_URL is not set');
    });

    it('another key than the one the file was written with', async () => {
      const result = await cli(['migrate-log'], { SOGA_DATABASE_URL: db.url, SOGA_LOG_HMAC_KEY: 'another-key-0123456789abcdef' });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/LOG_KEY_MISMATCH|another pseudonymisation key/);
      expect(result.stderr).toContain('nothing was copied');
      expect(await logTables()).toBeNull();
    });
  });

  it('copies everything with its ids and pseudonyms, and a second run copies nothing and loses nothing', async () => {
    const config = parseConfig({ SOGA_DATABASE_URL: db.url, SOGA_LOG_HMAC_KEY: KEY, SOGA_LOG_DB: file });
    const stdout = new PassThrough();
    let printed = '';
    stdout.on('data', (d) => (printed += String(d)));
    const program = new Command('soga').exitOverride();
    registerMigrateLogCommand(program, () => ({ migrateLog: (from, progress) => migrateSqliteLog(config, from, progress), stdout, stderr: new PassThrough() }));
    await program.parseAsync(['node', 'soga', 'migrate-log']);
    expect(printed).toContain('entries: 2101 read, 2101 copied, 0 already there');
    expect(printed).toContain('feedback: 1 read, 1 copied');
    expect(printed).toContain('corrections: 1 read, 1 copied');
    expect(printed).toContain('proposals: 1 read, 1 copied');

    const snapshot = async () => ({
      entries: await sql`select id, created_at, asker, question, answer_text, citations_json, correction_id from soga_log_entries order by id`,
      feedback: await sql`select * from soga_log_feedback order by id`,
      audit: await sql`select * from soga_log_audit order by id`,
      corrections: await sql`select * from soga_corrections order by id`,
      proposals: await sql`select * from soga_proposals order by id`,
    });
    const first = await snapshot();

    const again = await migrateSqliteLog(config, file);
    expect(again.find((t) => t.table === 'entries')).toEqual({ table: 'entries', read: 2101, copied: 0, present: 2101 });
    expect(await snapshot()).toEqual(first);

    const log = await PgAnswerLog.open(sql, { hmacKey: KEY });
    const sqlite = openAnswerLog({ file, hmacKey: KEY });
    try {
      // The same entries under the same ids, askers with the same pseudonyms: erasure finds them.
      expect(await log.get('5')).toEqual(await sqlite.get('5'));
      expect((await log.list({ text: 'reunion 2099' })).total).toBe(1);
      expect((await new PgCorrections(log).uses('1')).map((u) => u.id)).toEqual(['2101']);
      expect((await log.eraseUser('member-3')).entries).toBe(300);
      // New answers get ids after the copied ones.
      expect(Number(await log.record({ surface: 'web', answer: makeAnswer({ question: 'new' }) }))).toBe(2102);
    } finally {
      sqlite.close();
    }
  });

  it('stops at an id PostgreSQL holds for another answer, copying nothing of that batch', async () => {
    const other = path.join(dir, 'other.sqlite');
    const log = openAnswerLog({ file: other, hmacKey: KEY });
    await log.record({ surface: 'cli', answer: makeAnswer({ question: 'an answer of another installation' }) });
    log.close();
    const before = (await sql<{ n: number }[]>`select count(*)::int as n from soga_log_entries`)[0].n;
    const config = parseConfig({ SOGA_DATABASE_URL: db.url, SOGA_LOG_HMAC_KEY: KEY });
    await expect(migrateSqliteLog(config, other)).rejects.toMatchObject({ code: 'STORE_WRITE_FAILED', message: expect.stringContaining('entries 1 of the SQLite log is not soga_log_entries 1') });
    expect((await sql<{ n: number }[]>`select count(*)::int as n from soga_log_entries`)[0].n).toBe(before);
  });
});
