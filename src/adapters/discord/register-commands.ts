/**
 * Registers the slash commands with Discord. Guild commands (DISCORD_GUILD_ID set) appear at once;
 * global ones can take up to an hour. Registering replaces the whole set, so it is safe to re-run.
 *
 *   npx tsx src/adapters/discord/register-commands.ts            # uses .env
 *   npx tsx src/adapters/discord/register-commands.ts --global   # ignore DISCORD_GUILD_ID
 */
import { pathToFileURL } from 'node:url';
import { REST, Routes, type RESTOptions } from 'discord.js';
import { SogaError, describeError } from '../../core/errors.js';
import { loadConfig } from '../../config/load.js';
import { buildCommands } from './commands.js';

export interface RegisterOptions {
  token: string;
  applicationId: string;
  /** Registers for this guild only; omit for global commands. */
  guildId?: string;
  allowDms: boolean;
  /** For tests: a REST API double. */
  rest?: Partial<RESTOptions>;
}

export async function registerCommands(options: RegisterOptions): Promise<{ scope: 'guild' | 'global'; names: string[] }> {
  const rest = new REST({ ...options.rest }).setToken(options.token);
  const body = buildCommands({ allowDms: options.allowDms });
  const route = options.guildId ? Routes.applicationGuildCommands(options.applicationId, options.guildId) : Routes.applicationCommands(options.applicationId);
  await rest.put(route, { body });
  return { scope: options.guildId ? 'guild' : 'global', names: body.map((c) => c.name) };
}

async function cli(argv: string[]): Promise<void> {
  const config = loadConfig();
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    throw new SogaError('CONFIG_INVALID', 'registering commands needs DISCORD_TOKEN and DISCORD_APPLICATION_ID. Set them in .env (see docs/discord.md).');
  }
  const result = await registerCommands({
    token: config.DISCORD_TOKEN,
    applicationId: config.DISCORD_APPLICATION_ID,
    guildId: argv.includes('--global') ? undefined : config.DISCORD_GUILD_ID,
    allowDms: config.DISCORD_ALLOW_DMS,
  });
  console.log(`registered ${result.scope} commands: ${result.names.map((n) => `/${n}`).join(', ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  cli(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`could not register the commands: ${describeError(error)}`);
    process.exitCode = 1;
  });
}
