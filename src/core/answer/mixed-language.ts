/**
 * Sentences that mix languages: "Coopedia ist ein commun numérique au service der entrepreneuriat
 * coopératif". A whole-answer language detector calls that German and lets it through; a small
 * model writes such sentences when it translates half of a French passage. Each sentence is judged
 * on its own words: quoted spans, [n] markers, the passages' titles and capitalised words (names,
 * and German nouns) are set aside, and what remains is read for function words that belong to one
 * language only and for letters the asked language does not use.
 */
import { normalizeText } from '../text/normalize.js';
import type { LanguageCode } from '../types.js';
import { answerProse } from './answer-language.js';
import { MONTH_NAMES } from '../text/months.js';
import { topicStopwords } from '../text/analyzer.js';

/**
 * Short function words of each language (accent-folded). Not the stop-word lists of the index: those
 * are broad (German's holds "au", "du", "des") and would make every word belong to several languages.
 */
const FUNCTION_WORDS: Record<string, string[]> = {
  fr: [
    'le',
    'la',
    'les',
    'l',
    'un',
    'une',
    'des',
    'du',
    'au',
    'aux',
    'et',
    'est',
    'sont',
    'dans',
    'pour',
    'par',
    'sur',
    'avec',
    'ce',
    'cette',
    'ces',
    'qui',
    'que',
    'dont',
    'il',
    'elle',
    'ils',
    'elles',
    'nous',
    'vous',
    'leur',
    'leurs',
    'son',
    'sa',
    'ses',
    'se',
    'ne',
    'pas',
    'plus',
    'ou',
    'ete',
    'etre',
    'lors',
    'entre',
    'chez',
    'd',
    'de',
    'a',
    'en',
    'qu',
  ],
  en: [
    'the',
    'a',
    'an',
    'and',
    'is',
    'are',
    'was',
    'were',
    'of',
    'to',
    'in',
    'on',
    'for',
    'with',
    'by',
    'from',
    'that',
    'which',
    'this',
    'these',
    'those',
    'it',
    'its',
    'be',
    'been',
    'has',
    'have',
    'had',
    'will',
    'at',
    'as',
    'or',
    'not',
    'their',
    'they',
  ],
  de: [
    'der',
    'die',
    'das',
    'den',
    'dem',
    'des',
    'ein',
    'eine',
    'einen',
    'einem',
    'einer',
    'und',
    'ist',
    'sind',
    'war',
    'wurde',
    'wurden',
    'im',
    'in',
    'mit',
    'fur',
    'von',
    'zu',
    'zum',
    'zur',
    'auf',
    'bei',
    'aus',
    'nach',
    'uber',
    'dass',
    'nicht',
    'auch',
    'als',
    'am',
    'es',
    'sie',
    'er',
    'wird',
    'werden',
    'vom',
    'fand',
    'statt',
  ],
  es: [
    'el',
    'la',
    'los',
    'las',
    'un',
    'una',
    'unos',
    'unas',
    'y',
    'es',
    'son',
    'fue',
    'en',
    'con',
    'para',
    'por',
    'del',
    'al',
    'que',
    'se',
    'de',
    'su',
    'sus',
    'lo',
    'como',
    'pero',
    'mas',
    'esta',
    'entre',
    'a',
  ],
  it: [
    'il',
    'lo',
    'la',
    'gli',
    'le',
    'un',
    'una',
    'uno',
    'e',
    'sono',
    'di',
    'del',
    'della',
    'dei',
    'degli',
    'delle',
    'nel',
    'nella',
    'per',
    'con',
    'da',
    'dal',
    'alla',
    'al',
    'che',
    'si',
    'non',
    'anche',
    'tra',
    'a',
    'in',
    'ha',
  ],
  pt: [
    'o',
    'a',
    'os',
    'as',
    'um',
    'uma',
    'uns',
    'umas',
    'e',
    'sao',
    'foi',
    'em',
    'no',
    'na',
    'nos',
    'nas',
    'do',
    'da',
    'dos',
    'das',
    'para',
    'por',
    'com',
    'que',
    'se',
    'ao',
    'nao',
    'tambem',
    'entre',
    'de',
  ],
  nl: ['de', 'het', 'een', 'en', 'is', 'zijn', 'was', 'werd', 'in', 'op', 'voor', 'met', 'van', 'te', 'door', 'bij', 'uit', 'naar', 'dat', 'die', 'niet', 'ook', 'als', 'om', 'wordt', 'worden'],
};
const FUNCTION_SETS = Object.fromEntries(Object.entries(FUNCTION_WORDS).map(([l, ws]) => [l, new Set(ws)]));

/** Letters beyond a–z that each language writes (lower case). */
const ALPHABETS: Record<string, string> = {
  fr: 'àâæçéèêëîïôœùûüÿ',
  en: '',
  de: 'äöüß',
  es: 'áéíóúüñ',
  it: 'àèéìíîòóùú',
  pt: 'áâãàçéêíóôõú',
  nl: 'áéëïóöüè',
};

