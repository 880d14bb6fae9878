/**
 * Writes .env.example from the config schema: every variable, its default, and the comment written
 * above it in src/config/*.ts. Run `npm run env:example` after adding a variable; a test checks that
 * .env.example lists every variable of the schema.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { configSchema } from '../src/config/schema.js';

const SECTIONS: [string, RegExp][] = [
  ['Corpus, index and answering engine', /^SOGA_(?!WEB|ADMIN|LOG_(?!LEVEL)|UPLOAD)/],
  ['Discord bot (runs when DISCORD_TOKEN is set) — see docs/discord.md', /^DISCORD_/],
  ['Matrix bot (runs when MATRIX_HOMESERVER_URL is set) — see docs/matrix.md', /^MATRIX_/],
  ['Answer log and admin web — see docs/admin-web.md', /^SOGA_(WEB|ADMIN|LOG_|UPLOAD)/],
];

function comments(): Map<string, string> {
  const out = new Map<string, string>();
  const dir = 'src/config';
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    for (const m of text.matchAll(/\/\*\*((?:(?!\*\/|\/\*\*)[\s\S])*)\*\/\s*\n\s*([A-Z][A-Z0-9_]+):/g)) {
      out.set(
        m[2],
        m[1]
          .split('\n')
          .map((l) => l.replace(/^\s*\*\s?/, '').trim())
          .filter(Boolean)
          .join(' '),
      );
    }
    for (const m of text.matchAll(/\n\s*\/\/\s*(.+)\n\s*([A-Z][A-Z0-9_]+):/g)) if (!out.has(m[2])) out.set(m[2], m[1].trim());
  }
  return out;
}

const defaults = configSchema.parse({}) as Record<string, unknown>;
/** A default is a string, number or boolean (arrays are joined above): written as dotenv reads it back. */
const scalar = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));
const docs = comments();
const keys = Object.keys(configSchema.shape);
const lines = [
  '# SOGA Assistant configuration. Copy to .env and edit; the real environment wins over .env.',
  '# Generated from src/config/*.ts by `npm run env:example`: every variable with its default.',
  '',
];
const done = new Set<string>();
for (const [title, pattern] of SECTIONS) {
  const section = keys.filter((k) => pattern.test(k) && !done.has(k));
  if (!section.length) continue;
  lines.push(`# ─── ${title} ───`, '');
  for (const key of section) {
    done.add(key);
    const value = defaults[key];
    const raw = value === undefined ? '' : Array.isArray(value) ? value.join(',') : scalar(value);
    // dotenv trims unquoted values: keep meaningful spaces ("query: ") inside quotes.
    const shown = raw !== raw.trim() ? JSON.stringify(raw) : raw;
    const doc = docs.get(key);
    if (doc) lines.push(...doc.match(/.{1,98}(\s|$)/g)!.map((l) => `# ${l.trim()}`));
    lines.push(`${value === undefined ? '# ' : ''}${key}=${shown}`, '');
  }
}
for (const key of keys.filter((k) => !done.has(k))) lines.push(`${key}=${scalar(defaults[key] ?? '')}`);
writeFileSync('.env.example', `${lines.join('\n').trim()}\n`);
process.stdout.write(`wrote .env.example (${keys.length} variables)\n`);
