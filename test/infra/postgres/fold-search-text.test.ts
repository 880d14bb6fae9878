import { describe, expect, it } from 'vitest';
import { foldSearchText, prefixQuery } from '../../../src/infra/postgres/fold-search-text.js';

describe('search folding for the PostgreSQL answer log', () => {
  it('removes diacritics, folds case in every script and keeps only words', () => {
    expect(foldSearchText('Deuxième d’ÉTÉ à Łódź — Straße, ПРИВЕТ!')).toBe('deuxieme d ete a łodz straße привет');
    expect(foldSearchText('hackathon2023 lyon-paris')).toBe('hackathon2023 lyon paris');
  });

  it('makes every staff word a prefix that must occur, and nothing else', () => {
    expect(prefixQuery('Lyon hackath')).toBe('lyon:* & hackath:*');
    expect(prefixQuery('palais" OR "x')).toBe('palais:* & or:* & x:*');
    expect(prefixQuery("x' | !y & (z)")).toBe('x:* & y:* & z:*');
    expect(prefixQuery('""" *')).toBeNull();
  });
});
