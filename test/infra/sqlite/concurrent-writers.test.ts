import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openAnswerLog } from '../../../src/infra/sqlite/answer-log.js';
import { makeAnswer } from '../../fakes/fake-assistant.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsxLoader = createRequire(import.meta.url).resolve('tsx');
let dir: string;

function writer(file: string, count: number, label: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, path.join(here, 'concurrent-writer.child.ts'), file, String(count), label], {
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${label} exited ${code}: ${stderr}`))));
  });
}

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('several processes writing the same log (bot and web)', () => {
  it('loses no entry and fails no write while three processes and this one write at once', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'soga-concurrent-'));
    const file = path.join(dir, 'answers.sqlite');
    const here1 = openAnswerLog({ file, hmacKey: 'test-key-0123456789abcdef' });
    const children = Promise.all([writer(file, 150, 'discord'), writer(file, 150, 'matrix'), writer(file, 150, 'cli')]);
    // Interleave writes from this process while the children run.
    let mine = 0;
    const started = Date.now();
    while (mine < 150 && Date.now() - started < 20_000) {
      await here1.record({ surface: 'web', answer: makeAnswer({ question: `web ${mine}` }) });
      mine++;
      await new Promise((r) => setImmediate(r));
    }
    await children;
    const stats = await here1.stats();
    expect(stats.total).toBe(600);
    expect(Object.fromEntries(stats.surfaces.map((s) => [s.surface, s.count]))).toEqual({ discord: 150, matrix: 150, cli: 150, web: 150 });
    expect((await here1.list({ thumbsDownOnly: true })).total).toBe(45);
    here1.close();
  }, 60_000);
});
