/**
 * What kind of answer a question asks for — a date, a place, a number, a person — read from its
 * interrogative words, and whether a passage window contains such a thing. Extractive answering uses
 * it to prefer "du 25 au 27 novembre 2025, à Paris" over a sentence that merely repeats the topic.
 */
import { MONTH_NUMBER } from '../text/months.js';
import { normalizeText } from '../text/normalize.js';

export type AnswerType = 'date' | 'place' | 'number' | 'person';

/** Interrogatives of each language (accent-folded, lower case), longest first where they overlap. */
const INTERROGATIVES: Record<string, [string, AnswerType[]][]> = {
  en: [['how many', ['number']], ['how much', ['number']], ['what year', ['date']], ['which year', ['date']], ['what date', ['date']], ['when', ['date']], ['where', ['place']], ['who', ['person']], ['whom', ['person']]],
  fr: [['en quelle annee', ['date']], ['quelle annee', ['date']], ['quelle date', ['date']], ['quel jour', ['date']], ['combien', ['number']], ['quand', ['date']], ['qui', ['person']], ['ou', ['place']]],
  es: [['que ano', ['date']], ['en que fecha', ['date']], ['cuantos', ['number']], ['cuantas', ['number']], ['cuanto', ['number']], ['cuando', ['date']], ['donde', ['place']], ['quienes', ['person']], ['quien', ['person']]],
  de: [['welches jahr', ['date']], ['in welchem jahr', ['date']], ['wie viele', ['number']], ['wieviele', ['number']], ['wie viel', ['number']], ['wann', ['date']], ['wo', ['place']], ['wer', ['person']]],
  it: [['che anno', ['date']], ['quale anno', ['date']], ['quanti', ['number']], ['quante', ['number']], ['quanto', ['number']], ['quando', ['date']], ['dove', ['place']], ['chi', ['person']]],
  pt: [['que ano', ['date']], ['quantos', ['number']], ['quantas', ['number']], ['quanto', ['number']], ['quando', ['date']], ['onde', ['place']], ['quem', ['person']]],
  nl: [['welk jaar', ['date']], ['hoeveel', ['number']], ['wanneer', ['date']], ['waar', ['place']], ['wie', ['person']]],
};

export function expectedAnswerTypes(question: string, lang: string): Set<AnswerType> {
  // "où" (where) and "ou" (or) differ only by the accent: French keeps it for that one word.
  const raw = question.toLowerCase();
  const text = ` ${normalizeText(question).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const types = new Set<AnswerType>();
  for (const [phrase, kinds] of INTERROGATIVES[lang] ?? INTERROGATIVES.en) {
    if (lang === 'fr' && phrase === 'ou') {
      if (/(^|[^\p{L}])où([^\p{L}]|$)/u.test(raw)) kinds.forEach((k) => types.add(k));
      continue;
    }
    if (text.includes(` ${phrase} `)) kinds.forEach((k) => types.add(k));
  }
  return types;
}

const MONTH = new RegExp(`\\b(${Object.keys(MONTH_NUMBER).join('|')})\\b`);
const YEAR = /\b(19|20)\d{2}\b/;
const DAY_OR_TIME = /\b\d{1,2}(er|st|nd|rd|th)?\b\s*(\p{L}+\s)?|\b\d{1,2}\s?h(\d{2})?\b/u;
const NUMBER = /\d|\b(deux|trois|quatre|cinq|six|sept|huit|neuf|dix|two|three|four|five|six|seven|eight|nine|ten|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|dois|duas|quatro|seis|sete|oito|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)\b/;
// A capitalised word after a place preposition: "à Paris", "in Mannheim", "en Belgique".
const PLACE = /(?:^|\s)(?:à|a|au|aux|en|in|at|im|nel|nella|em|na|no|op|te|de)\s+(?:la\s+|le\s+|l['’])?\p{Lu}\p{L}+/u;
// Two capitalised words in a row that do not open the sentence: "Nicolas Schmit", "Chris Gordon".
const PERSON = /[^.!?\s]\s+\p{Lu}\p{Ll}+(?:[-\s]\p{Lu}\p{Ll}+)+/u;

/** Share (0–1) of the expected answer types that the text contains. */
export function answerTypeMatch(text: string, expected: Set<AnswerType>): number {
  if (!expected.size) return 0;
  const folded = normalizeText(text);
  let found = 0;
  for (const type of expected) {
    if (type === 'date' && (MONTH.test(folded) || YEAR.test(folded)) && DAY_OR_TIME.test(folded)) found++;
    else if (type === 'date' && YEAR.test(folded)) found += 0.6;
    else if (type === 'number' && NUMBER.test(folded)) found++;
    else if (type === 'place' && PLACE.test(text)) found++;
    else if (type === 'person' && PERSON.test(text)) found++;
  }
  return found / expected.size;
}
