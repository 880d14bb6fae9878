/**
 * FreedictLexicon on dictd files: pairs written by the test in FreeDict's format (base-64 offsets,
 * gzip), and Debian's German-French dictionary where scripts/install-dictionaries.sh installed it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isSogaError } from '../../src/core/errors.js';
import { entryTranslations, FreedictLexicon } from '../../src/infra/freedict-lexicon.js';
import { writeDictdPair } from '../fakes/dictd-files.js';

const writePair = writeDictdPair;

const dir = mkdtempSync(path.join(os.tmpdir(), 'soga-freedict-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writePair(dir, 'deu-fra', {
  Mitglied: 'membre',
  Brief: 'lettre, épître\nSchriftliche Mitteilung an jemanden',
  Stadt: '1. localité\n2. cité, ville\n(eine größere Siedlung)',
  Regulierung: '<n, fem> régulation\nSteuerung, Kontrollieren eines Prozesses',
  Wort: 'une explication beaucoup trop longue pour être un mot',
});

describe('translating words with a FreeDict pair', () => {
  const lexicon = new FreedictLexicon(dir);

  it('finds a word by its headword or, inflected, by its stem, and folds accents', async () => {
    const found = await lexicon.translate(['mitglieder', 'brief', 'xylophon'], 'de', 'fr');
    expect(Object.fromEntries(found)).toEqual({ mitglieder: ['membre'], brief: ['lettre', 'epitre'] });
  });

  it('takes the first line and the numbered senses, not the definitions in the source language', async () => {
    const found = await lexicon.translate(['stadt', 'regulierung'], 'de', 'fr');
    expect(found.get('stadt')).toEqual(['localite', 'cite', 'ville']);
    expect(found.get('regulierung')).toEqual(['regulation']);
  });

  it('finds a participle by its infinitive and a compound by its parts', async () => {
    const own = mkdtempSync(path.join(os.tmpdir(), 'soga-freedict-forms-'));
    try {
      writePair(own, 'deu-fra', { einladen: 'inviter', Arbeit: '1. travail\n2. emploi', Markt: 'marché, foire' });
      const found = await new FreedictLexicon(own).translate(['eingeladen', 'arbeitsmarkt', 'arbeitslos'], 'de', 'fr');
      // Every pairing of the parts' first two senses, head last, as a passage writes them in French.
      expect(Object.fromEntries(found)).toEqual({ eingeladen: ['inviter'], arbeitsmarkt: ['travail marche', 'emploi marche', 'travail foire', 'emploi foire'] });
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('reads the pairs of the languages added later: Swedish-French and Danish-English, inflected forms by their stem', async () => {
    const own = mkdtempSync(path.join(os.tmpdir(), 'soga-freedict-nordic-'));
    writePair(own, 'swe-fra', { gåva: 'don, cadeau' });
    writePair(own, 'dan-eng', { befolkning: 'population' });
    const nordic = new FreedictLexicon(own);
    expect(nordic.available()).toEqual(
      expect.arrayContaining([
        ['sv', 'fr'],
        ['da', 'en'],
      ]),
    );
    expect(Object.fromEntries(await nordic.translate(['gåvorna'], 'sv', 'fr'))).toEqual({ gåvorna: ['don', 'cadeau'] });
    expect(Object.fromEntries(await nordic.translate(['befolkningen'], 'da', 'en'))).toEqual({ befolkningen: ['population'] });
    rmSync(own, { recursive: true, force: true });
  });

  it('translates nothing for a pair it has no files for (either way), and lists the pairs it has', async () => {
    expect((await lexicon.translate(['mitglieder'], 'de', 'en')).size).toBe(0);
    expect(lexicon.available()).toEqual([
      ['de', 'fr'],
      ['fr', 'de'],
    ]);
  });

  it('reads a pair backwards when only the reverse exists (French-Spanish for Spanish → French)', async () => {
    const own = mkdtempSync(path.join(os.tmpdir(), 'soga-freedict-rev-'));
    try {
      writePair(own, 'fra-spa', { ville: 'ciudad, población', cité: 'ciudadela\n2. ciudad', lettre: 'carta, letra', 'lettre ouverte': 'carta abierta', 'porte-parole': 'portavoz' });
      const found = await new FreedictLexicon(own).translate(['ciudades', 'carta', 'abierta', 'perro', 'portavoz'], 'es', 'fr');
      // Headwords that give the word first come first; inflected forms meet by stem; phrases are not
      // keys; a headword is written as its entry writes it, not as the index strips it ("porteparole").
      expect(Object.fromEntries(found)).toEqual({ ciudades: ['ville', 'cite'], carta: ['lettre'], portavoz: ['porte-parole'] });
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('leaves out a dictionary too large to hold in memory, and lists it apart, without a warning mid-conversation', async () => {
    const warnings: string[] = [];
    const small = new FreedictLexicon(dir, (m) => warnings.push(m), 10);
    expect((await small.translate(['mitglieder'], 'de', 'fr')).size).toBe(0);
    expect(small.available()).toEqual([]);
    expect(small.tooLarge()).toEqual([
      ['de', 'fr'],
      ['fr', 'de'],
    ]);
    expect(warnings).toEqual([]);
  });
});

describe('dictionaries that cannot be read', () => {
  it('fails with DICTIONARY_UNREADABLE, and reads the pair again once its files are back', async () => {
    const own = mkdtempSync(path.join(os.tmpdir(), 'soga-freedict-broken-'));
    try {
      writePair(own, 'deu-fra', { Mitglied: 'membre' });
      const entries = path.join(own, 'freedict-deu-fra.dict.dz');
      const saved = readFileSync(entries);
      rmSync(entries);
      const lexicon = new FreedictLexicon(own);
      const error = await lexicon.translate(['mitglied'], 'de', 'fr').then(
        () => null,
        (e: unknown) => e,
      );
      expect(isSogaError(error, 'DICTIONARY_UNREADABLE')).toBe(true);
      expect((error as Error).message).toMatch(/de→fr dictionary .* could not be read/);
      writeFileSync(entries, saved);
      expect((await lexicon.translate(['mitglied'], 'de', 'fr')).get('mitglied')).toEqual(['membre']);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('reads an index with Windows line ends', async () => {
    const own = mkdtempSync(path.join(os.tmpdir(), 'soga-freedict-crlf-'));
    try {
      writePair(own, 'deu-fra', { Mitglied: 'membre' });
      const index = path.join(own, 'freedict-deu-fra.index');
      writeFileSync(index, readFileSync(index, 'utf8').replace(/\n/g, '\r\n'));
      expect((await new FreedictLexicon(own).translate(['mitglied'], 'de', 'fr')).get('mitglied')).toEqual(['membre']);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('says so when an index holds no entry it understands, and does not cache it as an empty dictionary', async () => {
    const own = mkdtempSync(path.join(os.tmpdir(), 'soga-freedict-empty-'));
    const cache = path.join(own, 'cache');
    try {
      writePair(own, 'deu-fra', { Mitglied: 'membre' });
      writeFileSync(path.join(own, 'freedict-deu-fra.index'), 'Mitglied 12 34\n');
      const warnings: string[] = [];
      expect((await new FreedictLexicon(own, (m) => warnings.push(m), undefined, cache).translate(['mitglied'], 'de', 'fr')).size).toBe(0);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/holds no entry this reader understands/);
      expect(existsSync(cache) ? readdirSync(cache) : []).toEqual([]);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});

describe('reading the dictionaries ahead of the first question', () => {
  it('loads every pair into the given languages, and only those', async () => {
    const own = mkdtempSync(path.join(os.tmpdir(), 'soga-freedict-warm-'));
    try {
      writePair(own, 'deu-fra', { Mitglied: 'membre' });
      writePair(own, 'nld-eng', { lid: 'member' });
      const lexicon = new FreedictLexicon(own);
      await lexicon.warmUp(['fr']);
      // The files are gone: what was read ahead still translates, the rest no longer can.
      rmSync(path.join(own, 'freedict-deu-fra.index'));
      rmSync(path.join(own, 'freedict-nld-eng.index'));
      expect((await lexicon.translate(['mitglieder'], 'de', 'fr')).get('mitglieder')).toEqual(['membre']);
      expect((await lexicon.translate(['lid'], 'nl', 'en')).size).toBe(0);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});

describe('the parsed dictionaries are kept between runs', () => {
  it('reads a pair back from the cache, and parses it again once the dictionary changed', async () => {
    const own = mkdtempSync(path.join(os.tmpdir(), 'soga-freedict-cache-'));
    const cache = path.join(own, 'cache');
    try {
      writePair(own, 'deu-fra', { Mitglied: 'membre' });
      expect((await new FreedictLexicon(own, undefined, undefined, cache).translate(['mitglied'], 'de', 'fr')).get('mitglied')).toEqual(['membre']);
      // Without the entries file, only the cache can answer.
      rmSync(path.join(own, 'freedict-deu-fra.dict.dz'));
      expect((await new FreedictLexicon(own, undefined, undefined, cache).translate(['mitglied'], 'de', 'fr')).get('mitglied')).toEqual(['membre']);
      // A new edition (another index) is parsed again, not served from the old cache.
      writePair(own, 'deu-fra', { Mitglied: 'adhérent', Brief: 'lettre' });
      const fresh = await new FreedictLexicon(own, undefined, undefined, cache).translate(['mitglied', 'brief'], 'de', 'fr');
      expect(Object.fromEntries(fresh)).toEqual({ mitglied: ['adherent'], brief: ['lettre'] });
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('still translates when the cache cannot be written, and says why', async () => {
    const own = mkdtempSync(path.join(os.tmpdir(), 'soga-freedict-nocache-'));
    try {
      writePair(own, 'deu-fra', { Mitglied: 'membre' });
      writeFileSync(path.join(own, 'not-a-folder'), 'x');
      const warnings: string[] = [];
      const lexicon = new FreedictLexicon(own, (m) => warnings.push(m), undefined, path.join(own, 'not-a-folder', 'cache'));
      expect((await lexicon.translate(['mitglied'], 'de', 'fr')).get('mitglied')).toEqual(['membre']);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/could not save the parsed de→fr dictionary/);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});

describe('the translations of one entry', () => {
  it('drops grammar marks, parentheses, trailing sense numbers and explanations longer than three words', () => {
    expect(entryTranslations('direito /x/\ndroit 2.\n(condição de se poder ter)\n3.\n(estudo das leis)')).toEqual(['droit']);
    expect(entryTranslations('Wort /x/\nune explication beaucoup trop longue')).toEqual([]);
    expect(entryTranslations('Generalsekretär /x/\n<m> secrétaire général')).toEqual(['secretaire general']);
  });
});

const DEBIAN = '/usr/share/dictd';
describe.skipIf(!existsSync(path.join(DEBIAN, 'freedict-deu-fra.index')))("Debian's German-French FreeDict", { timeout: 60_000 }, () => {
  it('translates the words of a German question about a French article', async () => {
    const found = await new FreedictLexicon(DEBIAN).translate(['mitglieder', 'offenen', 'brief'], 'de', 'fr');
    expect(found.get('mitglieder')).toContain('membre');
    expect(found.get('brief')).toContain('lettre');
    expect(found.get('offenen')).toContain('ouvert');
  });
});
