/**
 * Start-up notices that one-shot commands say once, not on every call: `soga ask` run ten times must
 * not print "no embedding model" ten times. What was said is remembered in the data folder, keyed by
 * what the notice is about, so a different cause (another model, another failure) is said again.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeError } from '../core/errors.js';
import { writeFileAtomically } from '../infra/atomic-file.js';

export interface Notices {
  /** Logs `message` unless a notice with this key was already said. */
  say(key: string, message: string): Promise<void>;
}

/** Says every notice (long-running processes: once per start). */
export function everyTime(log: (m: string) => void): Notices {
  return { say: async (_key, message) => log(message) };
}

export function rememberedIn(dataDir: string, log: (m: string) => void): Notices {
  const file = path.join(dataDir, 'notices-said.json');
  return {
    async say(key, message) {
      let said: string[] = [];
      try {
        said = JSON.parse(await readFile(file, 'utf8')) as string[];
      } catch (error) {
        // No file yet (or a damaged one, rewritten below): nothing was said.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
      }
      if (Array.isArray(said) && said.includes(key)) return;
      try {
        await mkdir(dataDir, { recursive: true });
        await writeFileAtomically(file, JSON.stringify([...(Array.isArray(said) ? said : []), key]));
        log(message);
      } catch (error) {
        log(`${message} (said on every command: ${file} cannot be written: ${describeError(error)})`);
      }
    },
  };
}
