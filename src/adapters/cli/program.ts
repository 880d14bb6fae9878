/**
 * The `soga` command. stdout carries results (and only JSON with --json); logs, warnings and
 * progress go to stderr.
 */
import { createInterface } from 'node:readline';
import { Command, InvalidArgumentError } from 'commander';
import { describeError } from '../../core/errors.js';
import type { ChatTurn } from '../../core/types.js';
import type { Assistant } from '../../core/assistant.js';
import type { Messages } from '../../core/i18n.js';
import type { ChatModel, ChunkStore, Clock, Embedder, EventStore, ProgressReporter } from '../../core/ports.js';
import type { Config } from '../../config/load.js';
import type { IngestReport } from '../../../ingest/pipeline.js';
import { evaluate, formatReport, readEvalItems } from '../../eval/evaluate.js';
import { answerJson, formatAnswer } from './format-answer.js';
import { terminalProgress } from './progress-bar.js';
import { registerLogsCommands, type OpenAnswerLog } from './logs-command.js';
import { registerMigrateLogCommand, type MigrateLogDeps } from './migrate-log-command.js';
import { registerEvalEventsCommand, registerEventsCommand } from './events-command.js';
import { registerWebCommands } from './web-command.js';
import { answeredTurns } from '../../core/conversation/turns.js';

/** What the commands use of the engine main builds (src/main/runtime.ts provides it). */
export interface CliRuntime {
  /** Records each answer in the answer log: `ask` and `chat` go through it. */
  assistant: Assistant;
  /** Answers without recording: `search` and `eval` measure, nobody asked. */
  engine: Assistant;
  store: Pick<ChunkStore, 'listDocuments'>;
  embedder: Pick<Embedder, 'modelId'> | null;
  chat: Pick<ChatModel, 'modelId'> | null;
  messages: Messages;
  ingest(paths?: string[], progress?: ProgressReporter): Promise<IngestReport>;
  events: EventStore;
  clock: Clock;
}

export interface CliDeps {
  config: Config;
  /** Builds the runtime lazily, so `--help` needs no model or index. */
  runtime: () => Promise<CliRuntime>;
  /** Opens the answer log for `soga logs` (main's, with the key the bots use), without the engine. */
  openAnswerLog: OpenAnswerLog;
  /** `soga migrate-log`: main's copy of the SQLite log into PostgreSQL. */
  migrateLog: MigrateLogDeps['migrateLog'];
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Where `soga web hash-password` reads the passphrase; process.stdin by default. */
  stdin?: NodeJS.ReadStream;
}

function summary(report: IngestReport): string {
  const list = (label: string, items: string[]) => (items.length ? `${label} (${items.length}):\n${items.map((t) => `  - ${t}`).join('\n')}` : `${label}: 0`);
  return [
    list('added', report.added),
    list('updated', report.updated),
    `skipped (unchanged): ${report.skipped.length}`,
    list('removed', report.removed),
    list(
      'merged as copies of one article',
      report.merged.map((m) => `"${m.copyTitle}" (${m.copySource}) into "${m.title}" (${m.source})`),
    ),
    report.failed.length ? `failed (${report.failed.length}):\n${report.failed.map((f) => `  - [${f.code}] ${f.message}`).join('\n')}` : 'failed: 0',
    `${report.chunks} passages indexed${report.reembedded ? ' (re-embedded with the new model)' : ''}`,
  ].join('\n');
}

/** The first run has no index: build it from the shipped corpus before answering. */
async function ensureIndexed(rt: CliRuntime, stderr: NodeJS.WritableStream): Promise<void> {
  if ((await rt.store.listDocuments()).length) return;
  stderr.write('No index yet: ingesting the corpus first.\n');
  const report = await rt.ingest([], terminalProgress());
  stderr.write(`${summary(report)}\n`);
}

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 200) throw new InvalidArgumentError('a whole number from 1 to 200');
  return n;
};

