/**
 * `soga web hash-password`: prints SOGA_ADMIN_PASSWORD_HASH for a passphrase read from the terminal
 * (not echoed) or from standard input, so the clear password need not sit in .env. The passphrase must
 * pass the same strength rule as SOGA_ADMIN_PASSWORD.
 */
import type { Command } from 'commander';
import { SECRET_FIX, weakSecretReason } from '../../config/secret-strength.js';
import { SogaError } from '../../core/errors.js';
import { hashAdminPassword } from '../web/index.js';

export interface WebCommandDeps {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Reads one line from a terminal without echoing it. */
function readHidden(deps: WebCommandDeps, prompt: string): Promise<string> {
  const { stdin, stderr } = deps;
  stderr.write(prompt);
  stdin.setRawMode?.(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (error?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003' || ch === '\u0004') return done(new SogaError('CONFIG_INVALID', 'cancelled: no hash printed'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** The first line of a piped standard input. */
async function readFirstLine(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += chunk.toString();
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

export function registerWebCommands(program: Command, deps: () => WebCommandDeps): void {
  const web = program.command('web').description('the admin web');
  web
    .command('hash-password')
    .description('print SOGA_ADMIN_PASSWORD_HASH for a passphrase typed (not shown) or piped on standard input')
    .action(async () => {
      const d = deps();
      const password = d.stdin.isTTY ? await readHidden(d, 'Admin passphrase (not shown): ') : await readFirstLine(d.stdin);
      const reason = weakSecretReason(password);
      if (reason) throw new SogaError('CONFIG_INVALID', `that passphrase is too weak: ${reason}; ${SECRET_FIX}`);
      d.stdout.write(`SOGA_ADMIN_PASSWORD_HASH=${hashAdminPassword(password)}\n`);
    });
}
