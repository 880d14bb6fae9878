/**
 * The nouns members count things by, across the languages members write in: "deelnemers",
 * "Teilnehmer", "attendees" and "participants" count the same people. Bilingual dictionaries miss
 * many of these ("deelnemers" is in no FreeDict Dutch–French or Dutch–English entry), and a "how
 * many" question is answered only by the number whose own word is the one counted
 * (answer/direct-answer.ts), so the few nouns events are counted by are listed here, accent-folded.
 * The answerability gate reads them too: "Welche Partner…?" is about the passage's "partenaires".
 */
import { normalizeText } from './normalize.js';

const CONCEPTS: Record<string, string[]> = {
  participants: [
    'participants',
    'participant',
    'participantes',
    'participante',
    'participanti',
    'attendees',
    'attendee',
    'people',
    'persons',
    'personnes',
    'visiteurs',
    'visitors',
    'asistentes',
    'personas',
    'teilnehmer',
    'teilnehmende',
    'teilnehmerinnen',
    'besucher',
    'menschen',
    'personen',
    'partecipanti',
    'persone',
    'visitatori',
    'pessoas',
    'deelnemers',
    'bezoekers',
    'mensen',
    'uczestnikow',
    'uczestnicy',
    'osob',
    'deltagare',
    'deltagere',
    'personer',
    'osallistujaa',
    'osallistujat',
    'ucastniku',
    'ucastnici',
  ],
  speakers: [
    'intervenants',
    'intervenantes',
    'intervenant',
    'speakers',
    'speaker',
    'orateurs',
    'conferenciers',
    'panelists',
    'panelistes',
    'redner',
    'rednerinnen',
    'referenten',
    'referentinnen',
    'sprecher',
    'ponentes',
    'oradores',
    'relatori',
    'oratori',
    'palestrantes',
    'sprekers',
    'prelegentow',
    'talare',
    'talere',
    'puhujaa',
    'recniku',
  ],
  countries: ['pays', 'countries', 'country', 'lander', 'landern', 'paises', 'paesi', 'landen', 'krajow', 'maata', 'zemi'],
  members: ['membres', 'members', 'mitglieder', 'miembros', 'socios', 'membri', 'membros', 'leden', 'czlonkow', 'medlemmar', 'medlemmer', 'jasenta', 'clenu'],
  organisations: [
    'organisations',
    'organizations',
    'organisationen',
    'organizaciones',
    'organizzazioni',
    'organizacoes',
    'organisaties',
    'structures',
    'entreprises',
    'companies',
    'unternehmen',
    'empresas',
    'imprese',
    'bedrijven',
    'organizacji',
    'organisationer',
  ],
  volunteers: ['benevoles', 'volunteers', 'ehrenamtliche', 'freiwillige', 'voluntarios', 'volontari', 'vrijwilligers', 'wolontariuszy', 'volontarer', 'frivillige'],
  applications: ['candidatures', 'applications', 'bewerbungen', 'candidaturas', 'candidature', 'aanmeldingen', 'inzendingen', 'zgloszen', 'ansokningar'],
  finalists: ['finalistes', 'finalists', 'finalisten', 'finalistas', 'finalisti', 'finalistow', 'finalister'],
  partners: ['partenaires', 'partners', 'partner', 'partnern', 'parceiros', 'partnerow', 'partnerit'],
  days: ['jours', 'journees', 'days', 'tage', 'tagen', 'dias', 'giorni', 'dagen', 'dni', 'dagar', 'dage', 'paivaa', 'dnu'],
  projects: ['projets', 'projects', 'projekte', 'proyectos', 'progetti', 'projetos', 'projecten', 'projektow', 'projekt'],
  workshops: ['ateliers', 'workshops', 'talleres', 'laboratori', 'oficinas', 'warsztatow'],
};

/**
 * The same nouns in the 16 other languages the bot speaks, in natural spellings (folded when read)
 * and in the cases a count puts them in (Polish and Czech genitive plural "uczestników", "účastníků";
 * Finnish partitive "osallistujaa"; Hungarian and Estonian singular after a number "résztvevő", "osalejat").
 */
