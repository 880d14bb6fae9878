/**
 * Questions about time across the articles — "what is the next event?", "which events in 2021 / in
 * October 2021 / since 2023?" — are answered from the events index (built at ingest), not from the one
 * passage retrieval would pick: every matching event is listed with its own citation, and "next" is
 * judged against today (the core's clock), saying so when none is announced and naming the latest.
 */
import type { Messages } from '../i18n.js';
import type { GroupedEvent } from '../events/group-events.js';
import { foldPlace, localizePlace, PLACE_SPELLINGS, placeOfWord } from '../text/place-names.js';
import { conceptWords, kindAndAcronymNamed, kindAndPlaceNamed, nameScore, nameSignature } from '../events/event-words.js';
import { findDateExpressions, firstDay, lastDay, type DateValue } from '../text/date-expressions.js';
import { normalizeText } from '../text/normalize.js';
import { abbreviates } from '../text/acronyms.js';
import { relativePeriods } from '../text/relative-periods.js';
import { asksWhetherStillOpen } from '../text/now-words.js';
import { howLongAgo, type AgoUnit } from '../text/how-long-ago.js';
import type { Citation, FusedHit, LanguageCode } from '../types.js';
import { formatDateValue, ordinalsIn, relativeToNow } from './direct-answer.js';
import { expectedAnswerTypes, foldPhrase, interrogativeWords, type AnswerType } from './answer-type.js';

/** A word list in natural spellings, in the folded form questions are compared in. */
function folded(words: string[]): string[] {
  return [...new Set(words.map(foldPhrase))];
}

export type TimeIntent =
  | { kind: 'next'; question: string; /** Only a name made it an events question: the name must be an event's. */ named?: boolean }
  | {
      kind: 'last';
      question: string;
      named?: boolean;
      /** The places the question names, each as every spelling of it ("paris"; "bruxelles", "brussels", "brussel"…). */
      places: string[][];
    }
  | {
      kind: 'period';
      from: string;
      to: string;
      label: string;
      /** "en 2021 et 2023": each period the question names (2022 is not asked for); absent for one. */
      periods?: { from: string; to: string }[];
      /** Named relative to today ("last year", "il y a trois ans"), not by its date. */
      relative?: boolean;
    };

const NEXT = folded([
  'next',
  'upcoming',
  'coming',
  'prochain',
  'prochaine',
  'prochains',
  'prochaines',
  'a venir',
  'nachste',
  'nachsten',
  'nachstes',
  'nachster',
  'kommende',
  'kommenden',
  'bevorstehende',
  'proximo',
  'proxima',
  'proximos',
  'proximas',
  'prossimo',
  'prossima',
  'prossimi',
  'volgende',
  'komende',
  'eerstvolgende',
  // The 16 other languages: natural spellings, folded when read, in the forms questions put them in.
  'następny',
  'następna',
  'następne',
  'następnego',
  'następnej',
  'najbliższy',
  'najbliższa',
  'najbliższe',
  'najbliższego',
  'najbliższej',
  'nadchodzący',
  'nadchodzące',
  'nadchodzącego',
  'příští',
  'příštího',
  'nadcházející',
  'nejbližší',
  'budúci',
  'budúca',
  'budúce',
  'nasledujúci',
  'nasledujúca',
  'nasledujúce',
  'najbližší',
  'najbližšia',
  'najbližšie',
  'naslednji',
  'naslednja',
  'naslednje',
  'naslednjega',
  'prihodnji',
  'prihodnja',
  'prihodnje',
  'sljedeći',
  'sljedeća',
  'sljedeće',
  'sljedećeg',
  'idući',
  'iduća',
  'iduće',
  'nadolazeći',
  'nadolazeća',
  'следващ',
  'следваща',
  'следващо',
  'следващия',
  'следващият',
  'следващата',
  'следващото',
  'предстоящ',
  'предстояща',
  'предстоящо',
  'предстоящи',
  'предстоящото',
  'предстоящата',
  'επόμενος',
  'επόμενη',
  'επόμενο',
  'επόμενης',
  'επόμενου',
  'επόμενα',
  'επόμενες',
  'προσεχής',
  'προσεχή',
  'επερχόμενη',
  'επερχόμενες',
  'următorul',
  'următoarea',
  'următor',
  'următoare',
  'viitorul',
  'viitoare',
  'viitoarea',
  'propera',
  'propers',
  'properes',
  'vinent',
  'következő',
  'következőt',
  'közelgő',
  'jövőbeli',
  'seuraava',
  'seuraavan',
  'seuraavaa',
  'seuraavassa',
  'tuleva',
  'tulevan',
  'tulevat',
  'tulevia',
  'tulevassa',
  'järgmine',
  'järgmise',
  'järgmisel',
  'järgmised',
  'eelseisev',
  'eelseisva',
  'tulevane',
  'nākamais',
  'nākamā',
  'nākamo',
  'nākamajā',
  'nākošais',
  'nākošā',
  'gaidāmais',
  'gaidāmā',
  'gaidāmie',
  'gaidāmo',
  'kitas',
  'kitą',
  'artimiausias',
  'artimiausia',
  'artimiausią',
  'artimiausio',
  'būsimas',
  'būsima',
  'būsimą',
  'ateinantis',
  'ateinanti',
  'nästa',
  'kommande',
  'närmaste',
  'næste',
  'forestående',
]);
/** What comes next, asked with no event word: "what's next", "als Nächstes", "qu'y a-t-il de prévu". */
const WHATS_NEXT = folded([
  "what's next",
  'whats next',
  'what is next',
  'what comes next',
  "what's coming up",
  'what is coming up',
  'als nächstes',
  'als nächste',
  "qu'est-ce qui est prévu",
  "qu'y a-t-il de prévu",
  'quoi de prévu',
  'qué sigue',
  'qué viene ahora',
  'cosa c’è in programma',
  "cosa c'è in programma",
  'o que vem a seguir',
  'wat staat er op het programma',
  'wat komt er nu',
  'vad händer härnäst',
  'co dalej',
]);

