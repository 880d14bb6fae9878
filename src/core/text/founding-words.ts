/**
 * The words members ask about a founding with, and the words the articles tell it with. "En quelle
 * année le SOGA a-t-il été créé ?", "When was SOGA established?", "Wann wurde der SOGA gegründet?"
 * and "¿Cuándo se creó el SOGA?" all ask what "Le SOGA … fondé en 2017" and "En 2018, … ont fondé le
 * Social Good Accelerator" answer, yet a dictionary does not make "créé" a translation of "fondé", and
 * "established" or "creó" match nothing that says it. Accent-folded.
 */
import { normalizeText } from './normalize.js';

/**
 * Verb forms an article tells a founding with: they join the search for a question's founding word.
 * Only the verbs that say nothing else: "créé", "created", "launched" are as often said of a
 * platform or a workshop, and a passage that uses them is no more about a founding than any other.
 */
const TOLD = [
  ...['fonde', 'fondee', 'fondes', 'fondees', 'fonda', 'fonderent', 'fondateur', 'fondatrice', 'fondateurs', 'fondatrices', 'cofondateur', 'cofondatrice'],
  ...['founded', 'established', 'founder', 'founders', 'cofounder'],
  ...['gegrundet', 'grundete', 'grundeten', 'grunder', 'grunderin'],
  ...['fundado', 'fundada', 'fundaron', 'fundou', 'fundaram', 'fundador', 'fundadora'],
  ...['fondato', 'fondata', 'fondatore', 'fondatrice'],
  ...['opgericht', 'richtte', 'oprichter', 'oprichtster'],
];

/** Words a question asks about a founding with, beyond those forms (nouns, infinitives, other tenses). */
const ASKED = [
  ...['fonder', 'fondation', 'fondateur', 'fondatrice', 'fondateurs', 'creer', 'cree', 'creee', 'creation', 'createur', 'createurs', 'creatrice'],
  ...['found', 'founding', 'founder', 'founders', 'establish', 'establishment', 'create', 'created', 'creation', 'born'],
  ...['grunden', 'grundung', 'grunder', 'grunderin', 'grunderinnen', 'mitgrunder', 'mitgrunderin', 'geschaffen', 'geboren'],
  ...['fundar', 'fundo', 'fundacion', 'fundador', 'fundadora', 'fundadores', 'cofundador', 'cofundadora', 'crear', 'creo', 'crearon', 'creado', 'creada', 'creacion', 'nacio'],
  ...['fondare', 'fondazione', 'fondatore', 'fondatori', 'fondatrice', 'cofondatore', 'cofondatrice', 'creare', 'creato', 'creata', 'creazione', 'nascita'],
  ...['fundacao', 'criar', 'criado', 'criada', 'criou', 'criaram', 'criacao', 'nasceu'],
  ...['oprichten', 'oprichting', 'oprichter', 'oprichters', 'medeoprichter', 'opgezet'],
];

/**
 * The same in the other languages the bot speaks (written with their letters, folded below): the
 * articles never use these, so without them "W którym roku założono SOGA?" has no word that meets "fondé".
 */
