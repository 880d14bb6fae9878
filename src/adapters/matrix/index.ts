/**
 * The Matrix bot: logs in, syncs, and hands events to MatrixBot (bot.ts), which answers through the
 * Assistant and manages the corpus through the CorpusManager. Everything Matrix-specific about sending,
 * downloading and rate limits is here; formatting is in format-answer.ts.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Assistant, CorpusManager } from '../../core/assistant.js';
import { SogaError, describeError } from '../../core/errors.js';
import type { Messages } from '../../core/i18n.js';
import type { ProposalSink } from '../../core/corrections/correction.js';
import type { AnswerFeedback } from '../../core/answer-log.js';
import type { Config } from '../../config/load.js';
import type { IStorageProvider, MatrixClient } from 'matrix-bot-sdk';
import type { BotStateStore } from '../../core/bot-state.js';
import type { LeaseStore } from '../../core/lease.js';
import { LeaseKeeper } from '../../core/lease-keeper.js';
import { BotState, type RawEvent } from './bot-state.js';
import { MatrixBot, type MatrixPort } from './bot.js';
import { createLog, type MatrixLog } from './log.js';
import { loadMatrixSdk, missingCryptoError, type LoadedSdk } from './load-sdk.js';
import { withRateLimitRetry } from './rate-limit.js';

export interface MatrixDeps {
  config: Config;
  assistant: Assistant;
  corpus: CorpusManager;
  /** Where 👍/👎 reactions on an answer go (the answer log's feedback side). */
  feedback: AnswerFeedback;
  /** Where a staff member's reply in a bot thread goes, as a proposed correction (the review desk's side). */
  proposals?: ProposalSink | null;
  messages: Messages;
  /** Where operator lines go (default: stderr). */
  write?: (line: string) => void;
  /** Called when the bot cannot go on (its access token was revoked); it has stopped syncing by then. */
  onFatal?: (error: Error) => void;
  /**
   * Where the account's state lives (handled events, threads, sync token): main gives a file in `dir`
   * (the account's folder under SOGA_DATA_DIR) or PostgreSQL, shared by replicas.
   */
  openState: (account: { userId: string; dir: string }) => BotStateStore | Promise<BotStateStore>;
  /**
   * With several replicas: only the holder of the lease `matrix:<user id>` syncs (MATRIX_SYNC_LEASE_MS); `holder`
   * is unique to this replica. Absent: this process syncs, alone.
   */
  lease?: { store: LeaseStore; holder: string };
}

export interface MatrixBotHandle {
  /** The bot's Matrix user id. */
  userId: string;
  /** Whether this replica runs the account's sync now (it holds the lease), or stands by. */
  syncing(): boolean;
  /** Stops syncing and waits for the questions being answered. */
  stop(): Promise<void>;
}

interface Session {
  homeserver: string;
  userId: string;
  accessToken: string;
  deviceId?: string;
}

