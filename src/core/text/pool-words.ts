/**
 * "Sélectionné parmi plus de 100 candidatures": the number is the pool something was chosen from,
 * not how many were chosen. A small model reads it the other way ("Plus de 100 candidatures ont été
 * sélectionnées", held-out e06 of session 17's run), with every value in the passage. Read in the
 * languages the articles and members write, accent-folded.
 */
import { normalizeText } from './normalize.js';

/**
 * Written just before the number (after its qualifier, if any): "parmi", "among", "unter", "entre"…, and
 * "from", "aus", "uit" ("selected from 100", "aus 100 Bewerbungen ausgewählt"): "participants from 14
 * countries" reads as a pool too, which matters only to a sentence that says 14 were chosen.
 */
const POOL_BEFORE =
  /(?:^|[^\p{L}])(?:parmi|d'entre|among|amongst|out of|from among|from|aus|uit|unter|entre|tra|fra|tussen|dentre|de entre|sposrod|mezi|bland)\s*(?:plus d['e]|more than|over|mehr als|uber|mas de|piu di|oltre|mais de|meer dan|ruim|pres d['e]|nearly|almost|environ|about|around|rund|etwa|casi|quase|bijna|circa)?\s*$/u;

/** Whether the number written after `preceding` is a pool ("parmi plus de 100", "selected from 100"). */
export function poolBefore(preceding: string): boolean {
  return POOL_BEFORE.test(normalizeText(preceding.slice(-40)));
}

/** Words of choosing, folded ("sélectionnées", "selected", "ausgewählt", "seleccionadas", "gekozen"). */
const CHOOSING =
  /(?:^|[^\p{L}])(?:selection\p{L}*|select\p{L}*|chosen|choisi\p{L}*|retenu\p{L}*|ausgewahlt\p{L}*|auserwahlt\p{L}*|seleccion\p{L}*|selezion\p{L}*|scelt\p{L}*|geselecteerd|gekozen|uitgekozen|escolhid\p{L}*|selecion\p{L}*|wybran\p{L}*|vybran\p{L}*|utvald\p{L}*)(?![\p{L}])/u;

/** Whether a sentence says that something was chosen. */
export function saysChosen(sentence: string): boolean {
  return CHOOSING.test(normalizeText(sentence));
}