const MORE: Record<string, string[]> = {
  participants: [
    ...['uczestników', 'uczestnicy', 'osób', 'účastníků', 'účastníci', 'lidí', 'účastníkov', 'účastníci', 'ľudí', 'udeležencev', 'udeleženci', 'sudionika', 'sudionici', 'ljudi'],
    ...['участници', 'участниците', 'души', 'συμμετέχοντες', 'συμμετεχόντων', 'άτομα', 'participanți', 'participanții', 'persoane', 'participants', 'assistents', 'persones'],
    ...['résztvevő', 'résztvevők', 'résztvevőt', 'ember', 'osallistujaa', 'osallistujat', 'osallistujia', 'henkeä', 'osalejat', 'osalejad', 'inimest', 'dalībnieku', 'dalībnieki', 'cilvēku'],
    ...['dalyvių', 'dalyviai', 'žmonių', 'deltagare', 'deltagarna', 'personer', 'deltagere', 'deltagerne'],
  ],
  speakers: [
    ...['prelegentów', 'prelegenci', 'mówców', 'řečníků', 'řečníci', 'rečníkov', 'rečníci', 'govornikov', 'govorniki', 'govornika', 'govornici', 'говорители', 'лектори'],
    ...['ομιλητές', 'ομιλητών', 'vorbitori', 'vorbitorii', 'ponents', 'előadó', 'előadók', 'előadót', 'puhujaa', 'puhujat', 'esinejat', 'esinejad', 'runātāju', 'runātāji'],
    ...['pranešėjų', 'pranešėjai', 'talare', 'talarna', 'talere', 'oplægsholdere'],
  ],
  countries: [
    ...['krajów', 'kraje', 'zemí', 'země', 'krajín', 'krajiny', 'držav', 'države', 'zemalja', 'zemlje', 'държави', 'χώρες', 'χωρών', 'țări', 'țările', 'països'],
    ...['ország', 'országból', 'maata', 'maasta', 'riiki', 'riigist', 'valstu', 'valstis', 'šalių', 'šalys', 'länder', 'länderna', 'lande', 'landene'],
  ],
  members: [
    ...['członków', 'członkowie', 'členů', 'členové', 'členov', 'členovia', 'članov', 'člani', 'članova', 'članovi', 'членове', 'членовете', 'μέλη', 'μελών', 'membri', 'membrii', 'membres'],
    ...['tagja', 'tagot', 'jäsentä', 'jäsenet', 'jäseniä', 'liiget', 'liikmed', 'biedru', 'biedri', 'narių', 'nariai', 'medlemmar', 'medlemmer'],
  ],
  organisations: [
    ...['organizacji', 'organizacje', 'organizací', 'organizace', 'organizácií', 'organizácie', 'organizacij', 'organizacije', 'organizacija', 'организации', 'οργανώσεις', 'οργανισμοί'],
    ...['organizații', 'organizațiile', 'organitzacions', 'szervezet', 'szervezetek', 'szervezetet', 'järjestöä', 'järjestöt', 'organisaatiota', 'organisatsiooni', 'organisatsioonid'],
    ...['organizāciju', 'organizācijas', 'organizacijų', 'organizacijos', 'organisationer', 'organisationerna', 'organisationerne'],
  ],
  finalists: [
    ...['finalistów', 'finaliści', 'finalistů', 'finalisté', 'finalistov', 'finalisti', 'finalistov', 'finalista', 'финалисти', 'φιναλίστ', 'φιναλίστες', 'finaliști', 'finalistes'],
    ...['döntős', 'döntőst', 'döntősök', 'finalistia', 'finalistit', 'finalisti', 'finālistu', 'finālisti', 'finalistų', 'finalistai', 'finalister', 'finalisterna', 'finalisterne'],
  ],
  days: [...['dni', 'dní', 'dnů', 'dní', 'dni', 'dana', 'дни', 'дена', 'μέρες', 'ημέρες', 'zile', 'dies', 'nap', 'napig', 'päivää', 'päeva', 'dienas', 'dienų', 'dienu', 'dagar', 'dage']],
  partners: [
    ...[
      'partnerów',
      'partneři',
      'partnerov',
      'partnerji',
      'partnera',
      'partneri',
      'партньори',
      'εταίροι',
      'parteneri',
      'socis',
      'partner',
      'partneri',
      'kumppania',
      'partnerit',
      'partnerid',
      'partneru',
      'partnerių',
      'partnerna',
    ],
  ],
  projects: [
    ...[
      'projektów',
      'projekty',
      'projektů',
      'projektov',
      'projektov',
      'projekata',
      'проекта',
      'проекти',
      'έργα',
      'proiecte',
      'projectes',
      'projekt',
      'projektet',
      'hanketta',
      'projekti',
      'projektu',
      'projektų',
      'projekter',
    ],
  ],
  workshops: [
    ...[
      'warsztatów',
      'dílen',
      'workshopů',
      'delavnic',
      'radionica',
      'работилници',
      'εργαστήρια',
      'ateliere',
      'tallers',
      'műhely',
      'työpajaa',
      'töötuba',
      'darbnīcas',
      'dirbtuvių',
      'workshoppar',
      'workshops',
    ],
  ],
  volunteers: [
    ...[
      'wolontariuszy',
      'dobrovolníků',
      'dobrovoľníkov',
      'prostovoljcev',
      'volontera',
      'доброволци',
      'εθελοντές',
      'voluntari',
      'voluntaris',
      'önkéntes',
      'vapaaehtoista',
      'vabatahtlikku',
      'brīvprātīgo',
      'savanorių',
      'volontärer',
      'frivillige',
    ],
  ],
  applications: [
    ...[
      'zgłoszeń',
      'přihlášek',
      'prihlášok',
      'prijav',
      'prijava',
      'кандидатури',
      'αιτήσεις',
      'candidaturi',
      'candidatures',
      'pályázat',
      'hakemusta',
      'taotlust',
      'pieteikumu',
      'paraiškų',
      'ansökningar',
      'ansøgninger',
    ],
  ],
};

const CONCEPT_OF = new Map<string, string>();
for (const table of [CONCEPTS, MORE]) for (const [concept, words] of Object.entries(table)) for (const w of words.map((x) => normalizeText(x))) if (!CONCEPT_OF.has(w)) CONCEPT_OF.set(w, concept);

/** Whether two nouns count the same thing ("deelnemers" / "participants"); false when either is not listed. */
export function countSameThing(a: string, b: string): boolean {
  const ca = CONCEPT_OF.get(normalizeText(a));
  return ca !== undefined && ca === CONCEPT_OF.get(normalizeText(b));
}

/**
 * The other words of the table that count the same thing as `word` ("partner" → "partenaires",
 * "landen" → "pays"); empty when it is not listed. A passage that writes one of them holds the
 * question's noun in its own language, where the dictionaries often lack the entry.
 */
export function sameThingWords(word: string): string[] {
  const concept = CONCEPT_OF.get(normalizeText(word));
  return concept ? CONCEPTS[concept].filter((w) => w !== normalizeText(word)) : [];
}
