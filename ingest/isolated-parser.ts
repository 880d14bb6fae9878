/**
 * Parses untrusted HTML and PDF files in a child process (parse-child.ts) with a time limit and a
 * memory cap (SOGA_PARSE_TIMEOUT_MS, SOGA_PARSE_MAX_MEMORY_MB). A file over either is killed with its
 * process and refused as FILE_TOO_COMPLEX; the next file gets a fresh process. A compressed PDF that
 * inflates to gigabytes or a 50,000-page file thus costs one refused file, never the bots' event loop
 * or their memory. A child process rather than a worker thread: a worker's resourceLimits cap only the
 * JavaScript heap, and pdf.js inflates streams into ArrayBuffers outside it; a process's resident
 * memory is all of it, and the OS reclaims it on kill.
 *
 * Markdown and text are only decoded (linear in a size already capped by SOGA_MAX_FILE_BYTES), in
 * process: thousands of small articles do not pay a round trip each.
 *
 * One process serves the files one at a time and is reused; it keeps the parent alive only while a
 * file is being parsed, so a CLI command exits when its work is done.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { SogaError, type SogaErrorCode } from '../src/core/errors.js';
import { extractText } from './extract.js';
import type { SourceKind } from './load.js';

export interface ParseLimits {
  timeoutMs: number;
  maxMemoryMb: number;
}

/** Bytes of a file → its text, or a SogaError saying why not. */
export interface FileParser {
  extract(bytes: Buffer, kind: SourceKind, source: string): Promise<string>;
}

export interface ParseRequest {
  id: number;
  kind: SourceKind;
  source: string;
  bytes: Uint8Array;
}

export type ParseReply = { id: number; ok: true; text: string } | { id: number; ok: false; code: SogaErrorCode; message: string; hint?: string };

const MEMORY_POLL_MS = 50;

/** Resident memory of a process in MB, from /proc (Linux); null where that is not available. */
async function residentMb(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return kb ? Number(kb[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function spawnChild(maxMemoryMb: number): ChildProcess {
  // The heap limit makes V8 stop early on JavaScript objects; the RSS poll catches the rest.
  const execArgv = [`--max-old-space-size=${maxMemoryMb}`];
  const options = { serialization: 'advanced' as const, stdio: ['ignore', 'ignore', 'ignore', 'ipc'] as ('ignore' | 'ipc')[] };
  if (!import.meta.url.endsWith('.ts')) return fork(new URL('./parse-child.js', import.meta.url), [], { ...options, execArgv });
  // From TypeScript sources (tsx, vitest): tsx compiles our modules, then steps aside before pdf.js is
  // loaded; through tsx's loader pdf.js alone takes ~400 MB instead of ~40.
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  const entry = new URL('./parse-child.ts', import.meta.url).href;
  const boot = `const { register } = await import(${JSON.stringify(tsxApi)}); const unregister = register(); await import(${JSON.stringify(entry)}); await unregister();`;
  return spawn(process.execPath, [...execArgv, '--input-type=module', '--eval', boot], options);
}

export class IsolatedParser implements FileParser {
  private child: ChildProcess | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;

  constructor(private readonly limits: ParseLimits) {}

  extract(bytes: Buffer, kind: SourceKind, source: string): Promise<string> {
    if (kind === 'markdown' || kind === 'text') return extractText(bytes, kind, source);
    const run = this.queue.then(() => this.parse(bytes, kind, source));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Stops the parsing process (it is started again on the next HTML or PDF file). */
  close(): void {
    if (this.child) this.kill(this.child);
  }

  private kill(child: ChildProcess): void {
    if (this.child === child) this.child = null;
    child.kill('SIGKILL');
  }

  private parse(bytes: Buffer, kind: SourceKind, source: string): Promise<string> {
    const { timeoutMs, maxMemoryMb } = this.limits;
    const child = (this.child ??= spawnChild(maxMemoryMb));
    const id = this.nextId++;
    child.ref();
    child.channel?.ref();
    return new Promise<string>((resolve, reject) => {
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(poll);
        child.off('message', onMessage);
        child.off('exit', onExit);
        child.off('error', onError);
        child.unref();
        child.channel?.unref();
        outcome();
      };
      const refuse = (why: string) => {
        if (settled) return;
        this.kill(child);
        finish(() =>
          reject(
            new SogaError('FILE_TOO_COMPLEX', `${source}: ${why}; the file was not read`, {
              hint: 'export a simpler copy (fewer pages, no unusual compression), or raise SOGA_PARSE_TIMEOUT_MS / SOGA_PARSE_MAX_MEMORY_MB if the document is genuine',
            }),
          ),
        );
      };
      const onMessage = (reply: ParseReply) => {
        if (reply.id !== id) return;
        finish(() => (reply.ok ? resolve(reply.text) : reject(new SogaError(reply.code, reply.message, { hint: reply.hint }))));
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        if (this.child === child) this.child = null;
        // V8 aborts the process when the heap limit is reached.
        refuse(`parsing stopped (${signal ?? `exit code ${code}`}), most likely over the ${maxMemoryMb} MB memory limit`);
      };
      const onError = (error: Error) => {
        this.kill(child);
        finish(() => reject(new SogaError('UNREADABLE_FILE', `${source}: the parsing process failed (${error.message})`, { cause: error })));
      };
      const timer = setTimeout(() => refuse(`parsing took longer than ${timeoutMs} ms`), timeoutMs);
      const poll = setInterval(() => {
        void residentMb(child.pid ?? -1).then((mb) => {
          if (mb !== null && mb > maxMemoryMb) refuse(`parsing needed more than ${maxMemoryMb} MB of memory`);
        });
      }, MEMORY_POLL_MS);
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.on('error', onError);
      const request: ParseRequest = { id, kind, source, bytes };
      child.send(request);
    });
  }
}
