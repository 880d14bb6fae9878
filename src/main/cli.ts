/** Entry point of the `soga` command. */
import { describeError } from '../core/errors.js';
import { loadConfig } from '../config/load.js';
import type { Runtime } from './runtime.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${describeError(error)}\n`);
    process.exit(1);
  }
  // Loaded after the config: native modules (LanceDB) read their log level when they load.
  const { buildProgram } = await import('../adapters/cli/program.js');
  const { createRuntime } = await import('./runtime.js');
  const { openConfiguredAnswerLog } = await import('./answer-log.js');
  let runtime: Promise<Runtime> | null = null;
  const program = buildProgram({
    config,
    runtime: () => (runtime ??= createRuntime(config)),
    openAnswerLog: () => openConfiguredAnswerLog(config, (m) => process.stderr.write(`${m}\n`)),
    stdout: process.stdout,
    stderr: process.stderr,
  });
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    process.stderr.write(`error: ${describeError(error)}\n`);
    process.exitCode = 1;
  }
}

await main();
