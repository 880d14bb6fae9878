/** Reads prompts/ once at start-up: the templates and the locale catalogs. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { PromptTemplates } from '../core/ask.js';
import { Messages, type Catalogs } from '../core/i18n.js';

export async function loadPrompts(dir: string): Promise<PromptTemplates> {
  const read = (name: string) => readFile(path.join(dir, name), 'utf8');
  const [system, answer, condense] = await Promise.all([read('system.md'), read('answer.md'), read('condense.md')]);
  return { system, answer, condense };
}

export async function loadMessages(dir: string): Promise<Messages> {
  const localeDir = path.join(dir, 'locales');
  const catalogs: Catalogs = {};
  for (const file of (await readdir(localeDir)).filter((f) => f.endsWith('.json'))) {
    catalogs[path.basename(file, '.json')] = JSON.parse(await readFile(path.join(localeDir, file), 'utf8')) as Record<string, string>;
  }
  return new Messages(catalogs, 'en');
}
