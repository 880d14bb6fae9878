/**
 * `npm start`, the main job: sync the index with the corpus, then start every configured surface
 * (Discord when DISCORD_TOKEN is set, Matrix when MATRIX_HOMESERVER_URL is set, the admin web when
 * SOGA_WEB_ENABLED=true). With none configured, an interactive chat opens in the terminal.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { AnswerFeedback } from '../core/answer-log.js';
import { describeError, SogaError } from '../core/errors.js';
import { redactCredentials, type Redactor } from '../core/redact.js';
import { loadConfig, secretRedactor, setNativeLogLevel } from '../config/load.js';

/** Everything written to stderr goes through it: error bodies of remote servers can echo credentials. */
let redact: Redactor = redactCredentials;

/** With the log off no answer carries an entry id, so no feedback control is shown; this only guards. */
const NO_FEEDBACK: AnswerFeedback = {
  addFeedback: () => Promise.reject(new SogaError('NOT_FOUND', 'the answer log is disabled (SOGA_LOG_ENABLED=false): feedback is not recorded')),
};

/** Tells this process from every other replica in a lease (`<host>:<pid>:<random>`, readable in soga_leases). */
const replicaId = () => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

interface Surface {
  name: string;
  stop(): Promise<void>;
}

async function main(): Promise<void> {
  const config = loadConfig();
  redact = secretRedactor(config);
  setNativeLogLevel(config);
  // Loaded after the config: native modules (LanceDB) read their log level when they load.
  const { interactiveChat, terminalLocale } = await import('../adapters/cli/program.js');
  const { terminalProgress } = await import('../adapters/cli/progress-bar.js');
  const { createRuntime } = await import('./runtime.js');
  const { startRetentionTimer } = await import('../infra/sqlite/retention-timer.js');
  const { openSharedState } = await import('./shared-state.js');
  const log = (m: string) => process.stderr.write(`${redact(m)}\n`);
  // First: with SOGA_DATABASE_URL the uploaded documents live there, and the index follows them.
  const shared = await openSharedState(config);
  const runtime = await createRuntime(config, { log, shared });
  const report = await runtime.ingest([], terminalProgress());
  log(
    `index: ${report.added.length} added, ${report.updated.length} updated, ${report.skipped.length} unchanged, ${report.removed.length} removed, ${report.failed.length} failed (${report.chunks} passages)`,
  );
  for (const f of report.failed) log(`  [${f.code}] ${f.message}`);

  // In the background: the first question in German would otherwise wait ~1 s for its dictionary.
  void runtime.warmUp().catch((error: unknown) => log(`warning: reading the bilingual dictionaries and thesauri: ${describeError(error)}`));
  // Opened now rather than on the first answer: a log that cannot be opened stops start-up, with the reason.
  const answerLog = await runtime.answerLog();
  const corrections = await runtime.corrections();
  // Recording under another key would give one member two pseudonyms, and their erasure would miss half.
  answerLog?.assertKey();
  const feedback = answerLog ?? NO_FEEDBACK;
  const surfaces: Surface[] = [{ name: 'shared state', stop: () => shared.close() }];
  if (shared.documents.location === 'database') {
    // Other replicas add and remove documents: this replica's index follows (notifications, and a poll).
    const { IndexSync } = await import('../../ingest/index-sync.js');
    const sync = new IndexSync({
      corpus: runtime.corpus,
      documents: shared.documents,
      pollMs: config.SOGA_DOCUMENT_SYNC_POLL_MS,
      log,
      // While another replica ingests its own change, wait, then read the vectors it computed.
      ingestLease: { store: shared.leases, holder: shared.holder, pollMs: 250, maxWaitMs: 10 * 60_000 },
    });
    await sync.start();
    surfaces.push({ name: 'index sync', stop: () => sync.stop() });
    log(`index: following the documents in PostgreSQL (change ${await runtime.corpus.indexChange()})`);
  }
  const fatal = (error: Error) => {
    log(`fatal: ${describeError(error)}`);
    void shutdown(1);
  };
  if (config.DISCORD_TOKEN) {
    const { startDiscord } = await import('../adapters/discord/index.js');
    const bot = await startDiscord({
      config,
      assistant: runtime.assistant,
      corpus: runtime.corpus,
      feedback,
      proposals: corrections,
      messages: runtime.messages,
      state: shared.discord,
      onFatal: fatal,
      log: (level, m) => log(`[${level}] ${m}`),
    });
    surfaces.push({ name: 'discord', stop: () => bot.stop() });
    log('Discord bot started');
  }
  if (config.MATRIX_HOMESERVER_URL) {
    const { startMatrix } = await import('../adapters/matrix/index.js');
    const bot = await startMatrix({
      config,
      assistant: runtime.assistant,
      corpus: runtime.corpus,
      feedback,
      proposals: corrections,
      messages: runtime.messages,
      onFatal: fatal,
      write: log,
      openState: (account) => shared.matrixState(account),
      lease: { store: shared.leases, holder: replicaId() },
    });
    surfaces.push({ name: 'matrix', stop: () => bot.stop() });
    log(`Matrix bot started as ${bot.userId}${bot.syncing() ? '' : ' (standing by: another replica syncs it)'}`);
  }
  if (answerLog) {
    const retention = startRetentionTimer({
      log: answerLog,
      days: config.SOGA_LOG_RETENTION_DAYS,
      onPurged: (n) => n > 0 && log(`answer log: purged ${n} entries older than ${config.SOGA_LOG_RETENTION_DAYS} days`),
      onError: (e) => log(`answer log: retention purge failed: ${describeError(e)}`),
    });
    surfaces.push({ name: 'retention', stop: async () => retention.stop() });
  }
  if (config.SOGA_WEB_ENABLED) {
    const { startWeb } = await import('../adapters/web/index.js');
    const web = await startWeb({
      config,
      assistant: runtime.assistant,
      corpus: runtime.corpus,
      log: answerLog,
      corrections,
      messages: runtime.messages,
      sessions: shared.adminSessions,
      signInLockout: shared.signInLockout,
      report: log,
    });
    surfaces.push({ name: 'web', stop: () => web.stop() });
    log(`admin web on ${web.url}`);
  }

  let stopping = false;
  async function shutdown(code: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    for (const s of surfaces.reverse()) await s.stop().catch((e: unknown) => log(`stopping ${s.name}: ${describeError(e)}`));
    await answerLog?.close();
    process.exit(code);
  }
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  if (!surfaces.some((s) => s.name !== 'retention' && s.name !== 'shared state' && s.name !== 'index sync')) {
    log('No chat surface is configured (see .env.example): opening the terminal chat.');
    await interactiveChat(runtime, process.stdout, process.stderr, { locale: terminalLocale() });
    await shutdown(0);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${redact(describeError(error))}\n`);
  process.exit(1);
});
