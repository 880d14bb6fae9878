import { describe, expect, it } from 'vitest';
import { countSameThing } from '../../../src/core/text/counted-nouns.js';

describe('nouns that count the same thing across languages', () => {
  it('reads the case a count puts a noun in, with its letters as written', () => {
    // Polish and Czech genitive plural after "ile" / "kolik"; "ł" is kept by accent folding.
    expect(countSameThing('uczestników', 'participants')).toBe(true);
    expect(countSameThing('członków', 'membres')).toBe(true);
    expect(countSameThing('účastníků', 'participants')).toBe(true);
    // Finnish partitive, Hungarian singular after a number, Greek and Bulgarian plurals.
    expect(countSameThing('vapaaehtoista', 'bénévoles')).toBe(true);
    expect(countSameThing('előadó', 'intervenants')).toBe(true);
    expect(countSameThing('εθελοντές', 'volunteers')).toBe(true);
    expect(countSameThing('финалисти', 'finalistes')).toBe(true);
  });

  it('does not take one counted thing for another', () => {
    expect(countSameThing('uczestników', 'intervenants')).toBe(false);
    expect(countSameThing('országból', 'membres')).toBe(false);
    expect(countSameThing('Tag', 'membres')).toBe(false);
  });
});
