import { describe, expect, it } from 'vitest';

describe('the native log level is set once, from the config, without overriding the operator', () => {
  it('quiets LanceDB unless debug output was asked for, and keeps a level already set', async () => {
    const { setNativeLogLevel } = await import('../../src/config/load.js');
    const env: NodeJS.ProcessEnv = {};
    setNativeLogLevel({ SOGA_LOG_LEVEL: 'info' }, env);
    expect(env.LANCEDB_LOG).toBe('error');
    const debug: NodeJS.ProcessEnv = {};
    setNativeLogLevel({ SOGA_LOG_LEVEL: 'debug' }, debug);
    expect(debug.LANCEDB_LOG).toBe('info');
    const set: NodeJS.ProcessEnv = { LANCEDB_LOG: 'warn' };
    setNativeLogLevel({ SOGA_LOG_LEVEL: 'debug' }, set);
    expect(set.LANCEDB_LOG).toBe('warn');
  });
});
