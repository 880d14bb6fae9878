/** Entry point of the `soga` command. */
import { describeError } from '../core/errors.js';
import { redactCredentials } from '../core/redact.js';
import { loadConfig, parseConfig, secretRedactor, setNativeLogLevel } from '../config/load.js';
import type { Runtime } from './runtime.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    // `soga web hash-password` makes the value that fixes an invalid SOGA_ADMIN_PASSWORD_HASH, so it
    // must run while the configuration is invalid; it reads none of it.
    if (process.argv[2] !== 'web' || process.argv[3] !== 'hash-password') {
      process.stderr.write(`${redactCredentials(describeError(error))}\n`);
      process.exit(1);
    }
    config = parseConfig({});
  }
  const redact = secretRedactor(config);
  setNativeLogLevel(config);
  const log = (m: string) => process.stderr.write(`${redact(m)}\n`);
  // Loaded after the config: native modules (LanceDB) read their log level when they load.
  const { buildProgram } = await import('../adapters/cli/program.js');
  const { createRuntime } = await import('./runtime.js');
  const { openConfiguredAnswerLog } = await import('./answer-log.js');
  let runtime: Promise<Runtime> | null = null;
  const program = buildProgram({
    config,
    runtime: () => (runtime ??= createRuntime(config, { log, noticesOnce: true })),
    openAnswerLog: () => openConfiguredAnswerLog(config, log),
    stdout: process.stdout,
    stderr: process.stderr,
  });
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    log(`error: ${describeError(error)}`);
    process.exitCode = 1;
  } finally {
    // With SOGA_DATABASE_URL the runtime holds a connection for the documents, which would keep the process alive.
    const opened = runtime as Promise<Runtime> | null;
    // A runtime that failed to open was reported by the command that asked for it.
    if (opened)
      await opened.then(
        (r) => r.close(),
        () => undefined,
      );
  }
}

await main();
