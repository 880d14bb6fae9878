/**
 * Worker-thread side of WorkerEmbedder (worker-embedder.ts): loads the Transformers.js model once and
 * embeds the texts it is sent, so tokenisation and ONNX inference never run on the thread that serves
 * Discord, Matrix and the admin web. Vectors go back as one transferred Float32Array per request.
 */
import { parentPort } from 'node:worker_threads';
import { SogaError, describeError } from '../core/errors.js';
import { TransformersEmbedder, type TransformersEmbedderOptions } from './transformers-embedder.js';

export type WorkerRequest = { type: 'load'; options: TransformersEmbedderOptions } | { type: 'embed'; id: number; kind: 'query' | 'passage'; texts: string[] };

export interface WorkerFailure {
  code: string;
  message: string;
  hint?: string;
}

export type WorkerResponse =
  { type: 'ready'; modelId: string; dimension: number } | { type: 'result'; id: number; data: Float32Array; dimension: number } | { type: 'failed'; id: number | null; error: WorkerFailure };

function failure(error: unknown): WorkerFailure {
  if (error instanceof SogaError) return { code: error.code, message: error.message, hint: error.hint };
  return { code: 'EMBEDDING_FAILED', message: describeError(error) };
}

const port = parentPort;
if (!port) throw new Error('embedder-worker.ts runs as a worker thread (see worker-embedder.ts)');

let embedder: TransformersEmbedder | null = null;

port.on('message', (request: WorkerRequest) => {
  void handle(request);
});

async function handle(request: WorkerRequest): Promise<void> {
  if (request.type === 'load') {
    try {
      embedder = await TransformersEmbedder.load(request.options);
      port!.postMessage({ type: 'ready', modelId: embedder.modelId, dimension: embedder.dimension } satisfies WorkerResponse);
    } catch (error) {
      port!.postMessage({ type: 'failed', id: null, error: failure(error) } satisfies WorkerResponse);
    }
    return;
  }
  try {
    if (!embedder) throw new SogaError('EMBEDDING_FAILED', 'the embedding model is not loaded');
    const vectors = request.kind === 'query' ? await embedder.embedQueries(request.texts) : await embedder.embedPassages(request.texts);
    const dimension = embedder.dimension;
    const data = new Float32Array(vectors.length * dimension);
    vectors.forEach((v, i) => data.set(v, i * dimension));
    port!.postMessage({ type: 'result', id: request.id, data, dimension } satisfies WorkerResponse, [data.buffer]);
  } catch (error) {
    port!.postMessage({ type: 'failed', id: request.id, error: failure(error) } satisfies WorkerResponse);
  }
}
