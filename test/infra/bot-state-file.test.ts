/** The chat bot's state in a JSON file against the behaviour every implementation shares, plus what only the file has. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSogaError } from '../../src/core/errors.js';
import { FileBotStateStore } from '../../src/infra/bot-state-file.js';
import { describeBotStateStore } from '../core/contracts/bot-state-store.contract.js';

const root = mkdtempSync(join(tmpdir(), 'soga-bot-state-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let file = '';
let count = 0;

describeBotStateStore('JSON file', () => ({
  make: async (limits) => new FileBotStateStore((file = join(root, `state-${++count}.json`)), { limits }),
  reopen: async (limits) => new FileBotStateStore(file, { limits }),
}));

describe('the state file', () => {
  it('refuses to start from a file it cannot read, rather than answer the sync window again', () => {
    const broken = join(root, 'broken.json');
    writeFileSync(broken, '{"handled": [');
    const error = (() => {
      try {
        new FileBotStateStore(broken);
      } catch (e) {
        return e;
      }
    })();
    expect(isSogaError(error, 'STORE_UNAVAILABLE')).toBe(true);
    expect((error as Error).message).toContain(broken);
  });

  it('takes the sync token and filter of the SDK’s old sync.json once, so an upgraded bot resumes where it stopped', async () => {
    const dir = mkdtempSync(join(root, 'legacy-'));
    writeFileSync(join(dir, 'sync.json'), JSON.stringify({ syncToken: 's9_1_0', filter: { id: '7', filter: null }, kvStore: { dms: '{}' } }));
    writeFileSync(join(dir, 'state.json'), JSON.stringify({ version: 1, handled: ['$old'], pending: [], answers: {}, threads: {}, roomLanguage: {} }));
    const store = new FileBotStateStore(join(dir, 'state.json'), { legacySyncFile: join(dir, 'sync.json') });
    expect(await store.readValue('syncToken')).toBe('s9_1_0');
    expect(JSON.parse((await store.readValue('filter'))!)).toEqual({ id: '7', filter: null });
    expect(await store.readValue('kv:dms')).toBe('{}');
    expect((await store.load()).handled).toEqual(['$old']);
    await store.storeValue('syncToken', 's10_1_0');
    // From now on the state file holds them; the old file is not read again.
    writeFileSync(join(dir, 'sync.json'), JSON.stringify({ syncToken: 'stale' }));
    expect(await new FileBotStateStore(join(dir, 'state.json'), { legacySyncFile: join(dir, 'sync.json') }).readValue('syncToken')).toBe('s10_1_0');
    expect(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')).values.syncToken).toBe('s10_1_0');
  });
});
