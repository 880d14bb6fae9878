/**
 * Writes a file whole or not at all: to a temporary name unique to this writer, then renamed over the
 * target. A reader (the bot beside the web upload, a second container on the same volume) sees the old
 * file or the new one, never half of one, and two writers never share a temporary file.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';

export async function writeFileAtomically(file: string, data: string): Promise<void> {
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (error) {
    // A full disk leaves no stray temporary file behind.
    await rm(tmp, { force: true });
    throw error;
  }
}
