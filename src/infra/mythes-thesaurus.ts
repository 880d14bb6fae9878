/**
 * LibreOffice's thesauri in the MyThes format (Debian: `mythes-en-us`, `mythes-fr`, `mythes-de`…,
 * installed by scripts/install-dictionaries.sh into /usr/share/mythes). A language's files are
 * `th_<lang>_<REGION>_v2.idx` / `.dat` (or `thes_<lang>.*`): the index lists "headword|byte offset"
 * after its encoding line and entry count; at that offset the data file holds "headword|n" and n lines
 * "(part of speech)|synonym|synonym…". A language is read on the first question that needs it, and
 * only its index is kept (the data file is read entry by entry).
 *
 * Only entries that mark their relations are read: English's thesaurus is WordNet's, whose lists are
 * synsets with their generic terms and antonyms marked ("(generic term)"). The others (French, Spanish,
 * Portuguese…) are untyped lists that mix senses and associations (French "animer": allumer, lancer,
 * créer, diriger…), even read both ways; measured on the evaluation sets, they got three questions about
 * things the articles lack answered ("Quel temps fera-t-il…": "fera" → "faire" → anything) and a wrong
 * year quoted, for no fact gained. German's (OpenThesaurus, "(Oberbegriff)" marked) moved evidence down
 * in two German questions, for no fact gained either.
 */
import { closeSync, existsSync, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { TextDecoder } from 'node:util';
import { describeError, SogaError } from '../core/errors.js';
import type { Thesaurus } from '../core/ports.js';
import type { LanguageCode } from '../core/types.js';
import { stem } from '../core/text/analyzer.js';
import { normalizeText } from '../core/text/normalize.js';

/** Synonyms kept per word, closest senses first: later ones are rarer senses and add noise. */
export const MAX_SYNONYMS = 5;
/** Longer synonyms are descriptions ("presiding officer of a legislative body"), not words to look for. */
const MAX_WORDS = 2;
/** An entry longer than this is cut (the longest English ones, "set", "run", are ~30 KB). */
const MAX_ENTRY_BYTES = 64 * 1024;

/** Infinitive endings tried after a word's stem ("animait" → "anim" → "animer"). */
const VERB_ENDINGS: Partial<Record<LanguageCode, string[]>> = {
  fr: ['er', 'ir', 're'],
  es: ['ar', 'er', 'ir'],
  ca: ['ar', 'er', 'ir', 're'],
  it: ['are', 'ere', 'ire'],
  pt: ['ar', 'er', 'ir'],
  de: ['en', 'n'],
  sv: ['a'],
  en: ['e'],
};

/** The relations WordNet marks (English's thesaurus); German's OpenThesaurus marks "(Oberbegriff)", "(ugs.)". */
const WORDNET_MARKERS = new Set(['generic term', 'similar term', 'related term', 'antonym']);

interface Files {
  idx: string;
  dat: string;
  /** Marks its relations (see the file comment): only then are its synonyms given; any thesaurus tells its words. */
  typed: boolean;
}

interface Loaded {
  /** Folded headword → byte offsets of its entries (several headwords fold alike: "côte", "cote"). */
  offsets: Map<string, number[]>;
  decoder: TextDecoder;
  dat: string;
}

export interface ParsedEntry {
  headword: string;
  /** Per sense: its plain synonyms, and its generic terms (WordNet's hypernyms). */
  senses: { synonyms: string[]; generic: string[] }[];
  /** Whether the entry marks its relations as WordNet does, see the file comment. */
  typed: boolean;
}

/** Parses one entry: "headword|n" and its n sense lines. */
export function parseEntry(text: string): ParsedEntry | null {
  const lines = text.split('\n');
  const [headword, count] = (lines[0] ?? '').split('|');
  const n = Number(count);
  if (!headword || !Number.isInteger(n) || n < 1) return null;
  let typed = false;
  const senses = lines.slice(1, 1 + n).map((line) => {
    const items = line.split('|').slice(1);
    const synonyms: string[] = [];
    const generic: string[] = [];
    for (const item of items) {
      const marker = /\(([^)]*)\)\s*$/.exec(item)?.[1];
      const term = item.replace(/\s*\([^)]*\)\s*$/, '').trim();
      if (marker && WORDNET_MARKERS.has(marker)) typed = true;
      if (!term || term.split(/\s+/).length > MAX_WORDS) continue;
      if (!marker) synonyms.push(term);
      else if (marker === 'generic term') generic.push(term);
      // antonyms, similar and related terms are other meanings
    }
    return { synonyms, generic };
  });
  return { headword, senses, typed };
}

