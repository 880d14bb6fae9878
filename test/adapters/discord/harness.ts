/**
 * Starts the API double and the real bot (startDiscord with the real discord.js Client) wired to it,
 * with fakes for the engine, the corpus and the answer log.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig, type Config } from '../../../src/config/load.js';
import type { Assistant, CorpusManager } from '../../../src/core/assistant.js';
import { Messages, type Catalogs } from '../../../src/core/i18n.js';
import { startDiscord, type DiscordBot } from '../../../src/adapters/discord/index.js';
import type { LogLevel } from '../../../src/adapters/discord/context.js';
import { FakeAssistant } from '../../fakes/fake-assistant.js';
import { FakeCorpus } from '../../fakes/fake-corpus.js';
import { DiscordFakeAnswerLog } from '../../fakes/discord-answer-log.js';
import { recordingAssistant } from '../../../src/core/recording-assistant.js';
import { DiscordApiDouble, type DoubleOptions } from './discord-api-double.js';
import { FakeProposalSink } from '../../fakes/fake-proposal-sink.js';
import { embeddedSharedState } from '../../../src/main/shared-state.js';

export function loadMessages(): Messages {
  const dir = join(import.meta.dirname, '../../../prompts/locales');
  const catalogs: Catalogs = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    catalogs[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  }
  return new Messages(catalogs);
}

export const STAFF_ROLE_ID = '111111111111111111';

export interface Harness {
  discord: DiscordApiDouble;
  bot: DiscordBot;
  config: Config;
  assistant: Assistant;
  corpus: CorpusManager;
  answerLog: DiscordFakeAnswerLog;
  /** Staff replies proposed as corrections. */
  proposals: FakeProposalSink;
  messages: Messages;
  logs: { level: LogLevel; message: string }[];
  fatal: Error[];
  stop(): Promise<void>;
}

export async function startHarness(
  options: {
    env?: Record<string, string>;
    assistant?: Assistant;
    corpus?: CorpusManager;
    double?: DoubleOptions;
  } = {},
): Promise<Harness> {
  const discord = new DiscordApiDouble({ roleIds: [STAFF_ROLE_ID], ...options.double });
  await discord.start();
  const config = parseConfig({
    SOGA_EMBED_PROVIDER: 'none',
    DISCORD_TOKEN: discord.token,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_STAFF_ROLE_ID: STAFF_ROLE_ID,
    DISCORD_STREAM_EDIT_INTERVAL_MS: '250',
    ...options.env,
  });
  const assistant = options.assistant ?? new FakeAssistant();
  const corpus = options.corpus ?? new FakeCorpus();
  const answerLog = new DiscordFakeAnswerLog();
  const proposals = new FakeProposalSink();
  const messages = loadMessages();
  const logs: Harness['logs'] = [];
  const fatal: Error[] = [];
  const bot = await startDiscord({
    config,
    // As main wires it: the engine wrapped so that every answer is recorded.
    assistant: recordingAssistant(assistant, answerLog, { onRecordError: (error) => logs.push({ level: 'error', message: String(error) }) }),
    corpus,
    feedback: answerLog,
    proposals,
    messages,
    state: embeddedSharedState(config).discord,
    onFatal: (error) => fatal.push(error),
    log: (level, message) => logs.push({ level, message }),
    clientOptions: { rest: { api: discord.restApi } },
  });
  return {
    discord,
    bot,
    config,
    assistant,
    corpus,
    answerLog,
    proposals,
    messages,
    logs,
    fatal,
    stop: async () => {
      await bot.stop();
      await discord.close();
    },
  };
}
