import { describe, expect, it } from 'vitest';
import { extractEvents, type EventSource } from '../../ingest/events.js';
import { eventKey } from '../../src/core/events/event-key.js';

/** An article made of sentences copied from corpus/. */
function article(title: string, date: string | null, paragraphs: string[], lang = 'fr'): EventSource {
  return {
    docId: 'doc',
    title,
    lang,
    date,
    source: 'corpus/x.txt',
    blocks: paragraphs.map((text) => ({ kind: 'paragraph' as const, text, level: 0 })),
    chunks: [{ id: 'doc#0', text: paragraphs.join('\n') }],
  };
}

const brief = (events: ReturnType<typeof extractEvents>) => events.map((e) => ({ key: e.key, start: e.start, end: e.end, places: e.places, role: e.role }));

describe('named events with their dates, places and SOGA’s role', () => {
  const ljubljana = article('Social Economy Awards, ActSE2021 et FNAF : retour sur deux jours au sommet de l’économie sociale', '2021-10-12', [
    'Les finalistes des Social Economy Awards avec l’équipe de Social Economy Europe, qui ont eu lieu à Ljubljana le 12 octobre 2021.',
    'Le 13 octobre 2021, deux membres du SOGA étaient invités au Forum National des Associations et Fondations (FNAF), au Palais des Congrès de Paris.',
    'La veille, le 12 octobre 2021, le SOGA était invité au Social Economy Summit “ActSE” à Ljubljana, organisé dans le cadre de la présidence slovène du Conseil de l’Union européenne.',
  ]);

  it('finds each event of the Ljubljana and Paris article, a venue as a place and not as an event', () => {
    expect(brief(extractEvents(ljubljana))).toEqual([
      { key: 'social economy awards', start: '2021-10-12', end: null, places: ['Ljubljana'], role: null },
      { key: 'actse', start: '2021-10-12', end: null, places: ['Ljubljana'], role: 'invited' },
      { key: 'fnaf', start: '2021-10-13', end: null, places: ['Palais des Congrès de Paris'], role: 'invited' },
    ]);
  });

  it('keeps the names the article uses, the source sentence verbatim and its passage', () => {
    const fnaf = extractEvents(ljubljana).find((e) => e.key === 'fnaf')!;
    expect(fnaf.variants).toEqual(['Forum National des Associations et Fondations', 'FNAF']);
    expect(fnaf.sentence).toBe(ljubljana.blocks[1].text);
    expect(fnaf.chunkId).toBe('doc#0');
    expect(fnaf).toMatchObject({ docId: 'doc', docDate: '2021-10-12', precision: 'day', yearInferred: false });
  });

  it('reads a year alone when it heads the sentence, and one event told by two names', () => {
    const letter = article('Lettre ouverte : Ancrer l’économie sociale et solidaire dans son futur numérique', '2022-02', [
      'En 2018, les membres pionniers du Social Good Accelerator ont organisé le Social Innovation Village lors du Web Summit à Lisbonne',
    ]);
    const [village] = extractEvents(letter);
    expect(brief([village])).toEqual([{ key: 'social innovation village', start: '2018', end: null, places: ['Lisbonne'], role: 'organiser' }]);
    expect(village.variants).toEqual(['Social Innovation Village', 'Web Summit']);
  });

  it('dates a quoted workshop, and gives it the article’s year', () => {
    const nec = article('NEC ESS 2025 : Intelligence artificielle ou coopérative ?', '2025-11-25', [
      'Le mercredi 26 novembre, de 13h à 17h, SOGA organise dans le cadre du projet DIGISET un atelier “Libérer les organisations ESS des GAFAM”.',
    ]);
    const [workshop] = extractEvents(nec);
    expect(workshop).toMatchObject({ name: 'Libérer les organisations ESS des GAFAM', start: '2025-11-26', yearInferred: true, role: 'organiser' });
  });
});

