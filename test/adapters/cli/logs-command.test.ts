import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerLogsCommands } from '../../../src/adapters/cli/logs-command.js';
import { parseConfig, type Config } from '../../../src/config/load.js';
import { openAnswerLog } from '../../../src/infra/sqlite/answer-log.js';
import { openConfiguredAnswerLog, openConfiguredLogOnly } from '../../../src/main/answer-log.js';
import { makeAnswer } from '../../fakes/fake-assistant.js';

let dir: string;
let config: Config;
let stdout: PassThrough;
let printed: string;

function program(): Command {
  const p = new Command('soga').exitOverride();
  registerLogsCommands(p, () => ({ config, openLog: () => openConfiguredLogOnly(config, () => {}), stdout }));
  return p;
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'soga-logs-cli-'));
  config = parseConfig({ SOGA_LOG_DB: path.join(dir, 'answers.sqlite'), SOGA_LOG_HMAC_KEY: 'cli-test-key-0123456789', SOGA_LOG_RETENTION_DAYS: '30' });
  stdout = new PassThrough();
  printed = '';
  stdout.on('data', (d) => (printed += d));
  const old = new Date(Date.now() - 40 * 24 * 3600 * 1000);
  const log = openAnswerLog({ file: config.SOGA_LOG_DB, hmacKey: config.SOGA_LOG_HMAC_KEY, now: () => old });
  await log.record({ surface: 'discord', askerId: 'alice', answer: makeAnswer({ question: 'old question' }) });
  log.close();
  const fresh = openAnswerLog({ file: config.SOGA_LOG_DB, hmacKey: config.SOGA_LOG_HMAC_KEY });
  await fresh.record({ surface: 'discord', askerId: 'alice', answer: makeAnswer({ question: 'new question' }) });
  await fresh.record({ surface: 'matrix', askerId: 'bob', answer: makeAnswer({ question: 'bob question' }) });
  fresh.close();
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const remaining = async () => {
  const log = openAnswerLog({ file: config.SOGA_LOG_DB, hmacKey: config.SOGA_LOG_HMAC_KEY });
  try {
    return (await log.list()).items.map((e) => e.question).sort();
  } finally {
    log.close();
  }
};

describe('soga logs', () => {
  it('purge deletes entries older than the retention period', async () => {
    await program().parseAsync(['node', 'soga', 'logs', 'purge']);
    expect(printed).toContain('purged 1 entries older than 30 days');
    expect(await remaining()).toEqual(['bob question', 'new question']);
  });

  it('erase --user deletes that person only, and the audit keeps no id', async () => {
    await program().parseAsync(['node', 'soga', 'logs', 'erase', '--user', 'alice']);
    expect(printed).toContain('erased 2 entries');
    expect(await remaining()).toEqual(['bob question']);
    const log = openAnswerLog({ file: config.SOGA_LOG_DB, hmacKey: config.SOGA_LOG_HMAC_KEY });
    expect(JSON.stringify(await log.listAudit())).not.toContain('alice');
    log.close();
  });

  it('export writes CSV to a file and JSONL to stdout', async () => {
    const file = path.join(dir, 'out.csv');
    await program().parseAsync(['node', 'soga', 'logs', 'export', '--format', 'csv', '--output', file]);
    const csv = readFileSync(file, 'utf8').trim().split('\n');
    expect(csv).toHaveLength(4);
    await program().parseAsync(['node', 'soga', 'logs', 'export', '--format', 'jsonl', '--surface', 'matrix']);
    expect(
      printed
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).question),
    ).toEqual(['bob question']);
  });

  it('refuses an unknown export format', async () => {
    await expect(program().parseAsync(['node', 'soga', 'logs', 'export', '--format', 'xml'])).rejects.toThrow(/Allowed choices/);
  });
});

describe('soga logs with the key the bots use', () => {
  // The default set-up: no SOGA_LOG_HMAC_KEY, the bots make data/answer-log.key on first use.
  const keyless = () => parseConfig({ SOGA_DATA_DIR: path.join(dir, 'data'), SOGA_LOG_DB: path.join(dir, 'keyless.sqlite') });
  const run = (c: Config, args: string[]) => {
    const p = new Command('soga').exitOverride();
    registerLogsCommands(p, () => ({ config: c, openLog: () => openConfiguredLogOnly(c, () => {}), stdout }));
    return p.parseAsync(['node', 'soga', 'logs', ...args]);
  };

  beforeEach(async () => {
    const bots = (await openConfiguredAnswerLog(keyless(), () => {}))!;
    await bots.log.record({ surface: 'discord', askerId: 'carol', answer: makeAnswer({ question: 'carol question' }) });
    await bots.log.close();
  });

  it('erases with the key file when SOGA_LOG_HMAC_KEY is unset, as the bots do', async () => {
    expect(readFileSync(path.join(dir, 'data', 'answer-log.key'), 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    await run(keyless(), ['erase', '--user', 'carol']);
    expect(printed).toContain('erased 1 entries');
    await run(keyless(), ['purge', '--days', '1']);
    expect(printed).toContain('purged 0 entries');
  });

  it('fails loudly, erasing nothing, when given another key than the log was written with', async () => {
    const fresh = parseConfig({ SOGA_DATA_DIR: path.join(dir, 'data'), SOGA_LOG_DB: path.join(dir, 'keyless.sqlite'), SOGA_LOG_HMAC_KEY: 'a-fresh-key-0123456789abcdef' });
    await expect(run(fresh, ['erase', '--user', 'carol'])).rejects.toMatchObject({ code: 'LOG_KEY_MISMATCH' });
    expect(printed).not.toContain('erased');
    await run(keyless(), ['export', '--format', 'jsonl']);
    expect(printed).toContain('carol question');
  });
});
