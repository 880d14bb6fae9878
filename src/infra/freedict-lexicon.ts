/**
 * Bilingual dictionaries in the dictd format that FreeDict publishes (Debian: `dict-freedict-deu-fra`
 * and friends, installed by scripts/install-dictionaries.sh into /usr/share/dictd). A pair's files
 * are `freedict-<from>-<to>.index` (headword, offset, length: offsets in dictd's base-64) and
 * `freedict-<from>-<to>.dict.dz` (gzip). A pair is read on the first question that needs it and kept.
 *
 * Headwords are looked up by their stem in the source language, so that "Mitglieder" finds
 * "Mitglied"; an entry's translations are its first line after the headword and its numbered senses
 * (the later lines of many entries are definitions in the source language, not translations).
 */
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { describeError, SogaError } from '../core/errors.js';
import type { Lexicon } from '../core/ports.js';
import { writeFileAtomically } from './atomic-file.js';
import type { LanguageCode } from '../core/types.js';
import { stem } from '../core/text/analyzer.js';
import { normalizeText } from '../core/text/normalize.js';
import { infinitiveCandidates, splitCompound } from '../core/text/word-forms.js';

/**
 * ISO 639-1 (the assistant's codes) to ISO 639-3 (FreeDict's file names): the languages whose pairs are
 * read when their files are in the folder (scripts/install-dictionaries.sh says which it installs).
 */
const ISO3: Record<string, string> = {
  bg: 'bul',
  cs: 'ces',
  da: 'dan',
  de: 'deu',
  el: 'ell',
  en: 'eng',
  es: 'spa',
  fi: 'fin',
  fr: 'fra',
  hr: 'hrv',
  hu: 'hun',
  it: 'ita',
  nl: 'nld',
  pl: 'pol',
  pt: 'por',
  sk: 'slk',
  sl: 'slv',
  sv: 'swe',
};

/** Translations kept per word: the first senses; later ones are rarer and add noise to a query. */
export const MAX_TRANSLATIONS = 4;
/** Longer translations are explanations, not words to look for. */
const MAX_WORDS = 3;

/**
 * Part of the cache file's name, with the limits above: bumped when entryTranslations(), the keys or
 * the tables change. (A new stemmer release can also change keys: delete SOGA_DATA_DIR/dictionaries.)
 */
const PARSER_VERSION = 3;
const CACHE_VERSION = `v${PARSER_VERSION}-${MAX_TRANSLATIONS}-${MAX_WORDS}`;

/** Entries handled between two yields to the event loop: the chat adapters answer their events meanwhile. */
const SLICE = 2000;
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Larger dictionaries are not loaded (see load()). */
export const DEFAULT_MAX_INDEX_BYTES = 4_000_000;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeNumber(text: string): number {
  let n = 0;
  for (const c of text) {
    const v = B64.indexOf(c);
    if (v < 0) return NaN;
    n = n * 64 + v;
  }
  return n;
}

/**
 * The headword as the entry writes it ("porte-parole", "aujourd'hui"): the index keeps a stripped,
 * lower-cased form ("porteparole") that no article uses.
 */
