/**
 * What kind of answer a question asks for — a date, a place, a number, a person — read from its
 * interrogative words, and whether a passage window contains such a thing. Extractive answering uses
 * it to prefer "du 25 au 27 novembre 2025, à Paris" over a sentence that merely repeats the topic.
 */
import { MONTH_NUMBER } from '../text/months.js';
import { indexStopwords } from '../text/analyzer.js';
import { normalizeText } from '../text/normalize.js';
import { hasAddress, hasEmail, hasPhone, hasPrice, numbersIn } from './answer-values.js';
import { TITLES_OF_ADDRESS } from './sentences.js';
import { asksPrice } from '../text/price-words.js';
import { asksWhetherStillOpen } from '../text/now-words.js';
import { howLongAgo } from '../text/how-long-ago.js';

export type AnswerType = 'date' | 'place' | 'number' | 'person' | 'phone' | 'email' | 'price' | 'address';

/** The form question words are compared in: accent-folded, punctuation as spaces ("e-mail" → "e mail"). */
export const foldPhrase = (phrase: string) =>
  normalizeText(phrase)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** A table written in natural spellings ("mieście", "πόλη"), read in the folded form questions are compared in. */
function foldTable<T extends unknown[]>(table: Record<string, [string, ...T][]>): Record<string, [string, ...T][]> {
  return Object.fromEntries(Object.entries(table).map(([lang, rows]) => [lang, rows.map(([phrase, ...rest]) => [foldPhrase(phrase), ...rest] as [string, ...T])]));
}

/**
 * Kinds of value named by a noun rather than an interrogative ("the phone number of…", "le prix…").
 * Kept apart from INTERROGATIVES, whose one-word entries are not topic words: these are.
 */
