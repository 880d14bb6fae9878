/**
 * Load: turn a file as staff hand it over into plain text with Markdown-style headings.
 * Markdown and text are read as they are; HTML keeps its heading structure; PDFs go through pdf-parse.
 * Anything else, or content that is not what its name says, is refused with a clear message.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseHtml, type HTMLElement, type Node as HtmlNode } from 'node-html-parser';
import { SogaError } from '../src/core/errors.js';

export type SourceKind = 'markdown' | 'text' | 'html' | 'pdf';

export interface LoadedFile {
  /** Path relative to the corpus root (or as given), with forward slashes. */
  source: string;
  kind: SourceKind;
  text: string;
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
  return { source, kind, text: await extractText(bytes, kind, source) };
}

/** Extracts text from bytes already in memory (uploads from chat or the web use this directly). */
export async function extractText(bytes: Buffer, kind: SourceKind, source: string): Promise<string> {
  if (!bytes.length) throw new SogaError('EMPTY_DOCUMENT', `${source}: the file is empty (0 bytes)`, { hint: 'check that the file was saved completely' });
  if (kind === 'pdf') return extractPdf(bytes, source);
  if (looksBinary(bytes)) {
    throw new SogaError('BINARY_CONTENT', `${source}: looks like binary data, not ${kind}`, {
      hint: 'check that the file is what its extension says',
    });
  }
  const raw = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const text = kind === 'html' ? htmlToText(raw) : raw.replace(/\r\n?/g, '\n');
  // An empty file is a failure, not an empty article list: what it produced before must not be removed.
  if (!text.trim()) {
    throw new SogaError('EMPTY_DOCUMENT', `${source}: the file has no text`, { hint: 'check that the file was saved completely' });
  }
  return text;
}

/** NUL bytes or many invalid UTF-8 sequences mean the file is not text, whatever its name. */
export function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return true;
  const decoded = sample.toString('utf8');
  const replacements = decoded.split('\uFFFD').length - 1;
  return replacements > 8 && replacements / Math.max(decoded.length, 1) > 0.01;
}

export function isPdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 1024).includes(Buffer.from('%PDF-'));
}

async function extractPdf(bytes: Buffer, source: string): Promise<string> {
  if (!isPdf(bytes)) {
    throw new SogaError('INVALID_PDF', `${source}: is not a PDF (no %PDF header)`, {
      hint: 'the file may be HTML or text renamed to .pdf',
    });
  }
  // Imported on the first PDF: pdf-parse (pdf.js) adds ~180 MB of RSS to every process that loads it,
  // the bot included, which reads PDFs only when one is uploaded.
  const { PDFParse, PasswordException, InvalidPDFException } = await import('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getText();
    const text = result.text.replace(/\r\n?/g, '\n').replace(/^-- \d+ of \d+ --$/gm, '');
    if (!text.trim()) {
      throw new SogaError('EMPTY_DOCUMENT', `${source}: the PDF has no extractable text`, {
        hint: 'it may be a scan; run OCR first',
      });
    }
    return text;
  } catch (cause) {
    if (cause instanceof SogaError) throw cause;
    if (cause instanceof PasswordException || /password/i.test(String((cause as Error)?.message))) {
      throw new SogaError('ENCRYPTED_PDF', `${source}: the PDF is password-protected`, {
        cause,
        hint: 'export an unprotected copy',
      });
    }
    throw new SogaError('INVALID_PDF', `${source}: the PDF cannot be read (${(cause as Error)?.message ?? cause})`, {
      cause,
      hint: cause instanceof InvalidPDFException ? 'the file is damaged or truncated' : undefined,
    });
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

const BLOCK_TAGS = new Set(['p', 'div', 'section', 'article', 'li', 'tr', 'blockquote', 'pre', 'dd', 'dt', 'figcaption', 'br']);
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'head']);

/** HTML to text that keeps headings as Markdown headings, so chunking can follow the structure. */
export function htmlToText(html: string): string {
  // node-html-parser keeps "<!DOCTYPE html>" (and an XML prolog) as a text node: it would become a line of the article.
  const markup = html.replace(/<!doctype[^>]*>|<\?xml[^>]*\?>/gi, '');
  const root = parseHtml(markup, { comment: false, blockTextElements: { script: false, style: false, pre: true } });
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node: HtmlNode) => {
    if (node.nodeType === 3) {
      current += (node as unknown as { text: string }).text;
      return;
    }
    const el = node as HTMLElement;
    const tag = el.rawTagName?.toLowerCase() ?? '';
    if (SKIP_TAGS.has(tag)) return;
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      flush();
      lines.push('', `${'#'.repeat(Number(heading[1]))} ${el.text.replace(/\s+/g, ' ').trim()}`, '');
      return;
    }
    if (tag === 'title') {
      flush();
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    if (tag === 'li') current += '• ';
    for (const child of el.childNodes) walk(child);
    if (block) {
      flush();
      if (tag === 'p' || tag === 'section' || tag === 'article') lines.push('');
    }
  };
  walk(root);
  flush();
  const text = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  // A page without an <h1> still has a title: take <title> as the document title.
  const title = root.querySelector('title')?.text.trim();
  if (title && !/^# /m.test(text)) return `# ${title}\n\n${text}`;
  return text;
}
