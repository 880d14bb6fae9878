import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { everyTime, rememberedIn } from '../../src/main/notices.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'soga-notices-'));
});
afterEach(async () => {
  await chmod(dir, 0o700).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

describe('start-up notices of one-shot commands', () => {
  it('are said once and remembered in the data folder, and said again for another cause', async () => {
    const said: string[] = [];
    for (let i = 0; i < 3; i++) await rememberedIn(dir, (m) => said.push(m)).say('no-embedder e5 EMBEDDING_FAILED', 'note: no embedding model');
    await rememberedIn(dir, (m) => said.push(m)).say('no-embedder other-model EMBEDDING_FAILED', 'note: no embedding model (other)');
    expect(said).toEqual(['note: no embedding model', 'note: no embedding model (other)']);
    expect(JSON.parse(await readFile(path.join(dir, 'notices-said.json'), 'utf8'))).toHaveLength(2);
  });

  // Root writes anywhere, so a read-only folder shows nothing there.
  it.skipIf(process.getuid?.() === 0)('are still said, with why they will be repeated, when the data folder cannot be written', async () => {
    await chmod(dir, 0o500);
    const said: string[] = [];
    await rememberedIn(dir, (m) => said.push(m)).say('k', 'note: x');
    expect(said).toEqual([expect.stringMatching(/^note: x \(said on every command: .*cannot be written/)]);
  });

  it('long-running processes say them at every start', async () => {
    const said: string[] = [];
    await everyTime((m) => said.push(m)).say('k', 'note: x');
    await everyTime((m) => said.push(m)).say('k', 'note: x');
    expect(said).toHaveLength(2);
  });
});