/** "The latest / most recent event", "quand le SOGA a-t-il organisé son dernier événement…". */
const LAST = folded([
  'last',
  'latest',
  'most recent',
  'dernier',
  'derniere',
  'plus recent',
  'plus recente',
  'letzte',
  'letzten',
  'letztes',
  'zuletzt',
  'jungste',
  'ultimo',
  'ultima',
  'mas reciente',
  'piu recente',
  'mais recente',
  'laatste',
  'meest recente',
  'recentste',
  // The 16 other languages: natural spellings, folded when read, in the forms questions put them in.
  'ostatni',
  'ostatnia',
  'ostatnie',
  'ostatniego',
  'ostatnim',
  'ostatniej',
  'najnowszy',
  'najnowsze',
  'najnowszego',
  'najnowszej',
  'poslední',
  'posledním',
  'posledního',
  'nejnovější',
  'posledný',
  'posledná',
  'posledné',
  'posledného',
  'poslednom',
  'najnovší',
  'najnovšie',
  'zadnji',
  'zadnja',
  'zadnje',
  'zadnjega',
  'najnovejši',
  'najnovejša',
  'najnovejše',
  'posljednji',
  'posljednja',
  'posljednje',
  'posljednjeg',
  'najnoviji',
  'najnovija',
  'najnovije',
  'последен',
  'последна',
  'последно',
  'последния',
  'последният',
  'последната',
  'последното',
  'най-новото',
  'най-новата',
  'най-новия',
  'τελευταίος',
  'τελευταία',
  'τελευταίο',
  'τελευταίας',
  'τελευταίου',
  'πιο πρόσφατος',
  'πιο πρόσφατη',
  'πιο πρόσφατο',
  'πιο πρόσφατης',
  'ultimul',
  'ultimului',
  'ultimei',
  'cel mai recent',
  'cea mai recentă',
  'darrer',
  'darrera',
  'últim',
  'més recent',
  'legutóbbi',
  'legutolsó',
  'utolsó',
  'legújabb',
  'legfrissebb',
  'viimeisin',
  'viimeisimmän',
  'viimeisintä',
  'viimeinen',
  'viimeisen',
  'uusin',
  'uusimman',
  'viimane',
  'viimase',
  'viimasel',
  'uusim',
  'uusima',
  'pēdējais',
  'pēdējā',
  'pēdējo',
  'jaunākais',
  'jaunākā',
  'jaunāko',
  'paskutinis',
  'paskutinė',
  'paskutinį',
  'paskutinio',
  'paskutiniame',
  'naujausias',
  'naujausia',
  'naujausią',
  'naujausio',
  'senaste',
  'sista',
  'seneste',
  'sidste',
  'nyeste',
]);
/** "Last year / l'année dernière" is a period, "the last day of…" a part of one event: neither asks for the latest event. */
const LAST_OTHER =
  /\b(?:last|latest|dernier|derniere|letzte|letzten|letztes|ultimo|ultima|laatste) (?:year|month|week|day|days|annee|mois|semaine|jour|jours|journee|jahr|monat|woche|tag|tage|tages|ano|mes|semana|dia|dias|anno|mese|settimana|giorno|giorni|jaar|maand|week|dag|dagen)\b|\b(?:annee|mois|semaine|jour|journee|ano|mes|anno|mese) (?:dernier|derniere|pasado|pasada|scorso|scorsa|passado|passada)\b|\b(?:vorig|vorige|afgelopen) (?:jaar|maand|week)\b/;
/**
 * The same in the 16 other languages: a "last" word before a unit of time ("w ostatnim roku", "viime
 * vuonna" aside, "poslední týden", "τον τελευταίο μήνα") is a period, not the latest event.
 */
