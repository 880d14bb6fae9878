/**
 * Embedder that runs TransformersEmbedder in a worker thread (embedder-worker.ts). Tokenising and ONNX
 * inference take milliseconds per question and seconds per ingest batch; on the main thread they would
 * stall every chat adapter and the admin web for that long. The model is loaded once per process:
 * runtimes created with the same options share one worker.
 *
 * The worker only keeps the process alive while a request is in flight, so a CLI command or a test
 * exits when its work is done without having to close anything.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SogaError, type SogaErrorCode } from '../core/errors.js';
import type { Embedder } from '../core/ports.js';
import type { TransformersEmbedderOptions } from './transformers-embedder.js';
import type { WorkerFailure, WorkerRequest, WorkerResponse } from './embedder-worker.js';

interface Pending {
  resolve: (vectors: Float32Array[]) => void;
  reject: (error: Error) => void;
}

function toError(failure: WorkerFailure): SogaError {
  return new SogaError(failure.code as SogaErrorCode, failure.message, { hint: failure.hint });
}

/** Starts the worker script; from TypeScript sources (tsx, vitest) it is compiled by tsx in the worker. */
function spawn(): Worker {
  const entry = new URL(import.meta.url.endsWith('.ts') ? './embedder-worker.ts' : './embedder-worker.js', import.meta.url);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  const boot = `const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then((tsx) => { tsx.register(); return import(workerData.entry); });`;
  return new Worker(boot, { eval: true, workerData: { tsxApi, entry: entry.href } });
}

export class WorkerEmbedder implements Embedder {
  private static readonly loaded = new Map<string, Promise<WorkerEmbedder>>();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failed: Error | null = null;

  private constructor(
    private readonly worker: Worker,
    readonly modelId: string,
    readonly dimension: number,
  ) {
    worker.on('message', (message: WorkerResponse) => this.receive(message));
    worker.on('error', (error) => this.fail(new SogaError('EMBEDDING_FAILED', `the embedding worker crashed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => this.fail(new SogaError('EMBEDDING_FAILED', `the embedding worker stopped (exit code ${code})`)));
    worker.unref();
  }

  /** Loads the model in a worker, or throws EMBEDDING_FAILED as TransformersEmbedder.load would. */
  static load(options: TransformersEmbedderOptions): Promise<WorkerEmbedder> {
    const key = JSON.stringify(options);
    let loading = WorkerEmbedder.loaded.get(key);
    if (!loading) {
      loading = WorkerEmbedder.start(options);
      WorkerEmbedder.loaded.set(key, loading);
      // A failed load is not remembered: the next runtime tries again (the model may have been copied meanwhile).
      loading.catch(() => WorkerEmbedder.loaded.delete(key));
    }
    return loading;
  }

  private static start(options: TransformersEmbedderOptions): Promise<WorkerEmbedder> {
    const worker = spawn();
    return new Promise<WorkerEmbedder>((resolve, reject) => {
      const onMessage = (message: WorkerResponse) => {
        if (message.type === 'ready') {
          cleanup();
          resolve(new WorkerEmbedder(worker, message.modelId, message.dimension));
        } else if (message.type === 'failed') {
          cleanup();
          void worker.terminate();
          reject(toError(message.error));
        }
      };
      const onError = (error: Error) => {
        cleanup();
        reject(new SogaError('EMBEDDING_FAILED', `the embedding worker could not start: ${error.message}`, { cause: error }));
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new SogaError('EMBEDDING_FAILED', `the embedding worker stopped while loading the model (exit code ${code})`));
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ type: 'load', options } satisfies WorkerRequest);
    });
  }

  embedQueries(texts: string[]): Promise<Float32Array[]> {
    return this.request('query', texts);
  }

  embedPassages(texts: string[]): Promise<Float32Array[]> {
    return this.request('passage', texts);
  }

  /** Stops the worker; later calls fail. Only for tests and tools that own the process. */
  async close(): Promise<void> {
    for (const [key, loading] of WorkerEmbedder.loaded) {
      if ((await loading.catch(() => null)) === this) WorkerEmbedder.loaded.delete(key);
    }
    await this.worker.terminate();
  }

  private request(kind: 'query' | 'passage', texts: string[]): Promise<Float32Array[]> {
    if (this.failed) return Promise.reject(this.failed);
    if (!texts.length) return Promise.resolve([]);
    const id = this.nextId++;
    return new Promise<Float32Array[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Keep the process alive only while an answer is awaited.
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ type: 'embed', id, kind, texts } satisfies WorkerRequest);
    });
  }

  private settle(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    this.pending.delete(id);
    if (!this.pending.size) this.worker.unref();
    return pending;
  }

  private receive(message: WorkerResponse): void {
    if (message.type === 'result') {
      const out: Float32Array[] = [];
      for (let i = 0; i < message.data.length; i += message.dimension) out.push(message.data.subarray(i, i + message.dimension));
      this.settle(message.id)?.resolve(out);
    } else if (message.type === 'failed' && message.id !== null) {
      this.settle(message.id)?.reject(toError(message.error));
    }
  }

  private fail(error: Error): void {
    this.failed ??= error;
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(error);
    for (const [key, loading] of WorkerEmbedder.loaded) {
      void loading.then(
        (e) => e === this && WorkerEmbedder.loaded.delete(key),
        () => undefined,
      );
    }
  }
}
