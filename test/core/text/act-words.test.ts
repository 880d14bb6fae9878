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
    expect(askedAct('Who organised the summit?')).toBe('host');
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
    // A name that shares a word with the question's thing is another thing all the same.
    const week = new Set(['who', 'organised', 'the', 'lyon', 'food', 'week']);
    expect(actorsIn('En 2018, les membres du Lyon Food Network ont organisé le Lyon Innovation Village au salon.', 'host', week)).toEqual([]);
    expect(actorsIn('En 2019, Paul Martin et Léa Durand ont organisé la Lyon Food Week.', 'host', week)).toEqual(['Paul Martin', 'Léa Durand']);
    // The apposition goes on to the question's thing: "fondatrice de CodeFemmes et cofondatrice de DevLab".
    expect(actorsIn('Nora Benali, fondatrice de CodeFemmes et cofondatrice de DevLab, a présenté ses formations.', 'found', new Set(['wer', 'ist', 'die', 'mitgrunderin', 'von', 'devlab']))).toEqual([
      'Nora Benali',
    ]);
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

describe('organising, and an organisation as the agent', () => {
  it('reads "organised", "organise", "organizzato" as asking who hosted the event, and the host of a session as who led it', () => {
    expect(askedAct('Qui organise la foire aux associations de Lille ?', 'fr')).toBe('host');
    expect(askedAct('¿Quién organizó la feria de cooperativas de Bilbao?', 'es')).toBe('host');
    expect(askedAct('Chi ha organizzato il festival di Bologna?', 'it')).toBe('host');
    expect(askedAct('Who was the host of the panel on housing co-ops?', 'en')).toBe('moderate');
    expect(askedAct('Who hosted the round table on food banks in Lyon?', 'en')).toBe('moderate');
    expect(askedAct('Who organised the round table on food banks in Lyon?', 'en')).toBe('host');
    expect(askedAct('Who was the emcee of the cooperative awards gala?', 'en')).toBe('moderate');
    expect(askedAct('Qui était le maître de cérémonie du gala ?', 'fr')).toBe('moderate');
  });
  it('reads Spanish, Italian and Portuguese "presente(s)" as "here", not as presenting', () => {
    expect(askedAct('¿Quiénes estaban presentes en la feria de Bilbao?', 'es')).toBeNull();
    expect(askedAct('Chi era presente al festival di Bologna?', 'it')).toBeNull();
    expect(askedAct('Quem estava presente na feira do Porto?', 'pt')).toBeNull();
    expect(askedAct('Qui a présenté le rapport sur les tiers-lieux ?', 'fr')).toBe('present');
  });
  it('takes organisations after "organisé par", with their article, one-word names that are acronyms or written with an inner capital', () => {
    expect(actorsIn('La foire, co-organisée par la Ville de Lille (MEL) et CoopConnect\nPaul Martin ouvre la foire', 'host')).toEqual(['Ville de Lille', 'CoopConnect']);
    expect(actorsIn('Un atelier organisé par l’ADEME, le 3 mars 2022, a réuni 40 personnes.', 'host')).toEqual(['ADEME']);
    expect(actorsIn('Organised by the Flemish Government, this fair gathers co-ops.', 'host')).toEqual(['Flemish Government']);
    expect(actorsIn('La foire a été organisée par Jeanne avec ses amis.', 'host')).toEqual([]);
    // A list flattened without its full stop: the next sentence's first word is not the last name's.
    expect(actorsIn('La foire est co-organisée par : CoopConnect ; La Ruche Verte Ces partenaires partagent un engagement.', 'host')).toEqual(['CoopConnect', 'La Ruche Verte']);
  });
  it('takes a list after a colon, one a line or between ";", up to a blank line', () => {
    const listed = 'La foire 2024 est co-organisée par :\n\n  • CoopConnect\n  • Le Réseau Solidaire\n  • Terre Commune.\n\nCes partenaires partagent un engagement.';
    expect(actorsIn(listed, 'host')).toEqual(['CoopConnect', 'Le Réseau Solidaire', 'Terre Commune']);
    expect(actorsIn('La foire 2024 est co-organisée par : CoopConnect ; Le Réseau Solidaire ; Terre Commune', 'host')).toEqual(['CoopConnect', 'Le Réseau Solidaire', 'Terre Commune']);
  });
  it('states no agent when the list goes on with something that is not a name', () => {
    expect(actorsIn('La foire (organisée par la Ville de Lille et le département) a eu lieu en mai.', 'host')).toEqual([]);
  });
  it('takes the organiser before "a co-organisé", without the article that opens the sentence', () => {
    expect(actorsIn('Le Réseau Alpha (RA) y a co-organisé deux ateliers sur les données.', 'host')).toEqual(['Réseau Alpha']);
    expect(actorsIn('La même année, la ville a organisé la foire.', 'host')).toEqual([]);
  });
  it('takes a partner of the organiser and the one who initiated an edition', () => {
    expect(actorsIn('En partenariat avec CoopConnect et Terre Commune, le premier atelier a réuni 40 personnes.', 'host')).toEqual(['CoopConnect', 'Terre Commune']);
    expect(actorsIn('Quatre ans après sa dernière édition initiée par CoopConnect, le Réseau Alpha a repris le flambeau.', 'host')).toEqual(['CoopConnect']);
  });
  it('reads names written with a title ("M. Paul Martin")', () => {
    expect(actorsIn('M. Paul Martin (Coop Lyon) et Mme Léa Durand (Terre Commune) ont présenté leurs travaux.', 'present')).toEqual(['Paul Martin', 'Léa Durand']);
  });
});