const ASKED_OTHER = [
  ...['założono', 'założył', 'założyła', 'założyli', 'założony', 'założona', 'założenie', 'założyciel', 'założyciele', 'założycielka'],
  ...['grundades', 'grundade', 'grundat', 'grundare', 'grundarna', 'grundandet'],
  ...['grundlagt', 'grundlagde', 'stiftet', 'stiftede', 'grundlægger', 'grundlæggerne', 'grundlæggelse'],
  ...['perustettiin', 'perusti', 'perustivat', 'perustettu', 'perustaja', 'perustajat', 'perustaminen'],
  ...['založen', 'založena', 'založeno', 'založil', 'založila', 'založili', 'zakladatel', 'zakladatelé', 'založení'],
  ...['založený', 'založená', 'zakladateľ', 'zakladatelia', 'založenie'],
  ...['fondat', 'fondată', 'înființat', 'înființată', 'fondator', 'fondatori', 'fondatoare', 'înființare', 'înființarea', 'fondarea'],
  ...['fundat', 'fundà', 'fundaren', 'fundació', 'fundadors'],
  ...['ιδρύθηκε', 'ίδρυσε', 'ίδρυσαν', 'ιδρυτής', 'ιδρυτές', 'ίδρυση'],
  ...['alapították', 'alapította', 'alapítója', 'alapítói', 'alapító', 'alapítás', 'alapítása'],
  ...['osnovan', 'osnovana', 'osnovano', 'osnovao', 'osnovala', 'osnovali', 'osnivač', 'osnivači', 'osnivačica', 'osnivanje'],
  ...['ustanovljen', 'ustanovljena', 'ustanovil', 'ustanovila', 'ustanovili', 'ustanovitelj', 'ustanovitelji', 'ustanoviteljica', 'ustanovitev'],
  ...['основан', 'основана', 'основано', 'основаха', 'основател', 'основатели', 'основаване'],
  ...['asutati', 'asutas', 'asutasid', 'asutaja', 'asutajad', 'asutamine'],
  ...['dibināts', 'dibināta', 'dibināja', 'dibinātājs', 'dibinātāji', 'dibināšana'],
  ...['įkurta', 'įkurtas', 'įkūrė', 'įkūrėjas', 'įkūrėja', 'įkūrėjai', 'įkūrimas'],
].map(normalizeText);

const TOLD_SET = new Set(TOLD);
const ASKED_SET = new Set([...TOLD, ...ASKED, ...ASKED_OTHER]);

/** Whether a question's (folded) word asks about a founding. */
export function asksFounding(word: string): boolean {
  return ASKED_SET.has(word);
}

/** The forms a founding is told with, other than the word itself, for the search of a question that asks about one. */
export function foundingForms(word: string): string[] {
  return asksFounding(word) ? [...TOLD_SET].filter((w) => w !== word) : [];
}

/**
 * Founding asked in words that say it only together or only of a "who": "Who set up…?", "Who started
 * SOGA?", "Wer hat … ins Leben gerufen?", "¿Quién puso en marcha…?", "Chi ha avviato…?", "mis sur pied",
 * "Who is behind…?", "Kdo stojí za…?".
 * Alone, "set", "started", "Leben" say nothing of a founding ("When did the summit start?").
 */
const PHRASES: RegExp[] = [
  /\b(set)(?:s|ting)? (up)\b/,
  /^\s*who (started)\b/,
  /\bins (leben) (gerufen)\b/,
  /\b(?:puso|pusieron|puesto) en (marcha)\b/,
  /\b(?:mis|mise|mit|mirent) sur (pied)\b/,
  /^\s*chi ha (avviato)\b/,
  // "Who is behind SOGA?": the people who founded it, in the languages that say it with a verb of standing.
  /^\s*who(?: is|s| are) (behind)\b/,
  /^\s*(?:kdo|kto) (stoji|stoi|stal|stala|stali) za\b/,
  /^\s*wer (steckt|steht|stand|stehen) (hinter)\b/,
  /^\s*qui (?:est|sont|se cache|se cachent) (derriere)\b/,
  /^\s*quien(?:es)? (?:esta|estan|estuvo) (detras)\b/,
  /^\s*chi (?:c e|ce|sta|stava) (dietro)\b/,
  /^\s*quem (?:esta|estao|estava) por (tras)\b/,
  /^\s*wie (?:zit|zitten|zat|staat|stond)(?: er)? (achter)\b/,
];

/** The words of a question (folded) that ask about a founding: its founding words, and the words of the phrases above. */
export function foundingWordsIn(question: string): Set<string> {
  const text = ` ${normalizeText(question).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const out = new Set(text.split(' ').filter((w) => w && asksFounding(w)));
  for (const phrase of PHRASES) for (const m of text.trim().matchAll(new RegExp(phrase.source, 'g'))) for (const w of m.slice(1)) if (w) out.add(w);
  return out;
}

/** The forms a founding is told with, for a question word that asks about one (foundingWordsIn). */
export const FOUNDING_FORMS: readonly string[] = TOLD;
