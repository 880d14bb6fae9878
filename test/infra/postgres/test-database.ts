/**
 * A PostgreSQL database of its own for each test file. The server: SOGA_TEST_DATABASE_URL when set
 * (`.ci/run` starts one on loopback and exports it; a superuser URL, used to create and drop the
 * databases), else a throwaway cluster this helper starts itself (initdb + pg_ctl in a temporary
 * folder, as the postgres user when run as root). Without PostgreSQL installed the suites skip with
 * the reason; under CI=true that is a failure.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

export interface TestDatabase {
  /** A database no other test file uses. */
  url: string;
  /** Drops the database and stops the server this helper started. */
  close(): Promise<void>;
}

/** The newest installed PostgreSQL's programs (Debian: /usr/lib/postgresql/N/bin). */
function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Why the PostgreSQL suites cannot run here, or undefined when they can. */
export const postgresUnavailable: string | undefined =
  process.env.SOGA_TEST_DATABASE_URL || postgresBin() ? undefined : 'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; `apt-get install postgresql-15`, or set SOGA_TEST_DATABASE_URL)';

if (postgresUnavailable && process.env.CI === 'true') throw new Error(`CI=true but the PostgreSQL suites cannot run: ${postgresUnavailable}`);

/** Starts a cluster in a temporary folder on a free loopback port; returns its superuser URL and how to stop it. */
async function startCluster(bin: string): Promise<{ url: string; stop(): void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'soga-pg-'));
  const data = path.join(dir, 'data');
  // initdb refuses to run as root: the cluster then belongs to the postgres user.
  const asRoot = userInfo().uid === 0;
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const run = (program: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : path.join(bin, program), asRoot ? ['-u', 'postgres', '--', path.join(bin, program), ...args] : args, { stdio: 'pipe' });
  const user = asRoot ? 'postgres' : userInfo().username;
  run('initdb', ['-D', data, '-U', user, '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  const port = await freePort();
  run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`, 'start']);
  return {
    url: `postgres://${user}@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export async function testDatabase(): Promise<TestDatabase> {
  const bin = postgresBin();
  const cluster = process.env.SOGA_TEST_DATABASE_URL ? undefined : await startCluster(bin!);
  const serverUrl = process.env.SOGA_TEST_DATABASE_URL ?? cluster!.url;
  const name = `soga_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } catch (error) {
    await admin.end();
    cluster?.stop();
    throw error;
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async close() {
      try {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      } finally {
        cluster?.stop();
      }
    },
  };
}
