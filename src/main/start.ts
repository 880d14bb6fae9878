/**
 * `npm start`, the main job: sync the index with the corpus, then start every configured surface
 * (Discord when DISCORD_TOKEN is set, Matrix when MATRIX_HOMESERVER_URL is set, the admin web when
 * SOGA_WEB_ENABLED=true). With none configured, an interactive chat opens in the terminal.
 */
import { describeError } from '../core/errors.js';
import { loadConfig } from '../config/load.js';

interface Surface {
  name: string;
  stop(): Promise<void>;
}

async function main(): Promise<void> {
  const config = loadConfig();
  // Loaded after the config: native modules (LanceDB) read their log level when they load.
  const { interactiveChat } = await import('../adapters/cli/program.js');
  const { terminalProgress } = await import('../adapters/cli/progress-bar.js');
  const { createRuntime } = await import('./runtime.js');
  const { SqliteAnswerLog } = await import('../infra/sqlite/answer-log.js');
  const { startRetentionTimer } = await import('../infra/sqlite/retention-timer.js');
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const runtime = await createRuntime(config, { log });
  const report = await runtime.ingest([], terminalProgress());
  log(`index: ${report.added.length} added, ${report.updated.length} updated, ${report.skipped.length} unchanged, ${report.removed.length} removed, ${report.failed.length} failed (${report.chunks} passages)`);
  for (const f of report.failed) log(`  [${f.code}] ${f.message}`);

  // In the background: the first question in German would otherwise wait ~1 s for its dictionary.
  void runtime.warmUp().catch((error: unknown) => log(`warning: reading the bilingual dictionaries: ${describeError(error)}`));
  const answerLog = runtime.answerLog();
  const surfaces: Surface[] = [];
  const fatal = (error: Error) => {
    log(`fatal: ${describeError(error)}`);
    void shutdown(1);
  };
  if (config.DISCORD_TOKEN) {
    const { startDiscord } = await import('../adapters/discord/index.js');
    const bot = await startDiscord({ config, assistant: runtime.assistant, corpus: runtime.corpus, answerLog, messages: runtime.messages, onFatal: fatal });
    surfaces.push({ name: 'discord', stop: () => bot.stop() });
    log('Discord bot started');
  }
  if (config.MATRIX_HOMESERVER_URL) {
    const { startMatrix } = await import('../adapters/matrix/index.js');
    const bot = await startMatrix({ config, assistant: runtime.assistant, corpus: runtime.corpus, answerLog, messages: runtime.messages, onFatal: fatal });
    surfaces.push({ name: 'matrix', stop: () => bot.stop() });
    log(`Matrix bot started as ${bot.userId}`);
  }
  if (!config.SOGA_WEB_ENABLED && answerLog instanceof SqliteAnswerLog) {
    // The admin web runs the daily purge when it is on; without it, main does.
    const retention = startRetentionTimer({ log: answerLog, days: config.SOGA_LOG_RETENTION_DAYS, onError: (e) => log(`retention purge failed: ${describeError(e)}`) });
    surfaces.push({ name: 'retention', stop: async () => retention.stop() });
  }
  if (config.SOGA_WEB_ENABLED) {
    const { startWeb } = await import('../adapters/web/index.js');
    const web = await startWeb({ config, assistant: runtime.assistant, corpus: runtime.corpus, log: answerLog, messages: runtime.messages });
    surfaces.push({ name: 'web', stop: () => web.stop() });
    log(`admin web on ${web.url}`);
  }

  let stopping = false;
  async function shutdown(code: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    for (const s of surfaces.reverse()) await s.stop().catch((e: unknown) => log(`stopping ${s.name}: ${describeError(e)}`));
    answerLog.close();
    process.exit(code);
  }
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  if (!surfaces.some((s) => s.name !== 'retention')) {
    log('No chat surface is configured (see .env.example): opening the terminal chat.');
    await interactiveChat(runtime, process.stdout, process.stderr, answerLog);
    await shutdown(0);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${describeError(error)}\n`);
  process.exit(1);
});
