/**
 * `soga migrate-log [--from FILE]`: moves an embedded installation's answer log (SQLite) into the
 * PostgreSQL database replicas share, and prints what it copied. Safe to run again: rows already
 * copied are counted, not copied twice.
 */
import type { Command } from 'commander';

/** What was copied of one table (main's copy reports it). */
export interface CopiedTableReport {
  table: string;
  read: number;
  copied: number;
  present: number;
}

export interface MigrateLogDeps {
  /** Copies the SQLite log (`from`, else SOGA_LOG_DB) into SOGA_DATABASE_URL's; throws with what to fix. */
  migrateLog(from: string | undefined, onProgress: (table: string, rows: number) => void): Promise<CopiedTableReport[]>;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
}

export function registerMigrateLogCommand(program: Command, getDeps: () => MigrateLogDeps | Promise<MigrateLogDeps>): Command {
  return program
    .command('migrate-log')
    .description('copy the SQLite answer log (entries, feedback, audit, corrections, proposals) into the PostgreSQL database of SOGA_DATABASE_URL, ids and pseudonyms kept')
    .option('--from <file>', 'the SQLite answer log to copy (default: SOGA_LOG_DB)')
    .action(async (opts: { from?: string }) => {
      const deps = await getDeps();
      const stderr = deps.stderr ?? process.stderr;
      const stdout = deps.stdout ?? process.stdout;
      const report = await deps.migrateLog(opts.from, (table, rows) => stderr.write(`${table}: ${rows} rows read\n`));
      for (const t of report) stdout.write(`${t.table}: ${t.read} read, ${t.copied} copied, ${t.present} already there\n`);
    });
}
