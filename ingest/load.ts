/**
 * Load: turn a file as staff hand it over into plain text with Markdown-style headings (extract.ts),
 * HTML and PDF through the isolated parser. Anything else, or content that is not what its name
 * says, is refused with a clear message.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { SogaError } from '../src/core/errors.js';
import type { FileParser } from './isolated-parser.js';

export { extractText, htmlToText, isPdf } from './extract.js';
import { decodeText } from './extract.js';
import { frontMatter, htmlUrl } from './source-urls.js';

export type SourceKind = 'markdown' | 'text' | 'html' | 'pdf';

export interface LoadedFile {
  /** Path relative to the corpus root (or as given), with forward slashes. */
  source: string;
  kind: SourceKind;
  text: string;
  /** Where the file can be read online: Markdown front matter `url:`, HTML canonical link or og:url, PDF metadata. */
  url?: string;
}

const EXTENSIONS: Record<string, SourceKind> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
};

export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);

export function kindOf(file: string): SourceKind | null {
  return EXTENSIONS[path.extname(file).toLowerCase()] ?? null;
}

export interface LoadOptions {
  /** Files larger than this are refused before being read. */
  maxBytes: number;
  parser: FileParser;
}

export async function loadFile(absPath: string, source: string, options: LoadOptions): Promise<LoadedFile> {
  const kind = kindOf(absPath);
  if (!kind) {
    throw new SogaError('UNSUPPORTED_FILE_TYPE', `${source}: unsupported file type "${path.extname(absPath) || '(none)'}"`, {
      hint: `supported: ${SUPPORTED_EXTENSIONS.join(', ')}`,
    });
  }
  let size: number;
  try {
    size = (await stat(absPath)).size;
  } catch (cause) {
    throw new SogaError('UNREADABLE_FILE', `${source}: cannot be read`, { cause });
  }
  if (size > options.maxBytes) {
    throw new SogaError('FILE_TOO_LARGE', `${source}: ${size} bytes is over the ${options.maxBytes}-byte limit`, {
      hint: 'raise SOGA_MAX_FILE_BYTES or split the document',
    });
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(absPath);
  } catch (cause) {
    throw new SogaError('UNREADABLE_FILE', `${source}: cannot be read`, { cause });
  }
  const text = await options.parser.extract(bytes, kind, source);
  if (kind === 'markdown' || kind === 'pdf') {
    // Front matter is metadata, not a line of the article (a PDF's address is handed over as such: extract.ts).
    const { url, body } = frontMatter(text);
    return { source, kind, text: body, ...(url ? { url } : {}) };
  }
  if (kind === 'html') {
    // The parser returns text only; the page's address is read from its head here (a bounded regex).
    const url = htmlUrl(decodeText(bytes.subarray(0, 65_536)) ?? '');
    return { source, kind, text, ...(url ? { url } : {}) };
  }
  return { source, kind, text };
}
