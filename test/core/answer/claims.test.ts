import { describe, expect, it } from 'vitest';
import { checkClaims, sentencesWithMarkers, type ClaimPassage } from '../../../src/core/answer/claims.js';
import { expectedAnswerTypes } from '../../../src/core/answer/answer-type.js';

const PASSAGES: ClaimPassage[] = [
  {
    n: 1,
    title: 'Sommet européen de l’économie sociale 2022',
    date: '2022-05-10',
    text: 'Le deuxième Sommet européen de l’économie sociale (EUSES) s’est tenu à Strasbourg les 5 et 6 mai 2022, en présence de Nicolas Schmit, commissaire européen à l’emploi.',
  },
  {
    n: 2,
    title: 'EUSES 2021 à Mannheim',
    date: '2021-05-28',
    text: 'Le premier sommet s’est tenu en ligne et à Mannheim les 26 et 27 mai 2021. Il a réuni 1 200 participants venus de Bruxelles, de Lisbonne et d’ailleurs.',
  },
];
const WHEN_WHERE = 'When and where was the second European Social Economy Summit held?';

function check(answer: string, question: string, lang: string) {
  return checkClaims({ sentences: sentencesWithMarkers(answer, lang), passages: PASSAGES, question, lang, expected: expectedAnswerTypes(question, lang) });
}

describe('sentencesWithMarkers', () => {
  it('gives markers standing after a full stop to the sentence before them', () => {
    expect(sentencesWithMarkers('It was held in Strasbourg. [1] It lasted two days [1][2].', 'en')).toEqual([
      { text: 'It was held in Strasbourg. [1]', passages: [1] },
      { text: 'It lasted two days [1][2].', passages: [1, 2] },
    ]);
  });

  it('does not end a German sentence at an ordinal day ("am 5. und 6. Mai")', () => {
    expect(sentencesWithMarkers('Er fand am 5. und 6. Mai 2022 statt [1].', 'de')).toEqual([{ text: 'Er fand am 5. und 6. Mai 2022 statt [1].', passages: [1] }]);
  });
});

describe('checkClaims keeps sentences whose facts the cited passages hold', () => {
  it('keeps an English answer to a French passage, with the date as values', () => {
    const result = check('The second summit was held in Strasbourg on 5 and 6 May 2022 [1].', WHEN_WHERE, 'en');
    expect(result).toEqual({ ok: true, sentences: [{ text: 'The second summit was held in Strasbourg on 5 and 6 May 2022 [1].', passages: [1] }], removed: [] });
  });

  it('reads "May 26–27, 2021" as the passage’s "26 et 27 mai 2021"', () => {
    expect(check('The first summit took place on May 26–27, 2021 [2].', 'When was the first summit?', 'en').ok).toBe(true);
  });

  it('reads "1.200" as the passage’s "1 200", and German exonyms of the passage’s places', () => {
    expect(check('Der Gipfel hatte 1.200 Teilnehmer aus Brüssel und Lissabon [2].', 'Wie viele Teilnehmer hatte der EUSES 2021 Gipfel?', 'de').ok).toBe(true);
  });

  it('accepts a translated title as a cognate ("European Commissioner" / "commissaire européen")', () => {
    expect(check('Nicolas Schmit, the European Commissioner for employment, spoke at the summit [1].', 'Who spoke at the second summit?', 'en').ok).toBe(true);
  });

  it('removes a failing sentence and keeps the rest when the rest still answers', () => {
    const result = check('The second summit was held in Strasbourg on 5 and 6 May 2022 [1]. It gathered 3,000 people [1].', WHEN_WHERE, 'en');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.sentences.map((s) => s.text)).toEqual(['The second summit was held in Strasbourg on 5 and 6 May 2022 [1].']);
    expect(result.removed).toEqual([{ text: 'It gathered 3,000 people [1].', reason: '"3,000" is not in the cited [1]' }]);
  });
});

