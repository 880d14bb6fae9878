import { describe, expect, it } from 'vitest';
import { checkSentenceLanguage, passageVocabulary } from '../../../src/core/answer/mixed-language.js';

describe('checkSentenceLanguage rejects sentences that mix languages', () => {
  it.each([
    ['Coopedia ist ein commun numérique au service der entrepreneuriat coopératif [1].', 'de', 'fr'],
    ['El Social Tech Atlas, una base de datos europeana recensant les acteurs du numérique [1].', 'es', 'fr'],
    ['The platform offers des webinaires et des offres d’emploi for members [1].', 'en', 'fr'],
  ])('%s', (sentence, asked, other) => {
    expect(checkSentenceLanguage(sentence, asked)).toMatchObject({ ok: false, other });
  });

  it('rejects a date copied with its month in another language ("terminou le 3 octobre")', () => {
    expect(checkSentenceLanguage('A feira de Lille terminou le 3 octobre 2024 com 500 visitantes [1].', 'pt')).toMatchObject({ ok: false });
    expect(checkSentenceLanguage('A feira de Lille terminou em 3 de outubro de 2024 com 500 visitantes [1].', 'pt')).toEqual({ ok: true });
    expect(checkSentenceLanguage('La fiera di Lille è finita il 3 ottobre 2024 con 500 visitatori [1].', 'it')).toEqual({ ok: true });
  });

  it('rejects French words kept inside a Spanish, Italian or Portuguese sentence by their endings, with no French function word', () => {
    expect(checkSentenceLanguage('A rede apresentou um relatório sobre os animateurs do tecido associatif em Lyon [1].', 'pt')).toMatchObject({
      ok: false,
      other: 'fr',
      reason: 'sentence mixes pt with fr (animateurs, associatif)',
    });
    expect(checkSentenceLanguage('La red publicó una guía para los formateurs sobre la médiation numérique [1].', 'es')).toMatchObject({ ok: false, other: 'fr' });
    expect(checkSentenceLanguage('La rete ha pubblicato una guida per gli educatori sulla mediazione digitale [1].', 'it')).toEqual({ ok: true });
    expect(checkSentenceLanguage('A rede publicou um guia para os formadores sobre a mediação digital [1].', 'pt')).toEqual({ ok: true });
  });

  it('rejects a sentence wholly in another language', () => {
    expect(checkSentenceLanguage('Le sommet s’est tenu à Strasbourg et a réuni des acteurs de l’économie sociale.', 'en')).toMatchObject({
      ok: false,
      other: 'fr',
      reason: expect.stringMatching(/^sentence is in fr, not en/),
    });
  });
});

describe('checkSentenceLanguage keeps names and quotes in another language', () => {
  it.each([
    ['The NEC ESS 2025 takes place at the Maison de la Mutualité in Paris [1].', 'en'],
    ['The NEC ESS 2025 is co-organised by HelloAsso, Le Mouvement Associatif, CG Scop, Emmaüs Connect, and La Mednum [1].', 'en'],
    ['Der NEC ESS 2025 findet vom 25. bis 27. November 2025 in Paris statt [1].', 'de'],
    ['It is described as « un commun numérique au service de l’entrepreneuriat coopératif » [1].', 'en'],
    ['Coopedia est un commun numérique au service de l’entrepreneuriat coopératif [1].', 'fr'],
    ['O NEC ESS 2025 realiza-se em Paris, de 25 a 27 de novembro [1].', 'pt'],
    ['El NEC ESS se celebra en París del 25 al 27 de noviembre [1].', 'es'],
    ['Il NEC ESS 2025 si terrà a Parigi dal 25 al 27 novembre [1].', 'it'],
    ['De NEC ESS 2025 vindt plaats in Parijs van 25 tot 27 november [1].', 'nl'],
  ])('%s', (sentence, asked) => {
    expect(checkSentenceLanguage(sentence, asked)).toEqual({ ok: true });
  });

  it('sets the passages’ titles aside', () => {
    expect(checkSentenceLanguage('The article Les communs numériques au service de l’ESS explains it [1].', 'en', ['Les communs numériques au service de l’ESS'])).toEqual({ ok: true });
  });
});

