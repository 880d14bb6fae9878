/**
 * The thing a question asks for about a thing it names: "Who is the <spokesperson> of SOGA?", "What is
 * SOGA's <annual budget>?", "Quel est le <slogan> du Social Tech Atlas ?", "Wer ist <Generalsekretär>
 * des Social Good Accelerator?". Every other word of such a question names what the articles know
 * (SOGA, NEC ESS 2025), so a passage about it covers most of the question without saying a word of
 * what is asked; the answerability gate (answerability.ts) then wants the head in a passage on that
 * thing. Read only in that one shape — interrogative, copula, head, a word for "of" — and in the seven
 * languages the dictionaries translate: a head elsewhere in a question may be told in other words
 * ("moyens d'action" for "leviers").
 */
import { isRoleNoun, isValueNoun } from './answer-type.js';
import { normalizeText, words } from '../text/normalize.js';

interface HeadShape {
  /** Interrogatives that open the question. */
  ask: string[];
  /** The copula after them. */
  be: string[];
  /** Articles that may stand before the head. */
  articles: string[];
  /** Words that tie the head to the thing named ("of", "du", "des"). */
  of: string[];
  /**
   * Heads that say what kind of value is asked, not which attribute: the passage holds the value
   * ("Jeanne Bretécher", "le 26 mai", "à Paris"), seldom the noun ("the name of", "la date du").
   */
  kinds: string[];
  /**
   * Heads that ask what the thing is about ("the theme of the Lille day", "l'objectif de", "das Ziel
   * der"): any passage on it describes it, seldom with the noun ("Lille – Ateliers et intelligence
   * collective" is the day's theme).
   */
  about: string[];
}

/** Accent-folded. English's possessive ("SOGA's budget") is read apart (see askedHead). */
const SHAPES: Record<string, HeadShape> = {
  en: {
    ask: ['who', 'what', 'which'],
    be: ['is', 'was', 'are', 'were'],
    articles: ['the', 'a', 'an'],
    of: ['of', 'for', 'at', 'behind'],
    kinds: ['name', 'names', 'date', 'dates', 'day', 'year', 'time', 'place', 'venue', 'location', 'number', 'amount', 'total', 'count', 'kind', 'type', 'sort'],
    about: [
      'theme',
      'themes',
      'topic',
      'topics',
      'subject',
      'focus',
      'purpose',
      'goal',
      'goals',
      'aim',
      'aims',
      'objective',
      'objectives',
      'mission',
      'message',
      'agenda',
      'programme',
      'program',
      'content',
      'vision',
      'ambition',
      'idea',
    ],
  },
  fr: {
    ask: ['qui', 'quel', 'quelle', 'quels', 'quelles'],
    be: ['est', 'etait', 'sont', 'etaient', 'fut'],
    articles: ['le', 'la', 'les', 'l', 'un', 'une'],
    of: ['de', 'du', 'des', 'd'],
    kinds: ['nom', 'noms', 'date', 'dates', 'jour', 'annee', 'heure', 'lieu', 'lieux', 'endroit', 'nombre', 'montant', 'total', 'type', 'genre'],
    about: ['theme', 'themes', 'sujet', 'sujets', 'objet', 'but', 'buts', 'objectif', 'objectifs', 'mission', 'message', 'programme', 'contenu', 'vision', 'ambition', 'idee', 'enjeu', 'enjeux'],
  },
  de: {
    ask: ['wer', 'was', 'welche', 'welcher', 'welches'],
    be: ['ist', 'war', 'sind', 'waren'],
    articles: ['der', 'die', 'das', 'den', 'ein', 'eine'],
    of: ['des', 'der', 'von', 'vom', 'beim'],
    kinds: ['name', 'namen', 'datum', 'tag', 'jahr', 'uhrzeit', 'zeit', 'ort', 'zahl', 'anzahl', 'betrag', 'summe', 'art', 'typ'],
    about: ['thema', 'themen', 'gegenstand', 'ziel', 'ziele', 'zweck', 'aufgabe', 'mission', 'botschaft', 'programm', 'inhalt', 'vision', 'idee', 'schwerpunkt'],
  },
  es: {
    ask: ['quien', 'quienes', 'cual', 'cuales', 'que'],
    be: ['es', 'era', 'fue', 'son', 'eran'],
    articles: ['el', 'la', 'los', 'las', 'un', 'una'],
    of: ['de', 'del'],
    kinds: ['nombre', 'nombres', 'fecha', 'dia', 'ano', 'hora', 'lugar', 'sitio', 'numero', 'cantidad', 'importe', 'total', 'tipo'],
    about: ['tema', 'temas', 'asunto', 'objeto', 'objetivo', 'objetivos', 'fin', 'proposito', 'meta', 'mision', 'mensaje', 'programa', 'contenido', 'vision', 'idea'],
  },
  it: {
    ask: ['chi', 'qual', 'quale', 'quali', 'che', 'cosa'],
    be: ['e', 'era', 'sono', 'erano', 'fu'],
    articles: ['il', 'lo', 'la', 'l', 'i', 'gli', 'le', 'un', 'una'],
    of: ['di', 'del', 'dello', 'della', 'dell', 'dei', 'degli', 'delle'],
    kinds: ['nome', 'nomi', 'data', 'giorno', 'anno', 'ora', 'luogo', 'posto', 'numero', 'quantita', 'importo', 'totale', 'tipo'],
    about: ['tema', 'temi', 'argomento', 'oggetto', 'obiettivo', 'obiettivi', 'scopo', 'fine', 'missione', 'messaggio', 'programma', 'contenuto', 'visione', 'idea'],
  },
  pt: {
    ask: ['quem', 'qual', 'quais', 'que'],
    be: ['e', 'era', 'foi', 'sao', 'eram'],
    articles: ['o', 'a', 'os', 'as', 'um', 'uma'],
    of: ['de', 'do', 'da', 'dos', 'das'],
    kinds: ['nome', 'nomes', 'data', 'dia', 'ano', 'hora', 'lugar', 'local', 'numero', 'quantidade', 'valor', 'total', 'tipo'],
    about: ['tema', 'temas', 'assunto', 'objeto', 'objetivo', 'objetivos', 'finalidade', 'proposito', 'meta', 'missao', 'mensagem', 'programa', 'conteudo', 'visao', 'ideia'],
  },
  nl: {
    ask: ['wie', 'wat', 'welke', 'welk'],
    be: ['is', 'was', 'zijn', 'waren'],
    articles: ['de', 'het', 'een'],
    of: ['van', 'bij'],
    kinds: ['naam', 'namen', 'datum', 'dag', 'jaar', 'tijd', 'plaats', 'locatie', 'aantal', 'bedrag', 'totaal', 'soort', 'type'],
    about: ['thema', 'onderwerp', 'doel', 'doelen', 'doelstelling', 'missie', 'boodschap', 'programma', 'inhoud', 'visie', 'idee'],
  },
};

