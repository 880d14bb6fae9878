/**
 * `soga logs purge | erase --user <id> | export --format jsonl|csv|eval`: the answer log's retention,
 * erasure and export from the command line, for operators and for data-subject requests.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { userInfo } from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Config } from '../../config/load.js';
import { SogaError } from '../../core/errors.js';
import type { AnswerLogAdmin, LogFilter } from '../../core/answer-log.js';

/**
 * Opens the answer log as main does for the bots (same store, same key or key file); null when
 * SOGA_LOG_ENABLED=false. The command closes what it opened.
 */
export type OpenAnswerLog = () => Promise<(AnswerLogAdmin & { close(): void | Promise<void> }) | null>;

export interface LogsCommandDeps {
  config: Config;
  openLog: OpenAnswerLog;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (v: string) => {
  if (!DATE.test(v) || Number.isNaN(Date.parse(v))) throw new InvalidArgumentError('a date as YYYY-MM-DD');
  return v;
};
const days = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 36500) throw new InvalidArgumentError('a whole number of days from 1 to 36500');
  return n;
};

/** Who ran the command, for the audit trail (the OS user, never the erased person). */
function operator(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    // No passwd entry (some containers): the audit still records that the CLI did it.
    return 'cli:unknown';
  }
}

async function withLog<T>(getDeps: () => LogsCommandDeps | Promise<LogsCommandDeps>, work: (log: AnswerLogAdmin, deps: LogsCommandDeps) => Promise<T>): Promise<T> {
  const deps = await getDeps();
  const log = await deps.openLog();
  if (!log) throw new SogaError('CONFIG_INVALID', 'the answer log is disabled (SOGA_LOG_ENABLED=false): there is nothing to purge, erase or export');
  try {
    return await work(log, deps);
  } finally {
    await log.close();
  }
}

export function registerLogsCommands(program: Command, getDeps: () => LogsCommandDeps | Promise<LogsCommandDeps>): Command {
  const logs = program.command('logs').description('the answer log: retention purge, erasure of one person, export');
  const print = (deps: LogsCommandDeps, text: string) => (deps.stdout ?? process.stdout).write(`${text}\n`);

  logs
    .command('purge')
    .description('delete entries older than the retention period (SOGA_LOG_RETENTION_DAYS) or --days')
    .option('--days <n>', 'keep this many days instead of SOGA_LOG_RETENTION_DAYS', days)
    .action(async (opts: { days?: number }) =>
      withLog(getDeps, async (log, deps) => {
        const keep = opts.days ?? deps.config.SOGA_LOG_RETENTION_DAYS;
        if (keep <= 0) throw new SogaError('CONFIG_INVALID', 'SOGA_LOG_RETENTION_DAYS=0 keeps entries forever', { hint: 'pass --days <n> to purge anyway' });
        const count = await log.purgeOlderThan(keep);
        await log.audit(operator(), 'retention_purge', null, `${count} entries older than ${keep} days`);
        print(deps, `purged ${count} entries older than ${keep} days`);
      }),
    );

  logs
    .command('erase')
    .description('delete every question asked by, and every feedback given by, one platform user')
    .requiredOption('--user <id>', 'the platform user id exactly as the bot saw it (Discord user id, Matrix @user:server, web:<name>)')
    .action(async (opts: { user: string }) =>
      withLog(getDeps, async (log, deps) => {
        const result = await log.eraseUser(opts.user);
        // The audit keeps counts only: recording the id would undo the erasure.
        await log.audit(operator(), 'erase_user', null, `${result.entries} entries, ${result.feedback} feedback, ${result.proposals} proposals`);
        print(deps, `erased ${result.entries} entries, ${result.feedback} feedback records and ${result.proposals} staff-reply proposals of that user`);
      }),
    );

  logs
    .command('export')
    .description('write the log as JSONL or CSV, or corrected answers as eval questions (dev-questions.jsonl format)')
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'csv', 'eval']).default('jsonl'))
    .option('--output <file>', 'write to this file instead of stdout')
    .option('--from <date>', 'first day (UTC, YYYY-MM-DD)', date)
    .option('--to <date>', 'last day (UTC, YYYY-MM-DD)', date)
    .option('--surface <name>', 'only this surface (discord, matrix, web, cli)')
    .action(async (opts: { format: 'jsonl' | 'csv' | 'eval'; output?: string; from?: string; to?: string; surface?: string }) =>
      withLog(getDeps, async (log, deps) => {
        const filter: LogFilter = { from: opts.from, to: opts.to, surface: opts.surface };
        const out = opts.output ? createWriteStream(opts.output, { flags: 'wx', mode: 0o600 }) : (deps.stdout ?? process.stdout);
        const lines = opts.format === 'eval' ? (await log.exportEvalQuestions()).map((q) => `${JSON.stringify(q)}\n`) : log.exportLines(opts.format, filter);
        let count = 0;
        for await (const line of lines) {
          count++;
          if (!out.write(line)) await once(out, 'drain');
        }
        if (opts.output) {
          (out as ReturnType<typeof createWriteStream>).end();
          await once(out, 'finish');
        }
        await log.audit(operator(), 'export', null, `${opts.format} ${count} lines${opts.output ? ` to ${opts.output}` : ''}`);
        if (opts.output) (deps.stderr ?? process.stderr).write(`wrote ${opts.format === 'csv' ? count - 1 : count} records to ${opts.output}\n`);
      }),
    );
  return logs;
}