describe('checkSentenceLanguage rejects a word copied from the passages that the asked language cannot write', () => {
  // Made-up passages and answers.
  const passage = (text: string) => passageVocabulary([text]);
  const fromPassage = passage(
    'La journée de Nantes était consacrée aux outils participatifs et aux réseaux sociaux des bénévoles, avec des rencontres culturelles et des acteurs locaux ; les entrepreneurs y ont présenté une technique unique et leurs motifs.',
  );

  it.each([
    ['The Nantes day was about participatifs tools for volunteers [1].', 'participatifs'],
    ['The day brought together acteurs locaux and volunteers in Nantes [1].', 'locaux'],
    ['The Nantes day trained the bénévoles of the network [1].', 'bénévoles'],
    ['The Nantes day offered rencontres culturelles to the volunteers [1].', 'culturelles'],
  ])('English: %s', (sentence, word) => {
    const result = checkSentenceLanguage(sentence, 'en', [], fromPassage);
    expect(result).toMatchObject({ ok: false, other: 'fr' });
    expect(result.ok ? '' : result.reason).toContain(word);
  });

  it('German: a lowercase French adjective copied from the passage', () => {
    expect(checkSentenceLanguage('Der Tag in Nantes war den participatifs Werkzeugen gewidmet [1].', 'de', [], fromPassage)).toMatchObject({ ok: false, other: 'fr' });
  });

  it('Portuguese: one copied French word is enough, with no French function word', () => {
    expect(checkSentenceLanguage('O dia de Nantes reuniu os voluntários em torno de ferramentas participatifs [1].', 'pt', [], fromPassage)).toMatchObject({ ok: false, other: 'fr' });
  });

  it('keeps English words that French writes too, and French endings the passage does not hold', () => {
    expect(checkSentenceLanguage('The entrepreneurs presented a unique technique and their motifs in Nantes [1].', 'en', [], fromPassage)).toEqual({ ok: true });
    // Not copied: an English sentence may end words in -ales or -eux ("tales", "sales").
    expect(checkSentenceLanguage('The volunteers told tales of their sales in Nantes [1].', 'en', [], fromPassage)).toEqual({ ok: true });
    expect(checkSentenceLanguage('The Nantes day was about participatory tools for volunteers [1].', 'en', [], fromPassage)).toEqual({ ok: true });
  });

  it('keeps French names and quoted titles in an English sentence', () => {
    expect(checkSentenceLanguage('The day was organised by Réseaux Sociaux Bénévoles and Acteurs Locaux in Nantes [1].', 'en', [], fromPassage)).toEqual({ ok: true });
    expect(checkSentenceLanguage('The workshop « outils participatifs des bénévoles » took place in Nantes [1].', 'en', [], fromPassage)).toEqual({ ok: true });
    expect(checkSentenceLanguage('The article Outils participatifs et réseaux sociaux explains it [1].', 'en', ['Outils participatifs et réseaux sociaux'], fromPassage)).toEqual({ ok: true });
    // A name the passage writes in sentence case: its capitalised word, then the copied one.
    expect(checkSentenceLanguage('The Rencontres culturelles took place in Nantes [1].', 'en', [], passage('Les Rencontres culturelles ont eu lieu à Nantes.'))).toEqual({ ok: true });
    expect(checkSentenceLanguage('The volunteers attended rencontres culturelles in Nantes [1].', 'en', [], passage('Les Rencontres culturelles ont eu lieu à Nantes.'))).toMatchObject({ ok: false });
  });

  it('keeps German adjectives that end as French ones do', () => {
    // "nationales" and "globales" are in the French passage as written, and German words too.
    expect(checkSentenceLanguage('Das Netzwerk ist ein nationales und globales Projekt in Nantes [1].', 'de', [], passage('des stratégies nationales et globales'))).toEqual({ ok: true });
  });
});

describe('checkSentenceLanguage rejects a month copied from the passage in its language', () => {
  const passage = passageVocabulary(['Le festival a eu lieu les 3 et 4 juin 2024 à Gand, puis le 12 octobre à Liège.']);

  it.each([
    ['Het festival vond plaats op 3 en 4 juin 2024 in Gent [1].', 'nl'],
    ['The festival took place on 3 and 4 juin 2024 in Ghent [1].', 'en'],
    ['Das Festival fand am 12. octobre in Lüttich statt [1].', 'de'],
  ])('%s', (sentence, asked) => {
    expect(checkSentenceLanguage(sentence, asked, [], passage)).toMatchObject({ ok: false, other: 'fr' });
  });

  it('keeps the month translated, and a month both languages write', () => {
    expect(checkSentenceLanguage('Het festival vond plaats op 3 en 4 juni 2024 in Gent [1].', 'nl', [], passage)).toEqual({ ok: true });
    expect(checkSentenceLanguage('Das Festival fand am 3. und 4. Juni 2024 in Gent statt [1].', 'de', [], passageVocabulary(['Le festival a eu lieu les 3 et 4 mai 2024.']))).toEqual({ ok: true });
    expect(checkSentenceLanguage('Das Festival fand im mai 2024 in Gent statt [1].', 'de', [], passageVocabulary(['Le festival a eu lieu en mai 2024.']))).toEqual({ ok: true });
  });
});

describe('checkSentenceLanguage rejects a copied word a lexicon calls the passage language’s, with no telltale letter or ending', () => {
  // Made-up passage and answers; the lexicon's verdict (foreign-words.ts) is given as the thesauri would.
  const text = 'Les membres signent une charte et rejoignent le plaidoyer du réseau pour le hackathon de Lyon.';
  const foreign = new Map([
    ['charte', 'fr'],
    ['membres', 'fr'],
    ['plaidoyer', 'fr'],
  ]);
  const withLexicon = passageVocabulary([text], foreign);

  it.each([
    ['New members sign a charte before they join the network [1].', 'charte'],
    ['The membres of the network join its advocacy in Lyon [1].', 'membres'],
    ['The network leads a plaidoyer for the hackathon in Lyon [1].', 'plaidoyer'],
  ])('English: %s', (sentence, word) => {
    const result = checkSentenceLanguage(sentence, 'en', [], withLexicon);
    expect(result).toMatchObject({ ok: false, other: 'fr' });
    expect(result.ok ? '' : result.reason).toContain(word);
  });

  it('without the lexicon the same sentence passes (letters and endings cannot tell "charte")', () => {
    expect(checkSentenceLanguage('New members sign a charte before they join the network [1].', 'en', [], passageVocabulary([text]))).toEqual({ ok: true });
  });

  it('keeps the translated sentence, a loan both languages write, a name, and a quote', () => {
    expect(checkSentenceLanguage('New members sign a charter before they join the network [1].', 'en', [], withLexicon)).toEqual({ ok: true });
    expect(checkSentenceLanguage('The network ran a hackathon in Lyon [1].', 'en', [], withLexicon)).toEqual({ ok: true });
    expect(checkSentenceLanguage('The network published its Charte in Lyon [1].', 'en', [], withLexicon)).toEqual({ ok: true });
    expect(checkSentenceLanguage('Members sign « une charte » before they join [1].', 'en', [], withLexicon)).toEqual({ ok: true });
  });
});