export async function startMatrix(deps: MatrixDeps): Promise<MatrixBotHandle> {
  const { config } = deps;
  const log = createLog(config.SOGA_LOG_LEVEL, deps.write ?? ((line) => process.stderr.write(`${line}\n`)));
  const homeserver = config.MATRIX_HOMESERVER_URL;
  if (!homeserver) throw new SogaError('CONFIG_INVALID', 'MATRIX_HOMESERVER_URL is not set; the Matrix bot cannot start');
  const loaded = loadMatrixSdk();
  routeSdkLogs(loaded, log);
  if (config.MATRIX_ENCRYPTION && !loaded.cryptoAvailable) throw missingCryptoError(loaded.cryptoError);
  const { sdk } = loaded;
  const retry = <T>(fn: () => Promise<T>) =>
    withRateLimitRetry(fn, {
      maxWaitMs: config.MATRIX_RATE_LIMIT_MAX_WAIT_MS,
      onRetry: (ms, attempt) => log.warn(`rate limited by the homeserver; retrying in ${ms} ms (attempt ${attempt + 1})`),
    });

  const baseDir = resolve(config.SOGA_DATA_DIR, 'matrix');
  const session = await authenticate(loaded, config, homeserver, baseDir, retry);
  // One folder per account: a sync token or a crypto store belongs to one user and device.
  const accountDir = join(baseDir, session.userId.replace(/[^\w.-]+/g, '_'));
  mkdirSync(accountDir, { recursive: true });
  /** One sync session: the state as stored now (another replica may have written it), a client, the bot. */
  const openSession = async (): Promise<{ stop(): Promise<void> }> => {
    const state = await BotState.open(await deps.openState({ userId: session.userId, dir: accountDir }));
    const storage = new StateStorage(state);
    const cryptoStore = config.MATRIX_ENCRYPTION ? new sdk.RustSdkCryptoStorageProvider(join(accountDir, 'crypto')) : undefined;
    const client = new sdk.MatrixClient(homeserver, session.accessToken, storage, cryptoStore);
    // Save the sync token only after the events of a sync were accepted (written as pending), not before.
    (client as unknown as { persistTokenAfterSync: boolean }).persistTokenAfterSync = true;
    const firstStart = !(await storage.getSyncToken());

    // matrix-bot-sdk types the profile as any; the spec's profile has an optional displayname.
    const profile = await retry((): Promise<{ displayname?: string }> => client.getUserProfile(session.userId)).catch((error: unknown): { displayname?: string } => {
      log.warn(`cannot read the bot's display name (${describeError(error)}); only its user id counts as a mention`);
      return {};
    });
    const resolveRoom = async (room: string) => {
      try {
        return await retry(() => client.resolveRoom(room));
      } catch (cause) {
        throw new SogaError('CONFIG_INVALID', `cannot resolve the Matrix room ${room}`, { cause, hint: 'check MATRIX_QA_ROOMS / MATRIX_STAFF_ROOM' });
      }
    };
    const qaRoomIds = await Promise.all(config.MATRIX_QA_ROOMS.map(resolveRoom));
    const staffRoomId = config.MATRIX_STAFF_ROOM ? await resolveRoom(config.MATRIX_STAFF_ROOM) : undefined;
    if (config.MATRIX_INVITE_ALLOWLIST.length === 0) log.warn('MATRIX_INVITE_ALLOWLIST is empty: every invite is declined');

    const port: MatrixPort = {
      send: (roomId, content, once) => retry(() => (once ? sendOnce(client, roomId, content, once) : client.sendEvent(roomId, 'm.room.message', content))),
      getEvent: (roomId, eventId) => retry(() => client.getEvent(roomId, eventId)) as Promise<RawEvent>,
      download: (content) => downloadMedia(client, content, retry),
      join: async (roomId) => {
        await retry(() => client.joinRoom(roomId));
      },
      leave: async (roomId, reason) => {
        await retry(() => client.leaveRoom(roomId, reason));
      },
      powerLevel: async (roomId, userId) => {
        const levels = (await retry(() => client.getRoomStateEvent(roomId, 'm.room.power_levels', ''))) as {
          users?: Record<string, number>;
          users_default?: number;
        };
        return levels.users?.[userId] ?? levels.users_default ?? 0;
      },
      setTyping: async (roomId, typing) => {
        await client.setTyping(roomId, typing, 60_000);
      },
    };

    const bot = new MatrixBot(
      {
        identity: { userId: session.userId, displayName: profile.displayname },
        defaultLanguage: config.SOGA_DEFAULT_LANGUAGE,
        inviteAllowlist: config.MATRIX_INVITE_ALLOWLIST,
        staffUsers: config.MATRIX_STAFF_USERS,
        staffRoomId,
        staffPowerLevel: config.MATRIX_STAFF_POWER_LEVEL,
        qaRoomIds,
        threadFollowups: config.MATRIX_THREAD_FOLLOWUPS,
        maxUploadBytes: config.MATRIX_MAX_UPLOAD_BYTES,
        // First start: the initial sync replays room history, which was asked before the bot existed.
        ignoreBefore: firstStart ? Date.now() : undefined,
      },
      {
        port,
        state,
        assistant: deps.assistant,
        corpus: deps.corpus,
        feedback: deps.feedback,
        proposals: deps.proposals ?? null,
        messages: deps.messages,
        log,
      },
    );

    // The SDK emits synchronously and ignores what listeners return; MatrixBot never throws from accept*.
    client.on('room.invite', (roomId: string, event: RawEvent) => guard(log, () => bot.acceptInvite(roomId, event)));
    client.on('room.event', (roomId: string, event: RawEvent) => guard(log, () => bot.acceptEvent(roomId, event)));
    client.on('room.failed_decryption', (roomId: string, event: RawEvent, error: unknown) => log.warn(`cannot decrypt ${event?.event_id} in ${roomId}: ${describeError(error)}`));

    // The SDK retries a failed sync forever; a revoked token never recovers, so say so once and stop.
    const sdkClient = client as unknown as { doSync(token: string | null): Promise<unknown> };
    const doSync = sdkClient.doSync.bind(client);
    sdkClient.doSync = async (token) => {
      try {
        return await doSync(token);
      } catch (error) {
        if ((error as { errcode?: string }).errcode === 'M_UNKNOWN_TOKEN') {
          client.stop();
          const fatal = new SogaError('CONFIG_INVALID', `the homeserver revoked the Matrix bot's access token (${session.userId})`, {
            cause: error,
            hint: config.MATRIX_ACCESS_TOKEN ? 'set a new MATRIX_ACCESS_TOKEN' : 'restart: the bot logs in again with MATRIX_PASSWORD',
          });
          if (deps.onFatal) deps.onFatal(fatal);
          else log.error(describeError(fatal));
        }
        throw error;
      }
    };

    const replayed = bot.replayPending();
    if (replayed > 0) log.info(`resuming ${replayed} event(s) left unfinished by the last run`);
    await client.start();
    log.info(`logged in as ${session.userId} on ${homeserver}${config.MATRIX_ENCRYPTION ? ' (end-to-end encryption on)' : ''}`);
    return {
      async stop() {
        bot.stop();
        client.stop();
        // A sync request already in flight still completes after stop(); it must not move the saved token.
        storage.freeze();
        await bot.idle();
        await state.flush();
      },
    };
  };

  const where = `${session.userId} on ${homeserver}${config.MATRIX_ENCRYPTION ? ' (end-to-end encryption on)' : ''}`;
  if (!deps.lease) {
    const only = await openSession();
    log.info(`logged in as ${where}`);
    return { userId: session.userId, syncing: () => true, stop: () => only.stop() };
  }
  return runUnderLease(deps.lease, { name: `matrix:${session.userId}`, ttlMs: config.MATRIX_SYNC_LEASE_MS, userId: session.userId, where, log, openSession });
}