export function entryHeadword(entry: string): string {
  const first = entry.split('\n', 1)[0] ?? '';
  return first.replace(/\s+[/<[].*$/, '').trim();
}

/** The translations of one dictd entry (its text after the headword line). */
export function entryTranslations(entry: string): string[] {
  const lines = entry
    .split('\n')
    .slice(1)
    .map((l) => l.trim())
    .filter(Boolean);
  const senses = lines.filter((l, i) => i === 0 || /^\d+\.\s/.test(l));
  const out: string[] = [];
  for (const line of senses) {
    const text = line
      .replace(/^\d+\.\s*/, '')
      .replace(/\s*\d+\.\s*$/, '')
      .replace(/\([^)]*\)|<[^>]*>|\[[^\]]*\]/g, ' ');
    for (const item of text.split(/[,;]/)) {
      const t = normalizeText(item)
        .replace(/[^\p{L}\p{N}' -]+/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      if (t && t.split(' ').length <= MAX_WORDS && !out.includes(t)) out.push(t);
    }
  }
  return out;
}

type Table = Map<string, string[]>;

/** Senses of each part a compound's translation combines ("compétence pacte", "compétence traité"…). */
const COMPOUND_SENSES = 2;

function lookUp(table: Table, words: string[], from: LanguageCode): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const entry = (form: string) => table.get(form) ?? table.get(stem(form, from));
  for (const word of words) {
    const folded = normalizeText(word);
    // The word, else the infinitive of a participle ("vorgestellt" → "vorstellen"), else its parts.
    let found = entry(folded);
    for (const form of found?.length ? [] : infinitiveCandidates(folded, from)) if (!found?.length) found = entry(form);
    if (!found?.length) {
      const parts = splitCompound(folded, from, (part) => Boolean(entry(part)?.length));
      if (parts) {
        const [modifier, head] = parts.map((part) => entry(part)!.slice(0, COMPOUND_SENSES));
        found = head.flatMap((h) => modifier.map((m) => `${m} ${h}`));
      }
    }
    if (found?.length) out.set(word, found.slice(0, MAX_TRANSLATIONS));
  }
  return out;
}

/** Headword → translations; each headword also under its stem, for inflected forms. */
async function directTable(entries: [string, string[]][], from: LanguageCode): Promise<Table> {
  const table: Table = new Map();
  for (let i = 0; i < entries.length; i++) {
    if (i % SLICE === SLICE - 1) await breathe();
    const [word, translations] = entries[i];
    // The exact headword first; its stem as a fallback for inflected forms.
    for (const key of [word, stem(word, from)]) {
      const known = table.get(key);
      if (!known) table.set(key, [...translations]);
      else if (key === word) for (const t of translations) if (!known.includes(t)) known.push(t);
    }
  }
  return table;
}

/**
 * A dictionary read backwards: French-Spanish gives Spanish → French, where FreeDict has no
 * Spanish-French. A one-word translation points back to its headwords, those that list it first
 * before those that list it among later senses.
 */
async function reversedTable(entries: [string, string[]][], from: LanguageCode): Promise<Table> {
  const ranked = new Map<string, { word: string; rank: number }[]>();
  for (let i = 0; i < entries.length; i++) {
    if (i % SLICE === SLICE - 1) await breathe();
    const [headword, translations] = entries[i];
    translations.forEach((t, rank) => {
      if (t.includes(' ')) return;
      for (const key of new Set([t, stem(t, from)])) {
        const list = ranked.get(key) ?? [];
        if (!list.some((e) => e.word === headword)) list.push({ word: headword, rank });
        ranked.set(key, list);
      }
    });
  }
  const table: Table = new Map();
  for (const [key, list] of ranked)
    table.set(
      key,
      list
        .sort((a, b) => a.rank - b.rank)
        .slice(0, MAX_TRANSLATIONS)
        .map((e) => e.word),
    );
  return table;
}

export class FreedictLexicon implements Lexicon {
  private readonly tables = new Map<string, Promise<Table | null>>();

  /**
   * `dir` holds the dictd files; pairs without files translate nothing. `cacheDir` (optional) keeps
   * the parsed tables between runs.
   */
  constructor(
    private readonly dir: string,
    private readonly warn: (message: string) => void = () => undefined,
    private readonly maxIndexBytes = DEFAULT_MAX_INDEX_BYTES,
    private readonly cacheDir: string | null = null,
  ) {}

  /** Language pairs (from → to) whose files are in the folder. */
  available(): [LanguageCode, LanguageCode][] {
    return this.pairs().filter(([from, to]) => !this.isTooLarge(from, to));
  }

