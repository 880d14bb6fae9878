import { describe, expect, it } from 'vitest';
import { abbreviates, definitionOf, nameByInitials, standaloneAcronyms } from '../../../src/core/text/acronyms.js';

describe('acronyms a question writes and the names passages define for them', () => {
  it('takes acronyms written on their own, not those inside a name such as "NEC ESS 2025"', () => {
    expect(standaloneAcronyms('Quand le CIVA a-t-il été fondé ?')).toEqual(['CIVA']);
    expect(standaloneAcronyms('Où a eu lieu le FNAF 2021 ?')).toEqual([]);
    expect(standaloneAcronyms('Who organised NEC ESS 2025 with the ANCT?')).toEqual(['ANCT']);
  });
  it('reads "Long Name (ACR)" when the capitalised words spell the acronym', () => {
    expect(definitionOf('CIVA', 'Le 3 mars, le Civic Innovation Valley Alliance (CIVA), en partenariat avec…')).toBe('Civic Innovation Valley Alliance');
    expect(definitionOf('FNAB', 'invités au Forum National des Associations Bénévoles (FNAB), au Palais')).toBe('Forum National des Associations Bénévoles');
    expect(definitionOf('CIVA', 'la Commission européenne (CIVA)')).toBeNull();
    expect(definitionOf('CIVA', 'Rien ici.')).toBeNull();
  });
  it('matches an acronym made of the starts of words', () => {
    expect(abbreviates('SOGA', 'Social Good Accelerator')).toBe(true);
    expect(abbreviates('SOGA', 'Social Economy Europe')).toBe(false);
  });
});

describe('a text that names what an acronym stands for', () => {
  it('writes the acronym as a word, or spells its name out', async () => {
    const { namesAcronym } = await import('../../../src/core/text/acronyms.js');
    expect(namesAcronym('FNX', 'Président de la FNX')).toBe(true);
    expect(namesAcronym('SOGA', 'Présidente du Social Good Accelerator')).toBe(true);
    expect(namesAcronym('SOGA', 'Président de ACTE')).toBe(false);
  });
});

describe('an acronym the articles never write, read by its initials', () => {
  const texts = [
    'Le Repair Café Lyon (RCLY) ouvre ses portes. Le Repair Café Lyon accueille 300 visiteurs.',
    'Fondé en 2019, le Repair Café Lyon réunit des bénévoles du Forum des Associations et Fondations.',
  ];

  it('finds the name whose capitalised words spell it, links between them allowed', () => {
    expect(nameByInitials('RCL', texts)).toBe('Repair Café Lyon');
    expect(nameByInitials('FAF', texts)).toBe('Forum des Associations et Fondations');
  });

  it('does not run a name across a comma or a bracket', () => {
    expect(nameByInitials('PSE', ['Avec Pour la Solidarité, EGInA SRL et Fundación Esplai.'])).toBeNull();
    expect(nameByInitials('RCM', ['Le Repair Café (Marseille) ouvre.'])).toBeNull();
  });

  it('finds nothing for initials no name spells, nor for a two-letter acronym', () => {
    expect(nameByInitials('XYZ', texts)).toBeNull();
    expect(nameByInitials('RC', texts)).toBeNull();
  });
});
