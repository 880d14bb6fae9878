/**
 * Loading files as staff hand them over: supported formats give text, anything else fails with a
 * SogaError whose code says what is wrong and whose message names the file.
 */
import { mkdir, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, loadFile } from '../../ingest/load.js';
import { SogaError, type SogaErrorCode } from '../../src/core/errors.js';
import { buildPdf, VALID_PDF_LINES, xmpPacket } from './helpers/pdf.js';
import { parser, TempDirs } from './helpers/env.js';

const temp = new TempDirs();
let dir: string;

beforeAll(async () => {
  dir = await temp.make('soga-load-');
});
afterAll(() => temp.removeAll());

async function put(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

/** Loads `name` and returns the SogaError it must fail with. */
async function failure(name: string, options = { maxBytes: 1_000_000, parser }): Promise<SogaError> {
  const error = await loadFile(path.join(dir, name), name, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `${name} should fail`).toBeInstanceOf(SogaError);
  return error as SogaError;
}

function expectFailure(error: SogaError, code: SogaErrorCode, name: string): void {
  expect(error.code).toBe(code);
  expect(error.message).toContain(name);
}

describe('supported files are read as text', () => {
  it('reads Markdown as it is, without a BOM and with Unix line ends', async () => {
    await put('note.md', '\uFEFF# Titre\r\n\r\nUn paragraphe.\r\n');
    const loaded = await loadFile(path.join(dir, 'note.md'), 'note.md', { maxBytes: 1000, parser });
    expect(loaded).toEqual({ source: 'note.md', kind: 'markdown', text: '# Titre\n\nUn paragraphe.\n' });
  });

  it('reads HTML into text with Markdown headings', async () => {
    await put('page.htm', '<html><body><h1>Titre</h1><p>Un <em>paragraphe</em>.</p></body></html>');
    const loaded = await loadFile(path.join(dir, 'page.htm'), 'page.htm', { maxBytes: 1000, parser });
    expect(loaded.kind).toBe('html');
    expect(loaded.text).toBe('# Titre\n\nUn paragraphe.');
  });

  it('extracts the text of a valid PDF', async () => {
    await put('rapport.pdf', buildPdf({ lines: VALID_PDF_LINES }));
    const loaded = await loadFile(path.join(dir, 'rapport.pdf'), 'rapport.pdf', { maxBytes: 100_000, parser });
    expect(loaded.kind).toBe('pdf');
    expect(loaded.text.trim().split('\n')).toEqual(VALID_PDF_LINES);
  });

  it('titles a PDF by its Info dictionary and links it by its XMP address, the text unchanged below', async () => {
    const xmp = xmpPacket({ 'prism:url': 'https://example.org/rapports/jardins-partages' });
    await put('scan-0042.pdf', buildPdf({ lines: ['Les jardins partagés de Roubaix comptent 40 parcelles.'], info: { Title: 'Bilan des jardins partagés 2024' }, xmp }));
    const loaded = await loadFile(path.join(dir, 'scan-0042.pdf'), 'scan-0042.pdf', { maxBytes: 100_000, parser });
    expect(loaded.url).toBe('https://example.org/rapports/jardins-partages');
    expect(loaded.text.trim().split('\n').filter(Boolean)).toEqual(['# Bilan des jardins partagés 2024', 'Les jardins partagés de Roubaix comptent 40 parcelles.']);
  });

  it('takes the XMP title when the Info dictionary has only a tool’s file name, and no link that is not http(s)', async () => {
    const xmp = xmpPacket({ 'dc:title': 'Compte rendu du conseil cooperatif', 'dc:source': 'file:///C:/Users/x/cr.docx' });
    await put('cr.pdf', buildPdf({ lines: ['Le conseil a voté le budget.'], info: { Title: 'Microsoft Word - cr_conseil_v3.docx' }, xmp }));
    const loaded = await loadFile(path.join(dir, 'cr.pdf'), 'cr.pdf', { maxBytes: 100_000, parser });
    expect(loaded.url).toBeUndefined();
    expect(loaded.text.trim().split('\n')[0]).toBe('# Compte rendu du conseil cooperatif');
  });

  it('adds no heading when the PDF opens with its title already', async () => {
    await put('same.pdf', buildPdf({ lines: VALID_PDF_LINES, info: { Title: VALID_PDF_LINES[0] } }));
    const loaded = await loadFile(path.join(dir, 'same.pdf'), 'same.pdf', { maxBytes: 100_000, parser });
    expect(loaded.text.trim().split('\n')).toEqual(VALID_PDF_LINES);
  });

  it('accepts upper-case extensions', async () => {
    await put('UPPER.TXT', 'Du texte.');
    expect((await loadFile(path.join(dir, 'UPPER.TXT'), 'UPPER.TXT', { maxBytes: 1000, parser })).kind).toBe('text');
  });
});

describe('text files are decoded from the encoding they were saved in', () => {
  const FRENCH = '# Économie sociale\n\nUne coopérative d’été à Besançon : « ça marche », dit-elle — 12 € par mois.\n';
  const read = async (name: string, bytes: Buffer) => (await loadFile(await put(name, bytes), name, { maxBytes: 100_000, parser })).text;

  it('reads UTF-8 with or without a BOM', async () => {
    expect(await read('utf8.md', Buffer.from(FRENCH))).toBe(FRENCH);
    expect(await read('utf8-bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FRENCH)]))).toBe(FRENCH);
  });

  it('reads Latin-1 / Windows-1252 without replacement characters', async () => {
    const text = 'Un texte en Latin-1 : économie, coopérative, été, « guillemets », 12 € (Windows-1252).';
    // '€' is 0x80 in Windows-1252 (Latin-1 has no euro sign).
    const cp1252 = Buffer.from(text.replace('€', '\u0080'), 'latin1');
    const decoded = await read('latin1.txt', cp1252);
    expect(decoded).toBe(text);
    expect(decoded).not.toContain('\uFFFD');
  });

  it('reads an accent-heavy Latin-1 upload instead of calling it binary', async () => {
    const text = 'Été à Évry : à côté, où ça ? Là-bas, déjà, très près, après. '.repeat(20);
    expect(await extractText(Buffer.from(text, 'latin1'), 'text', 'upload.txt')).toBe(text);
  });

  it('reads UTF-16 little- and big-endian, with a BOM or without', async () => {
    const le = Buffer.from(FRENCH, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(await read('le-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toBe(FRENCH);
    expect(await read('be-bom.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(FRENCH);
    expect(await read('le.txt', le)).toBe(FRENCH);
    expect(await read('be.txt', be)).toBe(FRENCH);
    expect(await extractText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<h1>Titre</h1><p>Texte accentué.</p>', 'utf16le')]), 'html', 'page.html')).toBe('# Titre\n\nTexte accentué.');
  });
});

describe('bad input fails with a clear code and a message naming the file', () => {
  it('refuses an empty file (EMPTY_DOCUMENT), whatever its type', async () => {
    for (const name of ['empty.md', 'empty.txt', 'empty.html', 'empty.pdf']) {
      await put(name, '');
      expectFailure(await failure(name), 'EMPTY_DOCUMENT', name);
    }
  });

  it('refuses a file with only white space or an HTML page without text (EMPTY_DOCUMENT)', async () => {
    await put('blank.txt', ' \n\n\t \r\n');
    expectFailure(await failure('blank.txt'), 'EMPTY_DOCUMENT', 'blank.txt');
    await put('scripts-only.html', '<html><head><script>var x = 1;</script></head><body><nav>Menu</nav></body></html>');
    expectFailure(await failure('scripts-only.html'), 'EMPTY_DOCUMENT', 'scripts-only.html');
  });

  it('refuses a password-protected PDF (ENCRYPTED_PDF)', async () => {
    await put('locked.pdf', buildPdf({ lines: ['Confidentiel'], encrypted: true }));
    const error = await failure('locked.pdf');
    expectFailure(error, 'ENCRYPTED_PDF', 'locked.pdf');
    expect(error.message).toMatch(/password/i);
    expect(error.hint).toMatch(/unprotected/);
  });

  it('refuses a truncated PDF (INVALID_PDF) with a hint that it is damaged', async () => {
    const whole = buildPdf({ lines: VALID_PDF_LINES });
    await put('cut.pdf', whole.subarray(0, Math.floor(whole.length / 2)));
    const error = await failure('cut.pdf');
    expectFailure(error, 'INVALID_PDF', 'cut.pdf');
    expect(error.hint).toMatch(/damaged or truncated/);
  });

  it('refuses HTML or text named .pdf (INVALID_PDF)', async () => {
    await put('page.pdf', '<!doctype html><html><body><p>Not a PDF</p></body></html>');
    const html = await failure('page.pdf');
    expectFailure(html, 'INVALID_PDF', 'page.pdf');
    expect(html.hint).toMatch(/HTML or text/);
    await put('notes.pdf', 'Juste du texte dans un fichier .pdf');
    expectFailure(await failure('notes.pdf'), 'INVALID_PDF', 'notes.pdf');
  });

  it('refuses binary data named .md or .txt (BINARY_CONTENT)', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(64, 7)]);
    await put('image.md', png);
    expectFailure(await failure('image.md'), 'BINARY_CONTENT', 'image.md');
    // No NUL byte, but mostly invalid UTF-8.
    const latinNoise = Buffer.from(Array.from({ length: 400 }, (_, i) => 0x80 + (i % 64)));
    await put('noise.txt', latinNoise);
    expectFailure(await failure('noise.txt'), 'BINARY_CONTENT', 'noise.txt');
  });

  it('refuses an unsupported extension (UNSUPPORTED_FILE_TYPE) and lists what is supported', async () => {
    await put('rapport.docx', 'PK\u0003\u0004 fake docx');
    const error = await failure('rapport.docx');
    expectFailure(error, 'UNSUPPORTED_FILE_TYPE', 'rapport.docx');
    expect(error.message).toContain('.docx');
    expect(error.hint).toContain('.md');
    await put('no-extension', 'texte');
    expect((await failure('no-extension')).code).toBe('UNSUPPORTED_FILE_TYPE');
  });

  it('refuses a file over the size limit before reading it (FILE_TOO_LARGE)', async () => {
    const file = await put('huge.txt', '');
    await truncate(file, 2_000_001);
    const error = await failure('huge.txt', { maxBytes: 2_000_000, parser });
    expectFailure(error, 'FILE_TOO_LARGE', 'huge.txt');
    expect(error.message).toContain('2000001');
    expect(error.hint).toMatch(/SOGA_MAX_FILE_BYTES/);
  });

  it('refuses a missing file (UNREADABLE_FILE)', async () => {
    expectFailure(await failure('does-not-exist.md'), 'UNREADABLE_FILE', 'does-not-exist.md');
  });
});

describe('uploads are checked from their bytes', () => {
  it('gives the same codes through extractText', async () => {
    const codeOf = (bytes: Buffer, kind: 'pdf' | 'markdown') =>
      extractText(bytes, kind, 'upload').then(
        () => 'ok',
        (e: SogaError) => e.code,
      );
    expect(await codeOf(Buffer.from('<html></html>'), 'pdf')).toBe('INVALID_PDF');
    expect(await codeOf(buildPdf({ lines: ['x'], encrypted: true }), 'pdf')).toBe('ENCRYPTED_PDF');
    expect(await codeOf(Buffer.from([1, 2, 0, 3]), 'markdown')).toBe('BINARY_CONTENT');
    expect(await codeOf(Buffer.alloc(0), 'markdown')).toBe('EMPTY_DOCUMENT');
    expect(await codeOf(buildPdf({ lines: [] }), 'pdf')).toBe('EMPTY_DOCUMENT');
    expect(await codeOf(Buffer.from('# Titre\n\nTexte.'), 'markdown')).toBe('ok');
  });
});
