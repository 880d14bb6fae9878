/**
 * The bot's behaviour, independent of the SDK: which events are for it, and what it replies.
 *
 * Events are accepted synchronously (while the SDK is still processing the sync response, before it
 * saves the sync token): an accepted event is written to the pending list first, so a crash between
 * receiving and answering replays it on the next start, and the handled list stops it being answered
 * twice. Work then runs in a per-room queue, which keeps a thread's follow-ups in order.
 */
import type { Assistant, CorpusManager } from '../../core/assistant.js';
import { describeError } from '../../core/errors.js';
import type { Messages } from '../../core/i18n.js';
import type { AnswerFeedback } from '../../core/answer-log.js';
import type { ProposalSink } from '../../core/corrections/correction.js';
import { proposeStaffReply } from '../../core/corrections/staff-replies.js';
import type { BotState, RawEvent } from './bot-state.js';
import { corpusAdd, corpusList, corpusRemove, type CorpusCommandContext } from './corpus-commands.js';
import { formatAnswer, formatNotice, threadedNotice } from './format-answer.js';
import type { MatrixLog } from './log.js';
import { type BotIdentity, type MessageContent, isBotMentioned, messageText, parseRequest, reactionRating, repliedTo, threadRoot } from './mentions.js';
import { answeredTurns } from '../../core/conversation/turns.js';

/** What the bot needs from a Matrix client. index.ts implements it over matrix-bot-sdk. */
export interface MatrixPort {
  /**
   * Sends an m.room.message; returns its event id. `once`: a key naming this reply (the event it answers
   * and what it is); sent again with the same key by the same account and device, the homeserver keeps the
   * first (Matrix transaction ids), so a replica that replays an event its predecessor answered just before
   * dying does not answer it twice.
   */
  send(roomId: string, content: Record<string, unknown>, once?: string): Promise<string>;
  getEvent(roomId: string, eventId: string): Promise<RawEvent>;
  /** Downloads (and decrypts, for encrypted rooms) the media of an m.file content. */
  download(content: Record<string, unknown>): Promise<Buffer>;
  join(roomId: string): Promise<void>;
  leave(roomId: string, reason: string): Promise<void>;
  /** The user's power level in the room. */
  powerLevel(roomId: string, userId: string): Promise<number>;
  setTyping(roomId: string, typing: boolean): Promise<void>;
}

export interface BotOptions {
  identity: BotIdentity;
  defaultLanguage: string;
  inviteAllowlist: string[];
  staffUsers: string[];
  /** Resolved room id. */
  staffRoomId?: string;
  staffPowerLevel: number;
  /** Resolved room ids. */
  qaRoomIds: string[];
  threadFollowups: boolean;
  maxUploadBytes: number;
  /** Timeline events older than this are not answered (first start: the backlog of the initial sync). */
  ignoreBefore?: number;
}

export interface BotDeps {
  port: MatrixPort;
  state: BotState;
  assistant: Assistant;
  corpus: CorpusManager;
  /** Where 👍/👎 reactions on an answer go (the answer log's feedback side). */
  feedback: AnswerFeedback;
  /** Where a staff member's reply in a bot thread goes, as a proposed correction (absent: such replies are ordinary messages). */
  proposals?: ProposalSink | null;
  messages: Messages;
  log: MatrixLog;
}

/** Whether an inviter is on the allow-list: exact user ids, or servers written `example.org` / `:example.org`. */
export function inviterAllowed(sender: string, allowlist: string[]): boolean {
  const server = sender.slice(sender.indexOf(':') + 1).toLowerCase();
  return allowlist.some((entry) => {
    const e = entry.trim();
    if (e.startsWith('@')) return e === sender;
    return e.replace(/^\*?:/, '').toLowerCase() === server;
  });
}

export class MatrixBot {
  private readonly queues = new Map<string, Promise<void>>();
  private readonly warnedEncrypted = new Set<string>();
  private stopped = false;

  constructor(
    private readonly options: BotOptions,
    private readonly deps: BotDeps,
  ) {}

  /** Takes a timeline event from the sync; returns whether it was accepted for handling. */
  acceptEvent(roomId: string, event: RawEvent): boolean {
    if (this.stopped || !this.isForUs(roomId, event)) return false;
    this.deps.state.addPending(roomId, event);
    this.schedule(roomId, event);
    return true;
  }

  /** Takes an invite; accepted invites are handled (joined or declined) like messages. */
  acceptInvite(roomId: string, event: RawEvent): boolean {
    // Invites come as stripped state, without an event id: one pending invite per room is enough.
    const invite = { ...event, event_id: `invite:${roomId}` };
    if (this.stopped || this.deps.state.isKnown(invite.event_id)) return false;
    this.deps.state.addPending(roomId, invite);
    this.schedule(roomId, invite);
    return true;
  }

