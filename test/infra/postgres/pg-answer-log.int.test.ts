/**
 * The answer log in PostgreSQL against the behaviour every answer log shares (the SQLite one runs the
 * same suite) and its corrections desk, on a real server, plus what only PostgreSQL shows: its schema
 * steps and search words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openPostgres, type Sql } from '../../../src/infra/postgres/pg-database.js';
import { ANSWER_LOG, pgAnswerLogMigrations } from '../../../src/infra/postgres/answer-log-schema.js';
import { PgAnswerLog } from '../../../src/infra/postgres/pg-answer-log.js';
import { PgCorrections } from '../../../src/infra/postgres/pg-corrections.js';
import { answerLogMigrations } from '../../../src/infra/sqlite/migrations.js';
import { answered, describeAnswerLog, KEY } from '../../core/contracts/answer-log.contract.js';
import { describeCorrectionDesk } from '../../core/contracts/correction-desk.contract.js';
import { postgresUnavailable, testDatabase, type TestDatabase } from './test-database.js';

if (postgresUnavailable) console.warn(`skipping the PostgreSQL answer log: ${postgresUnavailable}`);

/** Empties every table of the answer log, as a new database would be. */
export async function emptyAnswerLog(sql: Sql): Promise<void> {
  await sql`truncate soga_log_entries, soga_log_feedback, soga_log_audit, soga_log_meta, soga_corrections, soga_proposals restart identity cascade`;
}

describe.skipIf(postgresUnavailable)('PostgreSQL answer log', { timeout: 60_000 }, () => {
  let db: TestDatabase;
  /** Two connections, as two replicas would hold. */
  let a: Sql;
  let b: Sql;

  beforeAll(async () => {
    db = await testDatabase();
    a = await openPostgres(db.url, { maxConnections: 4 });
    b = await openPostgres(db.url, { maxConnections: 4 });
    await migrate(a, ANSWER_LOG, pgAnswerLogMigrations);
  }, 120_000);

  afterAll(async () => {
    await a?.end();
    await b?.end();
    await db?.close();
  });

  describeAnswerLog('PostgreSQL', () => ({
    make: async ({ hmacKey, now }) => {
      await emptyAnswerLog(a);
      return PgAnswerLog.open(a, { hmacKey, now });
    },
    reopen: async ({ hmacKey, now }) => PgAnswerLog.open(b, { hmacKey, now }),
  }));

  describeCorrectionDesk('PostgreSQL', () => ({
    make: async ({ hmacKey, now }) => {
      await emptyAnswerLog(a);
      const log = await PgAnswerLog.open(a, { hmacKey, now });
      return { log, desk: new PgCorrections(log, now) };
    },
  }));

  describe('schema steps', () => {
    it('have the numbers of the SQLite steps, each applied once however many replicas open the log together', async () => {
      await emptyAnswerLog(a);
      await Promise.all([PgAnswerLog.open(a, { hmacKey: KEY }), PgAnswerLog.open(b, { hmacKey: KEY }), PgAnswerLog.open(b, { hmacKey: KEY })]);
      const rows = await a<{ version: number }[]>`select version from soga_schema_migrations where component = ${ANSWER_LOG} order by version`;
      expect(rows.map((r) => r.version)).toEqual(answerLogMigrations.map((m) => m.version));
    });
  });

  describe('search words', () => {
    it('are folded by the application, so an uppercase accented word is found on a server whose locale folds only ASCII', async () => {
      await emptyAnswerLog(a);
      const log = await PgAnswerLog.open(a, { hmacKey: KEY });
      const id = await log.record({ surface: 'web', answer: answered('Où se tient la RÉUNION d’ÉTÉ ?', { text: 'À Besançon, au Musée.' }) });
      expect((await log.list({ text: 'reunion ete' })).items.map((e) => e.id)).toEqual([id]);
      expect((await log.list({ text: 'BESANCON musee' })).items.map((e) => e.id)).toEqual([id]);
      expect((await log.list({ text: 'besançonx' })).total).toBe(0);
    });

    it('are filled at open for rows that lack them (copied by hand)', async () => {
      await emptyAnswerLog(a);
      const log = await PgAnswerLog.open(a, { hmacKey: KEY });
      const id = await log.record({ surface: 'web', answer: answered('Quand a lieu la kermesse ?') });
      await a`update soga_log_entries set search = null`;
      await PgAnswerLog.open(b, { hmacKey: KEY });
      expect((await log.list({ text: 'kermesse' })).items.map((e) => e.id)).toEqual([id]);
    });
  });
});
