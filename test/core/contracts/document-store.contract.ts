/**
 * What every `DocumentStore` does, run against each implementation (files under the corpus folder,
 * PostgreSQL). `replica`, when the store outlives its process, is a second store on the same storage.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DocumentStore } from '../../../src/core/document-store.js';
import { isSogaError } from '../../../src/core/errors.js';

export interface DocumentStoreSubject {
  /** An empty store refusing uploads over `maxBytes`. */
  make(options: { maxBytes: number }): Promise<{ store: DocumentStore; replica?: DocumentStore }>;
}

const NOTE = Buffer.from('# Permanence numérique de Roubaix\n\nChaque mardi, des médiateurs aident les habitants.\n');
const OTHER = Buffer.from('# Repair café de Lille\n\nLe premier samedi du mois.\n');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Resolves with the first number `store.watch` reports after `act` runs (null calls are reconnections). */
async function heardAfter(store: DocumentStore, act: () => Promise<unknown>): Promise<number> {
  let resolve!: (n: number) => void;
  const heard = new Promise<number>((r) => (resolve = r));
  const stop = await store.watch((n) => n !== null && resolve(n));
  try {
    await act();
    return await Promise.race([heard, new Promise<number>((_, reject) => setTimeout(() => reject(new Error('no change heard within 5 s')), 5_000))]);
  } finally {
    await stop();
  }
}

export function describeDocumentStore(name: string, subject: () => DocumentStoreSubject): void {
  describe(`documents (${name})`, () => {
    it('stores an upload under a new plain name with its metadata and gives back the same bytes', async () => {
      const { store } = await subject().make({ maxBytes: 10_000 });
      const before = await store.change();
      const { document, change } = await store.add({ originalName: '../../Permanence Roubaix.md', bytes: NOTE, type: 'md', uploadedBy: 'ana', url: 'https://example.org/roubaix' });
      expect(document.name).toMatch(/^\d{4}-\d{2}-\d{2}-[0-9a-f]{8}-Permanence-Roubaix\.md$/);
      expect(document).toMatchObject({ originalName: '../../Permanence Roubaix.md', type: 'md', size: NOTE.length, contentHash: sha(NOTE), uploadedBy: 'ana', url: 'https://example.org/roubaix' });
      expect(change).toBeGreaterThan(before);
      expect(await store.change()).toBe(change);
      const stored = await store.get(document.name);
      expect(stored?.bytes.equals(NOTE)).toBe(true);
      expect(stored).toMatchObject({ ...document, addedAt: expect.any(Number) as number });
      expect(await store.list()).toEqual([{ ...document, addedAt: stored!.addedAt }]);
    });

    it('gives two uploads of the same file two names, and keeps them in the order they came', async () => {
      const { store } = await subject().make({ maxBytes: 10_000 });
      const a = await store.add({ originalName: 'note.md', bytes: NOTE, type: 'md' });
      const b = await store.add({ originalName: 'note.md', bytes: NOTE, type: 'md' });
      expect(a.document.name).not.toBe(b.document.name);
      expect(b.change).toBeGreaterThan(a.change);
      expect((await store.list()).map((d) => d.name)).toEqual([a.document.name, b.document.name]);
      expect((await store.list())[0]).toMatchObject({ uploadedBy: null, url: null });
    });

    it('removes an upload for good, and removing what is not there changes nothing', async () => {
      const { store } = await subject().make({ maxBytes: 10_000 });
      const kept = await store.add({ originalName: 'lille.md', bytes: OTHER, type: 'md' });
      const gone = await store.add({ originalName: 'roubaix.md', bytes: NOTE, type: 'md', url: 'https://example.org/roubaix' });
      const removed = await store.remove(gone.document.name);
      expect(removed.removed).toBe(true);
      expect(removed.change).toBeGreaterThan(gone.change);
      expect(await store.get(gone.document.name)).toBeNull();
      expect((await store.list()).map((d) => d.name)).toEqual([kept.document.name]);
      expect(await store.remove(gone.document.name)).toEqual({ removed: false, change: removed.change });
      expect(await store.remove('../../corpus/export.md')).toEqual({ removed: false, change: removed.change });
      expect(await store.get('../../corpus/export.md')).toBeNull();
    });

    it('refuses an upload over its size limit and stores nothing', async () => {
      const { store } = await subject().make({ maxBytes: 20 });
      const error = await store.add({ originalName: 'big.md', bytes: NOTE, type: 'md' }).catch((e: unknown) => e);
      expect(isSogaError(error, 'FILE_TOO_LARGE')).toBe(true);
      expect(await store.list()).toEqual([]);
      expect(await store.change()).toBe(0);
    });

    it('leaves an article out once, however often staff remove it', async () => {
      const { store } = await subject().make({ maxBytes: 10_000 });
      const first = await store.exclude('atelier-velo-solidaire-1a2b3c4d');
      expect(first).toEqual({ changed: true, change: 1 });
      expect(await store.exclude('atelier-velo-solidaire-1a2b3c4d')).toEqual({ changed: false, change: 1 });
      await store.exclude('jardin-partage-5e6f7a8b');
      expect((await store.exclusions()).sort()).toEqual(['atelier-velo-solidaire-1a2b3c4d', 'jardin-partage-5e6f7a8b']);
      expect(await store.change()).toBe(2);
    });

    it('tells a watcher the number of each change', async () => {
      const { store, replica } = await subject().make({ maxBytes: 10_000 });
      let added = 0;
      expect(await heardAfter(replica ?? store, async () => (added = (await store.add({ originalName: 'a.md', bytes: NOTE, type: 'md' })).change))).toBe(added);
    });

    describe('shared by replicas', () => {
      it('shows one replica what another added or removed, with the same change numbers', async () => {
        const { store, replica } = await subject().make({ maxBytes: 10_000 });
        if (!replica) return;
        const added = await store.add({ originalName: 'roubaix.md', bytes: NOTE, type: 'md' });
        expect(await replica.change()).toBe(added.change);
        expect((await replica.get(added.document.name))?.bytes.equals(NOTE)).toBe(true);
        const removed = await replica.remove(added.document.name);
        expect(await store.change()).toBe(removed.change);
        expect(await store.list()).toEqual([]);
      });

      it('hands out change numbers in the order changes commit, when replicas change documents at once', async () => {
        const { store, replica } = await subject().make({ maxBytes: 10_000 });
        if (!replica) return;
        const changes = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? replica : store).add({ originalName: `n${i}.md`, bytes: NOTE, type: 'md' })));
        expect(new Set(changes.map((c) => c.change)).size).toBe(8);
        expect(await store.change()).toBe(Math.max(...changes.map((c) => c.change)));
      });
    });
  });
}
