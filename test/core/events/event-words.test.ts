import { describe, expect, it } from 'vitest';
import { conceptWords, kindAndPlaceNamed, nameScore, nameSignature, sameKindWords } from '../../../src/core/events/event-words.js';

const score = (name: string, question: string) => nameScore(nameSignature(name), new Set(conceptWords(question)));

describe('event names compared across languages', () => {
  it('reads summits and the social economy in every language the bot speaks, German compounds too', () => {
    for (const q of [
      '¿Dónde se celebró la cumbre europea de la economía social?',
      "Quando si è svolto il vertice europeo dell'economia sociale?",
      'Wo fand der Europäische Sozialwirtschaftsgipfel statt?',
      'Waar vond de Europese top over de sociale economie plaats?',
      'Onde decorreu a cimeira europeia da economia social?',
    ]) {
      expect(score('European Social Economy Summit', q)).toBe(3);
    }
  });

  it('needs every word of the name, Europe and places aside', () => {
    expect(score('Sommet européen de l’économie sociale à Strasbourg', 'Where was the social economy summit?')).toBe(2);
    expect(score('Sommet européen de l’économie sociale à Strasbourg', 'Wann war der Gipfel der Sozialwirtschaft in Straßburg?')).toBe(3);
    expect(score('Social Economy Awards', 'When was the social economy summit?')).toBe(0);
    expect(score('Forum National des Associations et Fondations', 'Quand a eu lieu le forum des associations ?')).toBe(0);
  });

  it('leaves years and ordinals to be compared apart, and names too short to mean anything', () => {
    expect(nameSignature('deuxième sommet européen 2022')).toEqual({ required: ['summit'], optional: ['european'] });
    expect(score('IA', 'Que dit le SOGA sur l’IA ?')).toBe(0);
    expect(score('FNAF', 'Quand aura lieu le prochain FNAF ?')).toBe(1);
  });
});

describe('launches', () => {
  it('matches "the launch of" in any language with the verb of a question', () => {
    expect(score('Lancement de la Social Tech Academy', 'When did SOGA launch the Social Tech Academy?')).toBe(4);
    expect(score('Lancement de la Social Tech Academy', '¿Cuándo se lanzó la Social Tech Academy?')).toBe(4);
  });
});

describe('event names in the 16 other languages the bot speaks', () => {
  it('reads kinds of event and topics as the languages inflect them', () => {
    expect(conceptWords('w ekonomii społecznej szczycie')).toEqual(['w', 'socialeconomy', 'summit']);
    expect(conceptWords('sosiaalitalouden huippukokouksessa')).toEqual(['socialeconomy', 'summit']);
    expect(conceptWords('среща на върха за социална икономика')).toEqual(['среща', 'summit', 'за', 'socialeconomy']);
    expect(conceptWords('σύνοδος κορυφής')).toEqual(['συνοδος', 'summit']);
  });

  it('names an event by a name the question inflects, not by a longer word', () => {
    const signature = nameSignature('Social Good Week');
    expect(nameScore(signature, new Set(conceptWords('Millal oli Social Good Weeki ümarlaud?')))).toBeGreaterThan(0);
    expect(nameScore(signature, new Set(conceptWords('Social Good Weekendi üritus')))).toBe(0);
  });

  it("reads a place the question inflects as the event's place", () => {
    const asked = new Set(conceptWords('Kiedy był szczyt w Strasburgu?'));
    expect(kindAndPlaceNamed(['Sommet européen de Strasbourg'], ['Strasbourg'], asked)).toBe(true);
    expect(kindAndPlaceNamed(['Sommet européen de Mannheim'], ['Mannheim'], asked)).toBe(false);
  });
});

describe('a kind of event asked in another word than the articles write', () => {
  it('gives the spellings of its kind in the seven main languages', () => {
    expect(sameKindWords('Gipfel')).toEqual(expect.arrayContaining(['sommet', 'summit', 'cumbre']));
    expect(sameKindWords('huippukokouksessa')).toEqual(expect.arrayContaining(['sommet', 'summit']));
    expect(sameKindWords('Sozialwirtschaft')).toEqual(expect.arrayContaining(['economie sociale', 'social economy']));
    expect(sameKindWords('tavola')).toEqual([]);
  });
  it('gives nothing for "European" or a launch, said of everything in the articles', () => {
    expect(sameKindWords('europäischen')).toEqual([]);
    expect(sameKindWords('lanzamiento')).toEqual([]);
  });
});