describe('the article’s own event, named by its title', () => {
  it('joins the days a sentence gives one event into one stretch, with each place', () => {
    const nec = article('NEC ESS 2025 : Intelligence artificielle ou coopérative ?', '2025-11-25', [
      'Du 25 au 27 novembre 2025, le Social Good Accelerator (SOGA) et ses partenaires invitent les acteurs européens du numérique éthique et de l’économie sociale et solidaire à une nouvelle édition de Numérique en Commun[s] ESS Europe (NEC ESS).',
      'Après Lille, Saint-Sébastien et Bruxelles en 2023, cette édition 2025 se tiendra à Bruxelles le 25 novembre puis à Paris les 26 et 27 novembre, avec une ambition claire.',
    ]);
    const events = extractEvents(nec);
    expect(brief(events)).toEqual([{ key: 'nec ess', start: '2025-11-25', end: '2025-11-27', places: ['Bruxelles', 'Paris'], role: 'organiser' }]);
    expect(events[0].variants).toContain('NEC ESS');
  });

  it('reads a plain reference ("se sont réunis") as the event the title names, not the one it looks back to', () => {
    const strasbourg = article('Strasbourg : un deuxième sommet européen réussi pour l’économie sociale', '2022-05-05', [
      'Près d’un an après le Sommet de Mannheim, les acteurs européens de l’économie sociale se sont réunis les 5 et 6 mai à Strasbourg dans le cadre de la présidence française du Conseil de l’Union européenne, avec le soutien de l’Eurométropole de Strasbourg.',
    ]);
    const events = extractEvents(strasbourg);
    expect(brief(events)).toEqual([{ key: 'deuxieme sommet reussi economie sociale', start: '2022-05-05', end: '2022-05-06', places: ['Strasbourg'], role: null }]);
    expect(events.some((e) => /mannheim/i.test(e.name))).toBe(false);
  });

  it('merges the days of one event told in several captions (EUSES, 26 and 27 May)', () => {
    const euses = article("EUSES 2021: un carrefour européen pour l'économie sociale", '2021-05-27', [
      "Lancement du Social Tech Atlas avec les membres de l'association, lors de l'EUSES, le 26 mai 2021",
      "Jeanne Bretécher et d'autres intervenants européens lors d'une conférence de l'EUSES organisée par l'OCDE, le 27 mai 2021",
    ]);
    expect(brief(extractEvents(euses))).toEqual([
      // The launch at the summit is an event of its own, on its day.
      { key: 'lancement social tech atlas', start: '2021-05-26', end: null, places: [], role: null },
      { key: 'euses', start: '2021-05-26', end: '2021-05-27', places: [], role: null },
    ]);
  });

  it('keeps only the month of a date that ends the event ("marque la fin de")', () => {
    const end = article("L'économie sociale numérique : une opportunité pour la citoyenneté et la démocratie européenne", '2023-11-17', [
      "Le 17 novembre 2023 marque la fin de NEC ESS Europe, le rendez-vous de l'économie sociale numérique en France et en Europe, organisé par SOGA.",
    ]);
    expect(brief(extractEvents(end))).toEqual([{ key: 'nec ess', start: '2023-11', end: null, places: [], role: 'organiser' }]);
  });
});

describe('years and tenses', () => {
  it('gives a date without a year the year of the event’s name rather than the article’s', () => {
    // The English EUSES article is dated 2020 by its metadata ("the German Council Presidency in 2020").
    const euses = article(
      'EUSES 2021: on our way to Mannheim !',
      '2020',
      ['In the end, the summit will be exclusively digital, and broadcast from the Rhineland city on 26 and 27 May, which does not detract from the importance of this pioneering event.'],
      'en',
    );
    expect(extractEvents(euses)).toMatchObject([{ key: 'euses', start: '2021-05-26', end: '2021-05-27', yearInferred: true, announced: true }]);
  });

  it('marks an event the article speaks of in the future as announced, one it reports as not', () => {
    const week = article('Social Good Week : retour sur la première table ronde européenne', '2022', [
      'Le 25 janvier, le Social Good Accelerator (SOGA), en partenariat avec Social Economy Europe, a coorganisé le premier événement européen de la Social Good Week.',
      'Le prochain rendez-vous de la Social Good Week Europe aura lieu au printemps 2023 à Lisbonne, autour d’un nouveau cycle de rencontres.',
    ]);
    expect(extractEvents(week).map((e) => [e.start, e.announced, e.role])).toEqual([
      ['2022-01-25', false, 'co-organiser'],
      ['2023-03', true, null],
    ]);
  });
});