/**
 * Word endings one language writes and the asked one never does (accent-folded), for the asked
 * languages where that holds: Spanish, Italian and Portuguese words do not end in "-ique", "-eur(s)",
 * "-if(s)", "-eux", "-aux", "-eau(x)", "-ement(s)" or "-tion(s)" (they write "-ico", "-ivo", "-or", "-ción/-zione/-ção",
 * "-mente/-mento"). "O SOGA fez uma étude … entre acteurs de l'ESS e do numérique" has one French
 * function word, and its accents are Portuguese ones too: its French spellings are the evidence.
 */
const FOREIGN_ENDINGS: Partial<Record<LanguageCode, { lang: LanguageCode; ending: RegExp }[]>> = Object.fromEntries(
  (['es', 'it', 'pt'] as LanguageCode[]).map((asked) => [asked, [{ lang: 'fr', ending: /\p{L}{2}(?:iques?|ifs?|eurs?|eux|aux|eaux?|ements?|tions?)$/u }]]),
);

/**
 * Endings the asked language never writes, that a word copied from a French passage shows as French
 * ("formation of actives associatifs": a French plural adjective in English). Only a copied word
 * counts (the given passages hold it as written), and one is enough: an English sentence may hold
 * "tales" or "sales", never a passage's "associatifs", "sociaux" or "culturelles". English's own
 * loans from French are left out ("technique", "entrepreneurs", "motifs", "bureaux" stay English),
 * and so are German's adjective endings ("soziales", "nationales").
 */
const COPIED_ENDINGS: Partial<Record<LanguageCode, RegExp>> = {
  en: /\p{L}{2}(?:[^o]tifs|[^e]aux|eux|elles)$/u,
  de: /\p{L}{2}(?:[^o]tifs|[^e]aux|eux|iques?)$/u,
  nl: /\p{L}{2}(?:[^o]tifs|[^e]aux|eux|iques?)$/u,
};

/**
 * A sentence mixes languages when it has at least this many function words of the asked language
 * and, of one other language, at least one function word that the asked language does not have, with
 * this many such words in all (counting words written with letters the asked language does not use,
 * and words with endings it never writes, FOREIGN_ENDINGS); or this many words with such endings alone.
 */
export const MIN_EVIDENCE = 2;

export type MixCheck = { ok: true } | { ok: false; sentence: string; other: LanguageCode; reason: string };

/**
 * The words of a sentence that are judged: lower-case words outside quotes, titles, markers and names.
 * Particles between two capitalised words belong to the name ("Maison de la Mutualité").
 */
