import { describe, expect, it } from 'vitest';
import { createRedactor, redactCredentials } from '../../src/core/redact.js';
import { describeError } from '../../src/core/errors.js';

describe('redacting secrets from error output', () => {
  it('replaces every configured secret wherever it appears, longest first', () => {
    const redact = createRedactor(['hunter2-long-password', 'hunter2', undefined, '']);
    expect(redact('login hunter2-long-password failed (hunter2)')).toBe('login [redacted] failed ([redacted])');
  });

  it('leaves short configured values alone: they would blank ordinary words', () => {
    expect(createRedactor(['a', 'test'])('a test message')).toBe('a test message');
  });

  it('replaces credential-shaped values nobody configured: bearer tokens, API keys, access tokens in JSON and URLs', () => {
    const body = '{"error":{"message":"Incorrect API key provided: sk-proj-abcdefghijklmnop1234"},"echo":{"headers":{"authorization":"Bearer abcdefghijklmnopqrstuvwxyz"}}}';
    const out = redactCredentials(body);
    expect(out).not.toMatch(/sk-proj-abcdefghijklmnop1234|abcdefghijklmnopqrstuvwxyz/);
    expect(out).toContain('Incorrect API key provided');
    expect(redactCredentials('GET /_matrix/client/v3/sync?access_token=syt_Ym90_AbCdEfGhIjKl_0a1b2c&since=s1')).toBe('GET /_matrix/client/v3/sync?access_token=[redacted]&since=s1');
    expect(redactCredentials('{"access_token": "opaque-token-value", "user_id": "@bot:x"}')).toBe('{"access_token": "[redacted]", "user_id": "@bot:x"}');
    expect(redactCredentials('password=correct-horse')).toBe('password=[redacted]');
  });

  it('keeps messages that only name a credential readable', () => {
    const text = 'the homeserver refused MATRIX_ACCESS_TOKEN (M_UNKNOWN_TOKEN: Invalid access token); set SOGA_LLM_API_KEY in .env, max_tokens: 500';
    expect(redactCredentials(text)).toBe(text);
  });
});

describe('describing values that are not Errors', () => {
  it('reads the errcode and message of a Matrix error body instead of "[object Object]"', () => {
    expect(describeError({ errcode: 'M_UNKNOWN_TOKEN', error: 'Invalid access token passed.' })).toBe('M_UNKNOWN_TOKEN Invalid access token passed.');
    expect(describeError({ statusCode: 401, body: { errcode: 'M_UNKNOWN_TOKEN', error: 'Invalid access token' } })).toBe('HTTP 401 M_UNKNOWN_TOKEN Invalid access token');
  });

  it('falls back to JSON for other objects, and String for the rest', () => {
    expect(describeError({ retry: 3 })).toBe('{"retry":3}');
    expect(describeError(42)).toBe('42');
    expect(describeError(undefined)).toBe('undefined');
  });
});
