/** Main's choice of the answer log: the SQLite file by default, PostgreSQL with SOGA_DATABASE_URL, and `soga logs` on either. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerLogsCommands } from '../../src/adapters/cli/logs-command.js';
import { parseConfig, type Config } from '../../src/config/load.js';
import { PgAnswerLog } from '../../src/infra/postgres/pg-answer-log.js';
import { openPostgres } from '../../src/infra/postgres/pg-database.js';
import { openConfiguredAnswerLog, openConfiguredLogOnly } from '../../src/main/answer-log.js';
import { makeAnswer } from '../fakes/fake-assistant.js';
import { postgresUnavailable, testDatabase, type TestDatabase } from '../infra/postgres/test-database.js';

const KEY = 'main-test-key-0123456789abcdef';

async function soga(config: Config, args: string[]): Promise<string> {
  const stdout = new PassThrough();
  let printed = '';
  stdout.on('data', (d) => (printed += String(d)));
  const p = new Command('soga').exitOverride();
  registerLogsCommands(p, () => ({ config, openLog: () => openConfiguredLogOnly(config, () => {}), stdout, stderr: new PassThrough() }));
  await p.parseAsync(['node', 'soga', 'logs', ...args]);
  return printed;
}

describe('the answer log main opens', () => {
  it('is the SQLite file when no database is configured', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'soga-main-log-'));
    try {
      const opened = (await openConfiguredAnswerLog(parseConfig({ SOGA_LOG_DB: path.join(dir, 'a.sqlite'), SOGA_LOG_HMAC_KEY: KEY }), () => {}))!;
      expect(opened.where).toBe('sqlite');
      await opened.log.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is none when the log is off', async () => {
    expect(await openConfiguredAnswerLog(parseConfig({ SOGA_LOG_ENABLED: 'false', SOGA_DATABASE_URL: 'postgres://x@127.0.0.1:1/soga' }), () => {})).toBeNull();
  });

  it('needs SOGA_LOG_HMAC_KEY with SOGA_DATABASE_URL, before connecting: a key file per replica would give each its own pseudonyms', async () => {
    await expect(openConfiguredAnswerLog(parseConfig({ SOGA_DATABASE_URL: 'postgres://x@127.0.0.1:1/soga' }), () => {})).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('SOGA_LOG_HMAC_KEY'),
    });
  });

  describe.skipIf(postgresUnavailable)('with SOGA_DATABASE_URL', { timeout: 60_000 }, () => {
    let db: TestDatabase;
    let config: Config;
    beforeAll(async () => {
      db = await testDatabase();
      config = parseConfig({ SOGA_DATABASE_URL: db.url, SOGA_LOG_HMAC_KEY: KEY, SOGA_LOG_RETENTION_DAYS: '30' });
    }, 120_000);
    afterAll(async () => db?.close());

    it('lives in PostgreSQL, and soga logs purges, erases and exports it there', async () => {
      const opened = (await openConfiguredAnswerLog(config, () => {}))!;
      expect(opened.where).toBe('postgresql');
      // An entry from 40 days ago, written by a replica whose clock says so.
      const sql = await openPostgres(db.url, { maxConnections: 1 });
      const old = await PgAnswerLog.open(sql, { hmacKey: KEY, now: () => new Date(Date.now() - 40 * 24 * 3600 * 1000) });
      await old.record({ surface: 'discord', askerId: 'alice', answer: makeAnswer({ question: 'old question' }) });
      await sql.end();
      await opened.log.record({ surface: 'discord', askerId: 'alice', answer: makeAnswer({ question: 'new question' }) });
      await opened.log.record({ surface: 'matrix', askerId: 'bob', answer: makeAnswer({ question: 'bob question' }) });
      await opened.log.close();

      expect(await soga(config, ['purge'])).toContain('purged 1 entries older than 30 days');
      expect(await soga(config, ['erase', '--user', 'alice'])).toContain('erased 1 entries');
      const jsonl = (await soga(config, ['export', '--format', 'jsonl'])).trim().split('\n');
      expect(jsonl.map((l) => (JSON.parse(l) as { question: string }).question)).toEqual(['bob question']);
      expect((await soga(config, ['export', '--format', 'csv'])).split('\n')[0]).toMatch(/^id,created_at,surface/);

      const again = (await openConfiguredAnswerLog(config, () => {}))!;
      try {
        expect((await again.log.listAudit()).map((a) => a.action)).toEqual(['export', 'export', 'erase_user', 'retention_purge']);
      } finally {
        await again.log.close();
      }
    });
  });
});
