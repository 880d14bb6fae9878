import { describe, expect, it } from 'vitest';
import { sectorEquivalents } from '../../../src/core/text/sector-words.js';

describe("the sector's words across languages", () => {
  it('gives the words the articles may use for a word members ask with, in any listed language', () => {
    expect(sectorEquivalents('Mitgliedschaft')).toEqual(expect.arrayContaining(['membres', 'adherents', 'members']));
    expect(sectorEquivalents('adhérentes')).toContain('membres');
    expect(sectorEquivalents('Aufwandsentschädigung')).toEqual(expect.arrayContaining(['defraiement', 'remboursement']));
    expect(sectorEquivalents('lobbyarbeit')).toContain('plaidoyer');
    expect(sectorEquivalents('kostenfrei')).toEqual(expect.arrayContaining(['gratuit', 'gratuite']));
    expect(sectorEquivalents('revendique')).toEqual(expect.arrayContaining(['demandons', 'demande']));
    expect(sectorEquivalents('moderierte')).toEqual(expect.arrayContaining(['modere', 'moderateurs', 'animait']));
    expect(sectorEquivalents('patrocinadores')).toEqual(expect.arrayContaining(['mecenat', 'soutien financier', 'cofinance']));
  });
  it('keeps each concept apart: a fee is not a reimbursement, a subsidy not a donation', () => {
    expect(sectorEquivalents('cotisation')).not.toContain('defraiement');
    expect(sectorEquivalents('subsidy')).not.toContain('dons');
    expect(sectorEquivalents('voluntariado')).not.toContain('membres');
  });
  it('lists no word with another common sense, nor a word it does not know', () => {
    // "Forderung" (a demand) folds like "Förderung" (funding); "application" is also software; "aides" also help.
    for (const w of ['forderung', 'fordert', 'application', 'aides', 'free', 'soutien']) expect(sectorEquivalents(w)).toEqual([]);
    expect(sectorEquivalents('summit')).toEqual([]);
  });
  it('reads a word in the language it has the concept’s sense in only: German "Eisen" is iron, English "lid" a lid', () => {
    expect(sectorEquivalents('eisen', 'Welche Eisen liefert die Gießerei?', 'de')).toEqual([]);
    expect(sectorEquivalents('eisen', 'Welke eisen stelt de coöperatie?', 'nl')).toContain('demandons');
    expect(sectorEquivalents('ideell', 'Ist die Arbeit ideell motiviert?', 'de')).toEqual([]);
    expect(sectorEquivalents('ideell', 'Hur många ideell arbetar i föreningen?', 'sv')).toContain('benevoles');
    expect(sectorEquivalents('lid', 'Who designed the lid of the compost bin?', 'en')).toEqual([]);
    expect(sectorEquivalents('lid', 'Wie is lid van de coöperatie?', 'nl')).toContain('membres');
  });
  it('does not take hosting or leading an organisation for moderating', () => {
    for (const w of ['hosted', 'leitete', 'geleitet']) expect(sectorEquivalents(w, '', 'en')).not.toContain('moderateurs');
  });
  it('reads a word of one of its phrases as the whole where the question writes the phrase', () => {
    expect(sectorEquivalents('gastos', '¿Cubren el reembolso de gastos de viaje del taller?')).toContain('defraiement');
    expect(sectorEquivalents('gastos', '¿Cuáles son los gastos del festival?')).toEqual([]);
    expect(sectorEquivalents('paid', 'Do volunteers get paid to help at the Lyon fair?', 'en')).toContain('defraiement');
    expect(sectorEquivalents('paid', 'Who paid for the Lyon fair?', 'en')).toEqual([]);
  });
  it('reads "in charge of" an organisation as its mission, not a charge', () => {
    expect(sectorEquivalents('charge', 'What is the Lyon repair café in charge of?', 'en')).toContain('mission');
    expect(sectorEquivalents('charge', 'Is there a charge for the Lyon fair?', 'en')).toEqual([]);
    expect(sectorEquivalents('zustandig', 'Wofür ist das Repair Café zuständig?', 'de')).toContain('mission');
    expect(sectorEquivalents('responsible', 'Who is responsible for the Lyon fair?', 'en')).toEqual([]);
  });
});