describe('checkClaims rejects what the cited passages do not say', () => {
  it('names the date, and the passage it came from, when a sentence borrows it from another passage', () => {
    const result = check('The second summit was held in Mannheim on May 26 and 27, 2021 [1].', WHEN_WHERE, 'en');
    expect(result.ok).toBe(false);
    expect(result.removed[0].reason).toBe('the date 26–27/5/2021 is not in the cited [1] (it is in [2]); "Mannheim" is not in the cited [1] (it is in [2])');
  });

  it('falls back when a "when and where" question gets only the place', () => {
    expect(check('The second summit was held in Strasbourg [1].', WHEN_WHERE, 'en')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^answer does not give the date the question asks for/),
    });
    // The question's own year is not the date asked for.
    expect(check('The 2022 summit was held in Strasbourg [1].', 'When and where was the 2022 summit held?', 'en')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^answer does not give the date/),
    });
    expect(check('The 2022 summit was held in Strasbourg on 5 and 6 May [1].', 'When and where was the 2022 summit held?', 'en').ok).toBe(true);
  });

  it('takes a year from the article’s date only to complete a date its text writes without one', () => {
    const passages: ClaimPassage[] = [
      { n: 1, title: 'Forum de Lyon', date: '2019-03-02', text: 'Le forum s’est tenu le 1er mars à Lyon.' },
      { n: 2, title: 'Pacte', date: '2019-06-10', text: 'Chaque membre du pacte signe une charte commune.' },
    ];
    const run = (answer: string) => checkClaims({ sentences: sentencesWithMarkers(answer, 'en'), passages, question: 'When?', lang: 'en' });
    expect(run('The forum was held in Lyon on 1 March 2019 [1].').ok).toBe(true);
    expect(run('The charter was signed in 2019 [2].')).toMatchObject({ ok: false, reason: expect.stringContaining('the date 2019 is not in the cited [2]') });
  });

  it('rejects a swapped year', () => {
    const result = check('The second summit was held in Strasbourg on 5 and 6 May 2021 [1].', WHEN_WHERE, 'en');
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('the date 5–6/5/2021 is not in the cited [1]') });
  });

  it('rejects a number no passage holds', () => {
    expect(check('Der Gipfel hatte 1500 Teilnehmer [2].', 'Wie viele Teilnehmer hatte der EUSES 2021 Gipfel?', 'de')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('"1500" is not in the cited [2]'),
    });
  });

  it('does not take a place from a yes/no question for granted', () => {
    expect(check('Yes, the second summit was held in Mannheim on 5 and 6 May 2022 [1].', 'Was the second summit held in Mannheim?', 'en')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('"Mannheim" is not in the cited [1] (it is in [2])'),
    });
  });

  it('rejects a person no cited passage names', () => {
    expect(check('Thierry Breton spoke at the summit [1].', 'Who spoke at the second summit?', 'en')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('"Thierry Breton" is not in the cited [1]'),
    });
  });

  it('rejects an answer that is only markers', () => {
    expect(check('[1] [2]', WHEN_WHERE, 'en')).toEqual({ ok: false, reason: 'answer is only citation markers', removed: [{ text: '[1] [2]', reason: 'only citation markers' }] });
  });

  it('rejects an answer that only restates the question', () => {
    expect(check('The second European Social Economy Summit was held [1].', WHEN_WHERE, 'en')).toMatchObject({ ok: false, reason: 'answer only restates the question' });
  });

  it('removes a sentence that cites nothing', () => {
    const result = check('The second summit was held in Strasbourg on 5 and 6 May 2022 [1]. It was a great success.', WHEN_WHERE, 'en');
    expect(result).toMatchObject({ ok: true, removed: [{ text: 'It was a great success.', reason: 'states something without citing a passage' }] });
  });

  it('falls back when what is left lacks the kind of value the question asks for', () => {
    const result = check('The summit brought together the social economy [1]. It was held in Mannheim [1].', WHEN_WHERE, 'en');
    expect(result).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^answer does not give the date or place the question asks for \(removed: "Mannheim" is not in the cited \[1\] \(it is in \[2\]\)\)$/),
    });
  });

  it('rejects the whole answer when a sentence mixes languages', () => {
    const result = checkClaims({
      sentences: [{ text: 'Der EUSES ist ein sommet européen au service der économie sociale [1].', passages: [1] }],
      passages: PASSAGES,
      question: 'Was ist der EUSES?',
      lang: 'de',
    });
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/^answer mixes de with fr \(/) });
  });
});

