/**
 * writeFileAtomically: whole files or none, and no temporary file left behind.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../src/infra/atomic-file.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'soga-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writing a file whole or not at all', () => {
  it('replaces the file and leaves no temporary file, even with writers at once', async () => {
    const file = path.join(dir, 'stats.json');
    writeFileSync(file, 'old');
    await Promise.all(Array.from({ length: 8 }, (_, i) => writeFileAtomically(file, `{"writer":${i}}`)));
    expect(JSON.parse(readFileSync(file, 'utf8')).writer).toBeGreaterThanOrEqual(0);
    expect(readdirSync(dir)).toEqual(['stats.json']);
  });

  it('fails with the cause and cleans up when the target cannot be written', async () => {
    const target = path.join(dir, 'a-folder');
    mkdirSync(path.join(target, 'inside'), { recursive: true });
    await expect(writeFileAtomically(target, 'x')).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST|directory/i);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
