import { describe, expect, it } from 'vitest';
import { createQueryEmbedder } from '../../../src/core/retrieval/query-embedder.js';
import { FakeEmbedder } from '../../fakes/fake-embedder.js';

describe('the question vector survives an embedding outage', () => {
  it('returns the vector while the model works', async () => {
    const embedder = new FakeEmbedder({ hello: [1, 0, 0] });
    const vector = await createQueryEmbedder(embedder, () => undefined).embed('hello');
    expect(vector).toBeDefined();
  });
  it('returns no vector and warns once per outage, again after a recovery', async () => {
    const embedder = new FakeEmbedder({ hello: [1, 0, 0] });
    const warnings: string[] = [];
    const q = createQueryEmbedder(embedder, (m) => warnings.push(m));
    embedder.failure = new Error('endpoint down');
    expect(await q.embed('hello')).toBeUndefined();
    expect(await q.embed('hello')).toBeUndefined();
    expect(warnings).toHaveLength(1);
    embedder.failure = null;
    await q.embed('hello');
    embedder.failure = new Error('down again');
    await q.embed('hello');
    expect(warnings).toHaveLength(2);
  });
  it('returns no vector without a model', async () => {
    expect(await createQueryEmbedder(null, () => undefined).embed('hello')).toBeUndefined();
  });
});