const VALUE_NOUNS: Record<string, [string, AnswerType][]> = foldTable<[AnswerType]>({
  en: [
    ['address', 'address'],
    ['postal address', 'address'],
    ['city', 'place'],
    ['cities', 'place'],
    ['town', 'place'],
    ['phone', 'phone'],
    ['telephone', 'phone'],
    ['email', 'email'],
    ['e mail', 'email'],
    ['price', 'price'],
    ['cost', 'price'],
    ['costs', 'price'],
    ['fee', 'price'],
    ['ticket', 'price'],
  ],
  fr: [
    ['adresse', 'address'],
    ['adresse postale', 'address'],
    ['ville', 'place'],
    ['villes', 'place'],
    ['telephone', 'phone'],
    ['email', 'email'],
    ['e mail', 'email'],
    ['courriel', 'email'],
    ['adresse mail', 'email'],
    ['prix', 'price'],
    ['cout', 'price'],
    ['coute', 'price'],
    ['tarif', 'price'],
    ['billet', 'price'],
  ],
  de: [
    ['adresse', 'address'],
    ['anschrift', 'address'],
    ['stadt', 'place'],
    ['stadten', 'place'],
    ['stadte', 'place'],
    ['telefon', 'phone'],
    ['telefonnummer', 'phone'],
    ['email', 'email'],
    ['e mail', 'email'],
    ['mailadresse', 'email'],
    ['preis', 'price'],
    ['kostet', 'price'],
    ['eintritt', 'price'],
    ['ticket', 'price'],
  ],
  es: [
    ['direccion', 'address'],
    ['domicilio', 'address'],
    ['ciudad', 'place'],
    ['ciudades', 'place'],
    ['telefono', 'phone'],
    ['email', 'email'],
    ['e mail', 'email'],
    ['correo', 'email'],
    ['precio', 'price'],
    ['cuesta', 'price'],
    ['entrada', 'price'],
  ],
  it: [
    ['indirizzo', 'address'],
    ['citta', 'place'],
    ['cittadina', 'place'],
    ['telefono', 'phone'],
    ['email', 'email'],
    ['e mail', 'email'],
    ['posta elettronica', 'email'],
    ['prezzo', 'price'],
    ['costa', 'price'],
    ['costo', 'price'],
    ['biglietto', 'price'],
  ],
  pt: [
    ['endereco', 'address'],
    ['morada', 'address'],
    ['cidade', 'place'],
    ['cidades', 'place'],
    ['telefone', 'phone'],
    ['email', 'email'],
    ['e mail', 'email'],
    ['preco', 'price'],
    ['custa', 'price'],
    ['custo', 'price'],
    ['bilhete', 'price'],
    ['ingresso', 'price'],
  ],
  nl: [
    ['adres', 'address'],
    ['postadres', 'address'],
    ['stad', 'place'],
    ['steden', 'place'],
    ['telefoon', 'phone'],
    ['telefoonnummer', 'phone'],
    ['email', 'email'],
    ['e mail', 'email'],
    ['mailadres', 'email'],
    ['prijs', 'price'],
    ['kost', 'price'],
    ['kosten', 'price'],
    ['ticket', 'price'],
  ],
  // The 16 other languages the bot speaks: natural spellings, folded when the table is read; the
  // forms a question takes ("w którym mieście", "kaupungeissa", "pilsētā") are listed.
  pl: [
    ['adres', 'address'],
    ['adresu', 'address'],
    ['miasto', 'place'],
    ['miasta', 'place'],
    ['mieście', 'place'],
    ['miastach', 'place'],
    ['telefon', 'phone'],
    ['telefonu', 'phone'],
    ['email', 'email'],
    ['e mail', 'email'],
    ['cena', 'price'],
    ['koszt', 'price'],
    ['kosztuje', 'price'],
    ['kosztował', 'price'],
    ['kosztowała', 'price'],
    ['bilet', 'price'],
    ['biletu', 'price'],
  ],
  cs: [
    ['adresa', 'address'],
    ['adresu', 'address'],
    ['město', 'place'],
    ['města', 'place'],
    ['městě', 'place'],
    ['městech', 'place'],
    ['telefon', 'phone'],
    ['telefonní', 'phone'],
    ['telefonu', 'phone'],
    ['email', 'email'],
    ['e mail', 'email'],
    ['cena', 'price'],
    ['stojí', 'price'],
    ['stála', 'price'],
    ['vstupné', 'price'],
    ['vstupenka', 'price'],
  ],
  sk: [
    ['adresa', 'address'],
    ['adresu', 'address'],
    ['mesto', 'place'],
    ['mesta', 'place'],
    ['meste', 'place'],
    ['mestách', 'place'],
    ['telefón', 'phone'],
    ['telefónne', 'phone'],
    ['telefónu', 'phone'],
    ['email', 'email'],
    ['e mail', 'email'],
    ['cena', 'price'],
    ['stojí', 'price'],
    ['stálo', 'price'],
    ['vstupné', 'price'],
    ['vstupenka', 'price'],
  ],
  sl: [
    ['poštni naslov', 'address'],
    ['mesto', 'place'],
    ['mesta', 'place'],
    ['mestu', 'place'],
    ['mestih', 'place'],
    ['telefon', 'phone'],
    ['telefonska', 'phone'],
    ['telefonsko', 'phone'],
    ['email', 'email'],
    ['e pošta', 'email'],
    ['e pošte', 'email'],
    ['cena', 'price'],
    ['stane', 'price'],
    ['stala', 'price'],
    ['vstopnina', 'price'],
    ['vstopnica', 'price'],
  ],
  hr: [
    ['adresa', 'address'],
    ['adresu', 'address'],
    ['grad', 'place'],
    ['grada', 'place'],
    ['gradu', 'place'],
    ['gradovima', 'place'],
    ['telefon', 'phone'],
    ['telefona', 'phone'],
    ['email', 'email'],
    ['e mail', 'email'],
    ['e pošta', 'email'],
    ['cijena', 'price'],
    ['košta', 'price'],
    ['koštala', 'price'],
    ['ulaznica', 'price'],
    ['kotizacija', 'price'],
  ],
  bg: [
    ['адрес', 'address'],
    ['град', 'place'],
    ['града', 'place'],
    ['градове', 'place'],
    ['телефон', 'phone'],
    ['телефонен', 'phone'],
    ['имейл', 'email'],
    ['e mail', 'email'],
    ['цена', 'price'],
    ['цената', 'price'],
    ['струва', 'price'],
    ['струваше', 'price'],
    ['билет', 'price'],
    ['билетът', 'price'],
    ['такса', 'price'],
  ],
  el: [
    ['διεύθυνση', 'address'],
    ['ταχυδρομική διεύθυνση', 'address'],
    ['πόλη', 'place'],
    ['πόλεις', 'place'],
    ['πόλεων', 'place'],
    ['τηλέφωνο', 'phone'],
    ['τηλεφώνου', 'phone'],
    ['email', 'email'],
    ['e mail', 'email'],
    ['ηλεκτρονικό ταχυδρομείο', 'email'],
    ['τιμή', 'price'],
    ['κόστος', 'price'],
    ['κοστίζει', 'price'],
    ['κόστιζε', 'price'],
    ['εισιτήριο', 'price'],
  ],
  ro: [
    ['adresa', 'address'],
    ['adresă', 'address'],
    ['oraș', 'place'],
    ['orașul', 'place'],
    ['orașe', 'place'],
    ['orașele', 'place'],
    ['telefon', 'phone'],
    ['telefonul', 'phone'],
    ['telefonului', 'phone'],
    ['email', 'email'],
    ['e mail', 'email'],
    ['preț', 'price'],
    ['prețul', 'price'],
    ['costă', 'price'],
    ['costul', 'price'],
    ['bilet', 'price'],
    ['biletul', 'price'],
  ],
  ca: [
    ['adreça', 'address'],
    ['adreça postal', 'address'],
    ['ciutat', 'place'],
    ['ciutats', 'place'],
    ['telèfon', 'phone'],
    ['email', 'email'],
    ['e mail', 'email'],
    ['correu electrònic', 'email'],
    ['preu', 'price'],
    ['costa', 'price'],
    ['cost', 'price'],
    ['entrada', 'price'],
  ],
  hu: [
    ['lakcím', 'address'],
    ['postacím', 'address'],
    ['város', 'place'],
    ['városban', 'place'],
    ['városok', 'place'],
    ['városokban', 'place'],
    ['telefon', 'phone'],
    ['telefonszám', 'phone'],
    ['telefonszáma', 'phone'],
    ['email', 'email'],
    ['e mail', 'email'],
    ['ár', 'price'],
    ['ára', 'price'],
    ['kerül', 'price'],
    ['került', 'price'],
    ['jegy', 'price'],
    ['belépő', 'price'],
  ],
  fi: [
    ['osoite', 'address'],
    ['postiosoite', 'address'],
    ['kaupunki', 'place'],
    ['kaupungissa', 'place'],
    ['kaupungeissa', 'place'],
    ['kaupunkia', 'place'],
    ['puhelin', 'phone'],
    ['puhelinnumero', 'phone'],
    ['puhelinnumeroa', 'phone'],
    ['sähköposti', 'email'],
    ['sähköpostiosoite', 'email'],
    ['email', 'email'],
    ['hinta', 'price'],
    ['hintaa', 'price'],
    ['maksaa', 'price'],
    ['maksoi', 'price'],
    ['lippu', 'price'],
    ['pääsymaksu', 'price'],
  ],
  et: [
    ['aadress', 'address'],
    ['postiaadress', 'address'],
    ['linn', 'place'],
    ['linnas', 'place'],
    ['linnades', 'place'],
    ['linnad', 'place'],
    ['telefon', 'phone'],
    ['telefoninumber', 'phone'],
    ['e post', 'email'],
    ['e posti', 'email'],
    ['email', 'email'],
    ['hind', 'price'],
    ['hinda', 'price'],
    ['maksab', 'price'],
    ['maksis', 'price'],
    ['pilet', 'price'],
  ],
  lv: [
    ['adrese', 'address'],
    ['adresi', 'address'],
    ['pilsēta', 'place'],
    ['pilsētā', 'place'],
    ['pilsētās', 'place'],
    ['pilsētas', 'place'],
    ['tālrunis', 'phone'],
    ['tālruņa', 'phone'],
    ['telefons', 'phone'],
    ['telefona', 'phone'],
    ['e pasts', 'email'],
    ['e pasta', 'email'],
    ['email', 'email'],
    ['cena', 'price'],
    ['maksā', 'price'],
    ['maksāja', 'price'],
    ['biļete', 'price'],
  ],
  lt: [
    ['adresas', 'address'],
    ['adresą', 'address'],
    ['miestas', 'place'],
    ['mieste', 'place'],
    ['miestuose', 'place'],
    ['miestai', 'place'],
    ['telefonas', 'phone'],
    ['telefono', 'phone'],
    ['el paštas', 'email'],
    ['el pašto', 'email'],
    ['email', 'email'],
    ['kaina', 'price'],
    ['kainuoja', 'price'],
    ['kainavo', 'price'],
    ['bilietas', 'price'],
  ],
  sv: [
    ['adress', 'address'],
    ['adressen', 'address'],
    ['postadress', 'address'],
    ['stad', 'place'],
    ['staden', 'place'],
    ['städer', 'place'],
    ['städerna', 'place'],
    ['telefon', 'phone'],
    ['telefonnummer', 'phone'],
    ['telefonnumret', 'phone'],
    ['e post', 'email'],
    ['e postadress', 'email'],
    ['email', 'email'],
    ['mejladress', 'email'],
    ['pris', 'price'],
    ['priset', 'price'],
    ['kostar', 'price'],
    ['kostade', 'price'],
    ['biljett', 'price'],
    ['biljetten', 'price'],
    ['inträde', 'price'],
  ],
  da: [
    ['adresse', 'address'],
    ['adressen', 'address'],
    ['postadresse', 'address'],
    ['by', 'place'],
    ['byen', 'place'],
    ['byer', 'place'],
    ['telefon', 'phone'],
    ['telefonnummer', 'phone'],
    ['telefonnummeret', 'phone'],
    ['email', 'email'],
    ['e mail', 'email'],
    ['mailadresse', 'email'],
    ['pris', 'price'],
    ['prisen', 'price'],
    ['koster', 'price'],
    ['kostede', 'price'],
    ['billet', 'price'],
    ['billetten', 'price'],
    ['entré', 'price'],
  ],
});

