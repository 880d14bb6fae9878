/**
 * The future tense of an announcement, in the languages the articles and members write most. Two uses:
 * an article's sentence that announces an event ("aura lieu", "se tiendra", "will take place") was
 * written before it (direct-answer.ts); a generated sentence that speaks of the future ("NEC ESS 2025
 * aura lieu du 25 au 27 novembre", "Vous pourrez vous inscrire…") is wrong today when everything its
 * passages date is past (claims.ts) — a small model copies an announcement's tense a year later.
 */

/** An announcement's words, as the articles write them (also German "wird", which reads an article, not an answer). */
export const FUTURE =
  /(?<![\p{L}])(?:aura|auront|sera|seront|tiendra|tiendront|d[ée]roulera|d[ée]rouleront|prochain|prochaine|will|shall|upcoming|wird|werden|tendr[áa]|ser[áa]|terr[àa]|sar[àa]|ter[áa]|zal|zullen)(?![\p{L}])/iu;

/**
 * An answer's future, stricter than FUTURE: German "wird" / "werden" also make the present passive
 * ("wird von SOGA organisiert"), so only with an infinitive of taking place or being; Spanish,
 * Portuguese and Italian by the accented endings only their future writes ("se celebrará", "terá
 * lugar", "si terrà"); Dutch "zal"; French by its verbs of taking place and of registering.
 */
const ANSWER_FUTURE = [
  /(?<![\p{L}])(?:aura|auront|sera|seront|tiendra|tiendront|d[ée]roulera|d[ée]rouleront|pourrez|pourront|pourra|ouvrira|ouvriront|commencera|commenceront|accueillera|accueilleront|r[ée]unira|r[ée]uniront|à venir)(?![\p{L}])/iu,
  // Not "is due to" (a cause as often as a plan), nor "will" as a noun ("SOGA's will to cooperate").
  /(?<![\p{L}])(?:will(?! to)|shall|upcoming|is scheduled|are scheduled|is coming up|are coming up)(?![\p{L}])/iu,
  /(?<![\p{L}])(?:wird|werden)(?![\p{L}]).*(?<![\p{L}])(?:stattfinden|sein(?=\s*[.,;!?[]|\s*$)|geben|beginnen|kommen|eröffnen|tagen|versammeln)(?![\p{L}])|(?<![\p{L}])(?:bevorstehend\p{L}*|kommend\p{L}*|demnächst)(?![\p{L}])/iu,
  /(?<![\p{L}])\p{L}+(?:ará|erá|irá|arán|erán|irán|arà|erà|irà|rrà|ranno)(?![\p{L}])/iu,
  /(?<![\p{L}])(?:zal|zullen|komende|aanstaande)(?![\p{L}])/iu,
];

/** Whether a sentence of an answer says that something is still to come. */
export function speaksOfFuture(sentence: string): boolean {
  return ANSWER_FUTURE.some((re) => re.test(sentence));
}
