/** The embedded DocumentStore (files under corpus/uploads) against the behaviour every implementation shares. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderDocuments } from '../../ingest/folder-documents.js';
import { describeDocumentStore } from '../core/contracts/document-store.contract.js';
import { TempDirs } from './helpers/env.js';

const temp = new TempDirs();
afterEach(() => temp.removeAll());

async function folders() {
  const root = await temp.make('soga-documents-');
  return { corpusDir: path.join(root, 'corpus'), dataDir: path.join(root, 'data') };
}

describeDocumentStore('corpus folder', () => ({
  make: async ({ maxBytes }) => ({ store: new FolderDocuments({ ...(await folders()), maxBytes }) }),
}));

describe('uploads in the corpus folder', () => {
  it('are files under corpus/uploads, with their links in sources.json where staff edit the others', async () => {
    const dirs = await folders();
    const store = new FolderDocuments({ ...dirs, maxBytes: 10_000 });
    const { document } = await store.add({ originalName: 'roubaix.md', bytes: Buffer.from('# Roubaix\n\nTexte.\n'), type: 'md', url: 'https://example.org/r' });
    expect(await readdir(path.join(dirs.corpusDir, 'uploads'))).toEqual([document.name]);
    expect(JSON.parse(await readFile(path.join(dirs.corpusDir, 'sources.json'), 'utf8'))).toEqual({ [`uploads/${document.name}`]: 'https://example.org/r' });
    await store.remove(document.name);
    expect(await readdir(path.join(dirs.corpusDir, 'uploads'))).toEqual([]);
    expect(JSON.parse(await readFile(path.join(dirs.corpusDir, 'sources.json'), 'utf8'))).toEqual({});
  });
});
