/**
 * The PostgreSQL connection (postgres.js) and its schema steps. Each component (the shared state here;
 * the answer log and documents later) has its own numbered steps, recorded in one table, applied in a
 * transaction under an advisory lock so that replicas starting together apply each step once.
 */
import postgres from 'postgres';
import { SogaError } from '../../core/errors.js';

export type Sql = postgres.Sql;
export type TransactionSql = postgres.TransactionSql;

export interface PgMigration {
  version: number;
  description: string;
  sql: string;
}

export interface PgOptions {
  /** Connections this replica may hold (postgres.js pool). */
  maxConnections?: number;
  /** Seconds to wait for a connection before failing. */
  connectTimeoutSeconds?: number;
}

/** What the operator can do, by PostgreSQL's SQLSTATE or the socket's error code (never the message text). */
const HINTS: Record<string, string> = {
  ECONNREFUSED: 'is PostgreSQL running and listening on that host and port?',
  ENOTFOUND: 'the host name of SOGA_DATABASE_URL does not resolve',
  ETIMEDOUT: 'the server did not answer in time: check the host, the port and any firewall',
  CONNECT_TIMEOUT: 'the server did not answer in time: check the host, the port and any firewall',
  '28P01': 'the password of SOGA_DATABASE_URL is wrong',
  '28000': 'the server refuses this user from here (pg_hba.conf)',
  '3D000': 'the database of SOGA_DATABASE_URL does not exist: create it (createdb) or fix the URL',
  '42501': 'the user may not create tables in this database: grant it CREATE on the schema',
};

/** Where we tried to connect, without the credentials. */
export function describeTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return '(an unparsable URL)';
  }
}

/** A failure of PostgreSQL as a SogaError with a hint chosen by its code. */
export function storeUnavailable(message: string, cause: unknown): SogaError {
  const code = (cause as { code?: unknown }).code;
  const hint = typeof code === 'string' ? HINTS[code] : undefined;
  return new SogaError('STORE_UNAVAILABLE', message, { cause, hint });
}

/** Connects and checks the connection; a failure says where and why, never with the password. */
export async function openPostgres(url: string, options: PgOptions = {}): Promise<Sql> {
  const sql = postgres(url, {
    max: options.maxConnections ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 10,
    // CREATE … IF NOT EXISTS notices are expected on every start.
    onnotice: () => {},
  });
  try {
    await sql`select 1`;
  } catch (cause) {
    await sql.end({ timeout: 1 }).catch(() => {});
    throw storeUnavailable(`cannot connect to PostgreSQL at ${describeTarget(url)}`, cause);
  }
  return sql;
}

/** Applies the component's steps not applied yet, in order, each with its record, in one transaction. */
export async function migrate(sql: Sql, component: string, steps: readonly PgMigration[]): Promise<number[]> {
  try {
    return await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(hashtext('soga_schema_migrations'))`;
      await tx`create table if not exists soga_schema_migrations (
        component text not null,
        version integer not null,
        description text not null,
        applied_at timestamptz not null default now(),
        primary key (component, version)
      )`;
      const done = new Set((await tx<{ version: number }[]>`select version from soga_schema_migrations where component = ${component}`).map((r) => r.version));
      const applied: number[] = [];
      for (const step of [...steps].sort((a, b) => a.version - b.version)) {
        if (done.has(step.version)) continue;
        await tx.unsafe(step.sql);
        await tx`insert into soga_schema_migrations (component, version, description) values (${component}, ${step.version}, ${step.description})`;
        applied.push(step.version);
      }
      return applied;
    });
  } catch (cause) {
    throw storeUnavailable(`cannot bring the PostgreSQL schema of ${component} up to date`, cause);
  }
}
