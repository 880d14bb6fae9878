/**
 * An event's name as a set of words a question in another language can be compared with: the kinds of
 * event and the topics their names carry ("sommet", "Gipfel", "cumbre", "vertice" are one summit;
 * "économie sociale", "social economy", "Sozialwirtschaft" one topic), German compounds split into them
 * ("Sozialwirtschaftsgipfel"), without the small words, years and ordinals (an ordinal is an edition,
 * compared apart). "Europe" and the places a name holds are optional: "the summit in Strasbourg" and
 * "the social economy summit" both name "Sommet européen de l'économie sociale à Strasbourg".
 */
import { indexStopwords } from '../text/analyzer.js';
import { foldPlace, PLACE_SPELLINGS, placeOfWord } from '../text/place-names.js';

/** Folded spellings (one or two words) of one concept, in the languages the bot speaks. */
const CONCEPTS: Record<string, string[]> = {
  summit: ['sommet', 'sommets', 'summit', 'summits', 'gipfel', 'cumbre', 'cumbres', 'vertice', 'vertici', 'cimeira', 'cupula', 'top'],
  week: ['semaine', 'week', 'woche', 'semana', 'settimana'],
  forum: ['forum', 'foro', 'foros', 'fora'],
  awards: ['awards', 'award', 'prix', 'preis', 'preise', 'premios', 'premio', 'premi', 'premios', 'prijzen', 'prijs'],
  conference: ['conference', 'conferences', 'konferenz', 'conferencia', 'conferenza', 'conferentie', 'colloque'],
  workshop: ['atelier', 'ateliers', 'workshop', 'workshops', 'taller', 'talleres', 'oficina', 'werkstatt', 'laboratorio'],
  launch: ['lancement', 'lance', 'lancee', 'launch', 'launched', 'lanzamiento', 'lanzo', 'lanzado', 'lancio', 'lanciato', 'lancamento', 'lancou', 'lancering', 'gelanceerd', 'lanceerde'],
  roundtable: ['table ronde', 'round table', 'roundtable', 'runder tisch', 'mesa redonda', 'tavola rotonda', 'rondetafel', 'ronde tafel'],
  socialeconomy: ['economie sociale', 'social economy', 'sozialwirtschaft', 'sozialokonomie', 'economia social', 'economia sociale', 'sociale economie'],
  european: [
    'europe',
    'europa',
    'europeen',
    'europeenne',
    'european',
    'europaisch',
    'europaische',
    'europaischer',
    'europaischen',
    'europeo',
    'europea',
    'europeu',
    'europeia',
    'europees',
    'europese',
  ],
};

/**
 * The same concepts in the 16 other languages the bot speaks, in natural spellings (folded when read)
 * and in the cases a question puts them in ("szczycie", "huippukokouksessa", "sociální ekonomiky");
 * one or two words each ("на върха" stands for "среща на върха", "κορυφής" for "σύνοδος κορυφής").
 */