const PERIOD_UNITS = folded([
  ...['rok', 'roku', 'miesiąc', 'miesiącu', 'tydzień', 'tygodniu', 'dzień', 'dnia', 'dni', 'roce', 'měsíc', 'měsíci', 'týden', 'týdnu', 'den', 'dne', 'dny'],
  ...['mesiac', 'mesiaci', 'týždeň', 'týždni', 'deň', 'dňa', 'leto', 'letu', 'leta', 'mesec', 'mesecu', 'teden', 'tednu', 'dan', 'dneva', 'dni'],
  ...['godina', 'godine', 'godinu', 'mjesec', 'mjesecu', 'tjedan', 'tjednu', 'dana', 'година', 'годината', 'месец', 'месеца', 'седмица', 'седмицата', 'ден', 'деня', 'дни'],
  ...['χρονιά', 'έτος', 'μήνα', 'μήνας', 'εβδομάδα', 'μέρα', 'ημέρα', 'ημέρες', 'an', 'anul', 'lună', 'luna', 'săptămână', 'zi', 'ziua', 'zile', 'any', 'mes', 'setmana', 'dia', 'dies'],
  ...['év', 'évben', 'hónap', 'hónapban', 'hét', 'héten', 'nap', 'napon', 'napok', 'vuosi', 'vuoden', 'vuonna', 'kuukausi', 'kuukauden', 'viikko', 'viikon', 'päivä', 'päivän', 'päivinä'],
  ...['aasta', 'aastal', 'kuu', 'kuul', 'nädal', 'nädalal', 'päev', 'päeval', 'päevad', 'gads', 'gadā', 'mēnesis', 'mēnesī', 'nedēļa', 'nedēļā', 'diena', 'dienā', 'dienas'],
  ...[
    'metai',
    'metais',
    'mėnuo',
    'mėnesį',
    'savaitė',
    'savaitę',
    'diena',
    'dieną',
    'dienos',
    'året',
    'år',
    'månaden',
    'månad',
    'veckan',
    'dagen',
    'dagarna',
    'dagar',
    'måned',
    'uge',
    'ugen',
    'dag',
    'dage',
  ],
]);
const lastPeriod = (text: string) => PERIOD_UNITS.some((unit) => LAST.some((last) => text.includes(` ${last} ${unit} `)));
/** "Activities" in the languages the bot speaks: a question about what SOGA did at events. */
const ACTIVITIES = folded([
  'activites',
  'activities',
  'aktivitaten',
  'actividades',
  'attivita',
  'atividades',
  'activiteiten',
  'działania',
  'działaniach',
  'aktywności',
  'aktivity',
  'aktivitách',
  'aktivít',
  'aktivnosti',
  'дейности',
  'дейностите',
  'δραστηριότητες',
  'δραστηριοτήτων',
  'activități',
  'activitățile',
  'activitats',
  'tevékenységek',
  'tevékenységei',
  'toiminta',
  'toimintaa',
  'tegevused',
  'tegevusi',
  'aktivitātes',
  'aktivitātēs',
  'veikla',
  'veiklos',
  'aktiviteter',
  'aktiviteterna',
  'aktiviteterne',
]);
const EVENT = folded([
  'event',
  'events',
  'evenement',
  'evenements',
  'rendez vous',
  'veranstaltung',
  'veranstaltungen',
  'evento',
  'eventos',
  'eventi',
  'evenementen',
  'summit',
  'sommet',
  'gipfel',
  'conference',
  'konferenz',
  'conferencia',
  'conferenza',
  'conferentie',
  // Meetings and workshops are events too: "le prochain atelier", "el próximo encuentro", "das nächste Treffen".
  'rencontre',
  'rencontres',
  'encuentro',
  'encuentros',
  'incontro',
  'incontri',
  'encontro',
  'encontros',
  'bijeenkomst',
  'bijeenkomsten',
  'treffen',
  'atelier',
  'ateliers',
  'workshop',
  'workshops',
  'taller',
  'talleres',
  'webinar',
  'webinars',
  'webinaire',
  'webinaires',
  ...ACTIVITIES,
  // The 16 other languages: natural spellings, folded when read, in the forms questions put them in.
  'wydarzenie',
  'wydarzenia',
  'wydarzeń',
  'wydarzeniu',
  'wydarzeniem',
  'impreza',
  'imprezy',
  'imprez',
  'szczyt',
  'szczytu',
  'szczycie',
  'konferencja',
  'konferencji',
  'konferencję',
  'událost',
  'události',
  'akce',
  'akcí',
  'konference',
  'konferenci',
  'summitu',
  'podujatie',
  'podujatia',
  'podujatí',
  'udalosť',
  'udalosti',
  'konferencia',
  'konferencie',
  'konferencii',
  'samit',
  'samitu',
  'dogodek',
  'dogodka',
  'dogodki',
  'dogodkov',
  'dogodku',
  'prireditev',
  'prireditve',
  'konferenca',
  'konferenco',
  'događaj',
  'događaja',
  'događaji',
  'događaje',
  'događanje',
  'događanja',
  'samita',
  'konferencija',
  'konferenciji',
  'konferencije',
  'събитие',
  'събития',
  'събитието',
  'събитията',
  'мероприятие',
  'мероприятия',
  'среща на върха',
  'срещата на върха',
  'конференция',
  'конференцията',
  'форум',
  'форума',
  'εκδήλωση',
  'εκδηλώσεις',
  'εκδήλωσης',
  'εκδηλώσεων',
  'γεγονός',
  'γεγονότα',
  'σύνοδος κορυφής',
  'σύνοδο κορυφής',
  'συνόδου κορυφής',
  'διάσκεψη',
  'διάσκεψης',
  'συνέδριο',
  'συνεδρίου',
  'συνέδρια',
  'eveniment',
  'evenimentul',
  'evenimente',
  'evenimentele',
  'evenimentului',
  'evenimentelor',
  'summitul',
  'conferință',
  'conferința',
  'conferinței',
  'esdeveniment',
  'esdeveniments',
  'cimera',
  'cimeres',
  'conferència',
  'esemény',
  'események',
  'eseményt',
  'eseményen',
  'eseményeken',
  'eseményei',
  'rendezvény',
  'rendezvények',
  'rendezvényt',
  'rendezvényen',
  'rendezvényeken',
  'rendezvényei',
  'csúcstalálkozó',
  'csúcstalálkozót',
  'csúcstalálkozón',
  'konferencián',
  'konferenciát',
  'tapahtuma',
  'tapahtuman',
  'tapahtumat',
  'tapahtumia',
  'tapahtumassa',
  'tapahtumissa',
  'tapahtumista',
  'huippukokous',
  'huippukokouksen',
  'huippukokouksessa',
  'konferenssi',
  'konferenssin',
  'konferenssissa',
  'foorumi',
  'foorumin',
  'foorumissa',
  'üritus',
  'ürituse',
  'üritused',
  'üritusi',
  'sündmus',
  'sündmuse',
  'sündmused',
  'sündmusi',
  'tippkohtumine',
  'tippkohtumise',
  'konverents',
  'konverentsi',
  'konverentsil',
  'pasākums',
  'pasākuma',
  'pasākumi',
  'pasākumu',
  'pasākumā',
  'pasākumos',
  'notikums',
  'notikumi',
  'samits',
  'samitā',
  'konference',
  'konferencē',
  'konferences',
  'renginys',
  'renginio',
  'renginiai',
  'renginių',
  'renginyje',
  'renginį',
  'renginiuose',
  'viršūnių susitikimas',
  'konferencijoje',
  'konferencijos',
  'evenemang',
  'evenemanget',
  'evenemangen',
  'arrangemang',
  'toppmöte',
  'toppmötet',
  'konferens',
  'konferensen',
  'konferenser',
  'begivenhed',
  'begivenheden',
  'begivenheder',
  'arrangementer',
  'arrangementet',
  'topmøde',
  'topmødet',
  'konferencen',
  'konferencer',
]);
/** Plural "events": a question about several, not about one event's details. */
const EVENTS = folded([
  'events',
  'evenements',
  'rendez vous',
  'conferences',
  'konferenzen',
  'conferencias',
  'conferenze',
  'conferenties',
  'summits',
  'sommets',
  'veranstaltungen',
  'eventos',
  'eventi',
  'evenementen',
  ...ACTIVITIES,
  'wydarzenia',
  'wydarzeń',
  'wydarzeniach',
  'imprezy',
  'imprez',
  'události',
  'akce',
  'akcí',
  'podujatia',
  'podujatí',
  'udalosti',
  'dogodki',
  'dogodkov',
  'dogodkih',
  'prireditve',
  'događaji',
  'događaje',
  'događanja',
  'събития',
  'събитията',
  'мероприятия',
  'мероприятията',
  'εκδηλώσεις',
  'εκδηλώσεων',
  'γεγονότα',
  'evenimente',
  'evenimentele',
  'evenimentelor',
  'esdeveniments',
  'események',
  'eseményeken',
  'eseményei',
  'rendezvények',
  'rendezvényeken',
  'rendezvényei',
  'tapahtumat',
  'tapahtumia',
  'tapahtumissa',
  'üritused',
  'üritusi',
  'sündmused',
  'sündmusi',
  'pasākumi',
  'pasākumos',
  'pasākumus',
  'notikumi',
  'renginiai',
  'renginių',
  'renginiuose',
  'renginius',
  'evenemangen',
  'arrangemang',
  'begivenheder',
  'arrangementer',
]);
/** Words that ask whether there is one: "is there any event…", "y a-t-il un événement prévu…". */
const EXISTS = folded([
  'is there',
  'are there',
  'any',
  'planned',
  'scheduled',
  'y a t il',
  'y aura t il',
  'prevu',
  'prevus',
  'programme',
  'gibt es',
  'geplant',
  'hay',
  'habra',
  'previsto',
  'previstos',
  'programado',
  'ce',
  'ci sono',
  'sara',
  'algum',
  'alguno',
  'algun',
  'qualche',
  'is er',
  'zijn er',
  'gepland',
  // The 16 other languages: natural spellings, folded when read, in the forms questions put them in.
  'czy jest',
  'czy są',
  'jakieś',
  'zaplanowane',
  'zaplanowany',
  'planowane',
  'nějaká',
  'nějaké',
  'naplánovaná',
  'naplánované',
  'nejaká',
  'nejaké',
  'plánované',
  'kakšen',
  'kakšna',
  'načrtovan',
  'načrtovana',
  'ima li',
  'planiran',
  'planirano',
  'planirana',
  'има ли',
  'планирано',
  'планирана',
  'предвидено',
  'υπάρχει',
  'υπάρχουν',
  'προγραμματισμένη',
  'προγραμματισμένες',
  'există',
  'vreun',
  'vreo',
  'planificat',
  'programat',
  'hi ha',
  'previst',
  'prevista',
  'tervezett',
  'tervezik',
  'onko',
  'suunniteltu',
  'suunnitteilla',
  'planeeritud',
  'kas on',
  'vai ir',
  'plānots',
  'plānota',
  'ar yra',
  'ar bus',
  'planuojama',
  'planuojamas',
  'finns det',
  'planerat',
  'planerade',
  'er der',
  'planlagt',
  'planlagte',
]);
const LIST = folded([
  // One event asked for by its period ("which event did SOGA organise in May 2022?"): the period's list answers it.
  'which event',
  'what event',
  'quel evenement',
  'quelle manifestation',
  'welche veranstaltung',
  'welches event',
  'que evento',
  'quale evento',
  'qual evento',
  'welk evenement',
  'list',
  'liste',
  'lista',
  'lijst',
  'which events',
  'what events',
  'quels evenements',
  'welche veranstaltungen',
  'que eventos',
  'quali eventi',
  'quais eventos',
  'welke evenementen',
  'what did',
  'qu est ce que le soga a fait',
  'was hat',
  'que hizo',
  'cosa ha fatto',
  'o que fez',
  'wat heeft',
  // "What happened / what did SOGA organise" in a period: its events are the answer.
  'what happened',
  'que s est il passe',
  'qu a fait',
  'qu a organise',
  'a t il organise',
  'a t il fait',
  'a organise',
  'was ist passiert',
  'was geschah',
  'que paso',
  'que ocurrio',
  'que organizo',
  'cosa e successo',
  'cosa e accaduto',
  'cosa ha organizzato',
  'o que aconteceu',
  'o que organizou',
  'wat gebeurde',
  'wat is er gebeurd',
  'wat organiseerde',
  'vad hande',
  'vad anordnade',
  'co się wydarzyło',
  'co zorganizował',
  // The 16 other languages: natural spellings, folded when read, in the forms questions put them in.
  'jakie wydarzenia',
  'które wydarzenia',
  'wymień',
  'co robił',
  'co zrobił',
  'jaké akce',
  'které akce',
  'jaké události',
  'seznam',
  'vyjmenuj',
  'co dělal',
  'aké podujatia',
  'ktoré podujatia',
  'zoznam',
  'vymenuj',
  'katere dogodke',
  'kateri dogodki',
  'naštej',
  'koji događaji',
  'koje događaje',
  'navedi',
  'кои събития',
  'какви събития',
  'списък',
  'избройте',
  'изброй',
  'какво направи',
  'ποιες εκδηλώσεις',
  'λίστα',
  'κατάλογος',
  'τι έκανε',
  'ce evenimente',
  'care evenimente',
  'enumeră',
  'ce a făcut',
  'quins esdeveniments',
  'llista',
  'què va fer',
  'milyen események',
  'milyen rendezvények',
  'mely események',
  'sorold fel',
  'mit csinált',
  'mitkä tapahtumat',
  'mitä tapahtumia',
  'luettele',
  'millised üritused',
  'milliseid üritusi',
  'loetle',
  'nimekiri',
  'kādi pasākumi',
  'kuri pasākumi',
  'kādos pasākumos',
  'saraksts',
  'uzskaiti',
  'kokie renginiai',
  'kokiuose renginiuose',
  'sąrašas',
  'išvardink',
  'vilka evenemang',
  'vilka arrangemang',
  'vad gjorde',
  'hvilke arrangementer',
  'hvilke begivenheder',
  'hvad gjorde',
]);
const SINCE = folded(['since', 'depuis', 'seit', 'desde', 'dal', 'dalla', 'sinds', 'sedert', 'od', 'от', 'από', 'des de', 'óta', 'alates', 'kopš', 'nuo', 'sedan', 'siden']);