describe('what is not an event (precision over recall)', () => {
  it('ignores dated sentences that name no event, a plan over years, a question and "Rendez-vous en novembre"', () => {
    const euses = article("EUSES 2021: un carrefour européen pour l'économie sociale", '2021-05-27', [
      "L'équipe du Social Good Accelerator a présenté ses travaux de recherche à la DG Grow, à Bruxelles, en janvier 2020",
      'Elle a présenté le Plan régional d’innovation 2022-2027, qui soutient les initiatives.',
      'Pourquoi relancer la Social Good Week en 2022 ?',
      'Rendez-vous en novembre pour suivre de près sa publication finale.',
      'Le SOGA est un think & do tank européen de l’ESS numérique fondé en 2017.',
    ]);
    expect(extractEvents(euses)).toEqual([]);
  });

  it('does not take a year that dates something else in the sentence for the event’s', () => {
    const euses = article(
      'EUSES 2021: on our way to Mannheim',
      '2021-05-27',
      ['In the context of the German Council Presidency in 2020, the choice was made to hold the first European Social Economy Summit in Mannheim.'],
      'en',
    );
    expect(extractEvents(euses)).toEqual([]);
  });

  it('gives no role when the sentence does not say what SOGA did', () => {
    const awards = article('Social Economy Awards', '2021-10-12', ['Les finalistes des Social Economy Awards avec l’équipe de Social Economy Europe, qui ont eu lieu à Ljubljana le 12 octobre 2021.']);
    expect(extractEvents(awards)[0].role).toBeNull();
  });
});

describe('the key that groups names across articles', () => {
  it('is the same for the names the articles use for one series', () => {
    expect(eventKey(['NEC ESS Europe 2023'])).toBe(eventKey(['NEC ESS 2025']));
    expect(eventKey(['Numérique en Commun[s] ESS Europe', 'NEC ESS'])).toBe('nec ess');
    expect(eventKey(['Social Good Week Europe'])).toBe(eventKey(['Social Good Week']));
    expect(eventKey(['Social Economy Awards'])).not.toBe(eventKey(['Social Economy Summit']));
  });
});

describe('names the article gives elsewhere than in the dated sentence', () => {
  it('spells out a title acronym from the article, with the edition said in front of it', () => {
    const summit = article(
      'EUSES 2021: on our way to Mannheim !',
      '2020',
      [
        'The first ever European Social Economy Summit will take place in Mannheim at the end of this month, focusing on collaboration, innovation and digitalisation.',
        // Written for this test: the dated sentence names the summit only as "the summit".
        'The summit will be broadcast online on 26 and 27 May.',
      ],
      'en',
    );
    const [euses] = extractEvents(summit);
    expect(euses).toMatchObject({ key: 'euses', start: '2021-05-26', end: '2021-05-27', edition: 1 });
    expect(euses.variants).toContain('European Social Economy Summit');
    // The title gives the place the dated sentence leaves out.
    expect(euses.places).toEqual(['Mannheim']);
  });

  it('takes the name an FAQ heading gives the event a title speaks of in common words', () => {
    const strasbourg = article('Strasbourg : un deuxième sommet européen réussi pour l’économie sociale', '2022-05-05', [
      // Written for this test, in the article's words.
      'Les acteurs européens de l’économie sociale se sont réunis les 5 et 6 mai à Strasbourg.',
      'FAQ — Sommet européen de l’économie sociale à Strasbourg',
    ]);
    const [summit] = extractEvents(strasbourg);
    // Named as the heading names it; the title's phrase stays a variant (its ordinal tells the edition).
    expect(summit.name).toBe('Sommet européen de l’économie sociale à Strasbourg');
    expect(summit.variants).toEqual(['Sommet européen de l’économie sociale à Strasbourg', 'deuxième sommet européen réussi pour l’économie sociale']);
    expect(summit).toMatchObject({ start: '2022-05-05', end: '2022-05-06', edition: 2, places: ['Strasbourg'] });
  });

  it('does not take another event the heading compares it with', () => {
    const strasbourg = article('Strasbourg : un deuxième sommet européen réussi pour l’économie sociale', '2022-05-05', [
      'Près d’un an après le Sommet de Mannheim, les acteurs européens de l’économie sociale se sont réunis les 5 et 6 mai à Strasbourg.',
    ]);
    expect(extractEvents(strasbourg)[0].variants).toEqual(['deuxième sommet européen réussi pour l’économie sociale']);
  });

  it('gives an event the places of the sentence that follows and speaks of it again', () => {
    const programme = article('Programme du NEC ESS Europe 2023', '2023-11', [
      'En novembre 2023, le SOGA et ses partenaires ont organisé Numérique en Commun[s] ESS Europe (NEC ESS Europe).',
      'De Paris à Bruxelles, en passant par Lille et Saint-Sébastien, cette initiative inédite a mis en lumière les enjeux de la transition numérique.',
    ]);
    expect(extractEvents(programme)[0].places).toEqual(['Paris', 'Bruxelles', 'Lille', 'Saint-Sébastien']);
  });
});

