/** The embedded stores against the behaviour every implementation shares (test/core/contracts). */
import { MemoryAdminSessions } from '../../../src/infra/memory/memory-admin-sessions.js';
import { MemoryConversationMemory } from '../../../src/infra/memory/memory-conversation-memory.js';
import { MemoryRateLimiter } from '../../../src/infra/memory/memory-rate-limiter.js';
import { MemoryLeases } from '../../../src/infra/memory/memory-leases.js';
import { MemorySignInLockout } from '../../../src/infra/memory/memory-sign-in-lockout.js';
import { describeAdminSessionStore } from '../../core/contracts/admin-session-store.contract.js';
import { describeConversationMemory } from '../../core/contracts/conversation-memory.contract.js';
import { describeRateLimiter } from '../../core/contracts/rate-limiter.contract.js';
import { describeLeaseStore } from '../../core/contracts/lease-store.contract.js';
import { describeSignInLockout } from '../../core/contracts/sign-in-lockout.contract.js';

describeAdminSessionStore('in memory', () => ({ make: async (ttlMs, now) => new MemoryAdminSessions(ttlMs, now) }));
describeSignInLockout('in memory', () => ({ make: async ({ maxFailures, windowMs, now }) => new MemorySignInLockout(maxFailures, windowMs, now) }));
describeRateLimiter('in memory', () => ({ make: async ({ limit, windowMs, now }) => new MemoryRateLimiter(limit, windowMs, now) }));
describeConversationMemory('in memory', () => ({ make: async ({ maxTurns }) => new MemoryConversationMemory({ maxTurns }) }));
describeLeaseStore('in memory', () => ({
  make: async () => {
    let now = 1_000_000;
    const store = new MemoryLeases(() => now);
    return { store, replica: store, advance: async (ms: number) => void (now += ms) };
  },
}));