  /** Pairs whose files are there but too large to hold in memory (see load()): they translate nothing. */
  tooLarge(): [LanguageCode, LanguageCode][] {
    return this.pairs().filter(([from, to]) => this.isTooLarge(from, to));
  }

  private pairs(): [LanguageCode, LanguageCode][] {
    const pairs: [LanguageCode, LanguageCode][] = [];
    for (const from of Object.keys(ISO3)) for (const to of Object.keys(ISO3)) if (from !== to && this.source(from, to)) pairs.push([from, to]);
    return pairs;
  }

  private isTooLarge(from: LanguageCode, to: LanguageCode): boolean {
    const source = this.source(from, to);
    return source !== null && statSync(this.file(source.from, source.to, '.index')).size > this.maxIndexBytes;
  }

  async translate(words: string[], from: LanguageCode, to: LanguageCode): Promise<Map<string, string[]>> {
    // Direct pairs only: through English (Spanish → English → French) the senses multiply, and on
    // the development questions that made an unanswerable one answered ("entrada" → "access" → "accès").
    const table = await this.table(from, to);
    return table ? lookUp(table, words, from) : new Map();
  }

  /**
   * Reads, one after the other, every pair into `targets` that the folder holds, so that the first
   * question in German does not wait for its dictionary. Failures are the warn callback's.
   */
  async warmUp(targets: LanguageCode[]): Promise<void> {
    for (const [from, to] of this.available()) {
      if (!targets.includes(to)) continue;
      try {
        await this.table(from, to);
      } catch (error) {
        this.warn(describeError(error));
      }
    }
  }

  private file(from: string, to: string, ext: string): string {
    return path.join(this.dir, `freedict-${ISO3[from] ?? from}-${ISO3[to] ?? to}${ext}`);
  }

  private table(from: LanguageCode, to: LanguageCode): Promise<Table | null> {
    const key = `${from}-${to}`;
    let table = this.tables.get(key);
    if (!table) {
      table = this.load(from, to).catch((cause: unknown) => {
        // Not kept: a file being replaced by an upgrade, or too many open files, may read next time.
        this.tables.delete(key);
        throw new SogaError('DICTIONARY_UNREADABLE', `the ${from}→${to} dictionary in ${this.dir} could not be read: ${describeError(cause)}`, {
          cause,
          hint: 'reinstall it (bash scripts/install-dictionaries.sh) or set SOGA_DICTIONARY_DIR= to do without',
        });
      });
      this.tables.set(key, table);
    }
    return table;
  }

  /** The pair's own files, or, failing them, the reverse pair's (read backwards), or null. */
  private source(from: LanguageCode, to: LanguageCode): { from: LanguageCode; to: LanguageCode; reversed: boolean } | null {
    if (!ISO3[from] || !ISO3[to]) return null;
    if (existsSync(this.file(from, to, '.index'))) return { from, to, reversed: false };
    if (existsSync(this.file(to, from, '.index'))) return { from: to, to: from, reversed: true };
    return null;
  }

  private async load(from: LanguageCode, to: LanguageCode): Promise<Table | null> {
    const source = this.source(from, to);
    if (!source) return null;
    const index = this.file(source.from, source.to, '.index');
    // FreeDict's German-English (12 MB of index, 400,000 headwords) would cost ~500 MB and 10 s. Not
    // a warning here, in the middle of a chat: the runtime lists such pairs once at start-up (tooLarge()).
    const size = (await stat(index)).size;
    if (size > this.maxIndexBytes) return null;
    const cached = await this.readCache(from, to, index, size);
    if (cached) return cached;
    const entries = await this.parse(source.from, source.to);
    if (!entries.length) {
      // Not cached: an index this reader does not understand should not be remembered as an empty dictionary.
      this.warn(`the ${from}→${to} dictionary (${index}) holds no entry this reader understands: questions in ${from} are not translated into ${to}`);
      return null;
    }
    const table = source.reversed ? await reversedTable(entries, from) : await directTable(entries, from);
    await this.writeCache(from, to, index, size, table);
    return table;
  }