const has = (text: string, words: string[]) => words.some((w) => text.includes(` ${w} `));

export function timeIntent(question: string, lang: LanguageCode, today: Date): TimeIntent | null {
  const text = ` ${normalizeText(question).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const aboutEvents = has(text, EVENT);
  // "the next NEC ESS": an event's name also makes it a question about events (ask() checks the name
  // against the index; an acronym alone, as "SOGA" in "the next president of SOGA", does not).
  const named = /\p{Lu}{3,}|\p{Lu}\p{Ll}+ \p{Lu}/u.test(question);
  // "What's next for SOGA?", "Was steht als Nächstes an?", "Qu'est-ce qui est prévu ?": what comes next on
  // SOGA's agenda, with no event word and no other name, asks for the next event too.
  if (has(text, WHATS_NEXT) && !/\p{Lu}{3,}|\p{Lu}\p{Ll}+ \p{Lu}/u.test(question.replace(/\bSOGA\b|Social Good Accelerator/g, ' '))) return { kind: 'next', question, named: false };
  if (has(text, NEXT) && (aboutEvents || named)) return { kind: 'next', question, named: !aboutEvents };
  // "When did SOGA last hold an event in Paris?": the latest past event (of the places named), from the index.
  // "How long did the summit last?" is the verb, asking a duration (namedEventFor answers it).
  // A period named from today is no "last" event, whatever its word order ("l'an dernier", "el año pasado").
  if (
    has(text, LAST) &&
    !asksDuration(question) &&
    !LAST_OTHER.test(text) &&
    !lastPeriod(text) &&
    !relativePeriods(question, today).length &&
    (aboutEvents || named) &&
    !yearsOf(question).length &&
    !asksBeyondWhenWhere(question, lang)
  )
    return { kind: 'last', question, named: !aboutEvents, places: placesNamedIn(question) };
  // A list of a period's events, never a question about one event's person, place or number
  // ("Qui parlait … lors de la conférence NEC ESS Europe en novembre 2023 ?").
  // "Is there any event planned for 2027?" asks for the period's list too, with a singular "event".
  if (!has(text, EVENTS) && !has(text, LIST) && !(has(text, EVENT) && has(text, EXISTS))) return null;
  if ([...expectedAnswerTypes(question, lang)].some((kind) => kind !== 'date')) return null;
  const dates = findDateExpressions(question, { lang }).filter((d) => d.precision === 'year' || d.precision === 'month');
  // Years the parser leaves alone ("en 2021 et 2022": the second has no preposition of its own).
  const bare = [...question.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d|(?<=0)['’]?s\b|(?<=0)er\b)/g)]
    .filter((m) => !dates.some((d) => m.index >= d.index && m.index < d.index + d.text.length))
    .map((m) => ({ start: m[1], end: null, text: m[1], index: m.index }));
  const values = [...dates, ...bare].sort((a, b) => a.index - b.index);
  const value = values[0];
  // "Last year", "il y a trois ans", "le mois dernier": the calendar year or month that is on the day
  // asked, labelled with its value so the member reads which one was meant ("2025").
  if (!value) return relativeIntent(question, lang, today);
  if (values.length > 1 && !has(text, SINCE)) {
    const last = values[values.length - 1];
    const periods = values.map((v) => ({ from: firstDay(v), to: lastDay(v) }));
    return {
      kind: 'period',
      from: periods.map((p) => p.from).sort()[0],
      to: periods.map((p) => p.to).sort()[periods.length - 1],
      label: question.slice(value.index, last.index + last.text.length),
      periods,
    };
  }
  const since = new RegExp(`(?:${SINCE.join('|')})\\s+(?:\\p{L}+\\s+)?${value.text.split(/\s+/).pop()}`, 'iu').test(normalizeText(question));
  const from = firstDay(value);
  const to = since ? today.toISOString().slice(0, 10) : lastDay(value);
  // The period as the member wrote it ("octobre 2021", "seit 2023"): already in their language.
  const at = question.toLowerCase().lastIndexOf(value.text.toLowerCase());
  const label = since ? question.slice(Math.max(0, question.slice(0, at).search(/\S+\s+\S*$/)), at + value.text.length).trim() : value.text;
  return { kind: 'period', from, to, label };
}

/** The period a question names from today ("last year", "il y a trois ans"), as a period intent labelled with its value; null for none. */
function relativeIntent(question: string, lang: LanguageCode, today: Date): Extract<TimeIntent, { kind: 'period' }> | null {
  const relative = relativePeriods(question, today);
  if (!relative.length) return null;
  const periods = relative.map((p) => ({ from: p.from, to: p.to }));
  const value = (p: (typeof relative)[number]) =>
    p.precision === 'day' ? { start: p.from, end: p.to === p.from ? null : p.to } : { start: p.precision === 'year' ? p.from.slice(0, 4) : p.from.slice(0, 7), end: null };
  const label = relative.map((p) => formatDateValue({ text: p.text, index: 0, ...value(p), precision: p.precision, yearInferred: false }, lang)).join(', ');
  // "Since last year": from its first day up to today.
  if (relative.length === 1 && relative[0].since) {
    const to = today.toISOString().slice(0, 10);
    return {
      kind: 'period',
      from: relative[0].from,
      to,
      label: formatDateValue({ text: '', index: 0, start: relative[0].from, end: to, precision: 'day', yearInferred: false }, lang),
      relative: true,
    };
  }
  return {
    kind: 'period',
    from: periods.map((p) => p.from).sort()[0],
    to: periods.map((p) => p.to).sort()[periods.length - 1],
    label,
    relative: true,
    ...(periods.length > 1 ? { periods } : {}),
  };
}

/**
 * "Is NEC ESS this year?", "Czy NEC ESS odbędzie się w tym roku?", "Was the FNAF held last year?": an
 * event the index knows, asked of a period named from today. Its editions in that period are listed;
 * with none, the answer says so and names its latest edition (never another year's date as this one's).
 * Null when the question names no such period or event, or asks for more than a date (who, how many).
 */
export function answerNamedInPeriod(all: GroupedEvent[], question: string, lang: LanguageCode, today: Date, messages: Messages): EventAnswer | null {
  const intent = relativeIntent(question, lang, today);
  const expected = expectedAnswerTypes(question, lang);
  if (!intent || [...expected].some((kind) => kind !== 'date')) return null;
  // "What was the theme of NEC ESS last year?" asks about that edition, which its passages tell (withPeriodYear).
  if (asksOpen(question, lang, expected)) return null;
  // "Today", "this week" of a named thing ask how it is now ("Is the Atlas still online today?"), not for its editions.
  if (relativePeriods(question, today).some((p) => p.precision === 'day')) return null;
  const named = eventsNamedIn(question, all);
  if (!named.length) return null;
  const t = (key: string, vars: Record<string, string | number> = {}) => messages.t(lang, key, vars);
  const citations: Citation[] = [];
  const line = eventLine(citations, lang, today, messages);
  const inPeriod = named.filter((e) => inPeriodOf(e, intent));
  if (inPeriod.length) return { outcome: 'answered', text: `${t('eventsIn', { period: intent.label })}\n${inPeriod.map(line).join('\n')}`, citations };
  const latest = [...named].sort((a, b) => lastDay(b).localeCompare(lastDay(a)))[0];
  // The name members use for the series, without another edition's year ("NEC ESS", not "NEC ESS 2025").
  const series = [...latest.variants, latest.name].filter((v) => !/\d/.test(v)).sort((a, b) => a.length - b.length)[0] ?? latest.name;
  return { outcome: 'answered', text: `${t('eventsNamedNoneIn', { name: series, period: intent.label })}\n${t('eventsLatest')}\n${line(latest)}`, citations };
}

/**
 * "What was the theme of NEC ESS last year?", "Qu'a proposé le FNAF l'an dernier ?": an open question (an
 * interrogative, no kind of value asked), not whether or when the event was ("Is NEC ESS this year?").
 */
const asksOpen = (question: string, lang: LanguageCode, expected: Set<AnswerType>) => {
  if (expected.size) return false;
  const asking = interrogativeWords(lang);
  return normalizeText(question)
    .split(/[^\p{L}]+/u)
    .some((w) => asking.has(w));
};

/** "Who spoke at the last NEC ESS?" asks about the event, not which one it was: the passages answer it. */
const asksBeyondWhenWhere = (question: string, lang: LanguageCode) => [...expectedAnswerTypes(question, lang)].some((kind) => kind !== 'date' && kind !== 'place');

/** Every spelling of each place the question names ("Paris", "Brüssel"), as groups of folded spellings. */
function placesNamedIn(question: string): string[][] {
  const text = ` ${foldPlace(question)} `;
  // As written, or inflected ("w Paryżu", "Párizsban").
  const inflected = new Set(text.split(' ').map(placeOfWord));
  return PLACE_SPELLINGS.filter((spellings, i) => inflected.has(i) || spellings.some((s) => text.includes(` ${s} `)));
}

/** Whether one of the event's places is one the question names: "Palais des Congrès de Paris" is in Paris. */
const heldIn = (e: GroupedEvent, places: string[][]) => places.some((spellings) => e.places.some((p) => spellings.some((s) => ` ${foldPlace(p)} `.includes(` ${s} `))));

/** Of the events already past (those the question names, held where it says), the latest: one, or none. */
function latestEvent(all: GroupedEvent[], intent: Extract<TimeIntent, { kind: 'last' }>): GroupedEvent[] {
  const named = eventsNamedIn(intent.question, all);
  const pool = (named.length ? named : all).filter((e) => e.status === 'past' && (!intent.places.length || heldIn(e, intent.places)));
  return [...pool].sort((a, b) => lastDay(b).localeCompare(lastDay(a))).slice(0, 1);
}

/** Whether an event overlaps one of the periods the question asks about. */
function inPeriodOf(e: GroupedEvent, intent: Extract<TimeIntent, { kind: 'period' }>): boolean {
  // An event dated by its year only is not known to fall in the month asked about ("May 2022").
  const coarse = (p: { from: string; to: string }) => e.precision === 'year' && !(p.from.endsWith('-01-01') && p.to.endsWith('-12-31'));
  return (intent.periods ?? [intent]).some((p) => firstDay(e) <= p.to && lastDay(e) >= p.from && !coarse(p));
}

/** The name as written, with the shortest other name members use ("Numérique en Commun[s] ESS Europe (NEC ESS 2025)"). */
export function displayName(e: GroupedEvent): string {
  // The short name with the edition's year when the articles write one ("NEC ESS 2025"), else the shortest.
  const shorter = e.variants.filter((v) => v !== e.name && v.length < e.name.length).sort((a, b) => a.length - b.length);
  const short = shorter.find((v) => v.includes(e.start.slice(0, 4))) ?? shorter[0];
  return short ? `${e.name} (${short})` : e.name;
}

/**
 * The events the question names (by any of their names, in any of the bot's languages: "the second
 * European Social Economy Summit", "zweiter Europäischer Sozialwirtschaftsgipfel" name "deuxième sommet
 * européen … pour l'économie sociale"), the fullest name first: "le prochain FNAF", "the second NEC
 * ESS". A year in the question keeps that year's editions.
 */
export function eventsNamedIn(question: string, events: GroupedEvent[], admissible: (e: GroupedEvent) => boolean = () => true): GroupedEvent[] {
  const asked = new Set(conceptWords(question));
  // The key groups a name's variants without years or words like "Europe": "Social Good Week" finds "Social Good Week Europe".
  const score = (e: GroupedEvent) => Math.max(0, ...[...e.variants, e.name, e.key].map((v) => nameScore(nameSignature(v), asked)));
  // Only the events the question can mean compete (its ordinal, for one): "la première table ronde européenne
  // de la Social Good Week" is not the "Social Good Week Europe" that "européenne" would score higher.
  const candidates = events.filter(admissible);
  let matched = candidates.map((e) => ({ e, score: score(e) })).filter((m) => m.score > 0);
  // No name given whole: its kind and one of its places ("when did the Mannheim summit take place?").
  if (!matched.length) matched = candidates.filter((e) => kindAndPlaceNamed([...e.variants, e.name], e.places, asked)).map((e) => ({ e, score: 1 }));
  // Nor a place: its kind and an acronym of its name ("the GAFAM workshop").
  if (!matched.length) matched = candidates.filter((e) => kindAndAcronymNamed([...e.variants, e.name], asked)).map((e) => ({ e, score: 1 }));
  // A year in the question chooses the editions before the names compete: "la giornata europea … del NEC
  // ESS 2025" means the 2025 edition, though "europea" scores the 2023 "NEC ESS Europe" higher.
  const years = yearsOf(question);
  const ofYears = (e: GroupedEvent) => years.some((y) => firstDay(e).startsWith(y) || lastDay(e).startsWith(y));
  let pool = years.length ? matched.filter((m) => ofYears(m.e)) : matched;
  // "EUSES 2022": the acronym names the series by an edition that spells it out ("European Social Economy
  // Summit, EUSES", 2021); the year's edition may be indexed only by that name in another language
  // ("Sommet européen de l'économie sociale", 2022). Only the name the question's acronym spells, and
  // an edition whose name has the same concepts: "ActSE" spells "Active Social Economy", which is no
  // name of the 2022 summit (ActSE's other name, "Social Economy Summit", is not what "ActSE" spells).
  if (years.length && matched.length && !pool.length) {
    const acronyms = question.match(/\b\p{Lu}[\p{L}\p{N}]*\p{Lu}[\p{L}\p{N}]*\b/gu) ?? [];
    const spelled = matched.flatMap((m) => m.e.variants.filter((v) => v.trim().split(/\s+/).length >= 2 && acronyms.some((a) => abbreviates(a, v))));
    const sameConcepts = (a: string, b: string) => {
      const [x, y] = [nameSignature(a), nameSignature(b)];
      const words = (sig: typeof x) => new Set([...sig.required, ...sig.optional]);
      return x.required.length > 0 && x.required.every((w) => words(y).has(w)) && y.required.every((w) => words(x).has(w));
    };
    pool = candidates.filter((e) => ofYears(e) && !matched.some((m) => m.e === e) && [...e.variants, e.name].some((v) => spelled.some((name) => sameConcepts(name, v)))).map((e) => ({ e, score: 1 }));
  }
  // "Social Good Week Europe" named: not also the "Social Good Week" its name contains.
  const best = Math.max(0, ...pool.map((m) => m.score));
  return pool.filter((m) => m.score === best).map((m) => m.e);
}

const yearsOf = (text: string) => [...text.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => m[1]);

/** "6 December 2026" in the reader's language; ISO when the runtime does not know the language. */
function safeLongDate(lang: string, date: Date): string {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

export interface EventAnswer {
  outcome: 'answered' | 'not_found';
  text: string;
  citations: Citation[];
}

/** `all`: the events index grouped as of today (groupEvents), once per question. */
export function answerFromEvents(all: GroupedEvent[], intent: TimeIntent, lang: LanguageCode, today: Date, messages: Messages): EventAnswer {
  const t = (key: string, vars: Record<string, string | number> = {}) => messages.t(lang, key, vars);
  const citations: Citation[] = [];
  // "How many days ago was the last event?": its distance from today in days.
  const line = eventLine(citations, lang, today, messages, intent.kind === 'period' ? undefined : howLongAgo(intent.question));
  if (intent.kind === 'next') {
    // "the next Social Good Week": that event's editions only, when the question names one.
    const named = eventsNamedIn(intent.question, all);
    const pool = named.length ? named : all;
    const coming = pool.filter((e) => e.status !== 'past');
    if (coming.length) return { outcome: 'answered', text: `${t('eventsUpcoming')}\n${coming.slice(0, 8).map(line).join('\n')}`, citations };
    const latest = [...pool].sort((a, b) => lastDay(b).localeCompare(lastDay(a)))[0];
    const todayLabel = safeLongDate(lang, today);
    if (!latest) return { outcome: 'not_found', text: t('notFound'), citations: [] };
    return { outcome: 'answered', text: `${t('eventsNoneUpcoming', { today: todayLabel })}\n${t('eventsLatest')}\n${line(latest)}`, citations };
  }
  if (intent.kind === 'last') {
    const [latest] = latestEvent(all, intent);
    if (!latest) return { outcome: 'not_found', text: t('notFound'), citations: [] };
    return { outcome: 'answered', text: `${t('eventsLatest')}\n${line(latest)}`, citations };
  }
  const inPeriod = all.filter((e) => inPeriodOf(e, intent));
  if (!inPeriod.length) return { outcome: 'not_found', text: t('eventsNoneIn', { period: intent.label }), citations: [] };
  return { outcome: 'answered', text: `${t('eventsIn', { period: intent.label })}\n${inPeriod.slice(0, 10).map(line).join('\n')}`, citations };
}

/** One line per event, each with its citation (pushed to `citations`): name — date, places (relative; announced) [n]. */
function eventLine(citations: Citation[], lang: LanguageCode, today: Date, messages: Messages, unit?: AgoUnit | null): (e: GroupedEvent) => string {
  return (e) => {
    const m = e.mentions[0];
    const n = citations.length + 1;
    citations.push({ n, chunkId: m.chunkId ?? `${m.docId}#0`, docId: m.docId, title: m.docTitle, source: m.source, quote: m.sentence, date: m.docDate, lang: m.lang, score: 1 });
    const value = { text: m.dateText, index: 0, start: e.start, end: e.end, precision: e.precision, yearInferred: m.yearInferred };
    const relative = relativeToNow(value, today, lang, unit);
    const places = e.places.length ? `, ${e.places.map((p) => localizePlace(p, lang)).join(', ')}` : '';
    const notes = [relative, e.announcedOnly && e.status === 'past' ? messages.t(lang, 'eventsAnnouncedOnly') : null].filter(Boolean).join('; ');
    return `• ${displayName(e)} — ${formatDateValue(value, lang)}${places}${notes ? ` (${notes})` : ''} [${n}]`;
  };
}

