/**
 * MythesThesaurus on MyThes files written by the test (a WordNet-style English one, an untyped one in
 * Latin-1), and on Debian's English thesaurus where scripts/install-dictionaries.sh installed it.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inflectionBases, MythesThesaurus, parseEntry } from '../../src/infra/mythes-thesaurus.js';

/** Writes `th_<name>_v2.dat` / `.idx` from entries "headword" → sense lines, in `encoding`. */
function writeThesaurus(dir: string, name: string, entries: Record<string, string[]>, encoding: 'UTF-8' | 'ISO8859-1' = 'UTF-8') {
  const enc = encoding === 'UTF-8' ? 'utf8' : 'latin1';
  let dat = `${encoding}\n`;
  const index: string[] = [];
  for (const [headword, senses] of Object.entries(entries).sort()) {
    index.push(`${headword}|${Buffer.byteLength(dat, enc)}`);
    dat += `${headword}|${senses.length}\n${senses.join('\n')}\n`;
  }
  writeFileSync(path.join(dir, `th_${name}_v2.dat`), dat, enc);
  writeFileSync(path.join(dir, `th_${name}_v2.idx`), `${encoding}\n${index.length}\n${index.join('\n')}\n`, enc);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'soga-mythes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeThesaurus(dir, 'en_US', {
  guest: ['(noun)|invitee|visitor (generic term)', '(noun)|node|client|computer (generic term)'],
  'carry out': ['(verb)|perform|execute|do (generic term)'],
  ally: ['(noun)|friend (generic term)|foe (antonym)', '(noun)|someone who helps in a very long description of it (similar term)'],
});
writeThesaurus(dir, 'fr_FR', { réunion: ['(Nom)|assemblée|séance|fête'] }, 'ISO8859-1');

describe('synonyms from a MyThes thesaurus', () => {
  const thesaurus = new MythesThesaurus(dir);

  it('lists the languages of the folder whose thesaurus marks its relations', () => {
    expect(thesaurus.available()).toEqual(['en']);
  });
  it("gives a word's synonyms, then the generic terms, never an antonym or a description", async () => {
    const found = await thesaurus.synonyms(['guest', 'ally', 'xylophone'], 'en');
    expect(found.get('guest')).toEqual(['invitee', 'node', 'client', 'visitor', 'computer']);
    expect(found.get('ally')).toEqual(['friend']);
    expect(found.has('xylophone')).toBe(false);
  });
  it('reads its indexes ahead of the first question when asked to', async () => {
    const warm = new MythesThesaurus(dir);
    await warm.warmUp();
    expect((await warm.synonyms(['guest'], 'en')).get('guest')?.[0]).toBe('invitee');
  });
  it('finds a plural by its singular, and a phrase', async () => {
    const found = await thesaurus.synonyms(['guests', 'carry out'], 'en');
    expect(found.get('guests')?.[0]).toBe('invitee');
    expect(found.get('carry out')).toEqual(['perform', 'execute', 'do']);
  });
  it('leaves out lists that do not mark their relations (they mix senses), whatever their encoding', async () => {
    expect(parseEntry('réunion|1\n(Nom)|assemblée|séance\n')?.typed).toBe(false);
    expect((await thesaurus.synonyms(['reunion'], 'fr')).size).toBe(0);
  });
  it('has nothing for a language without a file, or a folder that does not exist', async () => {
    expect((await thesaurus.synonyms(['gast'], 'de')).size).toBe(0);
    expect(new MythesThesaurus(path.join(dir, 'missing')).available()).toEqual([]);
  });
});

describe('the words a MyThes thesaurus lists (knownWords)', () => {
  const thesaurus = new MythesThesaurus(dir);

  it('knows a headword and its inflected forms, in a thesaurus whose synonyms are not given too', async () => {
    expect(await thesaurus.knownWords(['guests', 'carry out', 'allies', 'reunions', 'reunion', 'charte'], 'en')).toEqual({ known: new Set(['guests', 'carry out', 'allies']), headwords: 3 });
    expect(await thesaurus.knownWords(['reunions', 'reunion', 'guest'], 'fr')).toEqual({ known: new Set(['reunions', 'reunion']), headwords: 1 });
  });

  it('is null for a language without a file', async () => {
    expect(await thesaurus.knownWords(['gast'], 'de')).toBeNull();
  });

  it('strips endings, never stems ("charte" is not English "chart")', () => {
    expect(inflectionBases('charte', 'en')).toEqual(['charte']);
    expect(inflectionBases('charters', 'en')).toContain('charter');
    expect(inflectionBases('reseaux', 'fr')).toContain('reseau');
    expect(inflectionBases('associatives', 'fr')).toContain('associatif');
    expect(inflectionBases('signees', 'fr')).toContain('signer');
  });
});

describe.runIf(existsSync('/usr/share/mythes/th_en_US_v2.idx') && existsSync('/usr/share/mythes/thes_fr.idx'))("Debian's English and French thesauri tell a French word in English", () => {
  it('French words with no accent or telltale ending, not English ones both languages write', async () => {
    const thesaurus = new MythesThesaurus('/usr/share/mythes');
    const words = ['charte', 'membres', 'plaidoyer', 'acteurs', 'association', 'transition', 'participants', 'digital', 'formation', 'hackathon'];
    const french = await thesaurus.knownWords(words, 'fr');
    const english = await thesaurus.knownWords(words, 'en');
    expect(words.filter((w) => french?.known.has(w) && !english?.known.has(w))).toEqual(['charte', 'membres', 'plaidoyer', 'acteurs']);
    expect(english?.headwords).toBeGreaterThan(100_000);
  });
});

describe.runIf(existsSync('/usr/share/mythes/th_en_US_v2.idx'))("Debian's English thesaurus (WordNet)", () => {
  it('gives established synonyms and generic terms', async () => {
    const found = await new MythesThesaurus('/usr/share/mythes').synonyms(['physician'], 'en');
    expect(found.get('physician')).toEqual(expect.arrayContaining(['doctor']));
  });
});
