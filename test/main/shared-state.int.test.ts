/** Main's choice of the shared state: in memory by default, PostgreSQL with SOGA_DATABASE_URL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { openSharedState } from '../../src/main/shared-state.js';
import { postgresUnavailable, testDatabase, type TestDatabase } from '../infra/postgres/test-database.js';

describe('the shared state main opens', () => {
  it('stays in this process when no database is configured', async () => {
    const state = await openSharedState(parseConfig({}));
    expect(state.kind).toBe('memory');
    const session = await state.adminSessions.create('Ana');
    expect(await state.adminSessions.get(session.id)).toEqual(session);
    await state.close();
  });

  describe.skipIf(postgresUnavailable)('with SOGA_DATABASE_URL', { timeout: 30_000 }, () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await testDatabase();
    }, 120_000);
    afterAll(async () => db?.close());

    it('creates its tables on first start, and keeps staff signed in and conversations across a restart', async () => {
      const config = parseConfig({ SOGA_DATABASE_URL: db.url, DISCORD_RATE_LIMIT_USER_PER_MIN: '1' });
      const first = await openSharedState(config);
      expect(first.kind).toBe('postgresql');
      const session = await first.adminSessions.create('Ana');
      await first.discord.memory.record(
        'thread-1',
        [
          { role: 'user', text: 'Quand a lieu le NEC ESS ?' },
          { role: 'assistant', text: 'Les 5 et 6 mai.', sources: ['nec-ess'] },
        ],
        ['msg-1'],
      );
      expect((await first.discord.userLimiter.take('member-1')).allowed).toBe(true);
      await first.close();

      const restarted = await openSharedState(config);
      expect(await restarted.adminSessions.get(session.id)).toEqual(session);
      expect(await restarted.discord.memory.keyOfMessage('msg-1')).toBe('thread-1');
      expect((await restarted.discord.userLimiter.take('member-1')).allowed).toBe(false);
      // The channel limit is counted apart from the member's.
      expect((await restarted.discord.channelLimiter.take('member-1')).allowed).toBe(true);
      await restarted.close();
    });

    it('stops start-up with STORE_UNAVAILABLE, naming where, when the database does not exist', async () => {
      const url = new URL(db.url);
      url.pathname = '/no_such_database';
      await expect(openSharedState(parseConfig({ SOGA_DATABASE_URL: url.toString() }))).rejects.toMatchObject({
        code: 'STORE_UNAVAILABLE',
        message: expect.stringContaining('/no_such_database') as string,
        hint: expect.stringContaining('does not exist') as string,
      });
    });
  });
});