const MORE_CONCEPTS: Record<string, string[]> = {
  summit: [
    ...['szczyt', 'szczytu', 'szczycie', 'summitu', 'summitě', 'samit', 'samitu', 'samite', 'samita', 'на върха', 'κορυφής', 'summitul', 'summitului', 'cimera', 'cimeres'],
    ...['csúcstalálkozó', 'csúcstalálkozót', 'csúcstalálkozón', 'csúcstalálkozója', 'huippukokous', 'huippukokouksen', 'huippukokouksessa', 'huippukokousta'],
    ...['tippkohtumine', 'tippkohtumise', 'tippkohtumisel', 'samits', 'samitā', 'samitas', 'samite', 'toppmöte', 'toppmötet', 'topmøde', 'topmødet'],
  ],
  week: [
    ...['tydzień', 'tygodnia', 'tygodniu', 'týden', 'týdne', 'týždeň', 'týždňa', 'teden', 'tedna', 'tjedan', 'tjedna', 'седмица', 'седмицата', 'εβδομάδα', 'εβδομάδας'],
    ...['săptămână', 'săptămâna', 'setmana', 'viikko', 'viikon', 'nädal', 'nädala', 'nedēļa', 'nedēļas', 'savaitė', 'savaitės', 'vecka', 'veckan', 'uge', 'ugen'],
  ],
  forum: ['forumu', 'forumie', 'fóra', 'foorumi', 'foorumin', 'foorumissa', 'foorum', 'foorumil', 'forumā', 'foruma', 'forumas', 'forume', 'форум', 'форума', 'φόρουμ', 'fórumon'],
  awards: [
    ...['nagrody', 'nagród', 'ocenenia', 'nagrade', 'награди', 'наградите', 'βραβεία', 'βραβείων', 'premiile', 'premii', 'premis', 'díjak', 'díjakat', 'díjátadó'],
    ...['palkinnot', 'palkintojen', 'auhinnad', 'balvas', 'apdovanojimai', 'apdovanojimų', 'prisutdelning', 'prisutdelningen', 'prisuddeling', 'prisuddelingen'],
  ],
  conference: [
    ...['konferencja', 'konferencji', 'konferencję', 'konference', 'konferenci', 'konferencia', 'konferencie', 'konferenca', 'konferencija', 'konferenciji', 'konferencije'],
    ...['конференция', 'конференцията', 'διάσκεψη', 'διάσκεψης', 'συνέδριο', 'συνεδρίου', 'conferință', 'conferința', 'conferinței', 'conferència', 'konferencián', 'konferenciát'],
    ...['konferenssi', 'konferenssin', 'konferenssissa', 'konverents', 'konverentsi', 'konverentsil', 'konferencē', 'konferences', 'konferencijoje', 'konferencijos'],
    ...['konferens', 'konferensen', 'konferencen'],
  ],
  workshop: [
    ...['warsztat', 'warsztaty', 'warsztatów', 'warsztatach', 'dílna', 'dílny', 'dílně', 'dielňa', 'dielne', 'delavnica', 'delavnice', 'delavnici', 'radionica', 'radionice', 'radionici'],
    ...['работилница', 'работилницата', 'εργαστήριο', 'εργαστηρίου', 'műhely', 'műhelyt', 'työpaja', 'työpajan', 'työpajassa', 'töötuba', 'töötoa', 'darbnīca', 'darbnīcā'],
    ...['dirbtuvės', 'dirbtuvėse', 'verkstad', 'verkstaden', 'værksted', 'værkstedet'],
  ],
  roundtable: [
    ...['okrągły stół', 'okrągłego stołu', 'kulatý stůl', 'kulatého stolu', 'okrúhly stôl', 'okrúhleho stola', 'okrogla miza', 'okrogle mize', 'okrugli stol', 'okruglog stola'],
    ...['кръгла маса', 'кръглата маса', 'στρογγυλό τραπέζι', 'στρογγυλής τραπέζης', 'masă rotundă', 'masa rotundă', 'mesei rotunde', 'taula rodona', 'kerekasztal', 'kerekasztalt'],
    ...['pyöreä pöytä', 'pyöreän pöydän', 'ümarlaud', 'ümarlaua', 'apaļais galds', 'apaļā galda', 'apskritasis stalas', 'apskritojo stalo', 'rundabordssamtal', 'rundbordssamtale'],
  ],
  socialeconomy: [
    ...['ekonomia społeczna', 'ekonomii społecznej', 'ekonomię społeczną', 'gospodarka społeczna', 'gospodarki społecznej', 'sociální ekonomika', 'sociální ekonomiky', 'sociální ekonomice'],
    ...['sociální ekonomie', 'sociální ekonomii', 'sociálna ekonomika', 'sociálnej ekonomiky', 'sociálnej ekonomike', 'socialna ekonomija', 'socialne ekonomije', 'socialni ekonomiji'],
    ...['socijalna ekonomija', 'socijalne ekonomije', 'socijalnoj ekonomiji', 'социална икономика', 'социалната икономика', 'κοινωνική οικονομία', 'κοινωνικής οικονομίας'],
    ...['economie socială', 'economia socială', 'economiei sociale', 'szociális gazdaság', 'szociális gazdasági', 'szociális gazdaságról', 'társadalmi gazdaság', 'sosiaalinen talous'],
    ...['sosiaalisen talouden', 'sosiaalitalous', 'sosiaalitalouden', 'yhteisötalous', 'yhteisötalouden', 'sotsiaalmajandus', 'sotsiaalmajanduse', 'sociālā ekonomika', 'sociālās ekonomikas'],
    ...['sociālajā ekonomikā', 'socialinė ekonomika', 'socialinės ekonomikos', 'socialinėje ekonomikoje', 'social ekonomi', 'sociala ekonomin', 'sociala ekonomins', 'social økonomi'],
    ...['sociale økonomi', 'socialøkonomi', 'socialøkonomiske'],
  ],
  european: [
    ...['europejski', 'europejska', 'europejskie', 'europejskiego', 'europejskiej', 'europejskim', 'evropský', 'evropská', 'evropské', 'evropského', 'evropském', 'evropskou'],
    ...['európsky', 'európska', 'európske', 'európskeho', 'európskom', 'evropski', 'evropska', 'evropsko', 'evropskega', 'europski', 'europska', 'europsko', 'europskog'],
    ...['европейски', 'европейска', 'европейската', 'европейския', 'ευρωπαϊκός', 'ευρωπαϊκή', 'ευρωπαϊκό', 'ευρωπαϊκής', 'ευρωπαϊκού', 'europeană', 'europene', 'europeni'],
    ...['európai', 'eurooppalainen', 'eurooppalaisen', 'euroopan', 'euroopa', 'eiropas', 'europos', 'europinis', 'europeisk', 'europeiska', 'europeiske', 'europæisk', 'europæiske'],
    ...['europie', 'evropě', 'európe', 'evropi', 'europi', 'европа', 'ευρώπη', 'európa', 'eurooppa', 'euroopassa', 'eiropa', 'eiropā', 'europoje'],
  ],
};

