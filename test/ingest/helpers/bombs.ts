/**
 * Hostile files, generated in the tests (none is stored in the repository): a Flate bomb, a PDF with
 * a huge page count, and documents nested far deeper than any real one.
 */
import { deflateSync } from 'node:zlib';

/** A PDF from its objects (object n is objects[n-1]), with correct cross-reference offsets. */
export function pdfFrom(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(length);
    const body = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof object === 'string' ? Buffer.from(object, 'latin1') : object, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(body);
    length += body.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';

/**
 * One page whose content stream is a few hundred KB of Flate data inflating to `inflatedMb` MB:
 * either text-drawing operators (pdf.js holds the stream and one text item per operator: slow) or
 * one string operand that long (pdf.js builds it in memory: large).
 */
export function flateBombPdf(inflatedMb: number, shape: 'operators' | 'string' = 'operators'): Buffer {
  const unit = Buffer.from(shape === 'operators' ? '(Lorem ipsum) Tj T*\n' : 'AAAAAAAAAAAAAAAA', 'latin1');
  const content = Buffer.alloc(inflatedMb * 1024 * 1024);
  for (let at = 0; at < content.length; at += unit.length) unit.copy(content, at);
  const [open, close] = shape === 'operators' ? ['BT /F1 12 Tf 14 TL 72 720 Td\n', '\nET'] : ['BT /F1 12 Tf 72 720 Td (', ') Tj ET'];
  const packed = deflateSync(Buffer.concat([Buffer.from(open), content, Buffer.from(close)]), { level: 9 });
  return pdfFrom([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    Buffer.concat([Buffer.from(`<< /Length ${packed.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), packed, Buffer.from('\nendstream', 'latin1')]),
    FONT,
  ]);
}

/** `pages` pages sharing one small content stream: a few MB on disk. */
export function manyPagesPdf(pages: number): Buffer {
  const content = "BT /F1 12 Tf 72 720 Td (Une page parmi beaucoup d'autres.) Tj ET";
  const first = 5;
  const kids = Array.from({ length: pages }, (_, i) => `${first + i} 0 R`).join(' ');
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`, FONT];
  for (let i = 0; i < pages; i++) objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>');
  return pdfFrom(objects);
}

/** A PDF whose page dictionary holds an array nested `depth` levels deep. */
export function deepPdf(depth: number): Buffer {
  const content = 'BT /F1 12 Tf 72 720 Td (Texte) Tj ET';
  return pdfFrom([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Junk ${'['.repeat(depth)}${']'.repeat(depth)} >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    FONT,
  ]);
}

/** HTML with `depth` nested elements around one sentence. */
export function deepHtml(depth: number): string {
  return `<html><body>${'<div>'.repeat(depth)}Un texte enfoui.${'</div>'.repeat(depth)}</body></html>`;
}