/**
 * "When did SOGA organise NEC ESS?", "¿Cuántos días después de ActSE se celebró el FNAF?": the question
 * names several events (or editions) and no year or ordinal tells which; each is listed with its date,
 * places and citation, in the order of time.
 */
export function answerSeveralEvents(events: GroupedEvent[], lang: LanguageCode, today: Date, messages: Messages): EventAnswer {
  const citations: Citation[] = [];
  const lines = [...events].sort((a, b) => firstDay(a).localeCompare(firstDay(b))).map(eventLine(citations, lang, today, messages));
  return { outcome: 'answered', text: `${messages.t(lang, 'eventsSeveral')}\n${lines.join('\n')}`, citations };
}

/** "Combien de jours dure…", "how many days after…": a number the events' dates give. */
const DURATION =
  /\b(?:how many days|how long (?:did|does|will|was|is)|combien de jours|combien de temps (?:dure|a dure)|wie viele tage|wie lange (?:dauert|dauerte|ging)|cuantos dias|cuanto (?:dura|duro)|quanti giorni|quanto (?:dura|e durato|e durata)|quantos dias|quanto tempo (?:dura|durou)|hoeveel dagen|hoe lang (?:duurt|duurde))\b/;
/** The same in the 16 other languages (natural spellings, folded when read). */
const DURATION_PHRASES = folded([
  ...['ile dni', 'jak długo', 'kolik dní', 'jak dlouho', 'koľko dní', 'ako dlho', 'koliko dni', 'kako dolgo', 'koliko dana', 'koliko dugo'],
  ...['колко дни', 'колко време', 'πόσες μέρες', 'πόσες ημέρες', 'πόσο κράτησε', 'πόσο διαρκεί', 'πόσο διήρκεσε', 'câte zile', 'cât a durat', 'cât durează'],
  ...['quants dies', 'quant dura', 'quant va durar', 'hány nap', 'hány napig', 'meddig tart', 'meddig tartott', 'kuinka monta päivää', 'montako päivää', 'kuinka kauan'],
  ...['mitu päeva', 'kui kaua', 'cik dienas', 'cik ilgi', 'kiek dienų', 'kiek laiko', 'kaip ilgai', 'hur många dagar', 'hur länge', 'hvor mange dage', 'hvor længe'],
]);
export const asksDuration = (question: string) =>
  // "How many days ago…" counts from today: a date, not how long something lasted.
  howLongAgo(question) === undefined && (DURATION.test(normalizeText(question)) || DURATION_PHRASES.some((p) => ` ${foldPhrase(question)} `.includes(` ${p} `)));

