import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frontMatter, htmlUrl, readSourceUrls } from '../../ingest/source-urls.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'soga-urls-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('an article’s own address', () => {
  it('is front matter’s url:, which is taken off the text', () => {
    expect(frontMatter('---\ntitle: X\nurl: "https://soga.eu/a"\n---\n# X\nBody')).toEqual({ url: 'https://soga.eu/a', body: '# X\nBody' });
  });
  it('is no link when front matter has none or a non-http one, and a text without front matter is untouched', () => {
    expect(frontMatter('---\nurl: javascript:alert(1)\n---\nBody')).toEqual({ body: 'Body' });
    expect(frontMatter('# Title\n---\nurl: https://x.y\n---')).toEqual({ body: '# Title\n---\nurl: https://x.y\n---' });
  });
  it('is an HTML page’s canonical link, else its og:url', () => {
    expect(htmlUrl('<head><meta property="og:url" content="https://soga.eu/og"><link href=\'https://soga.eu/c\' rel="canonical"></head>')).toBe('https://soga.eu/c');
    expect(htmlUrl('<head><meta property="og:url" content="https://soga.eu/og"></head>')).toBe('https://soga.eu/og');
    expect(htmlUrl('<head><link rel="stylesheet" href="https://soga.eu/s.css"></head>')).toBeUndefined();
  });
});

describe('staff’s sources.json', () => {
  it('maps a title (case and accents aside) or a file path to its URL; no file is no link', async () => {
    expect((await readSourceUrls(dir)).forArticle('X', 'x.md')).toBeUndefined();
    await writeFile(path.join(dir, 'sources.json'), JSON.stringify({ 'Fête des communs': 'https://soga.eu/fete', '004_9ac45f6a09908b38.txt': 'https://soga.eu/nec' }));
    const urls = await readSourceUrls(dir);
    expect(urls.forArticle('FETE DES COMMUNS', 'a.md')).toBe('https://soga.eu/fete');
    expect(urls.forArticle('NEC ESS 2025', '004_9ac45f6a09908b38.txt')).toBe('https://soga.eu/nec');
  });
  it('refuses a value that is not an http(s) URL, naming the key', async () => {
    await writeFile(path.join(dir, 'sources.json'), JSON.stringify({ 'Fête des communs': 'soga.eu/fete' }));
    await expect(readSourceUrls(dir)).rejects.toMatchObject({ code: 'SOURCES_FILE_INVALID', message: expect.stringContaining('"Fête des communs"') });
  });
});
