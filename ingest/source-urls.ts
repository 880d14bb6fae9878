/**
 * Where an article can be read online, so members get a link instead of a file name: a Markdown
 * file's front matter (`url:`), an HTML page's canonical link or `og:url`, or `corpus/sources.json`,
 * which staff edit (an article's title or a file's path → its URL) for files that carry none, such as
 * SOGA's raw exports.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SogaError } from '../src/core/errors.js';
import { normalizeText } from '../src/core/text/normalize.js';
import { writeFileAtomically } from '../src/infra/atomic-file.js';

/** The staff-edited map's file name, in the corpus folder (not ingested as a document). */
export const SOURCES_FILE = 'sources.json';

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits YAML-style front matter off a Markdown text: its `url:` (when an http(s) address) and the body. */
export function frontMatter(text: string): { url?: string; body: string } {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { body: text };
  const line = /^url[ \t]*:[ \t]*["']?([^"'\s]+)["']?[ \t]*$/im.exec(match[1]);
  const url = line && isHttpUrl(line[1]) ? line[1] : undefined;
  return { ...(url ? { url } : {}), body: text.slice(match[0].length) };
}

/** An HTML page's own address: `<link rel="canonical">`, else `<meta property="og:url">`. */
export function htmlUrl(html: string): string | undefined {
  // Only the head matters, and a bounded prefix keeps a crafted page from costing regex time.
  const head = html.slice(0, 65_536);
  const tags = head.match(/<(?:link|meta)\b[^>]*>/gi) ?? [];
  const attr = (tag: string, name: string) => {
    const m = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
    return m ? (m[2] ?? m[3] ?? m[4] ?? '').trim() : '';
  };
  // The canonical link wins wherever it stands: og:url is often the page as shared, with tracking.
  const canonical = tags.find((t) => /^<link/i.test(t) && attr(t, 'rel').toLowerCase().split(/\s+/).includes('canonical') && isHttpUrl(attr(t, 'href')));
  if (canonical) return attr(canonical, 'href');
  const og = tags.find((t) => attr(t, 'property').toLowerCase() === 'og:url' && isHttpUrl(attr(t, 'content')));
  if (og) return attr(og, 'content');
  return undefined;
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    // Not a URL at all: the caller shows no link rather than a broken one.
    return false;
  }
}

/**
 * Sets (or, with null, removes) one entry of `corpus/sources.json`: an uploaded file's link, given
 * with the upload, lives where staff edit the others, and goes with the upload when it is removed. Written whole or not at all; a malformed map is
 * refused as by readSourceUrls rather than overwritten.
 */
export async function setSourceUrl(corpusDir: string, key: string, url: string | null): Promise<void> {
  const file = path.join(corpusDir, SOURCES_FILE);
  let map: Record<string, string> = {};
  try {
    map = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new SogaError('SOURCES_FILE_INVALID', `${SOURCES_FILE}: cannot be read or is not valid JSON, so the link was not added`, { cause: error, hint: 'fix the file, then upload again' });
    }
  }
  if (url === null) {
    // Nothing to forget: no file is created or rewritten.
    if (!Object.hasOwn(map, key)) return;
    delete map[key];
  } else map[key] = url;
  await writeFileAtomically(file, `${JSON.stringify(map, null, 2)}\n`);
}

/** Staff's map, keyed by normalised title and by file path. */
export interface SourceUrls {
  forArticle(title: string, source: string): string | undefined;
}

/**
 * Reads `corpus/sources.json` (`{"Article title or file path": "https://…"}`). A missing file is an
 * empty map; a malformed one is refused with what is wrong, so a typo does not silently drop links.
 */
export async function readSourceUrls(corpusDir: string): Promise<SourceUrls> {
  const file = path.join(corpusDir, SOURCES_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { forArticle: () => undefined };
    throw new SogaError('SOURCES_FILE_INVALID', `${SOURCES_FILE}: cannot be read`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new SogaError('SOURCES_FILE_INVALID', `${SOURCES_FILE}: not valid JSON`, { cause, hint: 'it maps an article title or a file path to its URL: {"NEC ESS 2025 : …": "https://…"}' });
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new SogaError('SOURCES_FILE_INVALID', `${SOURCES_FILE}: expected an object of "title or file": "URL" pairs`);
  }
  const map = new Map<string, string>();
  for (const [key, value] of Object.entries(json)) {
    if (typeof value !== 'string' || !isHttpUrl(value)) {
      throw new SogaError('SOURCES_FILE_INVALID', `${SOURCES_FILE}: "${key}" must map to an http(s) URL, not ${JSON.stringify(value)}`);
    }
    map.set(normalizeText(key), value);
  }
  return { forArticle: (title, source) => map.get(normalizeText(title)) ?? map.get(normalizeText(source)) };
}
