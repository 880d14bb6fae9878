import { describe, expect, it } from 'vitest';
import { asksAboutNow, asksWhetherStillOpen } from '../../../src/core/text/now-words.js';

describe('questions about how things are today', () => {
  it('reads "still", "now", "currently", "today" in the languages members write', () => {
    expect(asksAboutNow('Is the Coopedia search engine still maintained?', 'en')).toBe(true);
    expect(asksAboutNow('Qui dirige actuellement Social Economy Europe ?', 'fr')).toBe(true);
    expect(asksAboutNow('Wie viele Partner hat das Projekt DigitalEES heute?', 'de')).toBe(true);
    expect(asksAboutNow('¿Todavía existe el proyecto DigitalEES?', 'es')).toBe(true);
    expect(asksAboutNow('Il SOGA collabora ancora con Make.org?', 'it')).toBe(true);
    expect(asksAboutNow('A Girleek ainda forma mulheres?', 'pt')).toBe(true);
    expect(asksAboutNow('Werkt SOGA nog steeds met La MedNum?', 'nl')).toBe(true);
    expect(asksAboutNow('Finns Coopedia fortfarande?', 'sv')).toBe(true);
    expect(asksAboutNow('Czy Coopedia nadal działa?', 'pl')).toBe(true);
  });

  it('does not read a question of another time as one about now', () => {
    expect(asksAboutNow('Who founded Coopedia?', 'en')).toBe(false);
    expect(asksAboutNow('Qui dirigeait Social Economy Europe en 2021 ?', 'fr')).toBe(false);
    expect(asksAboutNow('Wie viele Partner hatte das Projekt DigitalEES?', 'de')).toBe(false);
  });

  it('reads "not yet" and "still to come" as no question about how things are now', () => {
    expect(asksAboutNow("Quels métiers du numérique n'existent pas encore selon l'étude ?", 'fr')).toBe(false);
    expect(asksAboutNow('Welche Plattform gibt es noch nicht?', 'de')).toBe(false);
    expect(asksAboutNow('Quale piattaforma non esiste ancora?', 'it')).toBe(false);
    expect(asksAboutNow('Is the Lyon forum still to come?', 'en')).toBe(false);
    expect(asksAboutNow('Le forum de Lyon est-il encore à venir ?', 'fr')).toBe(false);
    // "No longer" is: "nicht mehr" asks whether it still is.
    expect(asksAboutNow('Gibt es Coopedia heute nicht mehr?', 'de')).toBe(true);
  });

  it('reads "can I still register / apply / take part" as a question whether a date is past', () => {
    expect(asksWhetherStillOpen('Is it too late to register for the Lyon forum?', 'en')).toBe(true);
    expect(asksWhetherStillOpen('Can I still apply for the travel allowance?', 'en')).toBe(true);
    expect(asksWhetherStillOpen('Puis-je encore participer au forum de Lyon ?', 'fr')).toBe(true);
    expect(asksWhetherStillOpen('Kann man sich noch für das Forum in Lyon anmelden?', 'de')).toBe(true);
    expect(asksWhetherStillOpen('¿Todavía me puedo inscribir al foro de Lyon?', 'es')).toBe(true);
    expect(asksWhetherStillOpen('Posso ancora iscrivermi al forum di Lione?', 'it')).toBe(true);
    expect(asksWhetherStillOpen('Kan ik me nog inschrijven voor het forum in Lyon?', 'nl')).toBe(true);
    // Registering, with no "still": how, not whether it is too late.
    expect(asksWhetherStillOpen('How do I register for the Lyon forum?', 'en')).toBe(false);
    // "Still", with no taking part: a state, not a deadline.
    expect(asksWhetherStillOpen('Is the Lyon forum still free?', 'en')).toBe(false);
  });
});
