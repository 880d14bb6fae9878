import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerWebCommands } from '../../../src/adapters/cli/web-command.js';
import { AdminCredentials } from '../../../src/adapters/web/admin-auth.js';
import { parseConfig } from '../../../src/config/load.js';

async function hashPassword(input: string): Promise<string> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let printed = '';
  stdout.on('data', (d) => (printed += d));
  const program = new Command('soga').exitOverride();
  registerWebCommands(program, () => ({ stdin, stdout, stderr: new PassThrough() }));
  stdin.end(input);
  await program.parseAsync(['node', 'soga', 'web', 'hash-password']);
  return printed;
}

describe('soga web hash-password', () => {
  it('prints a SOGA_ADMIN_PASSWORD_HASH that the configuration accepts and that verifies the passphrase', async () => {
    const printed = await hashPassword('correct horse battery staple\n');
    const [name, value] = printed.trim().split(/=(.*)/s);
    expect(name).toBe('SOGA_ADMIN_PASSWORD_HASH');
    const config = parseConfig({ SOGA_ADMIN_PASSWORD_HASH: value });
    const credentials = new AdminCredentials({ passwordHash: config.SOGA_ADMIN_PASSWORD_HASH });
    expect(credentials.verify('correct horse battery staple')).toBe(true);
    expect(credentials.verify('correct horse battery')).toBe(false);
  });

  it('refuses a weak passphrase and prints nothing', async () => {
    await expect(hashPassword('a\n')).rejects.toThrow(/too weak/);
  });
});