  /**
   * The parsed table of a pair, saved once per dictionary version: parsing German-French costs about
   * a second of CPU, reading it back a tenth of that. Keyed by the index's size and modification time.
   * One line per key ("key<TAB>translation<US>translation"), read in slices like the dictionary.
   */
  private cacheFile(from: LanguageCode, to: LanguageCode): string | null {
    return this.cacheDir ? path.join(this.cacheDir, `freedict-${ISO3[from]}-${ISO3[to]}.${CACHE_VERSION}.tsv`) : null;
  }

  private async readCache(from: LanguageCode, to: LanguageCode, index: string, size: number): Promise<Table | null> {
    const file = this.cacheFile(from, to);
    if (!file || !existsSync(file)) return null;
    try {
      const lines = (await readFile(file, 'utf8')).split('\n');
      const header = JSON.parse(lines[0]) as { size?: unknown; mtimeMs?: unknown; keys?: unknown };
      const mtimeMs = (await stat(index)).mtimeMs;
      if (header.size !== size || header.mtimeMs !== mtimeMs || typeof header.keys !== 'number') return null;
      const table: Table = new Map();
      for (let i = 1; i < lines.length; i++) {
        if (i % (SLICE * 5) === 0) await breathe();
        const tab = lines[i].indexOf('\t');
        if (tab > 0) table.set(lines[i].slice(0, tab), lines[i].slice(tab + 1).split('\u001f'));
      }
      // A torn file (a crash while writing elsewhere than through rename) is parsed again.
      return table.size === header.keys ? table : null;
    } catch {
      // A foreign or damaged file: parse the dictionary again (and overwrite it).
      return null;
    }
  }

  private async writeCache(from: LanguageCode, to: LanguageCode, index: string, size: number, table: Table): Promise<void> {
    const file = this.cacheFile(from, to);
    if (!file) return;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      const mtimeMs = (await stat(index)).mtimeMs;
      const lines = [JSON.stringify({ size, mtimeMs, keys: table.size })];
      for (const [key, translations] of table) lines.push(`${key}\t${translations.join('\u001f')}`);
      await writeFileAtomically(file, lines.join('\n'));
      // Tables of earlier versions of this reader are dead weight.
      const prefix = `freedict-${ISO3[from]}-${ISO3[to]}.`;
      for (const name of await readdir(path.dirname(file))) {
        if (name.startsWith(prefix) && name !== path.basename(file) && !name.endsWith('.tmp')) await rm(path.join(path.dirname(file), name), { force: true });
      }
    } catch (error) {
      // Only speed is lost (a read-only data folder, a full disk): the next start parses again.
      this.warn(`could not save the parsed ${from}→${to} dictionary in ${path.dirname(file)}: ${describeError(error)}`);
    }
  }

  /** The entries of a pair's files: headword (folded, as the entry writes it) and its translations. */
  private async parse(from: LanguageCode, to: LanguageCode): Promise<[string, string[]][]> {
    const [index, packed] = await Promise.all([readFile(this.file(from, to, '.index'), 'utf8'), readFile(this.file(from, to, '.dict.dz'))]);
    const dict = await promisify(gunzip)(packed);
    const entries: [string, string[]][] = [];
    const lines = index.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      if (i % SLICE === SLICE - 1) await breathe();
      const [indexed, offset, length] = lines[i].split('\t');
      if (!indexed || length === undefined || indexed.startsWith('00')) continue;
      const start = decodeNumber(offset);
      const size = decodeNumber(length);
      if (!Number.isFinite(start) || !Number.isFinite(size)) continue;
      const entry = dict.subarray(start, start + size).toString('utf8');
      const translations = entryTranslations(entry);
      if (translations.length) entries.push([normalizeText(entryHeadword(entry) || indexed), translations]);
    }
    return entries;
  }
}
