import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
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

  it('asks for a model name when a chat provider is chosen', () => {
    expect(() => parseConfig({ SOGA_LLM_PROVIDER: 'ollama' })).toThrow(/SOGA_LLM_MODEL/);
  });

  it('documents every variable of the schema in .env.example', () => {
    const example = readFileSync('.env.example', 'utf8');
    const missing = Object.keys(configSchema.shape).filter((key) => !new RegExp(`^#? ?${key}=`, 'm').test(example));
    expect(missing, 'run `npm run env:example`').toEqual([]);
  });

  it('keeps the e5 prefixes intact through .env (quoted spaces)', () => {
    expect(readFileSync('.env.example', 'utf8')).toContain('SOGA_EMBED_QUERY_PREFIX="query: "');
  });
});
