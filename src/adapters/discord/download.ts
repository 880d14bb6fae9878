/**
 * Downloads an attachment without trusting its declared size: the body is read in chunks and the
 * download is aborted as soon as it exceeds the cap, so a huge (or lying) file never fills memory.
 */
import { SogaError } from '../../core/errors.js';

export async function downloadWithCap(url: string, maxBytes: number, signal?: AbortSignal): Promise<Buffer> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: controller.signal, redirect: 'follow' });
    } catch (error) {
      throw new SogaError('UNREADABLE_FILE', `could not download the attachment: ${String(error)}`, { cause: error });
    }
    if (!response.ok || !response.body) {
      throw new SogaError('UNREADABLE_FILE', `could not download the attachment: HTTP ${response.status}`);
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      controller.abort();
      throw new SogaError('FILE_TOO_LARGE', `the file is ${declared} bytes; the limit is ${maxBytes}`);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    // Node's fetch types the body's chunks as any; they are bytes.
    const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        controller.abort();
        throw new SogaError('FILE_TOO_LARGE', `the file is larger than the limit of ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
