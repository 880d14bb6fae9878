/** Reads prompts/ once at start-up: the templates and the locale catalogs. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { PromptTemplates } from '../core/ask.js';
import { Messages, type Catalogs } from '../core/i18n.js';

export async function loadPrompts(dir: string): Promise<PromptTemplates> {
  const read = (name: string) => readFile(path.join(dir, name), 'utf8');
  // answer-json.md came later than the others: a prompts folder made before it still works, with
  // text answers (ask() asks for JSON only when it has this template).
  const optional = (name: string) => read(name).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
  const [system, answer, condense, answerJson] = await Promise.all([read('system.md'), read('answer.md'), read('condense.md'), optional('answer-json.md')]);
  return { system, answer, condense, ...(answerJson === undefined ? {} : { answerJson }) };
}

export async function loadMessages(dir: string): Promise<Messages> {
  const localeDir = path.join(dir, 'locales');
  const catalogs: Catalogs = {};
  for (const file of (await readdir(localeDir)).filter((f) => f.endsWith('.json'))) {
    catalogs[path.basename(file, '.json')] = JSON.parse(await readFile(path.join(localeDir, file), 'utf8')) as Record<string, string>;
  }
  return new Messages(catalogs, 'en');
}
