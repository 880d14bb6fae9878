import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
let dataDir: string;

function soga(args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], {
    env: { ...process.env, SOGA_DATA_DIR: dataDir, SOGA_LOG_DB: path.join(dataDir, 'answers.sqlite'), SOGA_EMBED_PROVIDER: 'none', SOGA_LLM_PROVIDER: 'none', LANCEDB_LOG: 'error', ...env },
    maxBuffer: 10 * 1024 * 1024,
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'soga-cli-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('the soga command', () => {
  it('ingests the shipped corpus on first use and prints exactly one JSON object for ask --json', async () => {
    const { stdout, stderr } = await soga(['ask', '--json', 'When and where does NEC ESS 2025 take place?']);
    expect(stderr).toContain('ingesting');
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer)).toEqual(expect.arrayContaining(['question', 'language', 'answer', 'grounded', 'mode', 'citations', 'timings']));
    expect(answer.language).toBe('en');
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toMatch(/25 au 27 novembre 2025/);
    expect(answer.citations[0]).toEqual(expect.objectContaining({ n: 1, title: expect.stringContaining('NEC ESS 2025'), chunkId: expect.any(String), score: expect.any(Number) }));
  }, 120_000);

  it('skips unchanged documents on a second ingest and says so', async () => {
    const { stdout } = await soga(['ingest']);
    expect(stdout).toMatch(/added: 0/);
    expect(stdout).toMatch(/skipped \(unchanged\): 12/);
  }, 60_000);

  it('says plainly when the articles do not hold the answer', async () => {
    const { stdout } = await soga(['ask', '--json', 'Who is the treasurer of SOGA?']);
    const answer = JSON.parse(stdout);
    expect(answer.grounded).toBe(false);
    expect(answer.citations).toEqual([]);
    expect(answer.answer).toMatch(/don't say/);
  }, 60_000);

  it('writes soga ask answers to the answer log, with the key file the bots use', async () => {
    const { stdout } = await soga(['logs', 'export', '--format', 'jsonl', '--surface', 'cli']);
    const questions = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).question);
    expect(questions).toEqual(expect.arrayContaining(['When and where does NEC ESS 2025 take place?', 'Who is the treasurer of SOGA?']));
  }, 60_000);

  it('exits non-zero and says why when an erasure is asked with another key than the log was written with', async () => {
    const error = (await soga(['logs', 'erase', '--user', 'someone'], { SOGA_LOG_HMAC_KEY: 'not-the-key-of-this-log-0123' }).catch((e: unknown) => e)) as {
      code: number;
      stdout: string;
      stderr: string;
    };
    expect(error.code).toBe(1);
    expect(error.stderr).toMatch(/another pseudonymisation key/);
    expect(error.stdout).not.toMatch(/erased/);
  }, 60_000);

  it('prints search results as JSON', async () => {
    const { stdout } = await soga(['search', '--json', '-k', '3', 'Social Tech Atlas']);
    const result = JSON.parse(stdout);
    expect(result.query).toBe('Social Tech Atlas');
    expect(result.results).toHaveLength(3);
    expect(result.results[0]).toEqual(expect.objectContaining({ rank: 1, chunkId: expect.any(String), lang: expect.any(String), text: expect.stringMatching(/Atlas/) }));
  }, 60_000);

  it('names the variable and the fix when the configuration is invalid', async () => {
    const error = (await soga(['ask', 'x'], { SOGA_RETRIEVAL_K: 'many' }).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(error.code).toBe(1);
    expect(error.stderr).toContain('SOGA_RETRIEVAL_K');
    expect(error.stderr).toContain('.env.example');
  }, 60_000);
});

describe('soga chat --json', () => {
  it('answers one turn a line with the query searched, keeps the conversation for follow-ups and starts over on /new', async () => {
    const input = 'When does NEC ESS 2025 take place?\n\n/help\nAnd where?\n/new\nAnd where?\n';
    const child = execFile(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', 'chat', '--json'], {
      env: { ...process.env, SOGA_DATA_DIR: dataDir, SOGA_EMBED_PROVIDER: 'none', SOGA_LLM_PROVIDER: 'none', LANCEDB_LOG: 'error' },
      maxBuffer: 10 * 1024 * 1024,
    });
    child.stdin!.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    await new Promise((resolve) => child.on('close', resolve));
    const answers = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(answers).toHaveLength(3);
    expect(answers[0].query).toBe('When does NEC ESS 2025 take place?');
    expect(answers[1].query).toBe('NEC ESS 2025 — where?');
    expect(answers[1].grounded).toBe(true);
    expect(answers[2].query).toBe('And where?');
    expect(stderr).toContain('/quit');
    expect(stderr).toContain('New conversation');
  }, 120_000);
});
