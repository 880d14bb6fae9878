import { describe, expect, it } from 'vitest';
import { answerTypeMatch, asksWhetherPast, countedNoun, expectedAnswerTypes, holdsCount, roleAskingWords } from '../../../src/core/answer/answer-type.js';
import { weightedTopicTerms } from '../../../src/core/answer/matching.js';

describe('the kind of answer a question asks for', () => {
  it('reads it from interrogatives in each language', () => {
    expect([...expectedAnswerTypes('When and where does NEC ESS 2025 take place?', 'en')].sort()).toEqual(['date', 'place']);
    expect([...expectedAnswerTypes('Où et quand se déroulera cette édition ?', 'fr')].sort()).toEqual(['date', 'place']);
    expect([...expectedAnswerTypes('¿Cuántos países participaron?', 'es')]).toEqual(['number']);
    expect([...expectedAnswerTypes('Wer hat das Projekt vorgestellt?', 'de')]).toEqual(['person']);
    expect([...expectedAnswerTypes('Hoeveel landen?', 'nl')]).toEqual(['number']);
  });

  it('reads the German "wem" and "wen" (whom) as a question about who', () => {
    expect([...expectedAnswerTypes('Mit wem hat der Verein das Festival organisiert?', 'de')]).toEqual(['person']);
    expect([...expectedAnswerTypes('Wann und von wem wurde das Gesetz beschlossen?', 'de')].sort()).toEqual(['date', 'person']);
    expect([...expectedAnswerTypes('Wen hat die Jury ausgezeichnet?', 'de')]).toEqual(['person']);
  });

  it('reads the feminine singular "how much" of Spanish, Italian and Portuguese', () => {
    expect([...expectedAnswerTypes('¿Cuánta agua se ahorró?', 'es')]).toEqual(['number']);
    expect([...expectedAnswerTypes('Quanta energia consuma il server?', 'it')]).toEqual(['number']);
    expect([...expectedAnswerTypes('Quanta gente votou na assembleia?', 'pt')]).toEqual(['number']);
  });

  it('does not take the day or the year of a date for the count "how many" asks for', () => {
    const count = new Set(['number'] as const);
    expect(answerTypeMatch('Les adhérents se sont retrouvés le 3 mars 2024 à Lyon.', count)).toBe(0);
    expect(answerTypeMatch('Le 3 mars, 450 adhérents se sont retrouvés à Lyon.', count)).toBe(1);
    // A number the question already gives is no answer either.
    expect(answerTypeMatch('Le plan 450 a été voté.', count, new Set(['450']))).toBe(0);
  });

  it('reads "which date / which day" as a date in every language', () => {
    for (const [q, lang] of [
      ['Em que data foi lançado o Social Tech Atlas?', 'pt'],
      ['Op welke dag werd het Social Tech Atlas gelanceerd?', 'nl'],
      ['An welchem Tag wurde der Social Tech Atlas vorgestellt?', 'de'],
      ['In che giorno è stato lanciato il Social Tech Atlas?', 'it'],
      ['¿Qué día se lanzó el Social Tech Atlas?', 'es'],
    ]) {
      expect([...expectedAnswerTypes(q, lang)]).toEqual(['date']);
    }
  });

  it('does not take the French "ou" (or) for "où" (where)', () => {
    expect(expectedAnswerTypes('Intelligence artificielle ou coopérative ?', 'fr').size).toBe(0);
  });

  it('finds dates, places, numbers and people in passages', () => {
    expect(answerTypeMatch('L’édition aura lieu du 25 au 27 novembre 2025 à Paris.', new Set(['date', 'place']))).toBe(1);
    expect(answerTypeMatch('Une plateforme de ressources sur les métiers du numérique.', new Set(['date', 'place']))).toBe(0);
    expect(answerTypeMatch('Trois distributeurs automatiques ferment chaque jour.', new Set(['number']))).toBe(1);
    expect(answerTypeMatch('Le sommet a réuni le commissaire Nicolas Schmit.', new Set(['person']))).toBe(1);
  });

  it('takes "which organisation", "quel commissaire" and their kin for a question about who', () => {
    expect([...expectedAnswerTypes('Which organisation co-financed the forum?', 'en')]).toEqual(['person']);
    expect([...expectedAnswerTypes('Quel commissaire européen a présenté la feuille de route ?', 'fr')]).toEqual(['person']);
    expect([...expectedAnswerTypes('Welche Partner organisieren das Treffen?', 'de')]).toEqual(['person']);
    expect(expectedAnswerTypes('Which topics were discussed?', 'en').size).toBe(0);
    expect(expectedAnswerTypes('What do members get from joining SOGA?', 'en').has('person')).toBe(false);
    expect(expectedAnswerTypes('O que as organizações devem fazer?', 'pt').has('person')).toBe(false);
  });

  it('counts a name as the answer to "who" only when the question does not already give it', () => {
    const who = new Set(['person'] as const);
    const known = new Set(['forum', 'alpha']);
    expect(answerTypeMatch('Le réseau a organisé le Forum Alpha à Lyon.', who, known)).toBe(0);
    expect(answerTypeMatch('Cet événement est cofinancé par la Banque Solidaire.', who, known)).toBe(1);
    expect(answerTypeMatch('Nicolas Schmit (Commissaire à l’Emploi) a ouvert le sommet.', who, known)).toBe(1);
    expect(answerTypeMatch('Le Social Good Accelerator a ouvert le sommet.', who, new Set(['social', 'good', 'accelerator']))).toBe(0);
  });
});