/** A head is a noun with at most two modifiers ("annual budget", "diretor financeiro"). */
const MAX_HEAD_WORDS = 3;

/**
 * The folded words of the head noun a question asks for about a thing it names (see above), or none: the
 * question has another shape, or its head is a kind of value (a name, a date, a price), a role noun
 * ("role", "cargo") or what the thing is about ("theme", "objectif"), which the passage that answers
 * does not write.
 */
export function askedHead(question: string, lang: string): string[] {
  const shape = SHAPES[lang];
  if (!shape) return [];
  // Hyphenated words stay whole here ("btw-nummer"); words() below gives their parts and joined form.
  const tokens: string[] = normalizeText(question).match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
  if (tokens.length < 4 || !shape.ask.includes(tokens[0]) || !shape.be.includes(tokens[1])) return [];
  let head: string[] | null = null;
  // "What is SOGA's annual budget?": the thing, then the possessive, then the head to the end.
  const possessive = lang === 'en' ? tokens.indexOf('s', 3) : -1;
  if (possessive > 0 && tokens.length - possessive - 1 >= 1 && tokens.length - possessive - 1 <= MAX_HEAD_WORDS) {
    head = tokens.slice(possessive + 1);
  } else {
    let at = 2;
    if (shape.articles.includes(tokens[at])) at++;
    const link = tokens.slice(at, at + MAX_HEAD_WORDS + 1).findIndex((t) => shape.of.includes(t));
    // A head, then a word for "of", then something named after it.
    if (link > 0 && at + link + 1 < tokens.length) head = tokens.slice(at, at + link);
  }
  if (!head) return [];
  if (head.flatMap((t) => words(t)).some((w) => shape.kinds.includes(w) || shape.about.includes(w) || isValueNoun(w, lang) || isRoleNoun(w, lang))) return [];
  // The noun, not its modifiers: "the current president" is answered by "présidente du SOGA".
  // English, German and Dutch put it last, the Romance languages first ("diretor financeiro") — after
  // the few adjectives they put before it ("l'actuelle présidente", "la nueva directora"). English
  // titles "<noun> general" ("secretary general", "director general") are both words: "general" alone is
  // in every "Confédération générale", and the dictionaries translate the title as a phrase.
  if (ROMANCE.has(lang)) return words(head.find((t) => !PRE_NOUN.has(t)) ?? head[0]);
  if (lang === 'en' && head.length > 1 && head[head.length - 1] === 'general') return [...words(head[head.length - 2]), 'general'];
  return words(head[head.length - 1]);
}

/** Adjectives the Romance languages put before the noun they qualify (folded). */
const PRE_NOUN = new Set([
  ...['actuel', 'actuelle', 'nouveau', 'nouvel', 'nouvelle', 'ancien', 'ancienne', 'premier', 'premiere', 'dernier', 'derniere', 'futur', 'future', 'prochain', 'prochaine', 'vrai', 'vraie'],
  ...['actual', 'nuevo', 'nueva', 'antiguo', 'antigua', 'primer', 'primera', 'ultimo', 'ultima', 'futuro', 'futura', 'proximo', 'proxima', 'verdadero', 'verdadera'],
  ...['attuale', 'nuovo', 'nuova', 'primo', 'prima', 'vero', 'vera', 'prossimo', 'prossima'],
  ...['atual', 'novo', 'nova', 'antigo', 'antiga', 'primeiro', 'primeira', 'verdadeiro', 'verdadeira'],
  ...['ex', 'grand', 'grande', 'principal', 'principale'],
]);

const ROMANCE = new Set(['fr', 'es', 'it', 'pt']);
