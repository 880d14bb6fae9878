/**
 * `soga migrate-log`: copies an embedded installation's SQLite answer log (entries, feedback, audit
 * trail, corrections, proposals) into the PostgreSQL log, ids kept (feedback, proposals and corrections
 * refer to them), pseudonyms kept (the same HMAC key, checked by fingerprint before anything is
 * written). One transaction per 1,000 rows; a row whose id is already there is skipped when it is the
 * same row (a second run copies nothing) and stops the copy when it is another one (the PostgreSQL log
 * already holds answers of its own under that id: copying would lose one of the two).
 */
import { existsSync, statSync } from 'node:fs';
import { SogaError } from '../../core/errors.js';
import { answerLogMigrations } from '../sqlite/migrations.js';
import { openDatabase, type Db } from '../sqlite/open-database.js';
import { keyFingerprint } from '../sqlite/pseudonymise.js';
import { PgAnswerLog, searchTextOf } from './pg-answer-log.js';
import { storeUnavailable, type Sql, type TransactionSql } from './pg-database.js';

export interface CopiedTable {
  table: string;
  /** Rows read from the SQLite file. */
  read: number;
  /** Rows written to PostgreSQL. */
  copied: number;
  /** Rows PostgreSQL already held, the same (an earlier run). */
  present: number;
}

export interface CopySqliteLogOptions {
  /** The SQLite answer log (SOGA_LOG_DB). */
  file: string;
  /** An open connection to the PostgreSQL database of SOGA_DATABASE_URL. */
  sql: Sql;
  /** SOGA_LOG_HMAC_KEY: must be the key the SQLite log was written with. */
  hmacKey: string;
  batchSize?: number;
  onProgress?: (table: string, rowsSoFar: number) => void;
}

interface TablePlan {
  sqlite: string;
  pg: string;
  /** Columns that tell one row from another with the same id (an earlier copy has the same values). */
  identity: string[];
}

// Parents before children: feedback refers to entries.
const TABLES: TablePlan[] = [
  { sqlite: 'entries', pg: 'soga_log_entries', identity: ['created_at', 'question'] },
  { sqlite: 'feedback', pg: 'soga_log_feedback', identity: ['entry_id', 'created_at', 'rating'] },
  { sqlite: 'audit', pg: 'soga_log_audit', identity: ['at', 'actor', 'action'] },
  { sqlite: 'corrections', pg: 'soga_corrections', identity: ['reviewed_at', 'question'] },
  { sqlite: 'proposals', pg: 'soga_proposals', identity: ['created_at', 'reply'] },
];

// Column values as better-sqlite3 reads them: text, numbers, null.
type Row = Record<string, string | number | null> & { id: number };

/** Checks the file and the key, then copies every table; throws before writing anything when either is wrong. */
export async function copySqliteLog(options: CopySqliteLogOptions): Promise<CopiedTable[]> {
  const batch = options.batchSize ?? 1000;
  if (!existsSync(options.file) || !statSync(options.file).isFile()) {
    throw new SogaError('NOT_FOUND', `there is no SQLite answer log at ${options.file}`, {
      hint: 'give the file with --from (SOGA_LOG_DB of the embedded installation, data/answers.sqlite by default)',
    });
  }
  // Opening brings an older file's schema up to date, so its columns are the PostgreSQL ones.
  const db = openDatabase(options.file, answerLogMigrations);
  try {
    checkKey(db, options);
    const log = await PgAnswerLog.open(options.sql, { hmacKey: options.hmacKey });
    // The PostgreSQL log may already be someone's: its key must be the same too.
    log.assertKey();
    const report: CopiedTable[] = [];
    for (const plan of TABLES) report.push(await copyTable(db, options.sql, plan, batch, options.onProgress));
    await resetSequences(options.sql);
    return report;
  } finally {
    db.close();
  }
}