/** Whether a (folded) word names a kind of value in the language ("steden", "ville", "prix"). */
export function isValueNoun(word: string, lang: string): boolean {
  return (VALUE_NOUNS[lang] ?? VALUE_NOUNS.en).some(([noun]) => noun === word);
}

/**
 * "Has … already happened?": a question about whether a date is past, answered with the date. The
 * word for "already" must come with a verb of taking place: Spanish "ya" and Dutch "al" are common
 * in any yes/no question ("¿Ya es SOGA miembro…?").
 */
const ALREADY: Record<string, string[]> = {
  en: ['already', 'yet'],
  fr: ['deja'],
  de: ['schon', 'bereits'],
  es: ['ya'],
  it: ['gia'],
  pt: ['ja'],
  nl: ['al', 'reeds'],
  pl: ['już'],
  cs: ['už'],
  sk: ['už'],
  sl: ['že'],
  hr: ['već'],
  bg: ['вече'],
  el: ['ήδη'],
  ro: ['deja'],
  ca: ['ja'],
  hu: ['már'],
  fi: ['jo'],
  et: ['juba'],
  lv: ['jau'],
  lt: ['jau'],
  sv: ['redan'],
  da: ['allerede'],
};
/** Verbs of taking place (folded stems; `*` stands for any ending: "odbył*" is "odbyło", "odbyła"…). */
const HAPPENED: Record<string, RegExp> = {
  en: /\b(happen\w*|take[sn]? place|took place|held|over)\b/,
  fr: /\b(eu lieu|lieu|passe|deroule\w*|tenu\w*|termine\w*)\b/,
  de: /\b(stattgefunden|stattfinden|vorbei|gewesen)\b/,
  es: /\b(celebr\w*|tenido lugar|tuvo lugar|pasado|realizad\w*)\b/,
  it: /\b(svolt\w*|tenut\w*|avvenut\w*|passat\w*)\b/,
  pt: /\b(aconteceu|acontecido|realizad\w*|decorreu|passou)\b/,
  nl: /\b(plaatsgevonden|gebeurd|geweest|voorbij|gehouden)\b/,
  ...stemPatterns({
    pl: ['odbył*', 'miał* miejsce', 'minęł*', 'zakończył*'],
    cs: ['konal*', 'proběhl*', 'skončil*', 'uskutečnil*'],
    sk: ['konal*', 'prebehl*', 'skončil*', 'uskutočnil*'],
    sl: ['potekl*', 'potekel', 'zgodil*', 'odvil*', 'končal*'],
    hr: ['održan*', 'održal*', 'završi*', 'dogodi*', 'prošao', 'prošla', 'prošlo'],
    bg: ['проведе*', 'състоя*', 'мина*', 'приключи*'],
    el: ['πραγματοποιήθηκε', 'πραγματοποιήθηκαν', 'έγινε', 'έγιναν', 'διεξήχθη', 'τελείωσε', 'πέρασε'],
    ro: ['avut loc', 'desfășurat*', 'încheiat*', 'trecut'],
    ca: ['celebrat*', 'tingut lloc', 'passat', 'acabat'],
    hu: ['megtartott*', 'megrendezt*', 'lezajlott*', 'véget ért', 'elmúlt'],
    fi: ['pidetty', 'pidettiin', 'järjestetty', 'järjestettiin', 'tapahtunut', 'ohi', 'päättynyt'],
    et: ['toimunud', 'toimus', 'möödas', 'lõppenud', 'läbi'],
    lv: ['notika', 'noticis', 'notikusi', 'beidzies', 'beigusies', 'pagājis', 'pagājusi', 'noritējis', 'noritējusi'],
    lt: ['įvyko', 'vyko', 'pasibaigė', 'praėjo', 'surengtas', 'surengta'],
    sv: ['hänt', 'ägt rum', 'äger rum', 'hållits', 'genomförts', 'över', 'slut'],
    da: ['sket', 'fundet sted', 'afholdt', 'overstået', 'ovre', 'slut'],
  }),
};

/** Folded word patterns, `*` for any ending, matched as whole words of a space-padded folded text. */
function stemPatterns(table: Record<string, string[]>): Record<string, RegExp> {
  const pattern = (w: string) => foldPhrase(w.replace(/\*/g, 'STEMEND')).replace(/stemend/g, '\\p{L}*');
  return Object.fromEntries(Object.entries(table).map(([lang, words]) => [lang, new RegExp(` (?:${words.map(pattern).join('|')}) `, 'u')]));
}