describe('a passage says what something costs', () => {
  it('counts "free" as a price in the languages the bot speaks, but not every English "free"', async () => {
    const { hasPrice } = await import('../../../src/core/answer/answer-values.js');
    expect(hasPrice('La participation est ouverte à toutes et tous, sur inscription gratuite.')).toBe(true);
    expect(hasPrice('Die Teilnahme ist kostenlos.')).toBe(true);
    expect(hasPrice('La entrada es gratuita.')).toBe(true);
    expect(hasPrice('Admission is free of charge.')).toBe(true);
    expect(hasPrice('Le billet coûte 15 € par personne.')).toBe(true);
    // Money paid to participants, or raised, is not what taking part costs.
    expect(hasPrice('Un défraiement de 948€ est possible !')).toBe(false);
    expect(hasPrice('Google soutient le secteur via un fonds européen de 20 millions d’euros.')).toBe(false);
    expect(hasPrice('We build free software for associations.')).toBe(false);
    expect(hasPrice('Feel free to join the workshop.')).toBe(false);
  });
});

describe('the noun of a kind of value', () => {
  it('says what is asked, not about what', async () => {
    const { isValueNoun } = await import('../../../src/core/answer/answer-type.js');
    expect(isValueNoun('steden', 'nl')).toBe(true);
    expect(isValueNoun('ville', 'fr')).toBe(true);
    expect(isValueNoun('sommet', 'fr')).toBe(false);
  });
});

describe('a postal address asked for', () => {
  it('reads "address" in the bot’s languages, and not an e-mail address', () => {
    expect([...expectedAnswerTypes("Qual è l'indirizzo della sede a Parigi?", 'it')]).toContain('address');
    expect([...expectedAnswerTypes('Wie lautet die Anschrift des Vereins?', 'de')]).toContain('address');
    expect([...expectedAnswerTypes("Quelle est l'adresse mail du réseau ?", 'fr')]).toEqual(['email']);
  });
  it('finds a street address or a postcode before a town, not any number', async () => {
    const { hasAddress } = await import('../../../src/core/answer/answer-values.js');
    expect(hasAddress('Le siège est au 12 rue des Lilas, 75011 Paris.')).toBe(true);
    expect(hasAddress('Rendez-vous Rue Royale 150 à Bruxelles.')).toBe(true);
    expect(hasAddress('Das Büro liegt in der Musterstraße 5.')).toBe(true);
    expect(hasAddress('Près de 2 000 participants venus de 14 pays.')).toBe(false);
    expect(hasAddress('Le 17 novembre 2023 marque la fin de NEC ESS Europe.')).toBe(false);
  });
});

