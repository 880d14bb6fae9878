/**
 * What reaches stderr when a remote server answers with an error body that echoes the credentials it
 * was sent: `npm start` with a homeserver that refuses the Matrix token, `soga ask` with an LLM endpoint
 * that refuses the API key. Both run as the real entry points, in a child process.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAiServer } from '../fakes/openai-compatible-server.js';

const run = promisify(execFile);
const MATRIX_TOKEN = 'syt_c29nYQ_SecretTokenValue_1a2b3c';
const LLM_KEY = 'sk-test-SecretApiKeyValue0123456789';
let dir: string;

function entry(script: string, args: string[], env: Record<string, string>) {
  return run(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, SOGA_DATA_DIR: path.join(dir, 'data'), SOGA_LOG_DB: path.join(dir, 'data', 'answers.sqlite'), SOGA_EMBED_PROVIDER: 'none', SOGA_LLM_PROVIDER: 'none', ...env },
    maxBuffer: 10 * 1024 * 1024,
    timeout: 120_000,
  }).catch((error: unknown) => error as { code: number; stdout: string; stderr: string });
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'soga-secrets-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('secrets in error output', () => {
  let homeserver: Server;
  let homeserverUrl: string;

  beforeAll(async () => {
    // Refuses every token, echoing the request's Authorization header in the error body.
    homeserver = createServer((req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errcode: 'M_UNKNOWN_TOKEN', error: `Invalid access token passed (${req.headers.authorization ?? ''})` }));
    });
    await new Promise<void>((resolve) => homeserver.listen(0, '127.0.0.1', resolve));
    homeserverUrl = `http://127.0.0.1:${(homeserver.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => homeserver.close(() => resolve())));

  it('a refused Matrix token stops npm start with a readable reason and without the token', async () => {
    const result = await entry('src/main/start.ts', [], {
      SOGA_CORPUS_DIR: path.join(dir, 'empty-corpus'),
      SOGA_DICTIONARY_DIR: '',
      MATRIX_HOMESERVER_URL: homeserverUrl,
      MATRIX_ACCESS_TOKEN: MATRIX_TOKEN,
    });
    const stderr = (result as { stderr: string }).stderr;
    expect((result as { code?: number }).code).toBe(1);
    expect(stderr).toContain('refused MATRIX_ACCESS_TOKEN');
    expect(stderr).toContain('M_UNKNOWN_TOKEN');
    expect(stderr).not.toContain('[object Object]');
    expect(stderr).not.toContain(MATRIX_TOKEN);
  }, 120_000);

  it('an LLM endpoint that echoes the API key in its error body: soga ask answers extractively and prints no key', async () => {
    const llm = await startOpenAiServer(() => ({
      kind: 'status',
      status: 401,
      body: JSON.stringify({ error: { message: `Incorrect API key provided: ${LLM_KEY}. Authorization: Bearer ${LLM_KEY}`, type: 'invalid_request_error' } }),
    }));
    try {
      const result = await entry('src/main/cli.ts', ['ask', '--json', 'When and where does NEC ESS 2025 take place?'], {
        SOGA_LLM_PROVIDER: 'openai',
        SOGA_LLM_BASE_URL: llm.baseUrl,
        SOGA_LLM_API_KEY: LLM_KEY,
        SOGA_LLM_MODEL: 'test-model',
      });
      const { stdout, stderr } = result;
      expect(llm.requests.length).toBeGreaterThan(0);
      expect(JSON.parse(stdout).mode).toBe('extractive');
      expect(stderr).toMatch(/chat model failed/);
      expect(stderr).toContain('Incorrect API key provided');
      expect(stderr).not.toContain(LLM_KEY);
      expect(stderr).not.toContain('SecretApiKeyValue');
    } finally {
      await llm.close();
    }
  }, 120_000);
});