/**
 * The synonyms of an entry, best first: every sense's own synonyms, then the generic terms ("attendee"
 * is listed with "attendant", "attender", "meeter", and "participant" as its generic term).
 */
export function entrySynonyms(entry: ParsedEntry): string[] {
  const out: string[] = [];
  const add = (term: string) => {
    const folded = normalizeText(term);
    if (folded !== normalizeText(entry.headword) && !out.some((t) => normalizeText(t) === folded)) out.push(term);
  };
  for (const sense of entry.senses) sense.synonyms.forEach(add);
  for (const sense of entry.senses) sense.generic.forEach(add);
  return out;
}

/**
 * The word and the forms its inflections come from, by ending only ("charters" → "charter", "réseaux" →
 * "réseau", "associatives" → "associatif", "signées" → "signer"); not its stem, which is no word
 * ("charte" stems to English "chart").
 */
export function inflectionBases(word: string, lang: LanguageCode): string[] {
  const out = [word];
  const swap = (ending: RegExp, by: string) => {
    if (ending.test(word)) out.push(word.replace(ending, by));
  };
  swap(/s$/, '');
  if (lang === 'en') {
    swap(/es$/, '');
    swap(/ies$/, 'y');
    swap(/ed$/, '');
    swap(/ed$/, 'e');
    swap(/ing$/, '');
    swap(/ing$/, 'e');
  } else if (lang === 'fr') {
    swap(/x$/, '');
    swap(/aux$/, 'al');
    swap(/es?$/, '');
    swap(/ves?$/, 'f');
    swap(/(?:ee|e)s?$/, 'er');
  } else swap(/es$/, '');
  return [...new Set(out)].filter((w) => w.length >= 3);
}

/** Whether a thesaurus marks its relations as WordNet does (see the file comment), read from its first entries. */
function marksRelations(dat: string): boolean {
  try {
    const fd = openSync(dat, 'r');
    try {
      const buffer = Buffer.alloc(256 * 1024);
      const read = readSync(fd, buffer, 0, buffer.length, 0);
      return [...WORDNET_MARKERS].some((marker) => buffer.subarray(0, read).includes(`(${marker})`));
    } finally {
      closeSync(fd);
    }
  } catch {
    // An unreadable file is said when a question needs it (load()), not here at start-up.
    return true;
  }
}

export class MythesThesaurus implements Thesaurus {
  private readonly loaded = new Map<LanguageCode, Promise<Loaded | null>>();
  private readonly files = new Map<string, Files>();

  constructor(private readonly dir: string) {
    if (!existsSync(dir)) return;
    const names = readdirSync(dir).sort();
    for (const name of names) {
      const m = /^(?:th|thes)_([a-z]{2,3})(?:_[A-Z]{2})?(?:_v\d)?\.idx$/.exec(name);
      if (!m) continue;
      const dat = name.replace(/\.idx$/, '.dat');
      if (!names.includes(dat)) continue;
      // Regional copies are links to one file (th_fr_BE → thes_fr): the language's own region first.
      const own = name.startsWith(`th_${m[1]}_${m[1].toUpperCase()}`) || name.startsWith(`thes_${m[1]}.`);
      if (!this.files.has(m[1]) || own) this.files.set(m[1], { idx: path.join(dir, name), dat: path.join(dir, dat), typed: marksRelations(path.join(dir, dat)) });
    }
  }

  /** Languages with a thesaurus in the folder that marks its relations (the only ones whose synonyms are given). */
  available(): LanguageCode[] {
    return [...this.files].filter(([, f]) => f.typed).map(([lang]) => lang);
  }