/**
 * Only the replica holding the account's lease syncs (Matrix has one sync stream per account): it opens
 * a session when it takes the lease and closes it when it loses it; the others stand by and take the
 * lease over once its holder stops renewing (dies, hangs, loses the database), within MATRIX_SYNC_LEASE_MS.
 */
async function runUnderLease(
  lease: { store: LeaseStore; holder: string },
  options: { name: string; ttlMs: number; userId: string; where: string; log: MatrixLog; openSession: () => Promise<{ stop(): Promise<void> }> },
): Promise<MatrixBotHandle> {
  const { name, log } = options;
  let current: { stop(): Promise<void> } | null = null;
  let firstFailure: Error | undefined;
  let started = false;
  let stopping = false;
  // Taking and losing the lease may follow each other quickly: sessions open and close one at a time.
  let transition: Promise<void> = Promise.resolve();
  const keeper = new LeaseKeeper({
    store: lease.store,
    name,
    holder: lease.holder,
    ttlMs: options.ttlMs,
    onAcquired: () => {
      transition = transition.then(async () => {
        if (current || stopping) return;
        try {
          current = await options.openSession();
          log.info(`logged in as ${options.where}; this replica syncs the account (lease ${name})`);
        } catch (error) {
          if (!started) firstFailure = error instanceof Error ? error : new Error(String(error));
          else {
            // Holding the lease without syncing would leave the account silent: free it, so this or another replica tries again.
            log.error(`cannot start the Matrix sync after taking the lease ${name}: ${describeError(error)}; releasing it to try again`);
            await lease.store.release(name, lease.holder).catch((releaseError: unknown) => log.warn(`cannot release the lease ${name}: ${describeError(releaseError)}`));
          }
        }
      });
    },
    onLost: () => {
      transition = transition.then(async () => {
        const session = current;
        current = null;
        if (!session) return;
        log.warn(`lost the lease ${name} (not renewed in time): stopping the Matrix sync; another replica takes it over`);
        await session.stop().catch((error: unknown) => log.error(`stopping the Matrix sync: ${describeError(error)}`));
      });
    },
    onError: (error) => log.warn(`cannot renew or take the lease ${name}: ${describeError(error)}`),
  });
  await keeper.start();
  await transition;
  started = true;
  if (firstFailure !== undefined) {
    await keeper.stop();
    throw firstFailure;
  }
  if (!current) {
    const holder = await lease.store.holder(name).catch(() => null);
    log.info(`standing by: the Matrix sync of ${options.userId} is held by ${holder?.holder ?? 'another replica'} (lease ${name}); this replica takes it over if that one stops renewing`);
  }
  return {
    userId: options.userId,
    syncing: () => current !== null,
    async stop() {
      // Stop syncing first, then release: the next holder must not start while this one still writes.
      stopping = true;
      await transition;
      const session = current;
      current = null;
      await session?.stop();
      await keeper.stop().catch((error: unknown) => log.warn(`cannot release the lease ${name}: ${describeError(error)}`));
    },
  };
}