function judgedWords(sentence: string, titles: readonly string[]): { word: string; afterName: string | null }[] {
  const prose = answerProse(sentence, titles);
  const tokens: { word: string; name: boolean; particle: boolean }[] = [];
  for (const m of prose.matchAll(/[\p{L}\p{M}'’]+/gu)) {
    // A capitalised function word inside the sentence opens a name ("HelloAsso, Le Mouvement
    // Associatif et La Mednum"); only the sentence's first word is capitalised for being first.
    const first = tokens.length === 0;
    const elided = m[0].match(/^([ldjmnstc]|qu)['’](?=\p{L})/iu);
    const parts = elided ? [elided[1], m[0].slice(elided[0].length)] : [m[0].replace(/['’]+$/, '')];
    for (const raw of parts) {
      const folded = normalizeText(raw);
      const functionWord = Object.values(FUNCTION_SETS).some((set) => set.has(folded));
      // A capitalised word is a name (or a German noun) unless it is a function word opening the sentence.
      const capitalised = /^\p{Lu}/u.test(raw);
      tokens.push({ word: raw.toLowerCase(), name: capitalised && (!functionWord || !first), particle: functionWord && !capitalised });
    }
  }
  const out: { word: string; afterName: string | null }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.name) continue;
    if (t.particle) {
      let j = i;
      while (j < tokens.length && tokens[j].particle) j++;
      const inName = i > 0 && tokens[i - 1].name && j < tokens.length && tokens[j].name;
      if (inName) {
        i = j - 1;
        continue;
      }
    }
    out.push({ word: t.word, afterName: i > 0 && tokens[i - 1].name ? normalizeText(tokens[i - 1].word) : null });
  }
  return out;
}

/** Checks one sentence of an answer asked in `asked`. */
/** The words of the passages the model was given, folded (normalizeText), one by one and in order. */
export interface PassageVocabulary {
  words: ReadonlySet<string>;
  /** The passages' words joined by single spaces, with a space at each end. */
  phrases: string;
  /** Their words that are another language's and not the answer's, by a lexicon (foreign-words.ts): folded word → language. */
  foreign?: ReadonlyMap<string, LanguageCode>;
}

const NO_PASSAGES: PassageVocabulary = { words: new Set(), phrases: '' };

export function passageVocabulary(texts: readonly string[], foreign?: ReadonlyMap<string, LanguageCode>): PassageVocabulary {
  const split = texts.map((t) => normalizeText(t).match(/[\p{L}\p{M}]+/gu) ?? []);
  return { words: new Set(split.flat()), phrases: ` ${split.map((ws) => ws.join(' ')).join(' | ')} `, ...(foreign?.size ? { foreign } : {}) };
}

/**
 * `given`: the passages the model was given (passageVocabulary). A word copied
 * from them that the asked language cannot write (letters it does not use, COPIED_ENDINGS, or
 * FOREIGN_ENDINGS) is another language's word put in the sentence, and is evidence enough alone.
 */
export function checkSentenceLanguage(sentence: string, asked: LanguageCode, titles: readonly string[] = [], given: PassageVocabulary = NO_PASSAGES): MixCheck {
  const own = FUNCTION_SETS[asked];
  if (!own) return { ok: true };
  const words = judgedWords(sentence, titles);
  const ownAlphabet = ALPHABETS[asked] ?? '';
  let ownCount = 0;
  const foreign = new Map<string, { functionWords: string[]; letters: string[]; spellings: string[]; copied: string[] }>();
  const add = (lang: string, kind: 'functionWords' | 'letters' | 'spellings' | 'copied', word: string) => {
    const entry = foreign.get(lang) ?? { functionWords: [], letters: [], spellings: [], copied: [] };
    entry[kind].push(word);
    foreign.set(lang, entry);
  };
  for (const { word, afterName } of words) {
    const folded = normalizeText(word);
    if (own.has(folded)) {
      ownCount++;
      continue;
    }
    for (const [lang, set] of Object.entries(FUNCTION_SETS)) if (lang !== asked && set.has(folded)) add(lang, 'functionWords', word);
    // A month named in another language ("terminou le 17 novembre"): a date copied, not translated;
    // one copied from the passages is enough alone ("op 5 en 6 mai 2022" in Dutch).
    // Not a word of the asked language that a month of another is spelled as (Italian "mai", never; French "mai", May).
    if (!MONTH_NAMES[asked]?.includes(folded) && !topicStopwords(asked).has(folded))
      for (const [lang, months] of Object.entries(MONTH_NAMES)) if (lang !== asked && months.includes(folded)) add(lang, given.words.has(folded) ? 'copied' : 'functionWords', word);
    const strange = [...word].filter((ch) => /\p{L}/u.test(ch) && !/[a-z]/.test(ch) && !ownAlphabet.includes(ch));
    if (strange.length) for (const [lang, alphabet] of Object.entries(ALPHABETS)) if (lang !== asked && strange.every((ch) => alphabet.includes(ch))) add(lang, 'letters', word);
    for (const { lang, ending } of FOREIGN_ENDINGS[asked] ?? []) if (ending.test(folded) && !foreign.get(lang)?.letters.includes(word)) add(lang, 'spellings', word);
    // Not a name the passage writes in sentence case after its capitalised word ("the Rencontres numériques").
    if (given.words.has(folded) && !(afterName && given.phrases.includes(` ${afterName} ${folded} `))) {
      const copiedEnding = COPIED_ENDINGS[asked]?.test(folded) || FOREIGN_ENDINGS[asked]?.some(({ ending }) => ending.test(folded));
      const lexicon = given.foreign?.get(folded);
      if (copiedEnding) add('fr', 'copied', word);
      // "sign a charte": no telltale letter or ending, but the passage language's word, not the answer's.
      else if (lexicon) add(lexicon, 'copied', word);
      else for (const [lang, entry] of foreign) if (entry.letters.includes(word)) add(lang, 'copied', word);
    }
  }
  for (const [lang, { functionWords, letters, spellings, copied }] of foreign) {
    const evidence = functionWords.length + letters.length + spellings.length + MIN_EVIDENCE * copied.length;
    // Letters alone are weak (Portuguese writes "é" too); endings the asked language never writes,
    // and a passage's word the asked language cannot write, are not.
    if ((!functionWords.length && spellings.length < MIN_EVIDENCE && !copied.length) || evidence < MIN_EVIDENCE) continue;
    // Mostly the other language's words ("à" and "a" are English's "a" too): a sentence in that language.
    if (functionWords.length > 2 * ownCount) {
      return { ok: false, sentence, other: lang, reason: `sentence is in ${lang}, not ${asked} (${[...new Set([...functionWords, ...letters, ...spellings, ...copied])].join(', ')})` };
    }
    if (ownCount >= MIN_EVIDENCE) {
      return { ok: false, sentence, other: lang, reason: `sentence mixes ${asked} with ${lang} (${[...new Set([...functionWords, ...letters, ...spellings, ...copied])].join(', ')})` };
    }
  }
  return { ok: true };
}