const SINGLE = new Map<string, string>();
const PAIRS = new Map<string, string>();
for (const table of [CONCEPTS, MORE_CONCEPTS])
  for (const [id, forms] of Object.entries(table)) for (const f of forms.map(foldPlace)) if (!SINGLE.has(f) && !PAIRS.has(f)) (f.includes(' ') ? PAIRS : SINGLE).set(f, id);
const PLACES = new Map<string, string>();
PLACE_SPELLINGS.forEach((group, i) => group.forEach((p) => !p.includes(' ') && PLACES.set(p, `place${i}`)));
// Parts of a German compound: concept words, with or without the linking "s" ("Sozialwirtschafts|gipfel").
const COMPOUND_PARTS = [...SINGLE.keys()].filter((w) => w.length >= 4);

const STOP = new Set(['fr', 'en', 'de', 'es', 'it', 'pt', 'nl'].flatMap((l) => [...indexStopwords(l)]));
const ORDINAL_OR_FILLER =
  /^(?:\d+(?:er|re|e|st|nd|rd|th)?|first|second|third|premier|premiere|deuxieme|troisieme|erste[nrs]?|zweite[nrs]?|dritte[nrs]?|primer[oa]?|segund[oa]|tercer[oa]?|prim[oa]|second[oa]|terz[oa]|primeir[oa]|terceir[oa]|eerste|tweede|derde|ever|jamais|nouvelle|new|neue[nrs]?|nuev[oa]|nuov[oa]|nov[oa]|nieuwe)$/;

/** A German compound as concept words ("sozialwirtschaftsgipfel" → socialeconomy, summit); null if it is not one. */
function splitCompound(word: string): string[] | null {
  if (!word) return [];
  for (const part of COMPOUND_PARTS) {
    if (!word.startsWith(part)) continue;
    for (const rest of [word.slice(part.length), word.slice(part.length).replace(/^s(?=.)/, '')]) {
      const tail = splitCompound(rest);
      if (tail) return [SINGLE.get(part)!, ...tail];
    }
  }
  return null;
}

/** The words of a name or a question, each as its concept where the table knows one. */
export function conceptWords(text: string): string[] {
  const words = foldPlace(text)
    .split(' ')
    .filter((w) => w && !/^(?:19|20)\d{2}$/.test(w));
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const pair = PAIRS.get(`${words[i]} ${words[i + 1]}`);
    if (pair) {
      out.push(pair);
      i++;
      continue;
    }
    const w = words[i];
    const inflected = placeOfWord(w);
    const known = SINGLE.get(w) ?? PLACES.get(w) ?? (inflected >= 0 ? `place${inflected}` : undefined);
    if (known) out.push(known);
    else if (w.length > 9 && splitCompound(w)?.length) out.push(...splitCompound(w)!);
    else out.push(w);
  }
  return out;
}

