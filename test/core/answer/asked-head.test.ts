import { describe, expect, it } from 'vitest';
import { askedHead } from '../../../src/core/answer/asked-head.js';

describe('the head noun a question asks for about a thing it names', () => {
  it('reads "who / what is the <head> of <thing>" in the seven dictionary languages', () => {
    expect(askedHead('Who is the webmaster of the Social Tech Academy?', 'en')).toEqual(['webmaster']);
    expect(askedHead('Quelle est la devise de la Social Good Week ?', 'fr')).toEqual(['devise']);
    expect(askedHead('Wer ist Schirmherr des Forums?', 'de')).toEqual(['schirmherr']);
    expect(askedHead('¿Quién es la tesorera de Cooperatives Europe?', 'es')).toEqual(['tesorera']);
    expect(askedHead("Chi è l'autore del Social Tech Atlas?", 'it')).toEqual(['autore']);
    expect(askedHead('Qual é a sede da Social Economy Europe?', 'pt')).toEqual(['sede']);
    expect(askedHead('Wie is de penningmeester van Coopedia?', 'nl')).toEqual(['penningmeester']);
  });
  it("reads English's possessive", () => {
    expect(askedHead("What is FARI's logo?", 'en')).toEqual(['logo']);
  });
  it('reads what the asker wants to get hold of: "where can I <verb> the <head> of <thing>"', () => {
    expect(askedHead('Where can I download the slides of the Lyon forum?', 'en')).toEqual(['slides']);
    expect(askedHead('Où puis-je consulter le compte rendu du forum de Lyon ?', 'fr')).toEqual(['compte', 'rendu']);
    expect(askedHead('Wo finde ich die Aufzeichnung des Workshops?', 'de')).toEqual(['aufzeichnung']);
    expect(askedHead('Waar vind ik het verslag van de conferentie?', 'nl')).toEqual(['verslag']);
    // Nothing to get hold of, or a kind of value: left to the other rules.
    expect(askedHead('Where can I register for the workshop?', 'en')).toEqual([]);
    expect(askedHead('Where can I find the programme of the forum?', 'en')).toEqual([]);
    expect(askedHead('Dove posso trovare l’indirizzo del SOGA?', 'it')).toEqual([]);
  });
  it('keeps the words that say which one, not a modifier of time or standing', () => {
    expect(askedHead('Who is the current chair of Cooperatives Europe?', 'en')).toEqual(['chair']);
    expect(askedHead('Quem é a nova diretora executiva da Girleek?', 'pt')).toEqual(['diretora', 'executiva']);
    expect(askedHead('What is the official logo of Coopedia?', 'en')).toEqual(['logo']);
    expect(askedHead('Wat is het btw-nummer van Coopedia?', 'nl')).toEqual(['btw', 'nummer', 'btwnummer']);
  });
  it('has none where the head is a kind of value or a role noun: the answer writes the value, not the noun', () => {
    expect(askedHead('What is the name of the Brussels AI institute?', 'en')).toEqual([]);
    expect(askedHead('Quelle est la date du forum de Lyon ?', 'fr')).toEqual([]);
    expect(askedHead('Was ist der Preis des Workshops?', 'de')).toEqual([]);
    expect(askedHead('Qual è il ruolo di Coopedia?', 'it')).toEqual([]);
  });
  it('has none where the head asks what the thing is about: any passage on it describes it', () => {
    expect(askedHead('What was the topic of the Brussels round table?', 'en')).toEqual([]);
    expect(askedHead("Quel est l'objectif du forum de Lyon ?", 'fr')).toEqual([]);
    expect(askedHead('Was ist das Thema des Workshops in Gent?', 'de')).toEqual([]);
    expect(askedHead('Wat is het doel van Coopedia?', 'nl')).toEqual([]);
  });
  it('has none in questions of another shape, or where nothing is named after the head', () => {
    expect(askedHead('Comment le forum décrit-il ses moyens d’action ?', 'fr')).toEqual([]);
    expect(askedHead('Who moderated the panel on cooperatives?', 'en')).toEqual([]);
    expect(askedHead('What is the theme?', 'en')).toEqual([]);
    expect(askedHead('Wer ist der Schirmherr?', 'de')).toEqual([]);
    expect(askedHead('Kto jest skarbnikiem fundacji?', 'pl')).toEqual([]);
  });
});

describe('the head noun behind its modifiers', () => {
  it('skips the adjectives the Romance languages put before the noun', () => {
    expect(askedHead("Qui est l'actuelle trésorière de la fédération ?", 'fr')).toEqual(['tresoriere']);
    expect(askedHead('¿Quién es la nueva tesorera de la federación?', 'es')).toEqual(['tesorera']);
    expect(askedHead("Chi è l'attuale tesoriere della federazione?", 'it')).toEqual(['tesoriere']);
  });
  it('reads an English "<noun> general" title whole', () => {
    expect(askedHead('Who is the secretary general of the federation?', 'en')).toEqual(['secretary', 'general']);
    expect(askedHead('Who is the treasurer of the federation?', 'en')).toEqual(['treasurer']);
  });
});