  /** Re-runs what was accepted but not finished before the last stop or crash. */
  replayPending(): number {
    const pending = this.deps.state.pending();
    for (const { roomId, event } of pending) this.schedule(roomId, event);
    return pending.length;
  }

  stop(): void {
    this.stopped = true;
  }

  /** Resolves when every accepted event has been handled and what that changed in the state is written. */
  async idle(): Promise<void> {
    while (this.queues.size > 0) await Promise.all([...this.queues.values()]);
    await this.deps.state.settled();
  }

  private isForUs(roomId: string, event: RawEvent): boolean {
    const { identity, ignoreBefore } = this.options;
    if (!event?.event_id || event.sender === identity.userId || this.deps.state.isKnown(event.event_id)) return false;
    if (ignoreBefore !== undefined && (event.origin_server_ts ?? 0) < ignoreBefore) return false;
    if (event.type === 'm.room.encrypted') {
      if (!this.warnedEncrypted.has(roomId)) {
        this.warnedEncrypted.add(roomId);
        this.deps.log.warn(`room ${roomId} is encrypted and this bot cannot read it; set MATRIX_ENCRYPTION=true (see docs/matrix.md)`);
      }
      return false;
    }
    if (event.type === 'm.reaction') {
      const rel = event.content?.['m.relates_to'] as { rel_type?: string; event_id?: string; key?: unknown } | undefined;
      return rel?.rel_type === 'm.annotation' && reactionRating(rel.key) !== null && typeof rel.event_id === 'string' && this.deps.state.answerLogId(rel.event_id) !== undefined;
    }
    if (event.type !== 'm.room.message') return false;
    return this.staffReply(event) !== null || this.request(roomId, event.content) !== null;
  }

  /**
   * A listed staff member (MATRIX_STAFF_USERS) writing in a bot thread without addressing the bot is
   * correcting or completing its answer: the answer it follows, or null when the message is not that.
   */
  private staffReply(event: RawEvent): { question: string; logId: string } | null {
    if (!this.deps.proposals || !this.options.staffUsers.includes(event.sender)) return null;
    const content = event.content as MessageContent;
    if (content.msgtype !== 'm.text' || content['m.relates_to']?.rel_type === 'm.replace' || isBotMentioned(content, this.options.identity)) return null;
    const text = messageText(content, this.options.identity);
    // A command (`!ask`, `!corpus`) is for the bot whoever writes it.
    if (!text || text.startsWith('!')) return null;
    const root = threadRoot(content);
    return (root && this.deps.state.lastAnswer(root)) || null;
  }

  private request(roomId: string, content: MessageContent) {
    // Bots talk in m.notice; answering them could loop. Edits are not new questions.
    if (content.msgtype === 'm.notice' || content['m.relates_to']?.rel_type === 'm.replace') return null;
    const root = threadRoot(content);
    return parseRequest(content, this.options.identity, {
      qaRoom: this.options.qaRoomIds.includes(roomId),
      botThread: this.options.threadFollowups && root !== undefined && this.deps.state.isBotThread(root),
    });
  }

  private schedule(roomId: string, event: RawEvent): void {
    const previous = this.queues.get(roomId) ?? Promise.resolve();
    const next = previous
      .then(() => this.handle(roomId, event))
      .catch((error: unknown) => this.deps.log.error(`event ${event.event_id} in ${roomId}: ${describeError(error)}`))
      .finally(() => {
        if (this.queues.get(roomId) === next) this.queues.delete(roomId);
      });
    this.queues.set(roomId, next);
  }

  private async handle(roomId: string, event: RawEvent): Promise<void> {
    try {
      if (event.type === 'm.room.member') await this.onInvite(roomId, event);
      else if (event.type === 'm.reaction') await this.onReaction(event);
      else await this.onMessage(roomId, event);
    } finally {
      // Marked even when it failed: the asker got an error reply, and a retry loop would spam the room.
      this.deps.state.markHandled(event.event_id, { remember: event.type !== 'm.room.member' });
    }
  }

  private async onInvite(roomId: string, event: RawEvent): Promise<void> {
    const { inviteAllowlist, staffUsers } = this.options;
    if (inviterAllowed(event.sender, inviteAllowlist) || staffUsers.includes(event.sender)) {
      this.deps.log.info(`joining ${roomId}, invited by ${event.sender}`);
      await this.deps.port.join(roomId);
    } else {
      this.deps.log.info(`declining the invite to ${roomId} from ${event.sender}: not on MATRIX_INVITE_ALLOWLIST`);
      await this.deps.port.leave(roomId, 'This bot only joins rooms when invited by allowed users.');
    }
  }

  private async onReaction(event: RawEvent): Promise<void> {
    const rel = event.content['m.relates_to'] as { event_id: string; key: unknown };
    const rating = reactionRating(rel.key);
    const logId = this.deps.state.answerLogId(rel.event_id);
    if (!rating || !logId) return;
    await this.deps.feedback.addFeedback(logId, { rating, by: event.sender });
  }

