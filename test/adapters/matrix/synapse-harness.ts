/**
 * Starts a throwaway Synapse for the integration test through scripts/synapse, in its own state folder
 * and port (so it never collides with a developer's server on 8448), sharing the installed venv.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, '../../..');
const SCRIPTS = join(REPO, 'scripts/synapse');

export interface Synapse {
  baseUrl: string;
  stop(): Promise<void>;
}

/** `preferred` if nothing listens on it, else a free port: test runs in parallel must not share a server. */
function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolvePort, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address() as { port: number };
        server.close(() => resolvePort(bound));
      });
    });
  return tryPort(preferred).catch(() => tryPort(0));
}

/** Starts Synapse, or returns the reason it cannot run here (no Python ≥ 3.10, no PyPI access...). */
export async function startSynapse(preferredPort: number): Promise<Synapse | { unavailable: string }> {
  const sharedVenv = join(REPO, '.synapse');
  try {
    // Installs into <repo>/.synapse/venv once (about 25 s); a no-op afterwards.
    await run(join(SCRIPTS, 'install.sh'), [], { env: { ...process.env, SYNAPSE_DIR: sharedVenv }, timeout: 300_000 });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    return { unavailable: `Synapse could not be installed: ${(e.stderr || e.message).trim().split('\n').slice(-3).join(' | ')}` };
  }
  const port = await freePort(preferredPort);
  const dir = mkdtempSync(join(tmpdir(), 'soga-synapse-'));
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'venv'))) symlinkSync(join(sharedVenv, 'venv'), join(dir, 'venv'));
  const env = { ...process.env, SYNAPSE_DIR: dir, SYNAPSE_PORT: String(port), SYNAPSE_RESET: '1' };
  try {
    await run(join(SCRIPTS, 'start.sh'), [], { env, timeout: 120_000 });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    // A server that did not start is a failure to report, not a reason to skip: surface its log.
    throw new Error(`scripts/synapse/start.sh failed on port ${port}:\n${e.stderr || e.message}`);
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      await run(join(SCRIPTS, 'stop.sh'), [], { env, timeout: 60_000 });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
