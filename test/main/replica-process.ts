/**
 * One SOGA replica as a real process (`npm start`'s entry, src/main/start.ts, run by node with tsx's
 * loader so that its pid is the replica's own and SIGKILL kills it), with its own data dir, answer log
 * and web port, sharing what the environment given shares (SOGA_DATABASE_URL). Used by the two-replica
 * test and the replica benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

export interface ReplicaOptions {
  name: string;
  /** Its own folder: index, answer log, Matrix state when embedded. */
  dataDir: string;
  port: number;
  /** The variables every replica shares (SOGA_DATABASE_URL, SOGA_CORPUS_DIR, secrets…). */
  env: Record<string, string>;
}

export class ReplicaProcess {
  child: ChildProcess | null = null;
  /** What it wrote to stderr since it was last started, for assertions and for the failure message. */
  output = '';

  constructor(readonly options: ReplicaOptions) {}

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  /** Starts it and resolves once its admin web answers (after the start-up ingest). */
  async start(timeoutMs = 120_000): Promise<void> {
    const { name, dataDir, port, env } = this.options;
    mkdirSync(dataDir, { recursive: true });
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'src/main/start.ts')], {
      cwd: REPO,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ...env,
        SOGA_DATA_DIR: dataDir,
        SOGA_LOG_DB: join(dataDir, 'answers.sqlite'),
        SOGA_WEB_ENABLED: 'true',
        SOGA_WEB_PORT: String(port),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.child = child;
    this.output = '';
    child.stderr.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`replica ${name} exited with ${child.exitCode} while starting:\n${this.output.slice(-3000)}`);
      try {
        const res = await fetch(`${this.url}/sign-in`);
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`replica ${name} did not answer on ${this.url} within ${timeoutMs} ms:\n${this.output.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** As a crash would: no shutdown, no lease released. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }

  /** A clean stop (SIGTERM), as systemd does on restart. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}
