/**
 * The approximate-nearest-neighbour index of the `chunks.vector` column, and the query parameters that
 * go with it. Chosen from `npm run bench` (docs/performance.md):
 *
 * - Small tables get no index: an exact (flat) scan costs about 3 ns per stored float on the 2-core
 *   benchmark machine, i.e. ~4 ms at 1.5 M floats (23k passages of 64 dims; of 384 dims, the 5,000-row
 *   floor applies), and an index would only add build time and approximation.
 * - Past that, IVF_FLAT with √N partitions, cosine distance, probing 30 % of the partitions. It keeps
 *   the full vectors (no quantisation), so recall depends only on how many partitions are probed:
 *   at 100k passages recall@10 against exact search was 0.997 at 30 % (0.976 at 20 %), for 3 ms
 *   instead of 18 ms. It trains in ~3 s at 100k. The alternatives measured on the same data did
 *   worse: IVF_PQ with default settings (dim/16 sub-vectors) reached recall 0.13 (0.45 with
 *   refineFactor 10); IVF_HNSW_SQ (m 20, efConstruction 300) stalled at 0.93 with ef 200 and took
 *   60 s to build. With real multilingual-e5-small vectors (384 dims, 5,000 passages, 71 partitions)
 *   recall@10 was 0.893 probing 20 %, 0.963 at 30 %, 0.982 at 34 %: small tables need a larger share,
 *   hence at least 24 partitions probed.
 * - New passages are folded into the index by `Table.optimize()` (rows not yet folded in are still
 *   searched exactly), but the partitions keep the centroids they were trained on: the index is
 *   retrained when the table has doubled since, or shrunk to half.
 *
 * What was built (partitions, probes, trained size) is kept next to the tables in
 * `vector-index.json`, which a store in another process re-reads every few seconds.
 */
import { readFile } from 'node:fs/promises';
import { writeFileAtomically } from '../atomic-file.js';
import path from 'node:path';
import * as lancedb from '@lancedb/lancedb';

export interface VectorIndexOptions {
  /** No index while rows × dimension is below this: flat search is exact and fast enough. */
  minFloats: number;
  /** Nor below this many rows, whatever the dimension (IVF partitions need rows to train on). */
  minRows: number;
  /** Share of the IVF partitions probed per query. */
  probeFraction: number;
  /** At least this many partitions are probed (all of them when there are fewer). */
  minProbes: number;
  /** Retrain when the table has grown (or shrunk) by this factor since the index was trained. */
  retrainFactor: number;
  /** Always search exactly, ignoring any index (measurements, or a store that must not approximate). */
  exact: boolean;
}

export const DEFAULT_VECTOR_INDEX: VectorIndexOptions = {
  minFloats: 1_500_000,
  minRows: 5_000,
  probeFraction: 0.3,
  minProbes: 24,
  retrainFactor: 2,
  exact: false,
};

export interface VectorIndexState {
  type: 'IVF_FLAT';
  column: string;
  numPartitions: number;
  nprobes: number;
  /** Rows in the table when the partitions were trained. */
  trainedRows: number;
  dimension: number;
  builtAt: string;
}

export interface VectorIndexReport {
  action: 'none' | 'created' | 'retrained' | 'kept' | 'dropped';
  rows: number;
  state: VectorIndexState | null;
  /** Time spent training the index, when one was built. */
  buildMs: number;
}

const STATE_FILE = 'vector-index.json';
const COLUMN = 'vector';
const REREAD_MS = 5_000;

export class VectorIndex {
  readonly options: VectorIndexOptions;
  private state: VectorIndexState | null = null;
  private readAt = 0;

  constructor(
    private readonly dir: string,
    options: Partial<VectorIndexOptions> = {},
  ) {
    this.options = { ...DEFAULT_VECTOR_INDEX, ...options };
  }

  /** Whether a table of `rows` vectors of `dimension` gets an index. */
  wanted(rows: number, dimension: number): boolean {
    return rows >= this.options.minRows && rows * dimension >= this.options.minFloats;
  }

  partitionsFor(rows: number): number {
    return Math.max(1, Math.round(Math.sqrt(rows)));
  }

  probesFor(partitions: number): number {
    return Math.min(partitions, Math.max(this.options.minProbes, Math.ceil(partitions * this.options.probeFraction)));
  }

  /**
   * Creates, retrains or drops the index so that it fits the table's size. Call it after writes, with
   * the table compacted (Table.optimize folds new rows into an index that is kept).
   */
  async ensure(table: lancedb.Table, dimension: number | null): Promise<VectorIndexReport> {
    const existing = (await table.listIndices()).find((i) => i.columns.includes(COLUMN));
    if (!dimension) return { action: 'none', rows: 0, state: null, buildMs: 0 };
    const rows = await table.countRows(`${COLUMN} IS NOT NULL`);
    let state = existing ? await this.read(true) : null;
    if (!this.wanted(rows, dimension)) {
      if (existing && rows * dimension < this.options.minFloats / this.options.retrainFactor) {
        // Shrunk well below the threshold: exact search is cheap again, and exact.
        await table.dropIndex(existing.name);
        await this.write(null);
        return { action: 'dropped', rows, state: null, buildMs: 0 };
      }
      if (!existing) return { action: 'none', rows, state: null, buildMs: 0 };
    }
    if (existing && state && state.dimension === dimension) {
      const growth = rows / Math.max(1, state.trainedRows);
      if (growth < this.options.retrainFactor && growth > 1 / this.options.retrainFactor) return { action: 'kept', rows, state, buildMs: 0 };
    }
    const numPartitions = this.partitionsFor(rows);
    const started = performance.now();
    await table.createIndex(COLUMN, {
      config: lancedb.Index.ivfFlat({ distanceType: 'cosine', numPartitions }),
      replace: true,
    });
    const buildMs = performance.now() - started;
    state = {
      type: 'IVF_FLAT',
      column: COLUMN,
      numPartitions,
      nprobes: this.probesFor(numPartitions),
      trainedRows: rows,
      dimension,
      builtAt: new Date().toISOString(),
    };
    await this.write(state);
    return { action: existing ? 'retrained' : 'created', rows, state, buildMs };
  }

  /** Sets the query-time parameters of a vector search (cosine, the index's probes, or exact search). */
  async tune(query: lancedb.VectorQuery): Promise<lancedb.VectorQuery> {
    query = query.column(COLUMN).distanceType('cosine');
    if (this.options.exact) return query.bypassVectorIndex();
    const state = await this.read(false);
    // No recorded index: the table is small and searched exactly (probes would be ignored anyway), or
    // the record is missing and LanceDB's default probes apply until the next optimize() rebuilds it.
    return state ? query.nprobes(state.nprobes) : query;
  }

  /** The recorded index, re-read from disk when another process may have rebuilt it. */
  async read(fresh: boolean): Promise<VectorIndexState | null> {
    if (!fresh && Date.now() - this.readAt < REREAD_MS) return this.state;
    try {
      this.state = JSON.parse(await readFile(path.join(this.dir, STATE_FILE), 'utf8')) as VectorIndexState;
    } catch {
      this.state = null;
    }
    this.readAt = Date.now();
    return this.state;
  }

  private async write(state: VectorIndexState | null): Promise<void> {
    await writeFileAtomically(path.join(this.dir, STATE_FILE), JSON.stringify(state, null, 2));
    this.state = state;
    this.readAt = Date.now();
  }
}