export function buildProgram(deps: CliDeps): Command {
  const { stdout, stderr } = deps;
  const out = (s: string) => stdout.write(`${s}\n`);
  const program = new Command('soga')
    .description("SOGA Assistant: answers questions from the Social Good Accelerator's own articles")
    .configureOutput({ writeOut: (s) => stdout.write(s), writeErr: (s) => stderr.write(s) })
    .showHelpAfterError();

  program
    .command('ingest')
    .description('sync the index with the corpus folder and any extra files or folders given')
    .argument('[paths...]', 'extra files or folders (md, txt, html, pdf)')
    .option('--json', 'print the report as JSON')
    .action(async (paths: string[], opts: { json?: boolean }) => {
      const rt = await deps.runtime();
      const report = await rt.ingest(paths, opts.json ? undefined : terminalProgress());
      out(opts.json ? JSON.stringify(report) : summary(report));
      if (report.failed.length) process.exitCode = 2;
    });

  program
    .command('ask')
    .description('answer one question')
    .argument('<question...>', 'the question')
    .option('--json', 'print exactly one JSON object')
    .option('--locale <code>', "the asker's locale, used when the question is too short to tell")
    .action(async (words: string[], opts: { json?: boolean; locale?: string }) => {
      const rt = await deps.runtime();
      await ensureIndexed(rt, stderr);
      const answer = await rt.assistant.ask(words.join(' '), { locale: opts.locale, surface: 'cli' });
      out(opts.json ? JSON.stringify(answerJson(answer)) : formatAnswer(answer, rt.messages));
    });

  program
    .command('search')
    .description('show the passages retrieval finds for a query')
    .argument('<query...>', 'the query')
    .option('--json', 'print exactly one JSON object')
    .option('-k, --k <n>', 'how many results', positiveInt, 5)
    .action(async (words: string[], opts: { json?: boolean; k: number }) => {
      const rt = await deps.runtime();
      await ensureIndexed(rt, stderr);
      const query = words.join(' ');
      const answer = await rt.engine.ask(query, { surface: 'cli' });
      const results = answer.retrieved.slice(0, opts.k).map((h, i) => ({
        rank: i + 1,
        chunkId: h.chunk.id,
        title: h.chunk.title,
        source: h.chunk.source,
        lang: h.chunk.lang,
        score: Number(h.score.toFixed(5)),
        coverage: Number(h.coverage.toFixed(3)),
        text: h.chunk.text,
      }));
      if (opts.json) out(JSON.stringify({ query, results }));
      else out(results.map((r) => `${r.rank}. ${r.title} (${r.chunkId}, ${r.lang}, score ${r.score}, coverage ${r.coverage})\n   ${r.text.replace(/\s+/g, ' ').slice(0, 240)}`).join('\n'));
    });

  program
    .command('eval')
    .description('measure retrieval and answers on a JSONL question set')
    .argument('<file>', 'questions, one JSON object a line (see shared/eval/README.md)')
    .option('--json', 'print the full report as JSON')
    .option('--today <date>', 'the date the assistant takes as today (YYYY-MM-DD)')
    .action(async (file: string, opts: { json?: boolean; today?: string }) => {
      const rt = await deps.runtime();
      await ensureIndexed(rt, stderr);
      const questions = await readEvalItems(file);
      const report = await evaluate(rt.engine, questions, opts.today ? new Date(opts.today) : undefined);
      const mode = `retrieval: ${rt.embedder ? `hybrid (${rt.embedder.modelId} + BM25)` : 'lexical only (BM25)'}; answers: ${rt.chat ? rt.chat.modelId : 'extractive'}`;
      if (opts.json) out(JSON.stringify({ mode, ...report }));
      else out(`${mode}\n${formatReport(report)}`);
    });

  program
    .command('chat')
    .description('ask questions interactively in the terminal (follow-ups use the conversation; /help lists the commands)')
    .option('--json', 'read one turn a line from stdin and print one JSON answer a line ("/new" starts over; not recorded in the answer log)')
    .option('--locale <xx>', "the language of the chat's own sentences until the first question (default: the terminal's locale)")
    .action(async (opts: { json?: boolean; locale?: string }) => {
      const rt = await deps.runtime();
      await ensureIndexed(rt, stderr);
      // --json is for scripts and conversation evaluation: like eval, its answers are not recorded.
      await interactiveChat({ assistant: opts.json ? rt.engine : rt.assistant, messages: rt.messages }, stdout, stderr, { json: opts.json, locale: opts.locale ?? terminalLocale() });
    });

  program
    .command('discord-commands')
    .description('register the Discord slash commands (for DISCORD_GUILD_ID, or globally with --global)')
    .option('--global', 'register for every server (takes up to an hour to appear)')
    .action(async (opts: { global?: boolean }) => {
      const { config } = deps;
      if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
        throw new Error('set DISCORD_TOKEN and DISCORD_APPLICATION_ID in .env first (see docs/discord.md)');
      }
      const { registerCommands } = await import('../discord/register-commands.js');
      const result = await registerCommands({
        token: config.DISCORD_TOKEN,
        applicationId: config.DISCORD_APPLICATION_ID,
        guildId: opts.global ? undefined : config.DISCORD_GUILD_ID,
        allowDms: config.DISCORD_ALLOW_DMS,
      });
      out(`registered ${result.names.map((n) => `/${n}`).join(', ')} (${result.scope})`);
    });

  const eventsDeps = async () => {
    const rt = await deps.runtime();
    const ready = async () => {
      await ensureIndexed(rt, stderr);
      // An index built before events were extracted: one sync extracts them (unchanged articles are not re-embedded).
      if (!(await rt.events.listEvents()).length) {
        stderr.write('No events index yet: extracting the events of the ingested articles.\n');
        await rt.ingest([]);
      }
    };
    return { events: rt.events, clock: rt.clock, ensureIndexed: ready, stdout };
  };
  registerEventsCommand(program, eventsDeps);
  registerEvalEventsCommand(program, eventsDeps);
  registerLogsCommands(program, () => ({ config: deps.config, openLog: deps.openAnswerLog, stdout, stderr }));
  registerMigrateLogCommand(program, () => ({ migrateLog: deps.migrateLog, stdout, stderr }));
  registerWebCommands(program, () => ({ stdin: deps.stdin ?? process.stdin, stdout, stderr }));
  return program;
}

