/**
 * Writes a FreeDict pair in the dictd format (an index of base-64 offsets, a gzip entries file), for
 * tests of the dictionary reader and of the runtime that uses it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b64 = (n: number): string => (n < 64 ? B64[n] : b64(Math.floor(n / 64)) + B64[n % 64]);

/** `pair` as in the file names ("deu-fra"); `entries`: headword → the entry's text after its headword line. */
export function writeDictdPair(dir: string, pair: string, entries: Record<string, string>): void {
  let dict = '00-database-info\nA test dictionary.\n\n';
  const index = [`00-database-info\t${b64(0)}\t${b64(dict.length)}`];
  for (const [headword, body] of Object.entries(entries).sort(([a], [b]) => a.localeCompare(b))) {
    const entry = `${headword} /x/\n${body}\n\n`;
    // Like dictd's own indexes: the headword lower-cased and stripped of punctuation ("porteparole").
    const indexed = headword.toLowerCase().replace(/[^\p{L}\p{N} ]+/gu, '');
    index.push(`${indexed}\t${b64(Buffer.byteLength(dict))}\t${b64(Buffer.byteLength(entry))}`);
    dict += entry;
  }
  writeFileSync(path.join(dir, `freedict-${pair}.index`), `${index.join('\n')}\n`);
  writeFileSync(path.join(dir, `freedict-${pair}.dict.dz`), gzipSync(Buffer.from(dict)));
}