function guard(log: MatrixLog, fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    // Accepting writes the pending list; if that fails the event is not acknowledged to the SDK either.
    log.error(`cannot accept an event: ${describeError(error)}`);
    throw error;
  }
}

function routeSdkLogs({ sdk }: LoadedSdk, log: MatrixLog): void {
  const text = (parts: unknown[]) => parts.map((p) => (typeof p === 'string' ? p : describeError(p))).join(' ');
  sdk.LogService.setLogger({
    trace: () => {},
    debug: (module: string, ...parts: unknown[]) => log.debug(`[${module}] ${text(parts)}`),
    info: (module: string, ...parts: unknown[]) => log.debug(`[${module}] ${text(parts)}`),
    warn: (module: string, ...parts: unknown[]) => log.warn(`[${module}] ${text(parts)}`),
    error: (module: string, ...parts: unknown[]) => log.error(`[${module}] ${text(parts)}`),
  });
  sdk.LogService.setLevel(sdk.LogLevel.INFO);
  // The SDK logs every failed request at error level, including the expected 404s of optional lookups.
  sdk.LogService.muteModule('Metrics');
}

/**
 * An access token from the environment, or a password login whose token is kept in the data dir (a new
 * login on every start would add a device to the account each time).
 */
async function authenticate({ sdk }: LoadedSdk, config: Config, homeserver: string, baseDir: string, retry: <T>(fn: () => Promise<T>) => Promise<T>): Promise<Session> {
  const whoami = async (token: string) => {
    const probe = new sdk.MatrixClient(homeserver, token, new sdk.MemoryStorageProvider());
    return retry<{ user_id: string; device_id?: string }>(() => probe.getWhoAmI());
  };
  const expect = (userId: string) => {
    if (config.MATRIX_USER_ID && config.MATRIX_USER_ID !== userId) {
      throw new SogaError('CONFIG_INVALID', `MATRIX_ACCESS_TOKEN belongs to ${userId}, not MATRIX_USER_ID=${config.MATRIX_USER_ID}`);
    }
  };
  if (config.MATRIX_ACCESS_TOKEN) {
    const me = await whoami(config.MATRIX_ACCESS_TOKEN).catch((cause: unknown) => {
      throw new SogaError('CONFIG_INVALID', `the homeserver ${homeserver} refused MATRIX_ACCESS_TOKEN`, { cause, hint: 'create a new token (docs/matrix.md)' });
    });
    expect(me.user_id);
    return { homeserver, userId: me.user_id, accessToken: config.MATRIX_ACCESS_TOKEN, deviceId: me.device_id };
  }
  if (!config.MATRIX_USER_ID || !config.MATRIX_PASSWORD) {
    throw new SogaError('CONFIG_INVALID', 'the Matrix bot needs MATRIX_ACCESS_TOKEN, or MATRIX_USER_ID and MATRIX_PASSWORD', { hint: 'see docs/matrix.md' });
  }
  const sessionFile = join(baseDir, 'session.json');
  if (existsSync(sessionFile)) {
    const saved = JSON.parse(readFileSync(sessionFile, 'utf8')) as Session;
    if (saved.homeserver === homeserver && saved.userId === config.MATRIX_USER_ID) {
      try {
        await whoami(saved.accessToken);
        return saved;
      } catch (error) {
        // Only a revoked token means "log in again"; a network error must not create a new device.
        if ((error as { errcode?: string }).errcode !== 'M_UNKNOWN_TOKEN') throw error;
      }
    }
  }
  const auth = new sdk.MatrixAuth(homeserver);
  let loggedIn: MatrixClient;
  try {
    loggedIn = await retry(() => auth.passwordLogin(config.MATRIX_USER_ID!, config.MATRIX_PASSWORD!, config.MATRIX_DEVICE_NAME));
  } catch (cause) {
    throw new SogaError('CONFIG_INVALID', `password login as ${config.MATRIX_USER_ID} on ${homeserver} failed`, { cause, hint: 'check MATRIX_USER_ID and MATRIX_PASSWORD' });
  }
  const me = await whoami(loggedIn.accessToken);
  expect(me.user_id);
  const session: Session = { homeserver, userId: me.user_id, accessToken: loggedIn.accessToken, deviceId: me.device_id };
  mkdirSync(baseDir, { recursive: true });
  writeFileSync(sessionFile, JSON.stringify(session), { mode: 0o600 });
  chmodSync(sessionFile, 0o600);
  return session;
}

