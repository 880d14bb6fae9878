import { describe, expect, it } from 'vitest';
import { actorsIn, askedAct } from '../../../src/core/text/act-words.js';

describe('the act a "who" question asks about', () => {
  it('reads moderating and founding after the question’s "who", in the ways members ask them', () => {
    expect(askedAct('Who moderated the panel on housing co-ops?')).toBe('moderate');
    expect(askedAct('Qui animait l’atelier sur les tiers-lieux ?')).toBe('moderate');
    expect(askedAct('Wer moderierte das Podium in Köln?')).toBe('moderate');
    expect(askedAct('¿Quién moderó el debate de Valencia?')).toBe('moderate');
    expect(askedAct('Chi ha fondato la cooperativa di Bologna?')).toBe('found');
    expect(askedAct('¿Quiénes crearon la red de Valencia?')).toBe('found');
    expect(askedAct('Who set up the Lyon food network?')).toBe('found');
    expect(askedAct('Wer hat den Verein ins Leben gerufen?')).toBe('found');
    expect(askedAct('Who organised the summit?')).toBeNull();
  });
  it('is not read from the words of an earlier turn a follow-up carries: "who took part" asks who took part', () => {
    expect(askedAct('Lyon moderated housing panel — who took part in it?')).toBeNull();
    expect(askedAct('When was the panel the network moderated?')).toBeNull();
  });
});

describe('acts kept apart: hosting an event, presenting at it and moderating a panel of it', () => {
  it('reads "hosted" as hosting and "presented" as presenting, never as moderating', () => {
    expect(askedAct('Who hosted the webinar on data cooperatives?', 'en')).toBe('host');
    expect(askedAct('¿Quién presentó el informe sobre vivienda cooperativa?', 'es')).toBe('present');
    expect(askedAct('Quem apresentou o relatório da rede?', 'pt')).toBe('present');
    expect(askedAct('Wie presenteerde het rapport over energiecoöperaties?', 'nl')).toBe('present');
    expect(askedAct('Wer leitete den Verband der Tafeln?', 'de')).toBeNull();
  });
  it('binds the moderators to moderating only: they did not present nor host', () => {
    const sentence = 'Les modératrices Marie Curie (Sorbonne) et Ada Lovelace (ENS) ont ensuite invité Paul Dirac, directeur du Labo Quantique, à présenter son rapport.';
    expect(actorsIn(sentence, 'moderate')).toEqual(['Marie Curie', 'Ada Lovelace']);
    expect(actorsIn(sentence, 'present')).toEqual(['Paul Dirac']);
    expect(actorsIn(sentence, 'host')).toEqual([]);
    expect(actorsIn('The fair was hosted by Rosa Parks and Ida Wells in Lyon.', 'host')).toEqual(['Rosa Parks', 'Ida Wells']);
  });
  it('reads German "wie" as "how", Dutch "wie" as "who"', () => {
    expect(askedAct('Wie wurde der Verein gegründet?', 'de')).toBeNull();
    expect(askedAct('Wie heeft de vereniging opgericht?', 'nl')).toBe('found');
  });
});

describe('the names a sentence binds to the act', () => {
  it('reads an act that brackets tell, and no name where its agent is an organisation', () => {
    const sentence = 'Enfin, Léon Blum, directeur de DATALAB, l’institut lyonnais des données (créé par l’Université de Lyon et la région), a conclu.';
    expect(actorsIn(sentence, 'found')).toEqual([]);
    expect(actorsIn('Le réseau (créé par Marie Curie et Paul Dirac en 2010) compte 40 membres.', 'found')).toEqual(['Marie Curie', 'Paul Dirac']);
  });
  it('with the question’s words, takes only the founders of the thing it names', () => {
    const known = new Set(['who', 'founded', 'the', 'lyon', 'food', 'network']);
    expect(actorsIn('Nora Benali, fondatrice de CodeFemmes, a présenté ses formations.', 'found', known)).toEqual([]);
    expect(actorsIn('En 2012, Paul Martin et Léa Durand ont fondé le Lyon Food Network.', 'found', known)).toEqual(['Paul Martin', 'Léa Durand']);
    expect(actorsIn('En 2012, Paul Martin et Léa Durand ont fondé le Lyon Food Network.', 'found', new Set(['qui', 'a', 'fonde', 'lfn']))).toEqual(['Paul Martin', 'Léa Durand']);
  });
  it('takes the names after "modéré par", "moderated by", "les modérateurs", without what brackets say of them', () => {
    expect(actorsIn('Modéré par Anne-Laure van der Berg (Coop Lille), le débat a porté sur les tiers-lieux.', 'moderate')).toEqual(['Anne-Laure van der Berg']);
    expect(actorsIn('The panel, moderated by Tom Hardy and Lina Ortiz, closed the day.', 'moderate')).toEqual(['Tom Hardy', 'Lina Ortiz']);
    expect(actorsIn('Les modératrices Marie Curie (Sorbonne) et Ada Lovelace (ENS) ont ensuite donné la parole à la salle.', 'moderate')).toEqual(['Marie Curie', 'Ada Lovelace']);
  });
  it('takes the names before "ont fondé" or ", fondatrice de"', () => {
    expect(actorsIn('En 2012, Paul Martin et Léa Durand ont fondé la Ressourcerie du Rhône.', 'found')).toEqual(['Paul Martin', 'Léa Durand']);
    expect(actorsIn('Nora Benali, fondatrice de CodeFemmes, a présenté ses formations.', 'found')).toEqual(['Nora Benali']);
  });
  it('takes none from a sentence that tells the act without a name, or another act', () => {
    expect(actorsIn('La Ressourcerie est une association fondée en 2012.', 'found')).toEqual([]);
    expect(actorsIn('Paul Martin et Léa Durand ont présenté la Ressourcerie.', 'found')).toEqual([]);
    expect(actorsIn('Paul Martin et Léa Durand ont présenté la Ressourcerie.', 'moderate')).toEqual([]);
  });
});
