/**
 * Extract: bytes of a file as staff hand it over → plain text with Markdown-style headings. Markdown
 * and text are decoded (UTF-8, UTF-16, Latin-1); HTML keeps its heading structure; PDFs go through
 * pdf-parse. HTML and PDF parsing runs only in the parsing process (parse-child.ts), never in the
 * bot's: a crafted file can make a parser run out of memory or time.
 */
import { NodeType, parse as parseHtml, type HTMLElement, type Node as HtmlNode } from 'node-html-parser';
import { SogaError } from '../src/core/errors.js';
import type { SourceKind } from './load.js';
import { isHttpUrl } from './source-urls.js';

/** Extracts text from bytes already in memory (uploads from chat or the web use this directly). */
export async function extractText(bytes: Buffer, kind: SourceKind, source: string): Promise<string> {
  if (!bytes.length) throw new SogaError('EMPTY_DOCUMENT', `${source}: the file is empty (0 bytes)`, { hint: 'check that the file was saved completely' });
  if (kind === 'pdf') return extractPdf(bytes, source);
  const raw = decodeText(bytes);
  if (raw === null) {
    throw new SogaError('BINARY_CONTENT', `${source}: looks like binary data, not ${kind}`, {
      hint: 'check that the file is what its extension says',
    });
  }
  const text = kind === 'html' ? htmlToText(raw) : raw.replace(/\r\n?/g, '\n');
  // An empty file is a failure, not an empty article list: what it produced before must not be removed.
  if (!text.trim()) {
    throw new SogaError('EMPTY_DOCUMENT', `${source}: the file has no text`, { hint: 'check that the file was saved completely' });
  }
  return text;
}

/**
 * Text files arrive as staff's tools saved them: UTF-8 (with or without BOM), UTF-16 (Windows
 * "Unicode", with a BOM or recognisable by its zero bytes) or Latin-1 / Windows-1252 (older French
 * tools). Null when the bytes are not text in any of these, whatever the file's name.
 */
export function decodeText(bytes: Buffer): string | null {
  const text = decodeAny(bytes);
  return text !== null && looksLikeText(text) ? text : null;
}

function decodeAny(bytes: Buffer): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const sample = bytes.subarray(0, 8192);
  const utf16 = utf16Order(sample);
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  if (sample.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: Windows-1252 text is mostly ASCII with a few accented letters; bytes that are
    // mostly high are something else (an image, an archive).
  }
  const high = sample.reduce((n, b) => n + (b >= 0x80 ? 1 : 0), 0);
  return high > sample.length * 0.3 ? null : decodeWindows1252(bytes);
}

/** 0x80–0x9F in Windows-1252 (Latin-1 has control codes there); Node's decoder reads them as Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/** Control characters (other than tab, line and page breaks) are rare in any text. */
function looksLikeText(text: string): boolean {
  const sample = text.slice(0, 8192);
  // eslint-disable-next-line no-control-regex -- counting control characters is the point of this test
  const control = sample.match(/[\u0000-\u0008\u000B\u000E-\u001F\uFFFD]/g)?.length ?? 0;
  return control <= sample.length * 0.01;
}

/** UTF-16 without a BOM: in Latin-script text, one byte of nearly every pair is zero. */
function utf16Order(sample: Buffer): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return null;
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0 && sample[i + 1] !== 0) zeroEven++;
    if (sample[i + 1] === 0 && sample[i] !== 0) zeroOdd++;
  }
  if (zeroOdd > pairs * 0.6 && zeroEven < pairs * 0.05) return 'utf-16le';
  if (zeroEven > pairs * 0.6 && zeroOdd < pairs * 0.05) return 'utf-16be';
  return null;
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
    const info = await parser.getInfo();
    return withPdfMetadata(text, pdfMetadata(info.info, info.metadata));
  } catch (cause) {
    if (cause instanceof SogaError) throw cause;
    // pdf.js hands its errors over as plain Errors: a blown stack keeps only its message.
    if (cause instanceof RangeError || /maximum call stack/i.test(String((cause as Error)?.message))) {
      throw new SogaError('FILE_TOO_COMPLEX', `${source}: the PDF is nested too deeply to read`, { cause, hint: 'export a simpler copy of the document' });
    }
    // By class, or by name when pdf.js's exception comes from another copy of its module (the worker).
    if (cause instanceof PasswordException || (cause as Error)?.name === 'PasswordException') {
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

/** What a PDF says about itself, when it says it: its title and the address where it can be read. */
export interface PdfMetadata {
  title?: string;
  url?: string;
}

// Titles that authoring tools write for the author: a file name ("Microsoft Word - rapport.docx") or a placeholder.
const TOOL_TITLE = /(?:\.(?:docx?|odt|pdf|pptx?|indd|rtf|txt|pages)\s*$)|^(?:untitled|sans titre|unbenannt|sin título|senza titolo|sem título|naamloos|document\s*\d*|titre|title)$/i;

/**
 * The title from the Info dictionary (else XMP `dc:title`) unless a tool wrote it; the address from
 * XMP (`prism:url`, `dc:identifier`, `dc:source`, `xmp:baseurl`) or an Info `URL` entry, http(s) only.
 */
export function pdfMetadata(info: unknown, xmp: { get(name: string): unknown } | null | undefined): PdfMetadata {
  const dict = info && typeof info === 'object' ? (info as Record<string, unknown>) : {};
  // pdf.js gives an XMP list (a title's rdf:Alt languages) as an array: its first entry is the default.
  const text = (value: unknown): string => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : Array.isArray(value) ? text(value[0]) : '');
  const fromXmp = (name: string) => {
    try {
      return text(xmp?.get(name));
    } catch {
      // A malformed XMP packet is no title: the text is what matters.
      return '';
    }
  };
  const titles = [text(dict.Title), fromXmp('dc:title')].map((t) => t.replace(/^Microsoft (?:Word|PowerPoint) - /, ''));
  const title = titles.find((t) => t.length >= 3 && t.length <= 200 && !TOOL_TITLE.test(t));
  const url = [fromXmp('prism:url'), fromXmp('dc:identifier'), fromXmp('dc:source'), fromXmp('xmp:baseurl'), text(dict.URL), text(dict.Url)].find((u) => isHttpUrl(u));
  return { ...(title ? { title } : {}), ...(url ? { url } : {}) };
}

/**
 * The PDF's text with its metadata where the rest of ingestion reads it: the title as the first
 * heading (segmentation titles the article by it) unless the text opens with it already, the address
 * as front matter (`url:`, as in Markdown files).
 */
export function withPdfMetadata(text: string, meta: PdfMetadata): string {
  const first = text.trim().split('\n', 1)[0] ?? '';
  const same = (a: string, b: string) => a.toLowerCase().replace(/\W+/g, '') === b.toLowerCase().replace(/\W+/g, '');
  const heading = meta.title && !same(first, meta.title) ? `# ${meta.title}\n\n` : '';
  const front = meta.url ? `---\nurl: ${meta.url}\n---\n` : '';
  return `${front}${heading}${text}`;
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
    if (node.nodeType === NodeType.TEXT_NODE) {
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
  const text = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  // A page without an <h1> still has a title: take <title> as the document title.
  const title = root.querySelector('title')?.text.trim();
  if (title && !/^# /m.test(text)) return `# ${title}\n\n${text}`;
  return text;
}
