import { describe, expect, it } from 'vitest';
import { poolBefore, saysChosen } from '../../../src/core/text/pool-words.js';

describe('a number written as the pool something was chosen from', () => {
  it('follows "parmi", "among", "unter", "entre", "tra", with or without a qualifier', () => {
    for (const before of ['Sélectionné parmi plus de ', 'chosen among ', 'chosen out of more than ', 'ausgewählt unter über ', 'seleccionado entre más de ', 'scelto tra oltre ', 'gekozen tussen '])
      expect(poolBefore(before), before).toBe(true);
  });

  it('follows "from", "aus", "uit" ("selected from more than 100", "aus mehr als 100 Bewerbungen ausgewählt")', () => {
    for (const before of ['SOGA was selected from more than ', 'SOGA wurde aus mehr als ', 'SOGA werd gekozen uit meer dan ']) expect(poolBefore(before), before).toBe(true);
  });

  it('is not a count told on its own ("plus de 100 participants", "venus de 14 pays")', () => {
    for (const before of ['Il y avait plus de ', 'participants venus de ', 'en ']) expect(poolBefore(before), before).toBe(false);
  });
});

describe('a sentence that says something was chosen', () => {
  it('is told by the verbs of choosing of the members’ languages', () => {
    for (const s of [
      'Plus de 100 candidatures ont été sélectionnées.',
      'Ten projects were selected.',
      '12 Projekte wurden ausgewählt.',
      'Se seleccionaron 12 proyectos.',
      'Sono stati selezionati 12 progetti.',
      'Er zijn 12 projecten gekozen.',
    ])
      expect(saysChosen(s), s).toBe(true);
  });

  it('is not told by applying or taking part', () => {
    for (const s of ['Plus de 100 structures ont candidaté.', 'More than 100 organisations applied.', 'Über 100 Projekte haben sich beworben.']) expect(saysChosen(s), s).toBe(false);
  });
});
