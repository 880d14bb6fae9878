/**
 * Builds small PDFs by hand (no PDF library in the test environment): a text page with correct
 * cross-reference offsets, optionally with an /Encrypt dictionary in the trailer.
 */

function escapePdfString(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)');
}

/** Text of the valid test PDF: a made-up name to search for, and accents (Latin-1) to fold. */
export const VALID_PDF_LINES = ['Rapport annuel 2024 du Social Good Accelerator', "La coopérative Zéphyrine finance les communs de l'économie sociale."];

export interface PdfOptions {
  /** Lines of text drawn on the single page (ASCII/Latin-1: the font uses WinAnsiEncoding). */
  lines: string[];
  /** Adds a Standard security handler /Encrypt dictionary whose /U does not match the empty password. */
  encrypted?: boolean;
  /** Entries of the document Info dictionary ({ Title: '…' }), Latin-1. */
  info?: Record<string, string>;
  /** An XMP packet (RDF/XML) attached to the catalog as its /Metadata stream. */
  xmp?: string;
}

/** A minimal XMP packet with the given properties ({ 'dc:title': '…', 'prism:url': '…' }). */
export function xmpPacket(properties: Record<string, string>): string {
  const props = Object.entries(properties)
    .map(([name, value]) => (name === 'dc:title' ? `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${value}</rdf:li></rdf:Alt></dc:title>` : `<${name}>${value}</${name}>`))
    .join('');
  return `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">${props}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
}

export function buildPdf(options: PdfOptions): Buffer {
  const content = ['BT', '/F1 12 Tf', '14 TL', '72 720 Td', ...options.lines.map((line) => `(${escapePdfString(line)}) Tj T*`), 'ET'].join('\n');
  const objects: string[] = [
    `<< /Type /Catalog /Pages 2 0 R${options.xmp ? ' /Metadata 6 0 R' : ''} >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  if (options.xmp) objects.push(`<< /Type /Metadata /Subtype /XML /Length ${Buffer.byteLength(options.xmp, 'latin1')} >>\nstream\n${options.xmp}\nendstream`);
  if (options.info)
    objects.push(
      `<< ${Object.entries(options.info)
        .map(([k, v]) => `/${k} (${escapePdfString(v)})`)
        .join(' ')} >>`,
    );
  const infoRef = options.info ? ` /Info ${objects.length} 0 R` : '';
  if (options.encrypted) {
    const u = 'A5'.repeat(32);
    const o = '5A'.repeat(32);
    objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${o}> /U <${u}> /P -44 >>`);
  }
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  const encrypt = options.encrypted ? ` /Encrypt ${objects.length} 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]` : '';
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${infoRef}${encrypt} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