export interface NameSignature {
  /** Words every question naming the event must hold (as concepts). */
  required: string[];
  /** Words that count when a question holds them, and are not needed: Europe, places. */
  optional: string[];
}

/** What a name requires of a question that names it, small words, years and ordinals aside. */
export function nameSignature(name: string): NameSignature {
  const words = [...new Set(conceptWords(name).filter((w) => !STOP.has(w) && !ORDINAL_OR_FILLER.test(w)))];
  const optional = words.filter((w) => w === 'european' || w.startsWith('place'));
  return { required: words.filter((w) => !optional.includes(w)), optional };
}

/** The kinds of event a name carries (summit, week, forum…), as concepts. */
const KINDS = new Set(['summit', 'week', 'forum', 'awards', 'conference', 'workshop', 'roundtable']);

/** Whether a concept word (conceptWords) is a kind of event. */
export function isEventKind(concept: string): boolean {
  return KINDS.has(concept);
}

/**
 * Whether a question names an event by its kind and one of its places: "the Mannheim summit", "le sommet
 * de Strasbourg", "der Gipfel in Straßburg" name the summit held there, whatever its full name.
 */
export function kindAndPlaceNamed(names: string[], places: string[], questionWords: Set<string>): boolean {
  const kinds = names.flatMap((n) => conceptWords(n)).filter((w) => KINDS.has(w));
  const placeWords = places.flatMap((p) => conceptWords(p)).filter((w) => !STOP.has(w));
  return kinds.some((k) => questionWords.has(k)) && placeWords.length > 0 && placeWords.some((w) => questionWords.has(w));
}

/**
 * Whether a question names an event by its kind and an acronym of its name: "the GAFAM workshop", "de
 * workshop over de GAFAM" name the workshop "Libérer les organisations ESS des GAFAM" (an acronym of four
 * letters or more, as its name writes it in capitals; shorter ones are too often other things).
 */
export function kindAndAcronymNamed(names: string[], questionWords: Set<string>): boolean {
  const kinds = names.flatMap((n) => conceptWords(n)).filter((w) => KINDS.has(w));
  const acronyms = names.flatMap((n) => n.match(/(?<![\p{L}\p{N}])\p{Lu}{4,}(?![\p{L}\p{N}])/gu) ?? []).map((a) => foldPlace(a));
  return kinds.some((k) => questionWords.has(k)) && acronyms.some((a) => questionWords.has(a));
}

/**
 * How well a question names an event by one of its names: the number of the name's words it holds,
 * or 0 when it lacks one the name requires. A name of fewer than 4 letters in all ("IA") names nothing.
 */
export function nameScore(signature: NameSignature, questionWords: Set<string>): number {
  if (!signature.required.length || signature.required.join('').length < 4) return 0;
  if (!signature.required.every((w) => holds(questionWords, w))) return 0;
  return signature.required.length + signature.optional.filter((w) => holds(questionWords, w)).length;
}

/** The longest case ending a name's word may carry in a question (Finnish "-ssa", Hungarian "-ban"). */
const MAX_CASE_ENDING = 3;

/**
 * Whether the question holds a name's word, as written or with a case ending the languages that
 * inflect names give it: Estonian "Social Good Weeki", Finnish "FNAF-foorumissa", Polish "ActSE-u".
 * Only short endings on words of four letters or more: "Weekend" is not "Week".
 */
function holds(questionWords: Set<string>, word: string): boolean {
  if (questionWords.has(word)) return true;
  if (word.length < 4 || word.startsWith('place')) return false;
  for (const q of questionWords) if (q.length > word.length && q.length - word.length <= MAX_CASE_ENDING && q.startsWith(word)) return true;
  return false;
}

/**
 * The other spellings, in the seven languages the articles and most members write in, of the kind of
 * event or topic a single word names ("cumbre", "Gipfel" → "sommet", "summit"; "Sozialwirtschaft" →
 * "economie sociale", "social economy"); empty for any other word. "European" and launches are left
 * out: every article is European, and a launch is said of platforms as much as of events.
 */
export function sameKindWords(word: string): string[] {
  const folded = foldPlace(word);
  const concept = SINGLE.get(folded);
  if (!concept || concept === 'european' || concept === 'launch') return [];
  return CONCEPTS[concept].filter((w) => w !== folded);
}