describe('checkClaims holds a number to the qualifier the passage gives it', () => {
  const QUALIFIED: ClaimPassage[] = [
    {
      n: 1,
      title: 'La fête des jardins partagés',
      date: '2024-09-15',
      text: 'La fête des jardins partagés a réuni plus de 350 habitants et près de 40 associations. Le quartier compte 12 jardins.',
    },
  ];
  const checkQualified = (answer: string, question: string, lang: string) =>
    checkClaims({ sentences: sentencesWithMarkers(answer, lang), passages: QUALIFIED, question, lang, expected: expectedAnswerTypes(question, lang) });
  const HOW_MANY = 'How many residents came to the shared gardens festival?';

  it('keeps the qualifier said in another language ("more than 350", "über 350", "más de 350")', () => {
    expect(checkQualified('More than 350 residents came to the festival [1].', HOW_MANY, 'en').ok).toBe(true);
    expect(checkQualified('Über 350 Anwohner kamen zum Gartenfest [1].', 'Wie viele Anwohner kamen zum Gartenfest?', 'de').ok).toBe(true);
    expect(checkQualified('Vinieron más de 350 vecinos a la fiesta [1].', '¿Cuántos vecinos vinieron a la fiesta de los huertos?', 'es').ok).toBe(true);
  });

  it('rejects a number stated bare where the passage qualifies it: "350" of "plus de 350" is a stronger claim', () => {
    const result = checkQualified('350 residents came to the festival [1].', HOW_MANY, 'en');
    expect(result.ok).toBe(false);
    expect(result.removed[0].reason).toBe('"350" is not what the cited [1] says: "more than 350"');
  });

  it('rejects a rounded number under the same qualifier ("more than 300" of "plus de 350")', () => {
    const result = checkQualified('More than 300 residents came to the festival [1].', HOW_MANY, 'en');
    expect(result.ok).toBe(false);
    expect(result.removed[0].reason).toBe('"300" is not in the cited [1]');
  });

  it('rejects a qualifier turned round or added ("fewer than 350", "more than 12 gardens")', () => {
    expect(checkQualified('Fewer than 350 residents came to the festival [1].', HOW_MANY, 'en').ok).toBe(false);
    expect(checkQualified('The district has more than 12 gardens [1].', 'How many gardens does the district have?', 'en').ok).toBe(false);
  });

  it('keeps a qualifier that only weakens the passage ("about 12" of "12", "about 40" of "près de 40")', () => {
    expect(checkQualified('The district has about 12 gardens [1].', 'How many gardens does the district have?', 'en').ok).toBe(true);
    expect(checkQualified('About 40 associations took part [1].', 'How many associations took part in the festival?', 'en').ok).toBe(true);
    expect(checkQualified('Nearly 40 associations took part [1].', 'How many associations took part in the festival?', 'en').ok).toBe(true);
  });
});

describe('checkClaims: "you can still" for a question that asks whether one still can, when the cited passages date nothing after today', () => {
  // Made-up passages: a workshop of last year, written without its year, and one of next year.
  const past: ClaimPassage = { n: 1, title: 'Atelier vélo', date: '2025-03-01', text: 'Le samedi 8 mars, de 10h à 12h, l’atelier vélo apprend à réparer un vélo. Inscription sur le site.' };
  const howTo: ClaimPassage = { n: 3, title: 'S’inscrire', date: null, text: 'Pour s’inscrire à un atelier, remplissez le formulaire du site.' };
  const coming: ClaimPassage = { n: 2, title: 'Atelier couture', date: '2026-11-20', text: 'L’atelier couture aura lieu le 12 janvier 2027. Inscription sur le site.' };
  const checkStill = (answer: string, question: string, lang: string) =>
    checkClaims({ sentences: sentencesWithMarkers(answer, lang), passages: [past, coming, howTo], question, lang, today: new Date('2026-12-06T12:00:00Z') });

  it('rejects it when everything the cited passage dates is over (the article’s year completes "8 mars")', () => {
    const result = checkStill('Vous pouvez encore vous inscrire à l’atelier vélo du samedi 8 mars [1].', 'Puis-je encore m’inscrire à l’atelier vélo ?', 'fr');
    expect(result.ok).toBe(false);
    expect(result.removed[0].reason).toBe('it says it still holds, but the cited [1] dates nothing after 2025-03-08, before today (2026-12-06)');
    expect(checkStill('Yes, you can still sign up for the bike workshop on 8 March [1].', 'Can I still sign up for the bike workshop?', 'en').ok).toBe(false);
    // A cited passage that dates nothing does not make it current.
    expect(checkStill('Vous pouvez encore vous inscrire à l’atelier vélo du samedi 8 mars en remplissant le formulaire [1][3].', 'Puis-je encore m’inscrire à l’atelier vélo ?', 'fr').ok).toBe(false);
  });

  it('keeps it for what is still to come, and when the question does not ask whether it still holds', () => {
    expect(checkStill('Vous pouvez encore vous inscrire à l’atelier couture du 12 janvier 2027 [2].', 'Puis-je encore m’inscrire à l’atelier couture ?', 'fr').ok).toBe(true);
    expect(checkStill('L’atelier vélo a encore eu lieu le samedi 8 mars [1].', 'Quand a eu lieu l’atelier vélo ?', 'fr').ok).toBe(true);
  });
});