export interface ChatOptions {
  /** One JSON answer a line on stdout (the `ask --json` shape), for scripts and conversation evaluation. */
  json?: boolean;
  /** Where the turns come from (standard input unless a test says otherwise). */
  input?: NodeJS.ReadableStream;
  /** The member's locale before their first question (`--locale`, else the terminal's); then the language they ask in. */
  locale?: string;
}

/** The terminal's locale as the runtime's ICU reads it (LANG, LC_ALL): the language a member's shell speaks. */
export function terminalLocale(): string {
  return Intl.DateTimeFormat().resolvedOptions().locale;
}

/** The catalogue language for a locale ("de-AT" → "de"), or null when the bot does not speak it. */
function chatLanguage(messages: Messages, locale: string | undefined): string | null {
  const lang = locale?.slice(0, 2).toLowerCase();
  return lang && messages.has(lang) ? lang : null;
}

export async function interactiveChat(rt: Pick<CliRuntime, 'assistant' | 'messages'>, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream, options: ChatOptions = {}): Promise<void> {
  const json = Boolean(options.json);
  // With --json, stdout holds answers only: no prompt is echoed there.
  const rl = createInterface({ input: options.input ?? process.stdin, output: json ? undefined : stdout, terminal: !json && Boolean((stdout as NodeJS.WriteStream).isTTY) });
  const history: ChatTurn[] = [];
  const say = (text: string) => (json ? stderr : stdout).write(`${text}\n`);
  // The chat's own sentences follow the member: the locale they start in, then the language of their latest question.
  let lang = chatLanguage(rt.messages, options.locale) ?? 'en';
  const t = (key: string, vars?: Record<string, string>) => rt.messages.t(lang, key, vars);
  if (!json) stderr.write(`${t('cliWelcome')}\n`);
  // The line iterator buffers piped input, so every line of `printf … | npm start` is answered.
  rl.setPrompt('> ');
  const prompt = () => {
    if (!json) rl.prompt();
  };
  prompt();
  try {
    for await (const raw of rl) {
      const line = raw.trim();
      // An empty line (an accidental Enter) asks nothing and keeps the conversation.
      if (!line) {
        prompt();
        continue;
      }
      const command = line.toLowerCase();
      if (command === '/quit' || command === '/exit') break;
      if (command === '/help' || command === '/?') {
        say(t('cliHelp'));
        prompt();
        continue;
      }
      if (command === '/new') {
        history.length = 0;
        say(t('cliNewConversation'));
        prompt();
        continue;
      }
      if (command.startsWith('/') && !command.includes(' ')) {
        say(t('cliUnknownCommand', { command: line }));
        prompt();
        continue;
      }
      try {
        const answer = await rt.assistant.ask(line, { history: [...history], surface: 'cli', ...(options.locale ? { locale: options.locale } : {}) });
        lang = chatLanguage(rt.messages, answer.language) ?? lang;
        stdout.write(json ? `${JSON.stringify(answerJson(answer))}\n` : `${formatAnswer(answer, rt.messages)}\n\n`);
        history.push(...answeredTurns(line, answer));
      } catch (error) {
        stderr.write(`error: ${describeError(error)}\n`);
        if (json) stdout.write(`${JSON.stringify({ question: line, error: describeError(error) })}\n`);
      }
      prompt();
    }
  } finally {
    rl.close();
  }
}
