/**
 * Places the SOGA articles name, as each language the bot speaks writes them: an answer in English
 * says "Lisbon" where the article says "Lisbonne", and a claim that says "Brüssel" is checked against
 * a passage that says "Bruxelles" (answer/names.ts). One table for both, so that what an answer may
 * say and what a check accepts never drift apart. Intl has no names for cities, hence the table; a
 * place it does not hold is kept as the article writes it.
 */
import { normalizeText } from './normalize.js';

type Spellings = Record<'fr' | 'en' | 'de' | 'es' | 'it' | 'pt' | 'nl', string> &
  Partial<Record<'pl' | 'cs' | 'sk' | 'sl' | 'hr' | 'bg' | 'el' | 'ro' | 'ca' | 'hu' | 'fi' | 'et' | 'lv' | 'lt' | 'sv' | 'da', string>>;

const same = (name: string): Spellings => ({ fr: name, en: name, de: name, es: name, it: name, pt: name, nl: name });

const PLACES: Spellings[] = [
  {
    ...{ fr: 'Strasbourg', en: 'Strasbourg', de: 'Straßburg', es: 'Estrasburgo', it: 'Strasburgo', pt: 'Estrasburgo', nl: 'Straatsburg' },
    ...{ pl: 'Strasburg', cs: 'Štrasburk', sk: 'Štrasburg', bg: 'Страсбург', el: 'Στρασβούργο', ca: 'Estrasburg', lv: 'Strasbūra', lt: 'Strasbūras' },
  },
  {
    ...{ fr: 'Bruxelles', en: 'Brussels', de: 'Brüssel', es: 'Bruselas', it: 'Bruxelles', pt: 'Bruxelas', nl: 'Brussel' },
    ...{
      pl: 'Bruksela',
      cs: 'Brusel',
      sk: 'Brusel',
      sl: 'Bruselj',
      bg: 'Брюксел',
      el: 'Βρυξέλλες',
      ca: 'Brussel·les',
      hu: 'Brüsszel',
      fi: 'Bryssel',
      et: 'Brüssel',
      lv: 'Brisele',
      lt: 'Briuselis',
      sv: 'Bryssel',
    },
  },
  {
    ...{ fr: 'Lisbonne', en: 'Lisbon', de: 'Lissabon', es: 'Lisboa', it: 'Lisbona', pt: 'Lisboa', nl: 'Lissabon' },
    ...{
      pl: 'Lizbona',
      cs: 'Lisabon',
      sk: 'Lisabon',
      sl: 'Lizbona',
      hr: 'Lisabon',
      bg: 'Лисабон',
      el: 'Λισαβόνα',
      ro: 'Lisabona',
      ca: 'Lisboa',
      hu: 'Lisszabon',
      fi: 'Lissabon',
      et: 'Lissabon',
      lv: 'Lisabona',
      lt: 'Lisabona',
      sv: 'Lissabon',
      da: 'Lissabon',
    },
  },
  {
    fr: 'Ljubljana',
    en: 'Ljubljana',
    de: 'Ljubljana',
    es: 'Liubliana',
    it: 'Lubiana',
    pt: 'Liubliana',
    nl: 'Ljubljana',
    pl: 'Lublana',
    bg: 'Любляна',
    el: 'Λιουμπλιάνα',
    lv: 'Ļubļana',
    lt: 'Liubliana',
  },
  { fr: 'Saint-Sébastien', en: 'San Sebastián', de: 'San Sebastián', es: 'San Sebastián', it: 'San Sebastiano', pt: 'San Sebastián', nl: 'San Sebastián' },
  { ...same('Mannheim'), bg: 'Манхайм', el: 'Μανχάιμ' },
  { ...same('Lille'), bg: 'Лил', el: 'Λιλ' },
  {
    ...{ ...same('Paris'), it: 'Parigi' },
    ...{ pl: 'Paryż', cs: 'Paříž', sk: 'Paríž', sl: 'Pariz', hr: 'Pariz', bg: 'Париж', el: 'Παρίσι', ca: 'París', hu: 'Párizs', fi: 'Pariisi', et: 'Pariis', lv: 'Parīze', lt: 'Paryžius' },
  },
  { fr: 'Londres', en: 'London', de: 'London', es: 'Londres', it: 'Londra', pt: 'Londres', nl: 'Londen' },
  { fr: 'Rome', en: 'Rome', de: 'Rom', es: 'Roma', it: 'Roma', pt: 'Roma', nl: 'Rome' },
  { fr: 'Milan', en: 'Milan', de: 'Mailand', es: 'Milán', it: 'Milano', pt: 'Milão', nl: 'Milaan' },
  { fr: 'Cologne', en: 'Cologne', de: 'Köln', es: 'Colonia', it: 'Colonia', pt: 'Colónia', nl: 'Keulen' },
  { fr: 'Munich', en: 'Munich', de: 'München', es: 'Múnich', it: 'Monaco di Baviera', pt: 'Munique', nl: 'München' },
  { fr: 'Vienne', en: 'Vienna', de: 'Wien', es: 'Viena', it: 'Vienna', pt: 'Viena', nl: 'Wenen' },
  { fr: 'Genève', en: 'Geneva', de: 'Genf', es: 'Ginebra', it: 'Ginevra', pt: 'Genebra', nl: 'Genève' },
  { fr: 'La Haye', en: 'The Hague', de: 'Den Haag', es: 'La Haya', it: "L'Aia", pt: 'Haia', nl: 'Den Haag' },
  { fr: 'Anvers', en: 'Antwerp', de: 'Antwerpen', es: 'Amberes', it: 'Anversa', pt: 'Antuérpia', nl: 'Antwerpen' },
  { fr: 'Varsovie', en: 'Warsaw', de: 'Warschau', es: 'Varsovia', it: 'Varsavia', pt: 'Varsóvia', nl: 'Warschau' },
  { fr: 'Prague', en: 'Prague', de: 'Prag', es: 'Praga', it: 'Praga', pt: 'Praga', nl: 'Praag' },
  { fr: 'Athènes', en: 'Athens', de: 'Athen', es: 'Atenas', it: 'Atene', pt: 'Atenas', nl: 'Athene' },
  { fr: 'Europe', en: 'Europe', de: 'Europa', es: 'Europa', it: 'Europa', pt: 'Europa', nl: 'Europa' },
  { fr: 'France', en: 'France', de: 'Frankreich', es: 'Francia', it: 'Francia', pt: 'França', nl: 'Frankrijk' },
  { fr: 'Allemagne', en: 'Germany', de: 'Deutschland', es: 'Alemania', it: 'Germania', pt: 'Alemanha', nl: 'Duitsland' },
  { fr: 'Espagne', en: 'Spain', de: 'Spanien', es: 'España', it: 'Spagna', pt: 'Espanha', nl: 'Spanje' },
  { fr: 'Italie', en: 'Italy', de: 'Italien', es: 'Italia', it: 'Italia', pt: 'Itália', nl: 'Italië' },
  { fr: 'Belgique', en: 'Belgium', de: 'Belgien', es: 'Bélgica', it: 'Belgio', pt: 'Bélgica', nl: 'België' },
  {
    fr: 'Slovénie',
    en: 'Slovenia',
    de: 'Slowenien',
    es: 'Eslovenia',
    it: 'Slovenia',
    pt: 'Eslovénia',
    nl: 'Slovenië',
    sl: 'Slovenija',
    hr: 'Slovenija',
    pl: 'Słowenia',
    cs: 'Slovinsko',
    sk: 'Slovinsko',
    hu: 'Szlovénia',
    fi: 'Slovenia',
    bg: 'Словения',
    el: 'Σλοβενία',
  },
  { fr: 'Pays-Bas', en: 'Netherlands', de: 'Niederlande', es: 'Países Bajos', it: 'Paesi Bassi', pt: 'Países Baixos', nl: 'Nederland' },
  { ...same('Portugal'), it: 'Portogallo' },
];