describe('checkClaims: a sentence that speaks of the future, when the cited passages date nothing after today', () => {
  // Made-up passages: an announcement of last year, one of next year, and an undated how-to.
  const announced: ClaimPassage = { n: 1, title: 'Forum des jardins', date: '2025-09-01', text: 'Le forum des jardins partagés se tiendra les 14 et 15 novembre 2025 à Angers.' };
  const coming: ClaimPassage = { n: 2, title: 'Forum des ateliers', date: '2026-11-20', text: 'Le forum des ateliers aura lieu le 12 janvier 2027 à Tours.' };
  const howTo: ClaimPassage = { n: 3, title: 'Venir au forum', date: null, text: 'Le forum est gratuit et ouvert à tous.' };
  const today = new Date('2026-12-06T12:00:00Z');
  const checkFuture = (answer: string, question: string, lang: string, day = today) =>
    checkClaims({ sentences: sentencesWithMarkers(answer, lang), passages: [announced, coming, howTo], question, lang, today: day });

  it('rejects an announcement copied a year after the event, in any of its languages', () => {
    const fr = checkFuture('Le forum des jardins partagés aura lieu les 14 et 15 novembre 2025 à Angers [1].', 'Quand a lieu le forum des jardins partagés ?', 'fr');
    expect(fr.ok).toBe(false);
    expect(fr.removed[0].reason).toBe('it speaks of it as still to come, but the cited [1] date nothing after 2025-11-15, before today (2026-12-06)');
    expect(checkFuture('The shared gardens forum will take place on 14 and 15 November 2025 in Angers [1].', 'When is the shared gardens forum?', 'en').ok).toBe(false);
    expect(checkFuture('El foro de los huertos compartidos se celebrará el 14 y 15 de noviembre de 2025 en Angers [1].', '¿Cuándo es el foro de los huertos compartidos?', 'es').ok).toBe(false);
    expect(checkFuture('Das Forum der Gemeinschaftsgärten wird am 14. und 15. November 2025 in Angers stattfinden [1].', 'Wann ist das Forum der Gemeinschaftsgärten?', 'de').ok).toBe(false);
    expect(checkFuture('Il forum degli orti condivisi si terrà il 14 e 15 novembre 2025 ad Angers [1].', 'Quando si tiene il forum degli orti condivisi?', 'it').ok).toBe(false);
  });

  it('keeps it for what is still to come, for the past told as past, and on the day before the event', () => {
    expect(checkFuture('Le forum des ateliers aura lieu le 12 janvier 2027 à Tours [2].', 'Quand a lieu le forum des ateliers ?', 'fr').ok).toBe(true);
    expect(checkFuture('Le forum des jardins partagés a eu lieu les 14 et 15 novembre 2025 à Angers [1].', 'Quand a eu lieu le forum des jardins partagés ?', 'fr').ok).toBe(true);
    // The passage's own words, quoted, keep their tense.
    expect(checkFuture('The forum was held in Angers: « Le forum des jardins partagés se tiendra les 14 et 15 novembre 2025 à Angers » [1].', 'Where was the forum?', 'en').ok).toBe(true);
    expect(checkFuture('Le forum des jardins partagés aura lieu les 14 et 15 novembre 2025 à Angers [1].', 'Quand a lieu le forum ?', 'fr', new Date('2025-11-13T12:00:00Z')).ok).toBe(true);
  });

  it('an undated passage (no date in its text, no article date) gives no verdict', () => {
    expect(checkFuture('Le forum sera gratuit et ouvert à tous [3].', 'Le forum est-il gratuit ?', 'fr').ok).toBe(true);
  });
});

