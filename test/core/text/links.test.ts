import { describe, expect, it } from 'vitest';
import { firstWebLink } from '../../../src/core/text/links.js';

describe('the web address given with an upload', () => {
  it('is the first http(s) address, without the punctuation that ends the sentence', () => {
    expect(firstWebLink('Voir https://example.org/atelier-velo. Merci !')).toBe('https://example.org/atelier-velo');
    expect(firstWebLink('(source : http://example.org/a?b=1), et https://example.org/c')).toBe('http://example.org/a?b=1');
  });
  it('is nothing when the text holds no web address', () => {
    expect(firstWebLink('!corpus add')).toBeUndefined();
    expect(firstWebLink('ftp://example.org/file javascript:alert(1) https://')).toBeUndefined();
  });
});
