/**
 * The admin web on the PostgreSQL answer log (SOGA_DATABASE_URL): the desk, its filters, an entry, the
 * overview and the export work as on SQLite. The desk's surface and language lists once answered 500
 * on PostgreSQL ("select distinct … order by … collate"), which no store-level test saw.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Sql } from '../../../src/infra/postgres/pg-database.js';
import { PgAnswerLog } from '../../../src/infra/postgres/pg-answer-log.js';
import { PgCorrections } from '../../../src/infra/postgres/pg-corrections.js';
import { answered } from '../../core/contracts/answer-log.contract.js';
import { postgresUnavailable, testDatabase, type TestDatabase } from '../../infra/postgres/test-database.js';
import { Client, HMAC_KEY, startHarness, type Harness } from './web-harness.js';

if (postgresUnavailable) console.warn(`skipping the admin web on PostgreSQL: ${postgresUnavailable}`);

describe.skipIf(postgresUnavailable)('the admin web on the PostgreSQL answer log', { timeout: 60_000 }, () => {
  let db: TestDatabase;
  let sql: Sql;
  let h: Harness;
  let client: Client;

  beforeAll(async () => {
    db = await testDatabase();
    sql = await openPostgres(db.url, { maxConnections: 4 });
    const log = await PgAnswerLog.open(sql, { hmacKey: HMAC_KEY });
    h = await startHarness({ store: { log: Object.assign(log, { close: () => undefined }), corrections: new PgCorrections(log) } });
    client = new Client(h.url);
    expect((await client.signIn()).status).toBe(303);
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
    await sql?.end();
    await db?.close();
  });

  it('lists, filters, opens, sums up and exports what replicas recorded', async () => {
    const id = await h.log.record({ surface: 'discord', askerId: 'user-1', answer: answered('Quand a eu lieu le forum des communs ?', { language: 'fr' }) });
    await h.log.record({ surface: 'matrix', answer: answered('Where was the forum held?', { language: 'en' }) });
    const desk = await client.fetch('/log');
    expect(desk.status).toBe(200);
    const page = await desk.text();
    expect(page).toContain('Quand a eu lieu le forum des communs ?');
    expect(page).toContain('Where was the forum held?');
    const filtered = await client.fetch('/log?surface=matrix');
    expect(filtered.status).toBe(200);
    expect(await filtered.text()).not.toContain('Quand a eu lieu le forum des communs ?');
    expect((await client.fetch('/log?q=communs')).status).toBe(200);
    expect((await client.fetch(`/log/${id}`)).status).toBe(200);
    expect((await client.fetch('/overview')).status).toBe(200);
    const csv = await client.fetch('/log/export?format=csv');
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('Where was the forum held?');
  });
});