describe("the asker's own action is not a place", () => {
  it('asks for a way or a link, not where the event is, in every language', () => {
    for (const [q, lang] of [
      ['Where can I sign up for the summer school?', 'en'],
      ['Où puis-je revoir la conférence de clôture ?', 'fr'],
      ['Wo kann ich mich für den Workshop anmelden?', 'de'],
      ['¿Dónde puedo descargar el informe?', 'es'],
      ['Dove posso iscrivermi al laboratorio?', 'it'],
      ['Onde posso ver a gravação?', 'pt'],
      ['Waar kan ik me inschrijven voor de workshop?', 'nl'],
    ] as const)
      expect(expectedAnswerTypes(q, lang).has('place'), q).toBe(false);
  });
  it('still asks where an event is', () => {
    expect(expectedAnswerTypes('Where will the summer school take place?', 'en').has('place')).toBe(true);
    expect(expectedAnswerTypes('Où se tient la conférence de clôture ?', 'fr').has('place')).toBe(true);
    expect(expectedAnswerTypes('Wo findet der Workshop statt?', 'de').has('place')).toBe(true);
  });
});

describe('"who is <name>?" asks what the person is, not for a name', () => {
  it('asks no name when the question gives one, in every language', () => {
    for (const [q, lang] of [
      ['Who is Marta Lindqvist?', 'en'],
      ['Qui est Marta Lindqvist ?', 'fr'],
      ['Wer ist Marta Lindqvist?', 'de'],
      ['¿Quién es Marta Lindqvist?', 'es'],
      ['Chi è Marta Lindqvist?', 'it'],
      ['Quem é Marta Lindqvist?', 'pt'],
      ['Wie is Marta Lindqvist?', 'nl'],
    ] as const)
      expect(expectedAnswerTypes(q, lang).has('person'), q).toBe(false);
  });
  it('still asks for a name when the question gives a role', () => {
    expect(expectedAnswerTypes('Who is the president of SOGA?', 'en').has('person')).toBe(true);
    expect(expectedAnswerTypes('Who was the moderator of the round table?', 'en').has('person')).toBe(true);
  });
});

describe('the words of a several-word interrogative', () => {
  it('are not the topic where the phrase asks for a date', async () => {
    const { interrogativePhraseWords } = await import('../../../src/core/answer/answer-type.js');
    expect([...interrogativePhraseWords('En quelle année la coopérative a-t-elle ouvert ?', 'fr')]).toEqual(expect.arrayContaining(['quelle', 'annee']));
    expect([...interrogativePhraseWords('Which year did the library open?', 'en')]).toEqual(expect.arrayContaining(['which', 'year']));
    // Elsewhere the same word is the topic: "the year of the summit".
    expect(interrogativePhraseWords("Quel était le thème de l'année européenne ?", 'fr').has('annee')).toBe(false);
  });
});

