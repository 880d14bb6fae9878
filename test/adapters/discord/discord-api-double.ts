/**
 * A small stand-in for Discord's API, for testing the real discord.js client on loopback.
 *
 * Discord has no self-hostable server, so this double speaks just enough of the protocol:
 * - REST (`/api/v10/...`): `GET /gateway/bot`, interaction callbacks, webhook (interaction reply)
 *   edits and follow-ups, channel messages (send, edit, list), threads from a message, command
 *   registration; anything else answers 404 and is still recorded. Plus attachment downloads
 *   (`/attachments/<name>`), which on Discord come from the CDN.
 * - Gateway (WebSocket, JSON, no compression): HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats →
 *   ACK, dispatches (INTERACTION_CREATE, MESSAGE_CREATE, THREAD_CREATE), a forced reconnect
 *   (op 7 RECONNECT → RESUME → replayed events → RESUMED), and a "stalled" mode (no ACK, no HELLO).
 * - Fault injection: `rateLimitNext()` answers the next matching request with a 429 and retry_after.
 *
 * Everything the bot sends is recorded (`requests`, `gatewayFromBot`) for assertions.
 *
 * Usage:
 *   const discord = new DiscordApiDouble(); await discord.start();
 *   new Client({ intents, rest: { api: discord.restApi } })  // then client.login(discord.token)
 *   const { id, token } = discord.sendSlashCommand('ask', [{ name: 'question', type: 3, value: 'Hi?' }]);
 *   await discord.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token));
 *   await discord.close();
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

const DISCORD_EPOCH = 1420070400000n;
let sequence = 0n;
/** Unique, time-ordered ids, shaped like Discord's snowflakes. */
export function snowflake(): string {
  sequence = (sequence + 1n) % 4096n;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | sequence).toString();
}

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, e.g. `/channels/123/messages`. */
  path: string;
  query: URLSearchParams;
  /** Parsed JSON body (undefined when there is none). */
  body: any;
  /** Epoch ms when the request arrived. */
  at: number;
  /** The status the double answered. */
  status: number;
}

export interface GatewayPayload {
  op: number;
  d: any;
  s?: number | null;
  t?: string | null;
}

export interface ApiUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: string | null;
  bot?: boolean;
}

export interface DoubleOptions {
  /** Sent in HELLO; small values make discord.js heartbeat often. */
  heartbeatIntervalMs?: number;
  /** Extra role ids that exist in the guild (e.g. the staff role). */
  roleIds?: string[];
  guildLocale?: string;
  /** The id of the guild's main text channel (so a test can name it in the config before start). */
  channelId?: string;
}

interface RateLimitRule {
  match: (request: { method: string; path: string }) => boolean;
  retryAfterSeconds: number;
}

interface StoredMessage {
  [key: string]: unknown;
  id: string;
  channel_id: string;
}

export class DiscordApiDouble {
  readonly token = 'test-token.double.discord';
  readonly applicationId = snowflake();
  readonly guildId = snowflake();
  /** A text channel the tests talk in, and a second one (e.g. not on the allow-list). */
  readonly channelId: string;
  readonly otherChannelId = snowflake();
  readonly botUser: ApiUser;
  readonly requests: RecordedRequest[] = [];
  /** Every gateway payload the bot sent (IDENTIFY, RESUME, heartbeats…). */
  readonly gatewayFromBot: GatewayPayload[] = [];
  /** Attachment bytes served under /attachments/<name>. */
  readonly attachments = new Map<string, Buffer>();

  private readonly options: Required<Omit<DoubleOptions, 'channelId'>>;
  private server: Server | null = null;
  private wss: WebSocketServer | null = null;
  private socket: WebSocket | null = null;
  private seq = 0;
  private sessionId = `session-${snowflake()}`;
  private stalled = false;
  private pendingReplay: { t: string; d: unknown }[] = [];
  private readonly rateLimits: RateLimitRule[] = [];
  private readonly messages = new Map<string, StoredMessage[]>();
  private readonly waiters: (() => void)[] = [];
  private readonly threads = new Set<string>();

