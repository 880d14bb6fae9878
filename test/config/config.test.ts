import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig, secretRedactor } from '../../src/config/load.js';
import { configSchema } from '../../src/config/schema.js';
import { isSogaError } from '../../src/core/errors.js';

describe('configuration', () => {
  it('has working defaults: the embedded set-up needs no variable at all', () => {
    const config = parseConfig({});
    expect(config.SOGA_LLM_PROVIDER).toBe('none');
    expect(config.SOGA_EMBED_QUERY_PREFIX).toBe('query: ');
  });

  it('names the variable and how to fix it when a value is invalid', () => {
    const error = (() => {
      try {
        parseConfig({ SOGA_MIN_COVERAGE: '2' });
      } catch (e) {
        return e;
      }
    })();
    expect(isSogaError(error, 'CONFIG_INVALID')).toBe(true);
    expect((error as Error).message).toMatch(/SOGA_MIN_COVERAGE="2".*\.env\.example/);
  });

  it('refuses weak admin secrets at start-up, naming the variable and how to fix it', () => {
    for (const [name, value] of [
      ['SOGA_ADMIN_PASSWORD', 'a'],
      ['SOGA_ADMIN_TOKEN', 'b'],
      ['SOGA_ADMIN_PASSWORD', 'short-pass1'],
      ['SOGA_ADMIN_PASSWORD', 'aaaaaaaaaaaaaaaa'],
      ['SOGA_ADMIN_TOKEN', '123456789012'],
      ['SOGA_ADMIN_PASSWORD', 'password1234'],
      ['SOGA_ADMIN_TOKEN', 'abcdefghijklmnop'],
    ]) {
      const error = (() => {
        try {
          parseConfig({ [name]: value });
        } catch (e) {
          return e as Error;
        }
      })();
      expect(error, `${name}=${value}`).toBeInstanceOf(Error);
      expect(error!.message).toMatch(new RegExp(`${name}=.*too weak.*openssl rand`));
    }
    expect(parseConfig({ SOGA_ADMIN_PASSWORD: 'correct horse battery staple', SOGA_ADMIN_TOKEN: 'admin-token-0123456789abcdef' }).SOGA_ADMIN_TOKEN).toBe('admin-token-0123456789abcdef');
    expect(parseConfig({ SOGA_ADMIN_TOKEN: 'q3V9xK2mT7pL4wZ8' }).SOGA_ADMIN_TOKEN).toBe('q3V9xK2mT7pL4wZ8');
  });

  it('refuses a malformed SOGA_ADMIN_PASSWORD_HASH with the command that makes one', () => {
    expect(() => parseConfig({ SOGA_ADMIN_PASSWORD_HASH: 'md5$abc' })).toThrow(/SOGA_ADMIN_PASSWORD_HASH=.*soga web hash-password/);
  });

  it('asks for a model name when a chat provider is chosen', () => {
    expect(() => parseConfig({ SOGA_LLM_PROVIDER: 'ollama' })).toThrow(/SOGA_LLM_MODEL/);
  });

  it('gives a model on this machine’s CPU a longer time limit than a hosted one, unless SOGA_LLM_TIMEOUT_MS is set', () => {
    expect(parseConfig({ SOGA_LLM_PROVIDER: 'local', SOGA_LLM_MODEL_PATH: 'm.gguf' }).SOGA_LLM_TIMEOUT_MS).toBe(90_000);
    expect(parseConfig({ SOGA_LLM_PROVIDER: 'ollama', SOGA_LLM_MODEL: 'qwen2.5:3b' }).SOGA_LLM_TIMEOUT_MS).toBe(60_000);
    expect(parseConfig({ SOGA_LLM_PROVIDER: 'openai', SOGA_LLM_MODEL: 'gpt-4o-mini', SOGA_LLM_API_KEY: 'k' }).SOGA_LLM_TIMEOUT_MS).toBe(20_000);
    expect(parseConfig({ SOGA_LLM_PROVIDER: 'local', SOGA_LLM_MODEL_PATH: 'm.gguf', SOGA_LLM_TIMEOUT_MS: '30000' }).SOGA_LLM_TIMEOUT_MS).toBe(30_000);
    expect(() => parseConfig({ SOGA_LLM_TIMEOUT_MS: '10' })).toThrow(/SOGA_LLM_TIMEOUT_MS="10"/);
  });

  it('documents every variable of the schema in .env.example', () => {
    const example = readFileSync('.env.example', 'utf8');
    const missing = Object.keys(configSchema.shape).filter((key) => !new RegExp(`^#? ?${key}=`, 'm').test(example));
    expect(missing, 'run `npm run env:example`').toEqual([]);
  });

  it('keeps the e5 prefixes intact through .env (quoted spaces)', () => {
    expect(readFileSync('.env.example', 'utf8')).toContain('SOGA_EMBED_QUERY_PREFIX="query: "');
  });

  it('never prints the value of a secret variable in a configuration error', () => {
    const secret = 'short-secret';
    const error = (() => {
      try {
        parseConfig({ SOGA_LOG_HMAC_KEY: secret });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toContain('SOGA_LOG_HMAC_KEY=(hidden, 12 characters)');
    expect(error?.message).toMatch(/at least 16 characters/);
    expect(error?.message).not.toContain(secret);
  });

  it('redacts every configured secret from operator output', () => {
    const config = parseConfig({ SOGA_LLM_PROVIDER: 'openai', SOGA_LLM_MODEL: 'm', SOGA_LLM_API_KEY: 'plain-looking-key-42', MATRIX_PASSWORD: 'matrix-pass-99' });
    expect(secretRedactor(config)('401 for plain-looking-key-42 and matrix-pass-99')).toBe('401 for [redacted] and [redacted]');
  });

  it('refuses a database URL that is not a PostgreSQL one, without printing it', () => {
    const url = 'mysql://soga:db-pass-31@10.0.0.5/soga';
    expect(() => parseConfig({ SOGA_DATABASE_URL: url })).toThrow(/SOGA_DATABASE_URL=\(hidden, \d+ characters\): must be a PostgreSQL URL with a database, e\.g\. postgres:\/\//);
    expect(() => parseConfig({ SOGA_DATABASE_URL: 'postgres://soga@db.internal:5432' })).toThrow(/SOGA_DATABASE_URL/);
    const error = (() => {
      try {
        parseConfig({ SOGA_DATABASE_URL: url });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).not.toContain('db-pass-31');
    expect(parseConfig({ SOGA_DATABASE_URL: ' postgresql://soga:x@127.0.0.1:5433/soga ' }).SOGA_DATABASE_URL).toBe('postgresql://soga:x@127.0.0.1:5433/soga');
    expect(parseConfig({}).SOGA_DATABASE_URL).toBeUndefined();
  });

  it('redacts the database URL, and its password alone (as a driver may quote it), from operator output', () => {
    const config = parseConfig({ SOGA_DATABASE_URL: 'postgres://soga:p%40ss-word-7@db.internal:5432/soga' });
    const redact = secretRedactor(config);
    expect(redact('connecting to postgres://soga:p%40ss-word-7@db.internal:5432/soga failed')).not.toContain('ss-word-7');
    expect(redact('password "p@ss-word-7" rejected')).toBe('password "[redacted]" rejected');
  });

  it('returns the configuration without touching the environment it reads', () => {
    const env: NodeJS.ProcessEnv = { SOGA_LOG_LEVEL: 'debug' };
    const before = { ...env };
    expect(loadConfig(env).SOGA_LOG_LEVEL).toBe('debug');
    expect(env).toEqual(before);
  });

  describe('Discord shard settings', () => {
    it('reads the shard ids this replica runs, in order and once each, with the count all replicas share', () => {
      const config = parseConfig({ DISCORD_SHARDS: ' 3, 1,1 ', DISCORD_SHARD_COUNT: '4' });
      expect(config.DISCORD_SHARDS).toEqual([1, 3]);
      expect(config.DISCORD_SHARD_COUNT).toBe(4);
      expect(parseConfig({}).DISCORD_SHARDS).toEqual([]);
      expect(parseConfig({}).DISCORD_SHARD_COUNT).toBeUndefined();
    });

    it('refuses a shard id that is not a number, naming the variable and an example', () => {
      expect(() => parseConfig({ DISCORD_SHARDS: '0,one', DISCORD_SHARD_COUNT: '2' })).toThrow(/DISCORD_SHARDS="0,one": must be a comma-separated list of shard ids .*DISCORD_SHARDS=0,1/);
      expect(() => parseConfig({ DISCORD_SHARDS: '-1', DISCORD_SHARD_COUNT: '2' })).toThrow(/DISCORD_SHARDS="-1"/);
      expect(() => parseConfig({ DISCORD_SHARD_COUNT: '0' })).toThrow(/DISCORD_SHARD_COUNT="0"/);
    });

    it('asks for DISCORD_SHARD_COUNT when shards are listed without it, and refuses a shard beyond the count', () => {
      expect(() => parseConfig({ DISCORD_SHARDS: '0,2' })).toThrow(/DISCORD_SHARDS=0,2 needs DISCORD_SHARD_COUNT.*DISCORD_SHARD_COUNT=3/);
      expect(() => parseConfig({ DISCORD_SHARDS: '1,5', DISCORD_SHARD_COUNT: '4' })).toThrow(/names shard 5, but shard ids run from 0 to DISCORD_SHARD_COUNT-1=3/);
    });
  });
});