describe('the kind of answer asked in the 16 other languages the bot speaks', () => {
  it('reads when, where, how many and who in each of them', () => {
    for (const [lang, q, kinds] of [
      ['pl', 'Kiedy rozpoczął się projekt DigiSET?', ['date']],
      ['pl', 'W którym roku powstało stowarzyszenie?', ['date']],
      ['cs', 'Kde sídlí Social Economy Europe?', ['place']],
      ['sk', 'Koľko krajín sa zapojilo do projektu?', ['number']],
      ['sl', 'Kdo je vodil okroglo mizo?', ['person']],
      ['hr', 'Gdje se nalazi sjedište udruge?', ['place']],
      ['bg', 'Кога беше представен докладът?', ['date']],
      ['el', 'Πόσοι εθελοντές βοήθησαν;', ['number']],
      ['ro', 'Cine a moderat dezbaterea?', ['person']],
      ['ca', 'On es va presentar l’informe?', ['place']],
      ['hu', 'Melyik évben alakult az egyesület?', ['date']],
      ['fi', 'Kuka johti työpajaa?', ['person']],
      ['et', 'Mitu liiget on ühingul?', ['number']],
      ['lv', 'Kurā gadā tika dibināta apvienība?', ['date']],
      ['lt', 'Kur vyko apskritojo stalo diskusija?', ['place']],
      ['sv', 'När grundades föreningen?', ['date']],
      ['da', 'Hvem stiftede foreningen?', ['person']],
    ] as const) {
      expect([...expectedAnswerTypes(q, lang)].sort(), `${lang}: ${q}`).toEqual([...kinds]);
    }
  });

  it('reads a word that is an interrogative in one place and something else in another as it is meant', () => {
    // Swedish "var": "where" opening the question, "was" inside it.
    expect([...expectedAnswerTypes('Var ligger föreningens kontor?', 'sv')]).toEqual(['place']);
    expect([...expectedAnswerTypes('"Var ligger kontoret?"', 'sv')]).toEqual(['place']);
    expect(expectedAnswerTypes('Vilka projekt var föreningen med i?', 'sv').size).toBe(0);
    // Danish "hvor" is "where", "hvor mange" is "how many".
    expect([...expectedAnswerTypes('Hvor mange frivillige hjalp til?', 'da')]).toEqual(['number']);
    expect([...expectedAnswerTypes('Hvor ligger kontoret?', 'da')]).toEqual(['place']);
    // Greek "πού" (where) and "που" (that); Bulgarian "кой" (who) and "кои" (which, plural).
    expect([...expectedAnswerTypes('Πού βρίσκεται το γραφείο;', 'el')]).toEqual(['place']);
    expect(expectedAnswerTypes('Ποια είναι τα έργα που στηρίζει η ένωση;', 'el').size).toBe(0);
    expect([...expectedAnswerTypes('Кой води семинара?', 'bg')]).toEqual(['person']);
    expect(expectedAnswerTypes('Кои проекти подкрепя сдружението?', 'bg').size).toBe(0);
    // Hungarian "ki" is "who" opening the question, a verb prefix after a verb.
    expect([...expectedAnswerTypes('Ki vezette a vitát?', 'hu')]).toEqual(['person']);
    expect([...expectedAnswerTypes('Hol osztották ki a díjakat?', 'hu')]).toEqual(['place']);
  });

  it('reads the noun a count asks for, past the verb between them', () => {
    expect(countedNoun('Ile było wolontariuszy na festiwalu?', 'pl')).toBe('wolontariuszy');
    expect(countedNoun('Hur många deltagare kom till mötet?', 'sv')).toBe('deltagare');
    expect(countedNoun('Koliko je partnera u projektu?', 'hr')).toBe('partnera');
    expect(countedNoun('Колко участници дойдоха на срещата?', 'bg')).toBe('участници');
  });

  it('reads kinds of value named by a noun, as the question inflects it', () => {
    expect([...expectedAnswerTypes('W jakim mieście mieści się biuro?', 'pl')]).toEqual(['place']);
    expect([...expectedAnswerTypes('Mikä on yhdistyksen puhelinnumero?', 'fi')]).toEqual(['phone']);
    expect([...expectedAnswerTypes('Cât costă biletul de intrare?', 'ro')]).toEqual(['price']);
  });

  it('reads "has it already happened?" with the verbs of taking place', () => {
    expect(asksWhetherPast('Czy festiwal już się odbył?', 'pl')).toBe(true);
    expect(asksWhetherPast('Onko festivaali jo pidetty?', 'fi')).toBe(true);
    expect(asksWhetherPast('Har festivalen redan ägt rum?', 'sv')).toBe(true);
    expect(asksWhetherPast('Czy już jesteś członkiem?', 'pl')).toBe(false);
  });
});