describe('announcements of a next edition', () => {
  it('reads "rendez-vous est pris pour 2024" as the next edition of the event just told, announced', () => {
    // Written for this test, in the manner of the FNAF report.
    const awards = article('Social Economy Awards : le SOGA finaliste européen', '2023-10-20', [
      'Le 19 octobre 2023, le SOGA était finaliste des Social Economy Awards, organisés à Bruxelles par Social Economy Europe.',
      'Merci à tous les participants et à l’équipe d’organisation.',
      'Rendez-vous est pris pour 2024 !',
    ]);
    expect(brief(extractEvents(awards))).toEqual([
      { key: 'social economy awards', start: '2023-10-19', end: null, places: ['Bruxelles'], role: 'participant' },
      { key: 'social economy awards', start: '2024', end: null, places: [], role: null },
    ]);
    expect(extractEvents(awards)[1]).toMatchObject({ announced: true, precision: 'year' });
  });

  it('dates the events a "rendez-vous en 2022" sentence names, as announcements, each with its places', () => {
    const letter = article('Lettre ouverte : Ancrer l’économie sociale et solidaire dans son futur numérique', '2022-02', [
      "Pour témoigner une fois de plus de l'importance d'un débat public sain, rendez-vous en 2022 à Strasbourg à l'occasion de la Conférence sur l'Economie Sociale, et pour la Social Good Week Europe qui valorisera l’écosystème de l’ESS numérique.",
    ]);
    // Each its own places: Strasbourg is the conference's, not the Social Good Week's.
    expect(extractEvents(letter).map((e) => [e.name, e.start, e.announced, e.places])).toEqual([
      ["Conférence sur l'Economie Sociale", '2022', true, ['Strasbourg']],
      ['Social Good Week Europe', '2022', true, []],
    ]);
  });

  it('does not read a year after "rendez-vous" with nothing named before as an event', () => {
    expect(extractEvents(article('Dons : les nouvelles manières de donner', '2019-01', ['Rendez-vous est pris pour 2020 !']))).toEqual([]);
  });
});

describe('a launch is an event', () => {
  it('names it by what is launched, and dates it', () => {
    // Written for this test, in the manner of the EUSES photo captions.
    const summit = article("EUSES 2021: un carrefour européen pour l'économie sociale", '2021-05-27', ['Lancement de la Social Tech Academy avec les partenaires du projet, le 27 mai 2021.']);
    expect(extractEvents(summit).map((e) => [e.name, e.start])).toEqual([['Lancement de la Social Tech Academy', '2021-05-27']]);
  });
});