describe('checkClaims: a number the passage gives as the pool something was chosen from is not how many were chosen', () => {
  // Made-up passages: a garden chosen among more than 60 projects, and a call where 12 of 40 were chosen.
  const prize: ClaimPassage = { n: 1, title: 'Prix des jardins', date: '2024-06-01', text: 'Retenu parmi plus de 60 projets, le jardin de Tours a reçu le prix régional.' };
  const call: ClaimPassage = { n: 2, title: 'Appel à projets', date: '2024-02-01', text: 'Sur 40 dossiers reçus, 12 projets ont été sélectionnés par le jury.' };
  const checkPool = (answer: string, question: string, lang: string) => checkClaims({ sentences: sentencesWithMarkers(answer, lang), passages: [prize, call], question, lang });

  it('rejects "more than 60 were selected" of "chosen among more than 60", in any language', () => {
    const fr = checkPool('Plus de 60 projets ont été retenus pour le prix [1].', 'Combien de projets ont candidaté au prix des jardins ?', 'fr');
    expect(fr.ok).toBe(false);
    expect(fr.removed[0].reason).toBe('"60" is what the cited [1] chose among, not how many were chosen');
    expect(checkPool('More than 60 projects were selected for the prize [1].', 'How many projects applied for the garden prize?', 'en').ok).toBe(false);
    expect(checkPool('Mehr als 60 Projekte wurden für den Preis ausgewählt [1].', 'Wie viele Projekte haben sich beworben?', 'de').ok).toBe(false);
  });

  it('keeps the pool told as a pool, the number of applicants, and a number chosen that the passage gives', () => {
    expect(checkPool('Le jardin de Tours a été retenu parmi plus de 60 projets [1].', 'Combien de projets ont candidaté au prix des jardins ?', 'fr').ok).toBe(true);
    expect(checkPool('More than 60 projects applied for the prize [1].', 'How many projects applied for the garden prize?', 'en').ok).toBe(true);
    expect(checkPool('The garden of Tours was selected from more than 60 projects [1].', 'How many projects applied for the garden prize?', 'en').ok).toBe(true);
    expect(checkPool('Der Garten wurde aus mehr als 60 Projekten ausgewählt [1].', 'Wie viele Projekte haben sich beworben?', 'de').ok).toBe(true);
    expect(checkPool('12 projets ont été sélectionnés par le jury [2].', 'Combien de projets ont été sélectionnés ?', 'fr').ok).toBe(true);
  });
});

describe('checkClaims: a count of days must be one the cited passages give, not a day of their dates', () => {
  // Made-up passages: two events a day apart, and a two-day fair.
  const MARKETS: ClaimPassage[] = [
    { n: 1, title: 'Marché des producteurs', date: '2024-10-20', text: 'Le marché des producteurs a eu lieu le 14 octobre. La foire aux livres a suivi le 15 octobre 2024.' },
    { n: 2, title: 'Foire des métiers', date: '2023-05-01', text: 'La foire des métiers s’est tenue les 9 et 10 mai 2023 à Tours.' },
  ];
  const checkDays = (answer: string, question: string, lang: string) => checkClaims({ sentences: sentencesWithMarkers(answer, lang), passages: MARKETS, question, lang });

  it('rejects "14 días después" where 14 is a day of the month', () => {
    const result = checkDays('La foire aux livres se celebró 14 días después del mercado [1].', '¿Cuántos días después del mercado fue la feria del libro?', 'es');
    expect(result.ok).toBe(false);
    expect(result.removed[0].reason).toBe('"14 dias" is not a count of days the cited [1] give');
  });

  it('keeps the days between two dates, and a span’s length, in any of the languages', () => {
    expect(checkDays('The book fair followed the market one day later, 1 day after it [1].', 'How many days after the market was the book fair?', 'en').ok).toBe(true);
    expect(checkDays('Die Berufsmesse in Tours dauerte 2 Tage [2].', 'Wie lange dauerte die Berufsmesse?', 'de').ok).toBe(true);
    expect(checkDays('La foire des métiers a duré 3 jours [2].', 'Combien de jours a duré la foire des métiers ?', 'fr').ok).toBe(false);
  });
});