describe('"who is <name>?" in the 16 other languages asks what the person is', () => {
  it('asks no name when the question gives one, article or not', () => {
    for (const [q, lang] of [
      ['Kto to jest Anna Nowak?', 'pl'],
      ['Kdo je Petr Novák?', 'cs'],
      ['Ποιος είναι ο Γιάννης Παπαδόπουλος;', 'el'],
      ['Ki az a Kovács Anna?', 'hu'],
      ['Vem är Anna Svensson?', 'sv'],
      ['Кой е Иван Петров?', 'bg'],
    ] as const) {
      expect(expectedAnswerTypes(q, lang).has('person'), `${lang}: ${q}`).toBe(false);
    }
    expect([...expectedAnswerTypes('Kto prowadził warsztaty?', 'pl')]).toEqual(['person']);
  });
});

describe('"what position does <name> hold?" asks for the role: its noun and verb are not the topic', () => {
  it.each([
    ['en', 'What position does Marta Ruiz hold at the foundation?', ['position', 'hold']],
    ['fr', 'Quel poste occupe Marta Ruiz à la fondation ?', ['poste', 'occupe']],
    ['es', '¿Qué puesto ocupaba Marta Ruiz en la fundación?', ['puesto', 'ocupaba']],
    ['de', 'Welches Amt bekleidet Marta Ruiz in der Stiftung?', ['amt', 'bekleidet']],
    ['it', 'Che incarico ricopre Marta Ruiz nella fondazione?', ['incarico', 'ricopre']],
    ['pt', 'Que função exerce Marta Ruiz na fundação?', ['funcao', 'exerce']],
    ['nl', 'Welke functie bekleedt Marta Ruiz bij de stichting?', ['functie', 'bekleedt']],
  ])('in %s', (lang, question, asking) => {
    expect([...roleAskingWords(question, lang)].sort()).toEqual([...asking].sort());
    const topic = weightedTopicTerms(question, lang, [lang, 'fr'], null).map((t) => t.word);
    expect(topic).toEqual(expect.arrayContaining(['marta', 'ruiz']));
    for (const word of asking) expect(topic).not.toContain(word);
  });
  it('leaves the words alone where no interrogative determiner asks for the role', () => {
    expect(roleAskingWords('Did the foundation create a new position in 2023?', 'en').size).toBe(0);
    expect(roleAskingWords('Le poste de trésorier est-il vacant ?', 'fr').size).toBe(0);
    expect(weightedTopicTerms('Le poste de trésorier est-il vacant ?', 'fr', ['fr'], null).map((t) => t.word)).toContain('poste');
  });
});

describe('a passage holds a count', () => {
  it('in digits or in words, not in a date or a year', () => {
    expect(holdsCount('La rencontre a réuni 350 bénévoles.', 'fr')).toBe(true);
    expect(holdsCount('Des milliers de donateurs ont répondu.', 'fr')).toBe(true);
    expect(holdsCount('Dozens of volunteers came.', 'en')).toBe(true);
    expect(holdsCount('La campagne précède les élections de 2029, le 4 mars 2029.', 'fr')).toBe(false);
  });
});

describe('a verb that asks what took place', () => {
  it('is not the topic: the articles tell what happened without it', async () => {
    const { happeningWords } = await import('../../../src/core/answer/answer-type.js');
    expect([...happeningWords('What happened at the book fair?', 'en')]).toEqual(['happened']);
    expect([...happeningWords('Was ist auf der Buchmesse passiert?', 'de')]).toEqual(['passiert']);
    expect([...happeningWords('O que aconteceu na feira do livro?', 'pt')]).toEqual(['aconteceu']);
    expect(happeningWords('Who opened the book fair?', 'en').size).toBe(0);
  });
});
