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
  const { migrateSqliteLog, openConfiguredLogOnly } = await import('./answer-log.js');
  let runtime: Promise<Runtime> | null = null;
  const program = buildProgram({
    config,
    runtime: () => (runtime ??= createRuntime(config, { log, noticesOnce: true })),
    openAnswerLog: () => openConfiguredLogOnly(config, log),
    migrateLog: (from, onProgress) => migrateSqliteLog(config, from, onProgress),
    stdout: process.stdout,
    stderr: process.stderr,
  });
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    log(`error: ${describeError(error)}`);
    process.exitCode = 1;
  } finally {
    // The answer log may hold a PostgreSQL connection (SOGA_DATABASE_URL), which would keep the command running.
    // (Assigned by the commands that needed the runtime: the compiler cannot see it from here.)
    const built = runtime as Promise<Runtime> | null;
    if (built) await (await built.catch(() => null))?.close();
  }
}

await main();