/** "how many days after / before / since…" asks for a gap between two dates, not how long one event lasted: the words per language (one word may be a preposition of place in another: Dutch "na", Portuguese "na"). */
const GAP_WORDS: Record<string, string[]> = {
  en: ['after', 'before', 'since', 'between', 'later', 'earlier'],
  fr: ['apres', 'avant', 'depuis', 'entre'],
  de: ['nach', 'vor', 'seit', 'zwischen', 'spater'],
  es: ['despues', 'antes', 'desde', 'entre'],
  // Not Italian "prima" alone (also "first": "la prima edizione") nor Dutch "voor" (also "for").
  it: ['dopo', 'fra', 'tra'],
  pt: ['depois', 'antes', 'desde', 'entre'],
  nl: ['na', 'sinds', 'tussen'],
  ...Object.fromEntries(
    Object.entries({
      pl: ['po', 'przed', 'między', 'od'],
      cs: ['po', 'před', 'mezi', 'od'],
      sk: ['po', 'pred', 'medzi', 'od'],
      sv: ['efter', 'före', 'mellan', 'sedan'],
      da: ['efter', 'før', 'mellem', 'siden'],
      fi: ['jälkeen', 'ennen', 'välillä'],
      ro: ['după', 'înainte', 'între'],
      ca: ['després', 'abans', 'entre'],
      hu: ['után', 'előtt', 'között'],
      hr: ['nakon', 'prije', 'između'],
      sl: ['po', 'pred', 'med'],
      bg: ['след', 'преди', 'между'],
      el: ['μετά', 'πριν', 'μεταξύ'],
      et: ['pärast', 'enne', 'vahel'],
      lv: ['pēc', 'pirms', 'starp'],
      lt: ['po', 'prieš', 'tarp'],
    }).map(([lang, list]) => [lang, list.map((w) => normalizeText(w))]),
  ),
};