  /** Only the index is read (headwords folded), no entry: see the port. */
  async knownWords(words: string[], lang: LanguageCode): Promise<{ known: Set<string>; headwords: number } | null> {
    const table = await this.load(lang);
    if (!table) return null;
    return { known: new Set(words.filter((word) => inflectionBases(word, lang).some((base) => table.offsets.has(base)))), headwords: table.offsets.size };
  }

  /** Reads every language's index now (~1 s for English's), rather than on the first question that needs it. */
  async warmUp(): Promise<void> {
    for (const lang of this.available()) await this.load(lang);
  }

  async synonyms(words: string[], lang: LanguageCode): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!this.files.get(lang)?.typed) return out;
    const table = await this.load(lang);
    if (!table) return out;
    for (const word of words) {
      const entry = await this.lookUp(table, word, lang);
      if (!entry) continue;
      // Only lists that mark their relations: see the file comment.
      if (!entry.typed) continue;
      const synonyms = entrySynonyms(entry).slice(0, MAX_SYNONYMS);
      if (synonyms.length) out.set(word, synonyms.map(normalizeText));
    }
    return out;
  }

  /** The entry of a word, or of its singular or infinitive ("attendees" → "attendee", "animait" → "animer"). */
  private async lookUp(table: Loaded, word: string, lang: LanguageCode, inflected = true): Promise<ParsedEntry | null> {
    const candidates = [word];
    if (inflected) {
      candidates.push(word.replace(/ies$/, 'y'), word.replace(/e?s$/, ''), word.replace(/s$/, ''), word.replace(/x$/, ''));
      const base = stem(word, lang);
      candidates.push(base, ...(VERB_ENDINGS[lang] ?? []).map((e) => base + e));
    }
    for (const candidate of new Set(candidates)) {
      if (candidate.length < 3) continue;
      for (const offset of table.offsets.get(candidate) ?? []) {
        const entry = await this.readEntry(table, offset);
        if (entry) return entry;
      }
    }
    return null;
  }

  private async readEntry(table: Loaded, offset: number): Promise<ParsedEntry | null> {
    const file = await open(table.dat, 'r');
    try {
      const buffer = Buffer.alloc(MAX_ENTRY_BYTES);
      const { bytesRead } = await file.read(buffer, 0, MAX_ENTRY_BYTES, offset);
      return parseEntry(table.decoder.decode(buffer.subarray(0, bytesRead)));
    } finally {
      await file.close();
    }
  }

  private load(lang: LanguageCode): Promise<Loaded | null> {
    let pending = this.loaded.get(lang);
    if (!pending) {
      pending = this.read(lang);
      this.loaded.set(lang, pending);
      // A failed read is tried again on a later question (a file being reinstalled).
      pending.catch(() => this.loaded.delete(lang));
    }
    return pending;
  }

  private async read(lang: LanguageCode): Promise<Loaded | null> {
    const files = this.files.get(lang);
    if (!files) return null;
    try {
      const head = (await readFile(files.dat)).subarray(0, 64).toString('latin1');
      const encoding = head
        .split('\n', 1)[0]
        .trim()
        .toLowerCase()
        .replace(/^iso-?8859-?/, 'iso-8859-');
      const decoder = new TextDecoder(encoding);
      const lines = decoder.decode(await readFile(files.idx)).split('\n');
      const offsets = new Map<string, number[]>();
      for (const line of lines.slice(2)) {
        const bar = line.lastIndexOf('|');
        if (bar < 1) continue;
        const key = normalizeText(line.slice(0, bar));
        const offset = Number(line.slice(bar + 1));
        if (!Number.isInteger(offset)) continue;
        const list = offsets.get(key);
        if (list) list.push(offset);
        else offsets.set(key, [offset]);
      }
      return { offsets, decoder, dat: realpathSync(files.dat) };
    } catch (error) {
      throw new SogaError('DICTIONARY_UNREADABLE', `the ${lang} thesaurus (${files.idx}) could not be read: ${describeError(error)}`);
    }
  }
}
