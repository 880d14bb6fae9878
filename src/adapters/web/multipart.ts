/**
 * A minimal multipart/form-data parser for the document upload form. The body is already bounded by
 * the upload limit, so parsing a Buffer is enough; no temporary files are written.
 */
import { SogaError } from '../../core/errors.js';

export interface MultipartFile {
  field: string;
  /** As the browser sent it: untrusted, never used as a path. */
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface MultipartBody {
  fields: Map<string, string>;
  files: MultipartFile[];
}

export function boundaryOf(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return null;
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  return boundary && boundary.length <= 200 ? boundary : null;
}

function param(header: string, name: string): string | undefined {
  const m = new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(header) ?? new RegExp(`;\\s*${name}=([^;\\s]+)`, 'i').exec(header);
  return m?.[1]?.replace(/\\(.)/g, '$1');
}

export function parseMultipart(body: Buffer, boundary: string): MultipartBody {
  const delimiter = Buffer.from(`--${boundary}`);
  const fields = new Map<string, string>();
  const files: MultipartFile[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new SogaError('UNREADABLE_FILE', 'malformed multipart body: no boundary');
  while (true) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === '--') break; // closing delimiter
    if (body.subarray(pos, pos + 2).toString() !== '\r\n') throw new SogaError('UNREADABLE_FILE', 'malformed multipart body');
    pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) throw new SogaError('UNREADABLE_FILE', 'malformed multipart body: part headers not terminated');
    const headers = body.subarray(pos, headerEnd).toString('utf8').split('\r\n');
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) throw new SogaError('UNREADABLE_FILE', 'malformed multipart body: part not terminated');
    const data = body.subarray(headerEnd + 4, next);
    const disposition = headers.find((h) => /^content-disposition:/i.test(h)) ?? '';
    const type = headers.find((h) => /^content-type:/i.test(h))?.split(':')[1]?.trim() ?? 'application/octet-stream';
    const name = param(disposition, 'name');
    const filename = param(disposition, 'filename');
    if (name !== undefined) {
      if (filename !== undefined) files.push({ field: name, filename, contentType: type, data: Buffer.from(data) });
      else fields.set(name, data.toString('utf8'));
    }
    pos = next + 2;
  }
  return { fields, files };
}
