import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load.js';
import { startMatrix } from '../../../src/adapters/matrix/index.js';
import { loadMatrixSdk } from '../../../src/adapters/matrix/load-sdk.js';
import { Messages } from '../../../src/core/i18n.js';
import { FakeAnswerLog } from '../../fakes/fake-answer-log.js';
import { FakeAssistant } from '../../fakes/fake-assistant.js';
import { FakeCorpus } from '../../fakes/fake-corpus.js';
import { FileBotStateStore } from '../../../src/infra/bot-state-file.js';
import { join } from 'node:path';

const deps = (env: Record<string, string>) => ({
  config: parseConfig({ SOGA_DATA_DIR: '/nonexistent/soga-test', ...env }),
  assistant: new FakeAssistant(),
  corpus: new FakeCorpus(),
  feedback: new FakeAnswerLog(),
  messages: new Messages({ en: {} }),
  write: () => {},
  openState: ({ dir }: { dir: string }) => new FileBotStateStore(join(dir, 'state.json')),
});

describe('loading matrix-bot-sdk', () => {
  const loaded = loadMatrixSdk();

  it('loads the SDK whether or not the native crypto module is present', () => {
    expect(typeof loaded.sdk.MatrixClient).toBe('function');
    expect(typeof loaded.sdk.SimpleFsStorageProvider).toBe('function');
    if (!loaded.cryptoAvailable) expect(loaded.cryptoError).toMatch(/matrix-sdk-crypto/);
  });

  it.skipIf(loaded.cryptoAvailable)('refuses MATRIX_ENCRYPTION=true without the native module, saying what to install', async () => {
    await expect(startMatrix(deps({ MATRIX_HOMESERVER_URL: 'http://127.0.0.1:9', MATRIX_ACCESS_TOKEN: 't', MATRIX_ENCRYPTION: 'true' }))).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('@matrix-org/matrix-sdk-crypto-nodejs'),
      hint: expect.stringContaining('npm rebuild @matrix-org/matrix-sdk-crypto-nodejs'),
    });
  });
});

describe('Matrix configuration', () => {
  it('is off unless MATRIX_HOMESERVER_URL is set, with safe defaults', () => {
    const c = parseConfig({});
    expect(c.MATRIX_HOMESERVER_URL).toBeUndefined();
    expect(c.MATRIX_INVITE_ALLOWLIST).toEqual([]);
    expect(c.MATRIX_ENCRYPTION).toBe(false);
    expect(c.MATRIX_STAFF_POWER_LEVEL).toBe(50);
  });

  it('parses lists and rejects malformed values by name', () => {
    const c = parseConfig({ MATRIX_HOMESERVER_URL: 'https://matrix.example.org', MATRIX_QA_ROOMS: '!a:x, #b:x', MATRIX_STAFF_USERS: '@s:x' });
    expect(c.MATRIX_QA_ROOMS).toEqual(['!a:x', '#b:x']);
    expect(() => parseConfig({ MATRIX_USER_ID: 'soga' })).toThrow(/MATRIX_USER_ID/);
    expect(() => parseConfig({ MATRIX_HOMESERVER_URL: 'matrix.example.org' })).toThrow(/MATRIX_HOMESERVER_URL/);
  });

  it('needs a token or a user id and password', async () => {
    await expect(startMatrix(deps({ MATRIX_HOMESERVER_URL: 'http://127.0.0.1:9' }))).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('MATRIX_ACCESS_TOKEN'),
    });
  });
});