/**
 * matrix-bot-sdk's sendEvent with a transaction id derived from `once` instead of the clock: the
 * homeserver answers a repeated transaction id (same account and device) with the first event.
 */
async function sendOnce(client: MatrixClient, roomId: string, content: Record<string, unknown>, once: string): Promise<string> {
  let type = 'm.room.message';
  let body: Record<string, unknown> = content;
  if (await client.crypto?.isRoomEncrypted(roomId)) {
    body = (await client.crypto.encryptRoomEvent(roomId, type, content)) as unknown as Record<string, unknown>;
    type = 'm.room.encrypted';
  }
  const txnId = `soga.${createHash('sha256').update(once).digest('base64url').slice(0, 32)}`;
  const path = `/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/send/${encodeURIComponent(type)}/${txnId}`;
  const response = (await client.doRequest('PUT', path, null, body)) as { event_id: string };
  return response.event_id;
}

/** Media download through the authenticated endpoint (Synapse ≥ 1.120 refuses the old one for new media). */
async function downloadMedia(client: MatrixClient, content: Record<string, unknown>, retry: <T>(fn: () => Promise<T>) => Promise<T>): Promise<Buffer> {
  const encrypted = content.file as { url?: string } | undefined;
  if (encrypted && typeof encrypted.url === 'string') {
    if (!client.crypto) {
      throw new SogaError('UNREADABLE_FILE', 'the file is end-to-end encrypted and MATRIX_ENCRYPTION is off', { hint: 'see docs/matrix.md' });
    }
    return client.crypto.decryptMedia(content.file as Parameters<typeof client.crypto.decryptMedia>[0]);
  }
  const url = content.url;
  const match = typeof url === 'string' ? /^mxc:\/\/([^/]+)\/([^/?#]+)$/.exec(url) : null;
  if (!match) throw new SogaError('UNREADABLE_FILE', `the file event has no valid mxc:// url (${String(url)})`);
  const [, server, mediaId] = match;
  const path = `/${encodeURIComponent(server)}/${encodeURIComponent(mediaId)}`;
  try {
    // raw: true makes matrix-bot-sdk resolve with the HTTP response, whose body holds the bytes (typed any there).
    const res = await retry((): Promise<{ body: Buffer }> => client.doRequest('GET', `/_matrix/client/v1/media/download${path}`, null, null, 60_000, true, undefined, true));
    return Buffer.from(res.body);
  } catch (error) {
    // Homeservers older than spec v1.11 do not know the authenticated endpoint.
    if ((error as { errcode?: string }).errcode !== 'M_UNRECOGNIZED') throw error;
    return (await retry(() => client.downloadContent(url as string))).data;
  }
}

/**
 * The SDK's storage (sync token, filter, its own values) in the bot's state, so that a replica taking
 * over the account resumes from the same sync token. A sync token is stored only after the events of
 * its sync are (`flush()`), and writes can be switched off once the bot is stopping.
 */
type FilterInfo = Parameters<IStorageProvider['setFilter']>[0];

class StateStorage implements IStorageProvider {
  private frozen = false;
  constructor(private readonly state: BotState) {}
  freeze(): void {
    this.frozen = true;
  }
  async setSyncToken(token: string | null): Promise<void> {
    if (this.frozen) return;
    await this.state.flush();
    await this.state.storeValue('syncToken', token ?? '');
  }
  async getSyncToken(): Promise<string | null> {
    return (await this.state.readValue('syncToken')) || null;
  }
  async setFilter(filter: FilterInfo): Promise<void> {
    if (!this.frozen) await this.state.storeValue('filter', JSON.stringify(filter));
  }
  async getFilter(): Promise<FilterInfo> {
    const filter = await this.state.readValue('filter');
    // The SDK reads a missing filter as null (its own type says otherwise).
    return filter ? (JSON.parse(filter) as FilterInfo) : (null as unknown as FilterInfo);
  }
  readValue(key: string): Promise<string | undefined> {
    return this.state.readValue(`kv:${key}`);
  }
  async storeValue(key: string, value: string): Promise<void> {
    if (!this.frozen) await this.state.storeValue(`kv:${key}`, value);
  }
}
