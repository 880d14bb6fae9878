/**
 * Embedder on Transformers.js (ONNX Runtime in-process). The default model is multilingual-e5-small,
 * which expects "query: " / "passage: " prefixes. The model loads once per process, from a local
 * folder when SOGA_EMBED_MODEL_DIR is set, else from the hub cache (downloading it once if allowed).
 */
import path from 'node:path';
import { SogaError, describeError } from '../core/errors.js';
import type { Embedder } from '../core/ports.js';

export interface TransformersEmbedderOptions {
  /** Hub id ("Xenova/multilingual-e5-small") — also the id stored with the vectors. */
  model: string;
  /** A local model folder (config.json, tokenizer.json, onnx/…); wins over the hub. */
  modelDir?: string;
  cacheDir: string;
  allowDownload: boolean;
  dtype: string;
  queryPrefix: string;
  passagePrefix: string;
  batchSize: number;
}

type Extractor = (texts: string[], options: { pooling: 'mean'; normalize: boolean }) => Promise<{ dims: number[]; data: Float32Array }>;

export class TransformersEmbedder implements Embedder {
  private constructor(
    readonly modelId: string,
    readonly dimension: number,
    private readonly extract: Extractor,
    private readonly options: TransformersEmbedderOptions,
  ) {}

  /** Loads the model, or throws EMBEDDING_FAILED saying where it looked. */
  static async load(options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
    const { pipeline, env } = await import('@huggingface/transformers');
    env.cacheDir = path.resolve(options.cacheDir);
    env.allowRemoteModels = options.allowDownload && !options.modelDir;
    env.allowLocalModels = true;
    const target = options.modelDir ? path.resolve(options.modelDir) : options.model;
    let extractor: Extractor;
    try {
      const dtype = options.dtype === 'auto' ? undefined : options.dtype;
      extractor = await pipeline('feature-extraction', target, { dtype: dtype as never });
    } catch (cause) {
      throw new SogaError('EMBEDDING_FAILED', `embedding model "${target}" could not be loaded (${describeError(cause)})`, {
        cause,
        hint: options.modelDir
          ? 'check SOGA_EMBED_MODEL_DIR points to a folder with config.json, tokenizer.json and onnx/'
          : `download it once with network access, or set SOGA_EMBED_MODEL_DIR to a local copy (cache: ${env.cacheDir})`,
      });
    }
    let probe;
    try {
      probe = await extractor(['dimension probe'], { pooling: 'mean', normalize: true });
    } catch (cause) {
      throw new SogaError('EMBEDDING_FAILED', `embedding model "${target}" loaded but cannot embed (${describeError(cause)})`, { cause });
    }
    const modelId = options.modelDir ? `${options.model}@${path.basename(path.resolve(options.modelDir))}` : options.model;
    return new TransformersEmbedder(modelId, probe.dims.at(-1)!, extractor, options);
  }

  embedQueries(texts: string[]): Promise<Float32Array[]> {
    return this.embed(texts.map((t) => this.options.queryPrefix + t));
  }

  embedPassages(texts: string[]): Promise<Float32Array[]> {
    return this.embed(texts.map((t) => this.options.passagePrefix + t));
  }

  private async embed(texts: string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += this.options.batchSize) {
      const batch = texts.slice(i, i + this.options.batchSize);
      let tensor;
      try {
        tensor = await this.extract(batch, { pooling: 'mean', normalize: true });
      } catch (cause) {
        throw new SogaError('EMBEDDING_FAILED', `embedding ${batch.length} texts failed`, { cause });
      }
      const dim = tensor.dims.at(-1)!;
      for (let j = 0; j < batch.length; j++) out.push(tensor.data.slice(j * dim, (j + 1) * dim));
    }
    return out;
  }
}