export function asksWhetherPast(question: string, lang: string): boolean {
  const text = ` ${normalizeText(question).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return (ALREADY[lang] ?? ALREADY.en).some((w) => text.includes(` ${foldPhrase(w)} `)) && (HAPPENED[lang] ?? HAPPENED.en).test(text);
}

/**
 * How an interrogative is read where its folded form is ambiguous: `exact`, as written with its accents
 * (French "où" is "where", "ou" is "or"; Greek "πού" / "που", Bulgarian "кой" / "кои"); `initial`, only
 * as the question's first word (Swedish "var" is "where" there and "was" elsewhere; Hungarian "ki" is
 * "who" there and a verb prefix elsewhere); `notBefore`, not when one of these words follows (Danish
 * "hvor" is "where", but "hvor mange" is "how many").
 */
interface Reading {
  exact?: boolean;
  initial?: boolean;
  notBefore?: string[];
}

/** Interrogatives of each language (natural spellings, read folded), longest first where they overlap. */
const INTERROGATIVES: Record<string, [string, AnswerType[], Reading?][]> = readInterrogatives({
  en: [
    ['how many', ['number']],
    ['how much', ['number']],
    ['what year', ['date']],
    ['which year', ['date']],
    ['what date', ['date']],
    ['when', ['date']],
    ['where', ['place']],
    ['who', ['person']],
    ['whom', ['person']],
  ],
  fr: [
    ['en quelle annee', ['date']],
    ['quelle annee', ['date']],
    ['quelle date', ['date']],
    ['quel jour', ['date']],
    ['combien', ['number']],
    ['quand', ['date']],
    ['qui', ['person']],
    ['où', ['place'], { exact: true }],
  ],
  es: [
    ['que ano', ['date']],
    ['en que fecha', ['date']],
    ['que fecha', ['date']],
    ['que dia', ['date']],
    ['cuantos', ['number']],
    ['cuantas', ['number']],
    ['cuanto', ['number']],
    ['cuanta', ['number']],
    ['cuando', ['date']],
    ['donde', ['place']],
    ['quienes', ['person']],
    ['quien', ['person']],
  ],
  de: [
    ['welches jahr', ['date']],
    ['in welchem jahr', ['date']],
    ['welches datum', ['date']],
    ['an welchem tag', ['date']],
    ['wie viele', ['number']],
    ['wieviele', ['number']],
    ['wie viel', ['number']],
    ['wann', ['date']],
    ['wo', ['place']],
    ['wer', ['person']],
    ['wem', ['person']],
    ['wen', ['person']],
    // Open questions: no kind of value, but German's own words ("Worüber sprach … in Ljubljana?" is German).
    ['woruber', []],
    ['wovon', []],
    ['wofur', []],
    ['weshalb', []],
    ['wieso', []],
    ['warum', []],
  ],
  it: [
    ['che anno', ['date']],
    ['quale anno', ['date']],
    ['che data', ['date']],
    ['quale data', ['date']],
    ['che giorno', ['date']],
    ['quanti', ['number']],
    ['quante', ['number']],
    ['quanto', ['number']],
    ['quanta', ['number']],
    ['quando', ['date']],
    ['dove', ['place']],
    ['chi', ['person']],
  ],
  pt: [
    ['que ano', ['date']],
    ['em que data', ['date']],
    ['que data', ['date']],
    ['em que dia', ['date']],
    ['quantos', ['number']],
    ['quantas', ['number']],
    ['quanto', ['number']],
    ['quanta', ['number']],
    ['quando', ['date']],
    ['onde', ['place']],
    ['quem', ['person']],
  ],
  nl: [
    ['welk jaar', ['date']],
    ['welke datum', ['date']],
    ['op welke dag', ['date']],
    ['hoeveel', ['number']],
    ['wanneer', ['date']],
    ['waar', ['place']],
    ['wie', ['person']],
  ],
  pl: [
    ['w którym roku', ['date']],
    ['którego roku', ['date']],
    ['w jakim roku', ['date']],
    ['którego dnia', ['date']],
    ['jakiego dnia', ['date']],
    ['kiedy', ['date']],
    ['gdzie', ['place']],
    ['ilu', ['number']],
    ['ile', ['number']],
    ['kto', ['person']],
    ['kogo', ['person']],
  ],
  cs: [
    ['ve kterém roce', ['date']],
    ['v kterém roce', ['date']],
    ['kterého roku', ['date']],
    ['kterého dne', ['date']],
    ['kdy', ['date']],
    ['kde', ['place']],
    ['kolik', ['number']],
    ['kdo', ['person']],
    ['koho', ['person']],
  ],
  sk: [
    ['v ktorom roku', ['date']],
    ['ktorého roku', ['date']],
    ['ktorého dňa', ['date']],
    ['kedy', ['date']],
    ['kde', ['place']],
    ['koľko', ['number']],
    ['kto', ['person']],
    ['koho', ['person']],
  ],
  sl: [
    ['katerega leta', ['date']],
    ['v katerem letu', ['date']],
    ['katerega dne', ['date']],
    ['kdaj', ['date']],
    ['kje', ['place']],
    ['koliko', ['number']],
    ['kdo', ['person']],
    ['koga', ['person']],
  ],
  hr: [
    ['koje godine', ['date']],
    ['kojeg dana', ['date']],
    ['kojega dana', ['date']],
    ['kada', ['date']],
    ['kad', ['date']],
    ['gdje', ['place']],
    ['koliko', ['number']],
    ['tko', ['person']],
    ['koga', ['person']],
  ],
  bg: [
    ['коя година', ['date']],
    ['през коя година', ['date']],
    ['на коя дата', ['date']],
    ['кой ден', ['date']],
    ['кога', ['date']],
    ['къде', ['place']],
    ['колко', ['number']],
    // "кой" (who) folds to "кои" (which, plural: "кои събития").
    ['кой', ['person'], { exact: true, notBefore: ['ден', 'град', 'месец', 'година'] }],
  ],
  el: [
    ['ποια χρονιά', ['date']],
    ['ποιο έτος', ['date']],
    ['ποια ημερομηνία', ['date']],
    ['ποια μέρα', ['date']],
    ['πότε', ['date']],
    // "πού" (where) folds to "που" (that, which), one of the commonest Greek words.
    ['πού', ['place'], { exact: true }],
    ['πόσοι', ['number']],
    ['πόσες', ['number']],
    ['πόσα', ['number']],
    ['πόσους', ['number']],
    ['πόσο', ['number']],
    ['ποιος', ['person']],
    ['ποιοι', ['person']],
  ],
  ro: [
    ['în ce an', ['date']],
    ['ce an', ['date']],
    ['în ce dată', ['date']],
    ['ce dată', ['date']],
    ['în ce zi', ['date']],
    ['când', ['date']],
    ['unde', ['place']],
    ['câți', ['number']],
    ['câte', ['number']],
    ['cine', ['person']],
  ],
  ca: [
    ['en quin any', ['date']],
    ['quin any', ['date']],
    ['quina data', ['date']],
    ['quin dia', ['date']],
    ['quan', ['date']],
    ['on', ['place']],
    ['quants', ['number']],
    ['quantes', ['number']],
    ['quant', ['number']],
    ['qui', ['person']],
  ],
  hu: [
    ['melyik évben', ['date']],
    ['hányban', ['date']],
    ['melyik napon', ['date']],
    ['mely napon', ['date']],
    ['mikor', ['date']],
    ['hol', ['place']],
    ['hány', ['number']],
    ['hányan', ['number']],
    ['mennyi', ['number']],
    // "ki" is also a verb prefix standing alone ("Hol adták ki a díjakat?").
    ['ki', ['person'], { initial: true }],
    ['kik', ['person']],
    ['kit', ['person'], { initial: true }],
  ],
  fi: [
    ['minä vuonna', ['date']],
    ['minä päivänä', ['date']],
    ['milloin', ['date']],
    ['missä', ['place']],
    ['kuinka monta', ['number']],
    ['montako', ['number']],
    ['kuinka paljon', ['number']],
    ['kuka', ['person']],
    ['ketkä', ['person']],
  ],
  et: [
    ['mis aastal', ['date']],
    ['mis päeval', ['date']],
    ['mis kuupäeval', ['date']],
    ['millal', ['date']],
    ['kus', ['place']],
    ['mitu', ['number']],
    ['kui palju', ['number']],
    ['kes', ['person']],
  ],
  lv: [
    ['kurā gadā', ['date']],
    ['kurā datumā', ['date']],
    ['kurā dienā', ['date']],
    ['kad', ['date']],
    ['kur', ['place']],
    ['cik', ['number']],
    // "kas" asks "who" and "what" alike: no name is asked by it alone.
  ],
  lt: [
    ['kuriais metais', ['date']],
    ['kurią dieną', ['date']],
    ['kokia data', ['date']],
    ['kada', ['date']],
    ['kur', ['place']],
    ['kiek', ['number']],
    // "kas" asks "who" and "what" alike: no name is asked by it alone.
  ],
  sv: [
    ['vilket år', ['date']],
    ['vilket datum', ['date']],
    ['vilken dag', ['date']],
    ['när', ['date']],
    // "var" is "where" when it opens the question, "was" elsewhere ("Vilka evenemang var SOGA med på?").
    ['var', ['place'], { initial: true }],
    ['var någonstans', ['place']],
    ['hur många', ['number']],
    ['hur mycket', ['number']],
    ['vem', ['person']],
    ['vilka personer', ['person']],
  ],
  da: [
    ['hvilket år', ['date']],
    ['hvilken dato', ['date']],
    ['hvilken dag', ['date']],
    ['hvornår', ['date']],
    ['hvor mange', ['number']],
    ['hvor meget', ['number']],
    ['hvor', ['place'], { notBefore: ['mange', 'meget', 'længe', 'ofte', 'stor', 'store', 'gammel'] }],
    ['hvem', ['person']],
  ],
});

/**
 * "Which organisation…", "Quel commissaire…": an interrogative determiner before a noun naming an
 * agent asks for a name, like "who". Nouns accent-folded; plurals by the optional "s".
 */
const AGENT_QUESTIONS: Record<string, { determiners: string[]; nouns: string[] }> = {
  en: {
    determiners: ['which', 'what'],
    nouns: [
      'organisations?',
      'organizations?',
      'associations?',
      'partners?',
      'compan(?:y|ies)',
      'institutions?',
      'foundations?',
      'persons?',
      'people',
      'speakers?',
      'commissioners?',
      'ministers?',
      'members?',
      'networks?',
      'cooperatives?',
      'funders?',
      'sponsors?',
    ],
  },
  fr: {
    determiners: ['quel', 'quels', 'quelle', 'quelles'],
    nouns: [
      'organisations?',
      'organismes?',
      'associations?',
      'partenaires?',
      'entreprises?',
      'structures?',
      'institutions?',
      'fondations?',
      'personnes?',
      'intervenants?',
      'intervenantes?',
      'commissaires?',
      'ministres?',
      'membres?',
      'reseaux?',
      'cooperatives?',
      'financeurs?',
    ],
  },
  es: {
    determiners: ['que', 'cual', 'cuales'],
    nouns: [
      'organizacion(?:es)?',
      'asociacion(?:es)?',
      'socios?',
      'empresas?',
      'entidad(?:es)?',
      'instituciones?',
      'institucion',
      'fundacion(?:es)?',
      'personas?',
      'ponentes?',
      'comisarios?',
      'ministros?',
      'miembros?',
      'redes',
      'red',
      'cooperativas?',
    ],
  },
  de: {
    determiners: ['welche', 'welcher', 'welches', 'welchen'],
    nouns: [
      'organisation(?:en)?',
      'verein(?:e)?',
      'partner(?:n)?',
      'unternehmen',
      'institution(?:en)?',
      'stiftung(?:en)?',
      'person(?:en)?',
      'kommissar(?:in)?',
      'minister(?:in)?',
      'mitglied(?:er)?',
      'netzwerk(?:e)?',
      'genossenschaft(?:en)?',
    ],
  },
  it: {
    determiners: ['quale', 'quali', 'che'],
    nouns: [
      'organizzazion[ei]',
      'associazion[ei]',
      'partner',
      'aziend[ae]',
      'enti',
      'ente',
      'istituzion[ei]',
      'fondazion[ei]',
      'person[ae]',
      'relatori',
      'commissari[oa]?',
      'ministr[oi]',
      'membri',
      'reti',
      'rete',
      'cooperative?',
    ],
  },
  pt: {
    determiners: ['que', 'qual', 'quais'],
    nouns: [
      'organizac(?:ao|oes)',
      'associac(?:ao|oes)',
      'parceiros?',
      'empresas?',
      'entidades?',
      'instituic(?:ao|oes)',
      'fundac(?:ao|oes)',
      'pessoas?',
      'oradores?',
      'comissarios?',
      'ministros?',
      'membros?',
      'redes?',
      'cooperativas?',
    ],
  },
  nl: {
    determiners: ['welke', 'welk'],
    nouns: [
      'organisaties?',
      'verenigingen',
      'vereniging',
      'partners?',
      'bedrijf',
      'bedrijven',
      'instellingen',
      'instelling',
      'stichtingen',
      'stichting',
      'personen',
      'persoon',
      'sprekers?',
      'commissaris',
      'minister',
      'leden',
      'lid',
      'netwerken',
      'netwerk',
      'cooperaties?',
    ],
  },
};

const agentPatterns = new Map<string, RegExp>();
function agentPattern(lang: string): RegExp | null {
  const spec = AGENT_QUESTIONS[lang];
  if (!spec) return null;
  let re = agentPatterns.get(lang);
  if (!re) {
    // The noun right after the determiner, or after one adjective ("which European organisation"),
    // which must not be a function word: "what do members get" asks for a thing, not a name.
    re = new RegExp(` (?:${spec.determiners.join('|')}) (?:([a-z]+) )?(?:${spec.nouns.join('|')}) `);
    agentPatterns.set(lang, re);
  }
  return re;
}

/**
 * "¿Qué cargo ocupa …?", "What position does … hold?", "Quel poste occupe … ?": the role noun after an
 * interrogative determiner, and the verb of holding it, say what is asked (the person's role), not what
 * about: the passage that answers writes the role itself ("secrétaire générale de …"), seldom "poste".
 * Nouns and verbs accent-folded.
 */
const ROLE_QUESTIONS: Record<string, { nouns: string[]; verbs: string[] }> = {
  en: { nouns: ['position', 'role', 'title', 'job', 'post', 'function'], verbs: ['hold', 'holds', 'held', 'have', 'has', 'had', 'occupy', 'occupies', 'occupied', 'play', 'plays', 'played'] },
  fr: { nouns: ['poste', 'role', 'fonction', 'titre', 'mandat'], verbs: ['occupe', 'occupait', 'exerce', 'exercait', 'avait', 'tient', 'joue', 'jouait'] },
  es: { nouns: ['cargo', 'puesto', 'funcion', 'rol', 'papel'], verbs: ['ocupa', 'ocupaba', 'ocupo', 'tiene', 'tenia', 'desempena', 'desempenaba', 'ejerce', 'juega'] },
  de: { nouns: ['position', 'funktion', 'rolle', 'amt', 'stelle', 'titel', 'posten'], verbs: ['hat', 'hatte', 'bekleidet', 'bekleidete', 'innehat', 'inne', 'spielt', 'spielte', 'ubt', 'aus'] },
  it: { nouns: ['ruolo', 'carica', 'posizione', 'funzione', 'incarico'], verbs: ['ricopre', 'ricopriva', 'occupa', 'occupava', 'ha', 'aveva', 'svolge', 'svolgeva'] },
  pt: { nouns: ['cargo', 'funcao', 'papel', 'posicao', 'posto'], verbs: ['ocupa', 'ocupava', 'tem', 'tinha', 'exerce', 'exercia', 'desempenha', 'desempenhava'] },
  nl: { nouns: ['functie', 'rol', 'positie', 'titel', 'baan'], verbs: ['bekleedt', 'bekleedde', 'heeft', 'had', 'vervult', 'vervulde', 'speelt', 'speelde'] },
};

/** Whether a (folded) word is a noun that asks for a role ("position", "cargo", "functie"; see ROLE_QUESTIONS). */
export function isRoleNoun(word: string, lang: string): boolean {
  return Boolean(ROLE_QUESTIONS[lang]?.nouns.includes(word));
}

/** The role noun and holding verbs of a question that asks for someone's role (see ROLE_QUESTIONS); empty otherwise. */
export function roleAskingWords(question: string, lang: string): Set<string> {
  const spec = ROLE_QUESTIONS[lang];
  const determiners = AGENT_QUESTIONS[lang]?.determiners;
  if (!spec || !determiners) return new Set();
  const tokens = normalizeText(question)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const at = tokens.findIndex((w, i) => i > 0 && spec.nouns.includes(w) && determiners.includes(tokens[i - 1]));
  if (at < 0) return new Set();
  return new Set([tokens[at], ...tokens.filter((w) => spec.verbs.includes(w))]);
}

/**
 * The languages whose interrogatives include the question's first word: "wann" is German's alone,
 * "quando" Italian's and Portuguese's. A two-word question ("Wann endet NEC ESS 2025?") is too short
 * for n-grams, yet its first word says its language.
 */
export function languagesAskingWith(question: string): string[] {
  const first = normalizeText(question).match(/\p{L}+/u)?.[0];
  if (!first) return [];
  const langs = Object.keys(INTERROGATIVES).filter((lang) => interrogativeWords(lang).has(first));
  // A word that is an ordinary little word elsewhere says nothing: Catalan "on" (where) is English "on",
  // Swedish "var" is Dutch "var"… only a word no other language uses as one of its own decides.
  return langs.length === 1 && Object.keys(INTERROGATIVES).some((other) => other !== langs[0] && indexStopwords(other).has(first)) ? [] : langs;
}

/** The words of the language's interrogatives ("quantas", "hoeveel"): they say what is asked, not about what. */
export function interrogativeWords(lang: string): Set<string> {
  let words = INTERROGATIVE_WORDS.get(lang);
  if (!words) {
    const table = INTERROGATIVES[lang];
    const spec = AGENT_QUESTIONS[lang];
    // One-word interrogatives only: the words of "what year" / "quel jour" may be the topic elsewhere.
    words = new Set([...(table ?? []).map(([phrase]) => foldPhrase(phrase)).filter((phrase) => !phrase.includes(' ')), ...(spec?.determiners ?? [])]);
    INTERROGATIVE_WORDS.set(lang, words);
  }
  return words;
}

/** interrogativeWords per language, built once: every question reads them, languagesAskingWith all 23. */
const INTERROGATIVE_WORDS = new Map<string, Set<string>>();

/**
 * Verbs that ask what took place ("What happened at the FNAF?", "Was ist beim Gipfel passiert?"): the
 * question is about the event it names; the articles tell what happened without the verb.
 */
const HAPPENING: Record<string, string[]> = {
  en: ['happen', 'happened', 'happens', 'occurred', 'occur'],
  fr: ['passe', 'deroule'],
  de: ['passiert', 'geschehen', 'geschah'],
  es: ['paso', 'ocurrio', 'sucedio'],
  it: ['successo', 'accaduto'],
  pt: ['aconteceu', 'passou'],
  nl: ['gebeurd', 'gebeurde'],
};

/** The question's verbs that ask what took place (HAPPENING): not its topic. */
export function happeningWords(question: string, lang: string): Set<string> {
  const verbs = HAPPENING[lang];
  if (!verbs) return new Set();
  const words = normalizeText(question).split(/[^\p{L}\p{N}]+/u);
  return new Set(words.filter((w) => verbs.includes(w)));
}

/**
 * The words of the several-word interrogatives a question opens with ("en quelle année", "what
 * year", "¿qué año?"): there they ask for a date, they are not the question's topic. Elsewhere the
 * same words may be ("the year of the summit"), so only where the phrase stands.
 */
export function interrogativePhraseWords(question: string, lang: string): Set<string> {
  const text = ` ${normalizeText(question).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const out = new Set<string>();
  for (const [phrase] of INTERROGATIVES[lang] ?? []) if (phrase.includes(' ') && text.includes(` ${phrase} `)) for (const w of phrase.split(' ')) out.add(w);
  return out;
}

/** The words that ask "how many" in each language (accent-folded), and the little words between them and the counted noun. */
const HOW_MANY: Record<string, { ask: RegExp; skip: Set<string> }> = {
  en: { ask: / how (?:many|much) /, skip: new Set(['of', 'the']) },
  fr: { ask: / combien /, skip: new Set(['de', 'd']) },
  de: { ask: / wie ?viele? /, skip: new Set(['an', 'von']) },
  es: { ask: / cuant[oa]s? /, skip: new Set(['de']) },
  it: { ask: / quant[ioae] /, skip: new Set(['di']) },
  pt: { ask: / quant[oa]s? /, skip: new Set(['de']) },
  nl: { ask: / hoeveel /, skip: new Set(['van']) },
  ...howMany({
    pl: ['il[eu]', ['było', 'był', 'była', 'jest', 'są']],
    cs: ['kolik', ['bylo', 'je', 'se']],
    sk: ['kolko', ['bolo', 'je', 'sa']],
    sl: ['koliko', ['je', 'jih', 'bilo']],
    hr: ['koliko', ['je', 'ih', 'bilo', 'se']],
    bg: ['колко', ['са', 'е', 'бяха']],
    el: ['ποσ(?:οι|ες|α|ους|ο)', ['ήταν', 'είναι']],
    ro: ['ca(?:ti|te)', ['de']],
    ca: ['quant(?:s|es|a)?', ['de']],
    hu: ['(?:hany|hanyan|mennyi)', ['volt']],
    fi: ['(?:kuinka monta|montako|kuinka paljon)', ['oli', 'on']],
    et: ['(?:mitu|kui palju)', ['oli', 'on']],
    lv: ['cik(?: daudz)?', ['bija', 'ir']],
    lt: ['kiek', ['buvo', 'yra']],
    sv: ['hur (?:manga|mycket)', ['var', 'är', 'det']],
    da: ['hvor (?:mange|meget)', ['var', 'er', 'der']],
  }),
};

/** "How many" of the 16 other languages: a folded pattern, and the words (natural spellings) between it and the noun. */
function howMany(table: Record<string, [string, string[]]>): Record<string, { ask: RegExp; skip: Set<string> }> {
  return Object.fromEntries(Object.entries(table).map(([lang, [ask, skip]]) => [lang, { ask: new RegExp(` ${ask} `, 'u'), skip: new Set(skip.map(foldPhrase)) }]));
}

/**
 * The noun a "how many" question counts: "quanti relatori" → "relatori", "combien de pays" → "pays",
 * "wie viele Teilnehmer" → "teilnehmer"; null when the question names none ("combien étaient-ils ?").
 * A number answers only when its own word is this noun: "200 participants" does not answer "how many
 * speakers took part", although the question's verb ("partecipato") matches the word "participants".
 */
export function countedNoun(question: string, lang: string): string | null {
  const spec = HOW_MANY[lang];
  if (!spec) return null;
  const text = ` ${normalizeText(question).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const m = spec.ask.exec(text);
  if (!m) return null;
  const after = text
    .slice(m.index + m[0].length)
    .split(' ')
    .filter(Boolean);
  // French may put the noun after the verb: "combien y avait-il de participants", "combien d'intervenants".
  if (lang === 'fr' && after[0] !== 'de' && after[0] !== 'd') {
    const de = after.slice(0, 6).findIndex((w) => w === 'de' || w === 'd');
    return de >= 0 && after[de + 1] ? after[de + 1] : null;
  }
  const noun = after.find((w) => !spec.skip.has(w));
  if (!noun || indexStopwords(lang).has(noun)) return null;
  return noun;
}

/**
 * Whether a question's word names the kind of place it asks for ("city", "villes", "Stadt"): the
 * passage that answers holds an instance ("à Lille"), seldom the noun itself.
 */
export function isPlaceNoun(word: string, lang: string): boolean {
  return (VALUE_NOUNS[lang] ?? VALUE_NOUNS.en).some(([noun, kind]) => kind === 'place' && noun === word);
}

/** Whether a text names a place the way answers do ("à Paris", "in Mannheim"). */
export function hasPlace(text: string): boolean {
  return PLACE.test(text);
}

/** "Where can I…", "où puis-je…", "wo kann ich…": the asker's own action, in the languages the bot speaks. */
const OWN_ACTION =
  / (?:where (?:can|could|do|should|may|must) (?:i|we|one|you|people)|ou (?:puis je|peut on|pouvons nous|dois je|doit on|faut il|est ce que je|est ce qu on|m inscrire|s inscrire)|wo (?:kann|konnte|muss|soll|darf) (?:ich|man|wir)|wo (?:finde|melde|sehe) ich|donde (?:puedo|podemos|se puede|debo|hay que|me inscribo|encuentro)|dove (?:posso|possiamo|si puo|devo|mi iscrivo|trovo)|onde (?:posso|podemos|se pode|devo|me inscrevo|encontro)|waar (?:kan|kun|moet|mag) (?:ik|je|men|we)|waar vind ik) /;

/** "Who is <Name>?" in the languages the bot speaks: the name is given, what it is is asked. */
const WHO_IS = new RegExp(
  [
    "^\\s*[¿¡]?\\s*(?:who(?:'s|’s| is| was)|qui (?:est|était|etait)|wer (?:ist|war)|qui[eé]n (?:es|era|fue)|chi (?:è|e|era|é)|quem (?:é|e|era|foi)|wie (?:is|was)",
    // The 16 other languages, with the article some put before a name (Greek "η", Hungarian "a", Catalan "en").
    '|kto (?:to )?jest|kim (?:jest|był|była)|kdo je bila?|kdo (?:je|byl|byla)|kto (?:je|bol|bola)|tko je (?:bio|bila)|tko je|кой е|коя е|кой беше|коя беше',
    '|ποιος είναι|ποια είναι|ποιος ήταν|ποια ήταν|cine (?:este|e|a fost)|qui (?:és|era|va ser)|ki (?:az|volt)|kuka (?:on|oli)|kes (?:on|oli)|kas (?:ir|bija|yra|buvo)',
    '|vem (?:är|var)|hvem (?:er|var))(?:\\s+(?:ο|η|a|az|en|na|la))?\\s+',
  ].join(''),
  'iu',
);
const asksWhoIsNamed = (question: string) => {
  const m = WHO_IS.exec(question);
  return Boolean(m && /^\p{Lu}/u.test(question.slice(m[0].length)));
};

/** The table in the forms questions are read in: folded, or lower case with its accents where `exact`. */
function readInterrogatives(table: Record<string, [string, AnswerType[], Reading?][]>): Record<string, [string, AnswerType[], Reading?][]> {
  return Object.fromEntries(
    Object.entries(table).map(([lang, rows]) => [
      lang,
      rows.map(([phrase, kinds, reading]) => [reading?.exact ? phrase.toLowerCase() : foldPhrase(phrase), kinds, reading] as [string, AnswerType[], Reading?]),
    ]),
  );
}

/** Whether an interrogative is in the question, read as its table says (Reading). */
function readsAs(phrase: string, reading: Reading | undefined, text: string, raw: string): boolean {
  // One leading space: a question opening with a quotation mark or "¿" still has its first word first.
  const source = ` ${(reading?.exact ? raw : text).trimStart()}`;
  const at = source.indexOf(` ${phrase} `);
  if (at < 0) return false;
  if (reading?.initial && at !== 0) return false;
  const next = source.slice(at + phrase.length + 2).split(' ')[0];
  return !reading?.notBefore?.some((w) => foldPhrase(w) === foldPhrase(next));
}

export function expectedAnswerTypes(question: string, lang: string): Set<AnswerType> {
  // "où" (where) and "ou" (or) differ only by the accent: such words are read as written (Reading.exact).
  const raw = ` ${question.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const text = ` ${normalizeText(question).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const types = new Set<AnswerType>();
  for (const [phrase, kinds, reading] of INTERROGATIVES[lang] ?? INTERROGATIVES.en) {
    if (readsAs(phrase, reading, text, raw)) kinds.forEach((k) => types.add(k));
  }
  // A price is asksPrice's to read: "Preis", "prix", "prijs" are also a prize, "billet" a blog post, "entrada" an entry.
  for (const [noun, kind] of VALUE_NOUNS[lang] ?? VALUE_NOUNS.en) if (kind !== 'price' && text.includes(` ${noun} `)) types.add(kind);
  // "adresse mail", "e-mail address": an e-mail address, not a postal one.
  if (types.has('email')) types.delete('address');
  // "Where can I register / watch the replay?" asks for a way or a link, not where the event is.
  if (OWN_ACTION.test(text)) types.delete('place');
  // "Quem é Gabriela Martin?" asks who that person is (a role, a description), not for a name.
  if (asksWhoIsNamed(question)) types.delete('person');
  // "Is it free?", "¿Hay que pagar…?", "Kostet die Teilnahme etwas?": a price, and the amount is the
  // number "how much" asks. "Who pays for…?" asks for a funder, not a price.
  if (!types.has('person') && asksPrice(question, lang)) types.add('price');
  if (types.has('price')) types.delete('number');
  // "How many years ago…?" asks for a date, counted from today, not for a number.
  if (howLongAgo(question) !== undefined) {
    types.delete('number');
    types.add('date');
  }
  // "Can I still register for…?": whether its date is past answers it (not "is registration still free?", a price).
  if (asksWhetherPast(question, lang) || (!types.size && asksWhetherStillOpen(question, lang))) types.add('date');
  const agent = agentPattern(lang)?.exec(text);
  if (agent && !(agent[1] && indexStopwords(lang).has(agent[1]))) types.add('person');
  return types;
}

const MONTH = new RegExp(`\\b(${Object.keys(MONTH_NUMBER).join('|')})\\b`);
const YEAR = /\b(19|20)\d{2}\b/;
const DAY_OR_TIME = /\b\d{1,2}(er|st|nd|rd|th)?\b\s*(\p{L}+\s)?|\b\d{1,2}\s?h(\d{2})?\b/u;
// Spelled-out small numbers; written numbers are read by numbersIn(), which leaves out dates. Not the ones
// that are other words elsewhere: "dos" (Portuguese "of the"), "tres" (French "très"), "due", "sei", "tien".
export const NUMBER_WORD =
  /\b(deux|trois|quatre|cinq|six|sept|huit|neuf|dix|two|three|four|five|six|seven|eight|nine|ten|cuatro|cinco|seis|siete|ocho|nueve|diez|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|tre|quattro|cinque|sette|otto|nove|dieci|dois|duas|quatro|seis|sete|oito|twee|drie|vier|vijf|zes|zeven|acht|negen)\b/;
// A capitalised word after a place preposition: "à Paris", "in Mannheim", "en Belgique".
const PLACE = /(?:^|\s)(?:à|a|au|aux|en|in|at|im|nel|nella|em|na|no|op|te|de)\s+(?:la\s+|le\s+|l['’])?\p{Lu}\p{L}+/u;
// Two capitalised words in a row that do not open the sentence: "Nicolas Schmit", "Chris Gordon".
// (Sentence-initial names are checked apart: "Nicolas Schmit (Commissaire…)" but not "Le Social…".)
// After a title of address too: "en particulier M. Michel Bauwens".
const PERSON = new RegExp(`(?:^|[^.!?\\s]\\s+|(?<![\\p{L}])(?:${TITLES_OF_ADDRESS})\\.\\s+)(\\p{Lu}\\p{Ll}+(?:[-\\s]\\p{Lu}\\p{Ll}+)+)`, 'gu');
// A one-word brand: "HelloAsso", "GirlEek". (Acronyms are left out: "SOGA" is in every passage.)
const BRAND = /(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}+\p{Lu}\p{L}+)(?![\p{L}\p{N}])/gu;
const FUNCTION_WORDS = new Set(['fr', 'en', 'es', 'de', 'it', 'pt', 'nl'].flatMap((l) => [...indexStopwords(l)]));

/** A name (or brand) of which some word is not already in the question: who it is. */
function hasNewName(text: string, known: Set<string>): boolean {
  for (const re of [PERSON, BRAND]) {
    for (const match of text.matchAll(re)) {
      const nameWords = normalizeText(match[1]).split(/[-\s]+/);
      if (match.index === 0 && FUNCTION_WORDS.has(nameWords[0])) continue;
      if (nameWords.some((w) => !known.has(w))) return true;
    }
  }
  return false;
}

// Counts in words, not digits: "une centaine", "plusieurs dizaines de millions", "hundreds", "Tausende".
const COUNT_WORD =
  /\b(?:centaines?|dizaines?|douzaines?|milliers?|millions?|milliards?|hundreds?|dozens?|thousands?|millions?|billions?|hunderte|dutzende|tausende|millionen|centenares|cientos|decenas|miles|millones|centinaia|decine|migliaia|milioni|centenas|dezenas|milhares|milhoes|honderden|tientallen|duizenden|miljoen)\b/;

/** Whether a text holds a count: a number that is not a date or a year, or a number in words. */
export function holdsCount(text: string, lang: string): boolean {
  const folded = normalizeText(text);
  return numbersIn(text, lang, new Set()).length > 0 || NUMBER_WORD.test(folded) || COUNT_WORD.test(folded);
}

/**
 * Share (0–1) of the expected answer types that the text contains. `known`: the question's own words
 * (normalised); a name the question already gives ("Forum Alpha") does not answer "who".
 */
export function answerTypeMatch(text: string, expected: Set<AnswerType>, known: Set<string> = new Set()): number {
  if (!expected.size) return 0;
  const folded = normalizeText(text);
  let found = 0;
  for (const type of expected) {
    if (type === 'date' && (MONTH.test(folded) || YEAR.test(folded)) && DAY_OR_TIME.test(folded)) found++;
    else if (type === 'date' && YEAR.test(folded)) found += 0.6;
    // A count, not the day or year of a date: "5 et 6 mai" does not answer "how many people".
    else if (type === 'number' && (numbersIn(text, '', known).length > 0 || NUMBER_WORD.test(folded))) found++;
    else if (type === 'place' && PLACE.test(text)) found++;
    else if (type === 'person' && hasNewName(text, known)) found++;
    else if (type === 'phone' && hasPhone(text)) found++;
    else if (type === 'email' && hasEmail(text)) found++;
    else if (type === 'price' && hasPrice(text)) found++;
    else if (type === 'address' && hasAddress(text)) found++;
  }
  return found / expected.size;
}