  private async onMessage(roomId: string, event: RawEvent): Promise<void> {
    const content = event.content as MessageContent;
    const follows = this.staffReply(event);
    if (follows && this.deps.proposals) {
      const result = await proposeStaffReply(this.deps.proposals, {
        surface: 'matrix',
        place: roomId,
        question: follows.question,
        botEntryId: follows.logId,
        reply: messageText(content, this.options.identity),
        staffId: event.sender,
      });
      if (result.proposed) this.deps.log.info(`staff reply ${event.event_id} in ${roomId} proposed as a correction (proposal ${result.id}, answer ${follows.logId})`);
      else if (result.reason === 'failed') this.deps.log.error(`staff reply ${event.event_id} could not be stored as a proposal: ${result.detail ?? ''}`);
      return;
    }
    const request = this.request(roomId, content);
    if (!request) return;
    const root = threadRoot(content) ?? event.event_id;
    const lang = this.deps.state.roomLanguage(roomId) ?? this.options.defaultLanguage;
    const reply = (text: string, what: string) => this.deps.port.send(roomId, threadedNotice(formatNotice(text), root, event.event_id), `${event.event_id}:${what}`);
    try {
      if (request.kind === 'question') await this.answer(roomId, event, root, request.text);
      else if (request.kind === 'events') await this.events(roomId, event, root, lang);
      else await reply(await this.corpusCommand(roomId, event, request.action, request.args, lang), 'corpus');
    } catch (error) {
      this.deps.log.error(`answering ${event.event_id} in ${roomId}: ${describeError(error)}`);
      await reply(this.deps.messages.t(lang, 'error'), 'error');
    }
  }

  private async answer(roomId: string, event: RawEvent, root: string, question: string): Promise<void> {
    const { port, state, assistant, messages, log } = this.deps;
    const typing = port.setTyping(roomId, true).catch((error: unknown) => log.debug(`typing notice in ${roomId}: ${describeError(error)}`));
    let answer;
    try {
      answer = await assistant.ask(question, {
        history: state.history(root),
        locale: state.roomLanguage(roomId) ?? this.options.defaultLanguage,
        now: new Date(),
        surface: 'matrix',
        place: roomId,
        asker: event.sender,
      });
    } finally {
      await typing;
      port.setTyping(roomId, false).catch((error: unknown) => log.debug(`typing notice in ${roomId}: ${describeError(error)}`));
    }
    // Recorded on its way here (main's recording assistant); without an id, reactions have nothing to point at.
    const logId = answer.logEntryId;
    const sent = await port.send(roomId, threadedNotice(formatAnswer(answer, messages), root, event.event_id), `${event.event_id}:answer`);
    if (logId !== undefined) state.recordAnswer(sent, roomId, logId);
    state.addTurns(root, roomId, answeredTurns(question, answer), logId !== undefined ? { question, logId } : undefined);
    state.setRoomLanguage(roomId, answer.language);
  }

  /** `!events`: the events after today, or the latest when none is announced, in the room's language. */
  private async events(roomId: string, event: RawEvent, root: string, lang: string): Promise<void> {
    const { assistant, messages, port } = this.deps;
    const answer = assistant.upcomingEvents ? await assistant.upcomingEvents({ locale: lang, surface: 'matrix' }) : null;
    const text = answer ? formatAnswer(answer, messages) : formatNotice(messages.t(lang, 'notFound'));
    await port.send(roomId, threadedNotice(text, root, event.event_id), `${event.event_id}:events`);
  }

  private async isStaff(userId: string): Promise<boolean> {
    if (this.options.staffUsers.includes(userId)) return true;
    if (!this.options.staffRoomId) return false;
    return (await this.deps.port.powerLevel(this.options.staffRoomId, userId)) >= this.options.staffPowerLevel;
  }

  private async corpusCommand(roomId: string, event: RawEvent, action: 'add' | 'list' | 'remove' | 'help', args: string, lang: string): Promise<string> {
    const { messages, corpus, port } = this.deps;
    if (!(await this.isStaff(event.sender))) return messages.t(lang, 'notAllowed');
    const ctx: CorpusCommandContext = { corpus, messages, lang, sender: event.sender, maxUploadBytes: this.options.maxUploadBytes };
    switch (action) {
      case 'add':
        return corpusAdd(
          ctx,
          {
            findFileEvent: async () => {
              if (event.content.msgtype === 'm.file') return event;
              const target = repliedTo(event.content);
              return target ? port.getEvent(roomId, target) : undefined;
            },
            download: (content) => port.download(content),
          },
          args,
        );
      case 'list':
        return corpusList(ctx);
      case 'remove':
        return corpusRemove(ctx, args.trim());
      case 'help':
        return messages.t(lang, 'matrixCorpusUsage');
    }
  }
}