/**
 * How many days an event of day-precise dates lasted, for "how long did … last?" ("2 jours" for
 * "les 5 et 6 mai"), or null when the question asks for a gap or the dates are not days.
 */
export function daysLasted(question: string, lang: LanguageCode, date: Pick<DateValue, 'start' | 'end' | 'precision'>): number | null {
  if (!asksDuration(question) || date.precision !== 'day') return null;
  const asked = new Set(normalizeText(question).split(/[^\p{L}\p{N}]+/u));
  if ((GAP_WORDS[lang] ?? []).some((w) => asked.has(w))) return null;
  const days = Math.round((Date.parse(`${date.end ?? date.start}T00:00:00Z`) - Date.parse(`${date.start}T00:00:00Z`)) / 86_400_000) + 1;
  return Number.isFinite(days) && days >= 1 ? days : null;
}

/** "2 jours", "2 Tage", "2 dni": CLDR's unit names, in the member's language. */
export function formatDays(days: number, lang: LanguageCode): string {
  return new Intl.NumberFormat(lang, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(days);
}

/** The opening or closing part of an event, in the languages the bot speaks: its own day and place, not the whole event's. */
const PART = / (?:opening|closing|ouverture|cloture|eroffnung|eroffnungstag|abschluss|abschlusstag|apertura|inauguracion|clausura|chiusura|abertura|encerramento|openingsdag|slotdag|afsluiting) /;
const PART_WORDS = folded([
  ...['otwarcie', 'otwarcia', 'zamknięcie', 'zakończenie', 'zahájení', 'zakončení', 'otvorenie', 'ukončenie', 'otvoritev', 'zaključek', 'otvaranje', 'zatvaranje'],
  ...['откриване', 'откриването', 'закриване', 'закриването', 'έναρξη', 'έναρξης', 'λήξη', 'λήξης', 'deschidere', 'deschiderea', 'închidere', 'închiderea', 'obertura', 'cloenda'],
  ...['megnyitó', 'megnyitón', 'záró', 'zárónap', 'avaus', 'avauspäivä', 'päätös', 'päätöspäivä', 'avamine', 'avapäev', 'lõpetamine', 'atklāšana', 'atklāšanas', 'noslēgums'],
  ...['atidarymas', 'atidarymo', 'uždarymas', 'uždarymo', 'öppning', 'öppningsdag', 'avslutning', 'åbning', 'åbningsdag', 'afslutning'],
]);
const asksAboutPart = (question: string) => {
  const text = ` ${normalizeText(question).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return PART.test(text) || PART_WORDS.some((w) => text.includes(` ${w} `));
};

/** At most this many events are listed for a question that names several: more is a list question, not a name. */
const MAX_SEVERAL = 6;

/**
 * The one event a "when / where" question names (asking nothing else: not who, not how many), from
 * the events index; the events it names when several match and no year or ordinal chooses between
 * them (editions of a series, or two events compared); null when it names none.
 */
export function namedEventFor(all: GroupedEvent[], question: string, lang: LanguageCode): GroupedEvent | { several: GroupedEvent[] } | 'no-such-edition' | null {
  const expected = new Set(expectedAnswerTypes(question, lang));
  // "How many days…": the dates answer it.
  if (asksDuration(question)) {
    expected.delete('number');
    expected.add('date');
  }
  if (!expected.size || [...expected].some((kind) => kind !== 'date' && kind !== 'place')) return null;
  // "Where was the opening day of NEC ESS 2025?" asks about a part of the event, whose own day and
  // place the passages give ("25 novembre à Bruxelles, pour la journée d’ouverture"); the index knows the whole.
  if (asksAboutPart(question)) return null;
  const onePlaceOfSeveral = (e: GroupedEvent) => {
    const asked = placesNamedIn(question);
    // Days shared out among places: an event of several days and places, dated to the day.
    return e.precision === 'day' && Boolean(e.end) && e.places.length > 1 && asked.length > 0 && e.places.some((p) => asked.some((spellings) => spellings.includes(foldPlace(p))));
  };
  // "the second European summit": an event whose names and sentence carry another ordinal, or none, is not it.
  const asked = ordinalsIn(question);
  const said = (e: GroupedEvent) => new Set([...ordinalsIn(`${e.variants.join(' ')} ${e.mentions.map((m) => m.sentence).join(' ')}`), ...(e.edition ? [e.edition] : [])]);
  const named = eventsNamedIn(question, all, (e) => [...asked].every((k) => said(e).has(k)));
  // "When is NEC ESS 2025 in Paris?" asks about its Paris days ("26 et 27 novembre à Paris"), which the passages give; the index knows the whole.
  if (named.length === 1) return onePlaceOfSeveral(named[0]) ? null : named[0];
  // "Can I still register for NEC ESS?" is about its latest edition: the one registration could still be open for.
  if (named.length > 1 && asksWhetherStillOpen(question, lang)) {
    const latest = [...named].sort((a, b) => lastDay(b).localeCompare(lastDay(a)))[0];
    return onePlaceOfSeveral(latest) ? null : latest;
  }
  if (named.length > 1 && named.length <= MAX_SEVERAL) return { several: named };
  // "Quand aura lieu le NEC ESS 2026 ?": the index knows the event, and not that year's edition. The
  // passages would only give another edition's date, which would answer another question.
  if (!named.length && yearsOf(question).length && eventsNamedIn(question.replace(/(?<!\d)(?:19|20)\d{2}(?!\d)/g, ' '), all).length) return 'no-such-edition';
  return null;
}

/** "Edition" in the languages the bot's direct answers read: "l'édition 2026", "the 2026 edition". */
const EDITION_WORDS = new Set(folded(['edition', 'édition', 'edición', 'edizione', 'edição', 'editie', 'editie', 'Ausgabe', 'upplaga', 'upplagan', 'edycja', 'edycji', 'udgave', 'udgaven']));

/**
 * "Hoeveel deelnemers had NEC ESS 2026?", "Who will speak at NEC ESS 2027?": an edition, written as a
 * year next to the name of an event the index knows (or to "edition"), later than every edition the
 * articles tell of it. No article says anything of it — whatever is asked, the passages would answer with
 * another edition's facts. A year that is not the edition's ("the 2024–2026 plans of NEC ESS Europe") is
 * not next to the name and is left alone.
 */
export function namesLaterEdition(all: GroupedEvent[], question: string): boolean {
  // An edition of that year is known ("la giornata europea del NEC ESS 2025": the 2025 edition, though
  // "europea" names the 2023 "NEC ESS Europe" better once the year is set aside).
  if (eventsNamedIn(question, all).length) return false;
  const named = eventsNamedIn(question.replace(/(?<!\d)(?:19|20)\d{2}(?!\d)/g, ' '), all);
  if (!named.length) return false;
  const latest = named.map((e) => lastDay(e).slice(0, 4)).sort()[named.length - 1];
  const nameWords = new Set(named.flatMap((e) => [...e.variants, e.name].flatMap((v) => foldPlace(v).split(' '))).filter((w) => w.length > 1));
  const words = foldPlace(question).split(' ');
  return words.some((w, i) => {
    if (!/^(?:19|20)\d{2}$/.test(w) || w <= latest) return false;
    const beside = [words[i - 1], words[i + 1]].filter((x): x is string => Boolean(x));
    return beside.some((x) => nameWords.has(x) || EDITION_WORDS.has(x));
  });
}

/**
 * "Wie viele Teilnehmer hatte NEC ESS letztes Jahr?", "Who spoke at NEC ESS two years ago?": a question
 * about an event the index knows, asked of a year named from today, for more than when or where (those
 * answerNamedInPeriod answers), is about that year's edition: the question with the year written after
 * it, so that retrieval and the edition checks read it as "NEC ESS 2025" (without it, the passages of
 * another edition answered: the 2023 edition's participants as last year's). Null otherwise.
 */
export function withPeriodYear(all: GroupedEvent[], question: string, lang: LanguageCode, today: Date): string | null {
  if (yearsOf(question).length) return null;
  const periods = relativePeriods(question, today);
  if (periods.length !== 1 || periods[0].precision !== 'year' || periods[0].since) return null;
  const expected = expectedAnswerTypes(question, lang);
  const beyondWhenWhere = [...expected].some((kind) => kind !== 'date' && kind !== 'place');
  if (!(beyondWhenWhere || asksOpen(question, lang, expected)) || !namesAnEvent(all, question)) return null;
  return `${question.trim()} (${periods[0].from.slice(0, 4)})`;
}

/** Whether the question names an event of the index (whatever the year): then it asks about that event, not for a list. */
export function namesAnEvent(all: GroupedEvent[], question: string): boolean {
  return eventsNamedIn(question.replace(/(?<!\d)(?:19|20)\d{2}(?!\d)/g, ' '), all).length > 0;
}

/**
 * The events index's facts for a chat model: each event the question names (or of the period it asks
 * about) as one more passage — its sentence, verbatim, under a title that says whether it is past or
 * upcoming today — so that the model reasons about time from the same facts the extractive answer
 * uses, and its claims are checked against them like any passage's.
 */
export function eventPassages(all: GroupedEvent[], question: string, lang: LanguageCode, today: Date, max = 3): FusedHit[] {
  const day = today.toISOString().slice(0, 10);
  const intent = timeIntent(question, lang, today);
  const chosen =
    intent?.kind === 'period'
      ? all.filter((e) => inPeriodOf(e, intent))
      : intent?.kind === 'next'
        ? all.filter((e) => e.status !== 'past').concat([...all].sort((a, b) => lastDay(b).localeCompare(lastDay(a))).slice(0, 1))
        : intent?.kind === 'last'
          ? latestEvent(all, intent)
          : eventsNamedIn(question, all);
  return chosen.slice(0, max).map((e, i) => {
    const m = e.mentions.find((x) => !x.yearInferred) ?? e.mentions[0];
    const when = e.end ? `${e.start} to ${e.end}` : e.start;
    const status = e.status === 'past' ? (e.announcedOnly ? 'past; announced, not reported as held' : 'past') : e.status;
    return {
      chunk: {
        id: `${m.chunkId ?? m.docId}#event${i}`,
        docId: m.docId,
        title: `${displayName(e)}: ${when}, ${status} on ${day}`,
        source: m.source,
        lang: m.lang,
        date: m.docDate,
        position: 0,
        section: null,
        text: m.sentence,
      },
      score: 0,
      ranks: {},
      signals: {},
      coverage: 1,
    };
  });
}
