/**
 * Parses the configuration once. An invalid value fails start-up with a message naming the variable
 * and how to fix it (in the spirit of the AI SDK's loadSetting).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { SogaError } from '../core/errors.js';
import { createRedactor, type Redactor } from '../core/redact.js';
import { shardSettingsProblem } from './discord.js';
import { SECRET_VARIABLES, settingsSchema, type RawConfig } from './schema.js';

export type Config = RawConfig;

/** `.env` fills in what the real environment does not set; the real environment wins. */
export function readEnvironment(env: NodeJS.ProcessEnv, dotenvPath = '.env'): Record<string, string | undefined> {
  const fromFile = existsSync(dotenvPath) ? parseDotenv(readFileSync(dotenvPath)) : {};
  return { ...fromFile, ...env };
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = settingsSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '?');
      const value = env[name];
      const shown = value === undefined ? '(unset)' : (SECRET_VARIABLES as readonly string[]).includes(name) ? `(hidden, ${value.length} characters)` : JSON.stringify(value);
      return `  ${name}=${shown}: ${issue.message}. Fix it in .env or the environment (see .env.example).`;
    });
    throw new SogaError('CONFIG_INVALID', `invalid configuration:\n${lines.join('\n')}`);
  }
  const config = result.data;
  if (config.SOGA_LLM_PROVIDER === 'openai' && !config.SOGA_LLM_BASE_URL && !config.SOGA_LLM_API_KEY) {
    throw new SogaError(
      'CONFIG_INVALID',
      'SOGA_LLM_PROVIDER=openai needs SOGA_LLM_API_KEY (hosted API) or SOGA_LLM_BASE_URL (a local OpenAI-compatible server). Set one in .env, or set SOGA_LLM_PROVIDER=none for extractive answers.',
    );
  }
  if (config.SOGA_LLM_PROVIDER === 'local' && !config.SOGA_LLM_MODEL_PATH) {
    throw new SogaError(
      'CONFIG_INVALID',
      'SOGA_LLM_PROVIDER=local needs SOGA_LLM_MODEL_PATH, the GGUF model file (scripts/provision-local-llm.sh fetches a small one; see docs/local-llm.md). Set it in .env.',
    );
  }
  if ((config.SOGA_LLM_PROVIDER === 'openai' || config.SOGA_LLM_PROVIDER === 'ollama') && !config.SOGA_LLM_MODEL) {
    throw new SogaError('CONFIG_INVALID', `SOGA_LLM_PROVIDER=${config.SOGA_LLM_PROVIDER} needs SOGA_LLM_MODEL (e.g. gpt-4o-mini, mistral-small, llama3.1). Set it in .env.`);
  }
  const shards = shardSettingsProblem(config);
  if (shards) throw new SogaError('CONFIG_INVALID', shards);
  return config;
}

/** Redacts the configured secrets (and credential-shaped values) from text bound for stderr or logs. */
export function secretRedactor(config: Config): Redactor {
  return createRedactor([...SECRET_VARIABLES.map((name) => config[name]), databasePassword(config.SOGA_DATABASE_URL)]);
}

/** The password of a database URL, decoded: a driver's error may quote it without the rest of the URL. */
function databasePassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

/** Reads the environment and `.env` and returns the parsed value; changes nothing (main sets what native modules read). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseConfig(readEnvironment(env));
}

/**
 * LanceDB's native logger reads its level from the environment when the module loads: set it before
 * that (its warnings, "No existing dataset…", are noise unless debug output was asked for). The one
 * place outside parsing that writes the environment, kept here with the rest of what touches it.
 */
export function setNativeLogLevel(config: Pick<Config, 'SOGA_LOG_LEVEL'>, env: NodeJS.ProcessEnv = process.env): void {
  env.LANCEDB_LOG ??= config.SOGA_LOG_LEVEL === 'debug' ? 'info' : 'error';
}