/** Accent-folded, ß as ss, punctuation to spaces: the form place names are compared in. */
export function foldPlace(text: string): string {
  return normalizeText(text)
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Every spelling of each place, folded ("strassburg", "strasburgo"…), one group per place. */
export const PLACE_SPELLINGS: string[][] = PLACES.map((p) => [...new Set(Object.values(p).map(foldPlace))]);

const BY_SPELLING = new Map<string, Spellings>();
for (const p of PLACES) for (const name of Object.values(p)) BY_SPELLING.set(foldPlace(name), p);

/**
 * The place as the reader's language writes it ("Lisbonne" → "Lisbon" in English); a venue or a
 * place the table does not hold is kept as written ("Palais des Congrès de Paris"), as is any place
 * for a language the table has no column for.
 */
export function localizePlace(place: string, lang: string): string {
  const spellings = BY_SPELLING.get(foldPlace(place));
  return spellings?.[lang as keyof Spellings] ?? place;
}

/** Every spelling of the place `name` is one of, as the table writes them (none for a place it does not hold). */
export function placeSpellings(name: string): string[] {
  const spellings = BY_SPELLING.get(foldPlace(name));
  return spellings ? [...new Set(Object.values(spellings))] : [];
}

/** One-word spellings (folded) of each place, for reading a place a question inflects. */
const ONE_WORD = PLACE_SPELLINGS.map((group) => group.filter((s) => !s.includes(' ')));

/**
 * The place (its index in PLACE_SPELLINGS) a folded word of a question names, as written or with the
 * case ending the languages that inflect place names give it: "w Strasburgu", "Párizsban",
 * "Pariisissa", "v Bruselu", "Strasbūrā", "Στρασβούργου", "в Лисабон". A spelling of six letters or
 * more may also lose its last letter to the ending ("Lizbona" → "w Lizbonie"). -1 when none.
 */
export function placeOfWord(word: string): number {
  for (let i = 0; i < ONE_WORD.length; i++) {
    for (const s of ONE_WORD[i]) {
      if (word === s) return i;
      if (word.length > s.length && word.length - s.length <= 3 && s.length >= 5 && word.startsWith(s)) return i;
      if (s.length >= 6 && word.length >= s.length && word.length <= s.length + 3 && word.startsWith(s.slice(0, -1))) return i;
    }
  }
  return -1;
}