function checkKey(db: Db, options: CopySqliteLogOptions): void {
  const stored = (db.prepare("SELECT value FROM meta WHERE name = 'key_fingerprint'").get() as { value: string } | undefined)?.value;
  const mine = keyFingerprint(options.hmacKey);
  // A file no version with a key fingerprint ever opened has no pseudonym to protect.
  if (stored === undefined || stored === mine) return;
  throw new SogaError(
    'LOG_KEY_MISMATCH',
    `${options.file} was written with another pseudonymisation key (fingerprint ${stored}) than SOGA_LOG_HMAC_KEY (${mine}): copied askers would not match the ones PostgreSQL records, and erasing a member would miss them`,
    { hint: 'set SOGA_LOG_HMAC_KEY to the key the file was written with (when it was unset: the content of data/answer-log.key beside it); nothing was copied' },
  );
}

async function copyTable(db: Db, sql: Sql, plan: TablePlan, batch: number, onProgress?: (table: string, rows: number) => void): Promise<CopiedTable> {
  const result: CopiedTable = { table: plan.sqlite, read: 0, copied: 0, present: 0 };
  const page = db.prepare(`SELECT * FROM ${plan.sqlite} WHERE id > ? ORDER BY id LIMIT ?`);
  let after = 0;
  while (true) {
    const rows = page.all(after, batch) as Row[];
    if (!rows.length) break;
    after = rows.at(-1)!.id;
    result.read += rows.length;
    try {
      const copied = await sql.begin((tx) => insertBatch(tx, plan, rows));
      result.copied += copied;
      result.present += rows.length - copied;
    } catch (cause) {
      if (cause instanceof SogaError) throw cause;
      throw storeUnavailable(`cannot copy ${plan.sqlite} rows ${rows[0].id}–${after} into PostgreSQL`, cause);
    }
    onProgress?.(plan.sqlite, result.read);
  }
  return result;
}

/** Inserts the rows that are not there yet; checks that the ones that are, are the same. Returns how many it inserted. */
async function insertBatch(tx: TransactionSql, plan: TablePlan, rows: Row[]): Promise<number> {
  const columns = Object.keys(rows[0]);
  const inserted = await tx<{ id: string }[]>`insert into ${tx(plan.pg)} ${tx(rows, columns)} on conflict (id) do nothing returning id`;
  const done = new Set(inserted.map((r) => String(r.id)));
  const skipped = rows.filter((r) => !done.has(String(r.id)));
  if (skipped.length) {
    const there = await tx<Row[]>`select id, ${tx(plan.identity)} from ${tx(plan.pg)} where id in ${tx(skipped.map((r) => r.id))}`;
    const byId = new Map(there.map((r) => [String(r.id), r]));
    for (const row of skipped) {
      const other = byId.get(String(row.id));
      if (other && plan.identity.every((c) => String(other[c]) === String(row[c]))) continue;
      throw new SogaError(
        'STORE_WRITE_FAILED',
        `${plan.sqlite} ${row.id} of the SQLite log is not ${plan.pg} ${row.id} of PostgreSQL: the PostgreSQL log already holds rows of its own under the ids being copied`,
        { hint: 'copy the SQLite log into a PostgreSQL log before replicas record into it (an empty database), or remove what PostgreSQL holds; the rows copied before this batch were kept' },
      );
    }
  }
  if (plan.pg === 'soga_log_entries' && done.size) {
    const fresh = rows.filter((r) => done.has(String(r.id))) as unknown as (Row & { question: string; standalone_question: string; answer_text: string })[];
    await tx`update soga_log_entries e set search = to_tsvector('simple', v.t)
      from unnest(${tx.array(fresh.map((r) => r.id))}::bigint[], ${tx.array(fresh.map(searchTextOf))}::text[]) as v (id, t) where e.id = v.id`;
  }
  return done.size;
}

/** New rows recorded after the copy must get ids above the copied ones. */
async function resetSequences(sql: Sql): Promise<void> {
  for (const { pg } of TABLES) {
    await sql`select setval(pg_get_serial_sequence(${pg}, 'id'), (select coalesce(max(id), 0) + 1 from ${sql(pg)}), false)`;
  }
}