  constructor(options: DoubleOptions = {}) {
    this.channelId = options.channelId ?? snowflake();
    this.options = {
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      roleIds: options.roleIds ?? [],
      guildLocale: options.guildLocale ?? 'en-US',
    };
    this.botUser = { id: snowflake(), username: 'soga-bot', discriminator: '0', global_name: 'SOGA', avatar: null, bot: true };
  }

  get port(): number {
    if (!this.server) throw new Error('DiscordApiDouble: call start() first');
    return (this.server.address() as AddressInfo).port;
  }

  /** The value for discord.js `rest.api`. */
  get restApi(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.onHttp(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(JSON.stringify({ message: String(error), code: 0 }));
      });
    });
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/gateway')) return socket.destroy();
      this.wss!.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
  }

  async close(): Promise<void> {
    for (const client of this.wss?.clients ?? []) client.terminate();
    this.wss?.close();
    this.server?.closeAllConnections();
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  // ------------------------------------------------------------------ scripting

  /** Answers the next request `match` accepts with 429 and `retry_after`, once. */
  rateLimitNext(match: RateLimitRule['match'], retryAfterSeconds: number): void {
    this.rateLimits.push({ match, retryAfterSeconds });
  }

  /** Stops acknowledging heartbeats and greeting new connections: a stuck gateway. */
  stall(): void {
    this.stalled = true;
  }

  /**
   * Tells the bot to reconnect (op 7). It comes back with RESUME; the double then replays `replay`
   * (as Discord replays missed events) and sends RESUMED. Resolves once RESUMED is sent.
   */
  async forceReconnect(replay: { t: string; d: unknown }[] = []): Promise<void> {
    const resumesBefore = this.gatewayFromBot.filter((p) => p.op === 6).length;
    this.pendingReplay = replay;
    this.send({ op: 7, d: null });
    await this.waitUntil(() => this.gatewayFromBot.filter((p) => p.op === 6).length > resumesBefore && this.pendingReplay.length === 0);
  }

  /** Sends a dispatch (op 0) with the next sequence number. */
  dispatch(t: string, d: unknown): void {
    this.send({ op: 0, t, s: ++this.seq, d });
  }

  /** A member of the guild, with the given roles. */
  member(user: ApiUser, roles: string[] = []) {
    return { user, roles, joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0, permissions: '2248473465835073', nick: null, avatar: null, pending: false };
  }

  makeUser(name = 'alice'): ApiUser {
    return { id: snowflake(), username: name, discriminator: '0', global_name: name, avatar: null };
  }

  /** Dispatches a slash command; returns the interaction (its id and token address the replies). */
  sendSlashCommand(
    name: string,
    options: unknown[],
    extra: { user?: ApiUser; roles?: string[]; locale?: string; channelId?: string; resolved?: unknown; id?: string; token?: string } = {},
  ): { id: string; token: string; payload: Record<string, unknown> } {
    const payload = this.interactionBase(2, extra);
    payload.data = { id: snowflake(), name, type: 1, options, ...(extra.resolved ? { resolved: extra.resolved } : {}) };
    this.dispatch('INTERACTION_CREATE', payload);
    return { id: payload.id as string, token: payload.token as string, payload };
  }

  /** Dispatches a click on a button of a message the bot sent. */
  sendButton(customId: string, extra: { user?: ApiUser; locale?: string; channelId?: string } = {}): { id: string; token: string } {
    const payload = this.interactionBase(3, extra);
    const channelId = extra.channelId ?? this.channelId;
    payload.message = this.apiMessage({ id: snowflake(), channel_id: channelId, content: 'answer', author: this.botUser });
    payload.data = { custom_id: customId, component_type: 2 };
    this.dispatch('INTERACTION_CREATE', payload);
    return { id: payload.id as string, token: payload.token as string };
  }

  /** Dispatches a modal submission with text-input values by custom id. */
  sendModalSubmit(customId: string, values: Record<string, string>, extra: { user?: ApiUser; locale?: string } = {}): { id: string; token: string } {
    const payload = this.interactionBase(5, extra);
    payload.data = {
      custom_id: customId,
      components: Object.entries(values).map(([id, value]) => ({ type: 1, components: [{ type: 4, custom_id: id, value }] })),
    };
    this.dispatch('INTERACTION_CREATE', payload);
    return { id: payload.id as string, token: payload.token as string };
  }

  /** Dispatches a member's message; `mentionBot` adds the mention as Discord would (text and `mentions`). */
  sendMessage(content: string, extra: { user?: ApiUser; channelId?: string; mentionBot?: boolean; replyTo?: string; id?: string; roles?: string[] } = {}): StoredMessage {
    const user = extra.user ?? this.makeUser();
    const channelId = extra.channelId ?? this.channelId;
    const text = extra.mentionBot ? `<@${this.botUser.id}> ${content}` : content;
    const message = this.apiMessage({
      id: extra.id ?? snowflake(),
      channel_id: channelId,
      guild_id: this.guildId,
      author: user,
      member: this.member(user, extra.roles ?? []),
      content: text,
      mentions: extra.mentionBot ? [{ ...this.botUser, member: this.member(this.botUser) }] : [],
      ...(extra.replyTo ? { message_reference: { message_id: extra.replyTo, channel_id: channelId, guild_id: this.guildId }, type: 19 } : {}),
    });
    this.store(message);
    this.dispatch('MESSAGE_CREATE', message);
    return message;
  }

  /** Serves `bytes` at an attachment URL and returns the `resolved.attachments` entry for a command. */
  attachment(filename: string, bytes: Buffer, declaredSize = bytes.length): { id: string; filename: string; size: number; url: string; proxy_url: string; content_type: string } {
    const id = snowflake();
    this.attachments.set(`${id}/${filename}`, bytes);
    const url = `http://127.0.0.1:${this.port}/attachments/${id}/${encodeURIComponent(filename)}`;
    return { id, filename, size: declaredSize, url, proxy_url: url, content_type: 'application/octet-stream' };
  }

  // ------------------------------------------------------------------ assertions

  /** Messages the bot sent or edited in (channel id, or interaction token). */
  messagesIn(channelId: string): StoredMessage[] {
    return this.messages.get(channelId) ?? [];
  }

  /** Requests that send or edit message content: the ones that must carry allowed_mentions. */
  messageWrites(): RecordedRequest[] {
    return this.requests.filter(
      (r) => (r.method === 'POST' || r.method === 'PATCH') && r.body && typeof r.body === 'object' && ('content' in r.body || 'components' in r.body || (r.body.data && 'content' in r.body.data)),
    );
  }

  /** Resolves with the first recorded request `match` accepts (past or future). */
  async waitForRequest(match: (r: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    let found: RecordedRequest | undefined;
    await this.waitUntil(() => (found = this.requests.find(match)) !== undefined, timeoutMs);
    return found!;
  }

  /** Resolves when `condition` holds, re-checked after every request and gateway payload. */
  async waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
    if (condition()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(check);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(
          new Error(
            `DiscordApiDouble: condition not met within ${timeoutMs} ms; last requests: ${this.requests
              .slice(-5)
              .map((r) => `${r.method} ${r.path} ${r.status}`)
              .join(', ')}`,
          ),
        );
      }, timeoutMs);
      const check = () => {
        if (!condition()) return;
        clearTimeout(timer);
        const i = this.waiters.indexOf(check);
        if (i >= 0) this.waiters.splice(i, 1);
        resolve();
      };
      this.waiters.push(check);
    });
  }

  // ------------------------------------------------------------------ internals

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private interactionBase(type: number, extra: { user?: ApiUser; roles?: string[]; locale?: string; channelId?: string; id?: string; token?: string }): Record<string, unknown> {
    const user = extra.user ?? this.makeUser();
    const channelId = extra.channelId ?? this.channelId;
    return {
      id: extra.id ?? snowflake(),
      application_id: this.applicationId,
      type,
      token: extra.token ?? `itoken-${snowflake()}`,
      version: 1,
      locale: extra.locale ?? 'en-US',
      guild_locale: this.options.guildLocale,
      guild_id: this.guildId,
      channel_id: channelId,
      channel: { id: channelId, type: this.threads.has(channelId) ? 11 : 0, guild_id: this.guildId, name: 'general' },
      member: this.member(user, extra.roles ?? []),
      app_permissions: '2248473465835073',
      entitlements: [],
      authorizing_integration_owners: { '0': this.guildId },
      context: 0,
      attachment_size_limit: 10 * 1024 * 1024,
    };
  }

  private apiMessage(fields: Record<string, unknown> & { id: string; channel_id: string }): StoredMessage {
    return {
      type: 0,
      content: '',
      author: this.botUser,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      flags: 0,
      components: [],
      ...fields,
    };
  }

  private store(message: StoredMessage): void {
    const list = this.messages.get(message.channel_id) ?? [];
    const existing = list.findIndex((m) => m.id === message.id);
    if (existing >= 0) list[existing] = message;
    else list.push(message);
    this.messages.set(message.channel_id, list);
  }

  private send(payload: GatewayPayload): void {
    if (!this.socket) throw new Error('DiscordApiDouble: no gateway connection');
    this.socket.send(JSON.stringify(payload));
  }

  private onConnection(ws: WebSocket): void {
    this.socket = ws;
    ws.on('message', (raw) => {
      const payload = JSON.parse((Array.isArray(raw) ? Buffer.concat(raw) : Buffer.isBuffer(raw) ? raw : Buffer.from(raw)).toString()) as GatewayPayload;
      this.gatewayFromBot.push(payload);
      this.onGateway(ws, payload);
      this.notify();
    });
    ws.on('close', () => {
      if (this.socket === ws) this.socket = null;
    });
    if (!this.stalled) ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs } }));
  }

  private onGateway(ws: WebSocket, payload: GatewayPayload): void {
    switch (payload.op) {
      case 1: // heartbeat
        if (!this.stalled) ws.send(JSON.stringify({ op: 11 }));
        break;
      case 2: // identify
        this.seq = 0;
        this.dispatch('READY', {
          v: 10,
          user: this.botUser,
          guilds: [{ id: this.guildId, unavailable: true }],
          session_id: this.sessionId,
          resume_gateway_url: this.gatewayUrl,
          // The shard the bot identified as (discord.js sends [id, count] when sharded).
          shard: Array.isArray(payload.d?.shard) ? payload.d.shard : [0, 1],
          application: { id: this.applicationId, flags: 0 },
        });
        this.dispatch('GUILD_CREATE', this.guild());
        break;
      case 6: {
        // resume: replay what the bot "missed", then RESUMED
        for (const event of this.pendingReplay) this.dispatch(event.t, event.d);
        this.pendingReplay = [];
        this.dispatch('RESUMED', {});
        break;
      }
      default:
        break;
    }
  }

  private guild(): Record<string, unknown> {
    const channel = (id: string, name: string, position: number) => ({
      id,
      type: 0,
      guild_id: this.guildId,
      name,
      position,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
    });
    const role = (id: string, name: string, position: number) => ({
      id,
      name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position,
      permissions: '2248473465835073',
      managed: false,
      mentionable: false,
      flags: 0,
    });
    return {
      id: this.guildId,
      name: 'SOGA test guild',
      unavailable: false,
      owner_id: snowflake(),
      preferred_locale: this.options.guildLocale,
      joined_at: new Date(0).toISOString(),
      large: false,
      member_count: 2,
      features: [],
      channels: [channel(this.channelId, 'general', 0), channel(this.otherChannelId, 'off-topic', 1)],
      threads: [],
      members: [this.member(this.botUser)],
      roles: [role(this.guildId, '@everyone', 0), ...this.options.roleIds.map((id, i) => role(id, `role-${i}`, i + 1))],
      emojis: [],
      stickers: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      premium_tier: 0,
      system_channel_flags: 0,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
    };
  }

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${this.port}`);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');

    if (url.pathname.startsWith('/attachments/')) {
      const key = decodeURIComponent(url.pathname.slice('/attachments/'.length));
      const bytes = this.attachments.get(key);
      res.statusCode = bytes ? 200 : 404;
      res.setHeader('content-type', 'application/octet-stream');
      // Streamed without a content-length, as a lying or endless download would be.
      res.end(bytes ?? '');
      return;
    }

    const method = req.method ?? 'GET';
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, '');
    let body: any;
    if (raw && (req.headers['content-type'] ?? '').includes('application/json')) body = JSON.parse(raw);
    const record: RecordedRequest = { method, path, query: url.searchParams, body, at: Date.now(), status: 200 };
    this.requests.push(record);

    const reply = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.statusCode = status;
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      if (json === undefined) res.end();
      else {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(json));
      }
      this.notify();
    };

    const limit = this.rateLimits.findIndex((rule) => rule.match({ method, path }));
    if (limit >= 0) {
      const [rule] = this.rateLimits.splice(limit, 1);
      reply(429, { message: 'You are being rate limited.', retry_after: rule.retryAfterSeconds, global: false }, { 'retry-after': String(rule.retryAfterSeconds), 'x-ratelimit-scope': 'user' });
      return;
    }

    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      return reply(200, { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } });
    }
    if (method === 'POST' && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      return reply(204);
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/.exec(path))) {
      const [, , token, target] = m;
      if (method === 'PATCH' && target) {
        const existing = this.messagesIn(`interaction:${token}`).find((msg) => msg.id === target || (target === '@original' && msg.original));
        const message = this.apiMessage({
          ...(existing ?? {}),
          ...body,
          id: existing?.id ?? snowflake(),
          channel_id: this.channelId,
          original: target === '@original',
          application_id: this.applicationId,
          webhook_id: this.applicationId,
        });
        this.store({ ...message, channel_id: `interaction:${token}` });
        return reply(200, message);
      }
      if (method === 'POST' && !target) {
        const message = this.apiMessage({ ...body, id: snowflake(), channel_id: this.channelId, application_id: this.applicationId, webhook_id: this.applicationId });
        this.store({ ...message, channel_id: `interaction:${token}` });
        return reply(200, message);
      }
    }
    if ((m = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path)) && method === 'POST') {
      const [, parentId, messageId] = m;
      const thread = {
        id: messageId, // Discord gives a thread started from a message the message's id.
        type: 11,
        guild_id: this.guildId,
        parent_id: parentId,
        owner_id: this.botUser.id,
        name: body?.name,
        thread_metadata: { archived: false, auto_archive_duration: body?.auto_archive_duration ?? 1440, archive_timestamp: new Date().toISOString(), locked: false },
        message_count: 0,
        member_count: 1,
        rate_limit_per_user: 0,
        flags: 0,
      };
      this.threads.add(thread.id);
      this.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
      return reply(201, thread);
    }
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      const [, channelId] = m;
      if (method === 'POST') {
        const message = this.apiMessage({ ...body, id: snowflake(), channel_id: channelId, author: this.botUser });
        this.store(message);
        return reply(200, message);
      }
      if (method === 'GET') {
        const limitN = Number(url.searchParams.get('limit') ?? 50);
        const before = url.searchParams.get('before');
        const list = this.messagesIn(channelId).filter((msg) => !before || BigInt(msg.id) < BigInt(before));
        // Newest first, as Discord returns them.
        return reply(200, list.slice(-limitN).reverse());
      }
    }
    if ((m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path))) {
      const [, channelId, messageId] = m;
      const existing = this.messagesIn(channelId).find((msg) => msg.id === messageId);
      if (!existing) return reply(404, { message: 'Unknown Message', code: 10008 });
      if (method === 'PATCH') {
        const message = { ...existing, ...body, edited_timestamp: new Date().toISOString() } as StoredMessage;
        this.store(message);
        return reply(200, message);
      }
      if (method === 'GET') return reply(200, existing);
    }
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      return reply(
        200,
        (body as unknown[]).map((command) => ({ ...(command as object), id: snowflake(), application_id: this.applicationId, version: snowflake() })),
      );
    }
    if (method === 'POST' && /^\/channels\/\d+\/typing$/.test(path)) return reply(204);
    reply(404, { message: `DiscordApiDouble: no route for ${method} ${path}`, code: 0 });
  }
}
