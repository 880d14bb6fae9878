/**
 * Asking what taking part costs, and what answers it. "Is it free?", "Do I have to pay?", "Kostet die
 * Teilnahme etwas?", "¿Hay que pagar…?", "C'est payant ?" ask what "sur inscription gratuite" or "50 €"
 * says; none of them writes an interrogative the answer-type table reads. Money paid *to* participants
 * or raised for a cause ("un défraiement de 948 €", "un fonds de 20 millions d'euros", "collecter des
 * millions d'euros") is not what taking part costs. Words accent-folded.
 */
import { normalizeText } from './normalize.js';

/**
 * Words and phrases that ask about a price wherever they stand in a question, by language (the 7
 * languages of the articles and questions most; the 16 others with their common forms). A phrase is
 * written with spaces, folded ("prix d entree"). A noun with another common sense is asked only in a
 * phrase that makes it a price: French "prix" and German "Preis", Dutch "prijs", Swedish and Danish
 * "pris", Czech and Slovak "cena", Hungarian "díj" are also a prize ("Welchen Preis hat … gewonnen?");
 * French "billet" is also a blog post, Spanish and Catalan "entrada" an entry, Catalan
 * "costa" a coast (Italian "costa" asks a price where it ends the question: CASED), English "charge" a duty ("in charge of"), Czech "stojí za" "stands behind",
 * Hungarian "kerül sor" "takes place". English "free" is read apart (FREE_ASKED): "free software" asks no price.
 */
const ASKING: Record<string, string[]> = {
  // Not "charge" alone ("in charge of") nor "paid" ("paid staff", "get paid"): "free of charge" is read by FREE_ASKED.
  en: [
    'pay',
    'paying',
    'fee',
    'fees',
    'costs',
    'cost',
    'price',
    'prices',
    'ticket',
    'tickets',
    'charge for',
    'a charge',
    'any charge',
    'a paid event',
    'paid event',
    'paid entry',
    'paid admission',
    'is it paid',
  ],
  fr: [
    ...['payant', 'payante', 'payants', 'payantes', 'payer', 'paie', 'paye', 'gratuit', 'gratuite', 'gratuits', 'gratuites', 'gratuitement'],
    ...['coute', 'coutent', 'coutait', 'cout', 'tarif', 'tarifs'],
    ...['prix d entree', 'prix du billet', 'prix des billets', 'prix de la place', 'prix d inscription', 'prix de l inscription', 'prix de participation', 'quel est le prix', 'a quel prix'],
  ],
  de: [
    ...['kostet', 'kosten', 'kostete', 'kostenlos', 'kostenpflichtig', 'bezahlen', 'gratis', 'gebuhr', 'gebuhren', 'teilnahmegebuhr', 'eintritt', 'ticket'],
    ...['eintrittspreis', 'teilnahmepreis', 'ticketpreis', 'preis fur die teilnahme', 'preis pro person', 'wie hoch ist der preis', 'was ist der preis', 'was kostet'],
  ],
  es: ['pagar', 'pago', 'gratis', 'gratuito', 'gratuita', 'cuesta', 'cuestan', 'costaba', 'coste', 'costo', 'precio', 'tarifa', 'precio de la entrada'],
  it: ['pagare', 'pagamento', 'gratis', 'gratuito', 'gratuita', 'costano', 'costava', 'costo', 'prezzo', 'tariffa', 'biglietto', 'quanto costa', 'costa qualcosa', 'ingresso', 'quanto e l ingresso'],
  pt: ['pagar', 'pago', 'paga', 'gratis', 'gratuito', 'gratuita', 'custa', 'custam', 'custava', 'custo', 'preco', 'bilhete', 'ingresso'],
  nl: ['betalen', 'betaald', 'betaalt', 'gratis', 'kost', 'kosten', 'kostte', 'toegangsprijs', 'deelnameprijs', 'ticketprijs', 'ticket', 'wat is de prijs'],
  pl: [
    'płacić',
    'zapłacić',
    'płatny',
    'płatne',
    'płatna',
    'bezpłatny',
    'bezpłatne',
    'bezpłatna',
    'darmowy',
    'darmowe',
    'darmowa',
    'kosztuje',
    'koszt',
    'cena',
    'kosztował',
    'kosztowała',
    'bilet',
    'biletu',
  ],
  cs: ['platit', 'zaplatit', 'placený', 'placené', 'zdarma', 'bezplatný', 'bezplatné', 'kolik stojí', 'stojí to', 'jaká je cena', 'vstupné', 'vstupenka'],
  sk: ['platiť', 'zaplatiť', 'platený', 'platené', 'zadarmo', 'bezplatný', 'bezplatné', 'koľko stojí', 'stojí to', 'aká je cena', 'vstupné', 'vstupenka'],
  sl: ['plačati', 'plačljiv', 'plačljivo', 'brezplačen', 'brezplačno', 'stane', 'cena', 'vstopnina', 'vstopnica'],
  hr: ['platiti', 'plaća', 'besplatan', 'besplatno', 'besplatna', 'košta', 'cijena', 'ulaznica', 'koštala', 'kotizacija'],
  bg: ['плати', 'платено', 'платен', 'безплатно', 'безплатен', 'безплатна', 'струва', 'цена', 'такса', 'цената', 'струваше', 'билет', 'билетът'],
  el: ['πληρώσω', 'πληρώσει', 'πληρωμή', 'δωρεάν', 'κοστίζει', 'κόστος', 'τιμή', 'εισιτήριο', 'κόστιζε'],
  ro: ['plătesc', 'plăti', 'plătită', 'gratuit', 'gratuită', 'gratis', 'costă', 'cost', 'preț', 'taxă', 'bilet', 'prețul', 'costul', 'biletul'],
  ca: ['pagar', 'gratuït', 'gratuïta', 'gratis', 'preu', 'quant costa', 'preu de l entrada'],
  hu: ['fizetni', 'fizetős', 'fizetni kell', 'ingyenes', 'ingyen', 'mennyibe kerül', 'ár', 'belépő', 'belépődíj', 'részvételi díj', 'ára'],
  fi: ['maksaa', 'maksullinen', 'maksuton', 'ilmainen', 'hinta', 'lippu', 'osallistumismaksu', 'hintaa', 'maksoi', 'pääsymaksu'],
  et: ['maksma', 'maksta', 'tasuline', 'tasuta', 'maksab', 'hind', 'pilet', 'osalustasu', 'hinda', 'maksis'],
  lv: ['maksāt', 'maksas', 'bezmaksas', 'maksā', 'cena', 'biļete', 'maksāja'],
  lt: ['mokėti', 'mokamas', 'mokama', 'nemokamas', 'nemokama', 'kainuoja', 'kaina', 'bilietas', 'kainavo'],
  sv: ['betala', 'betalar', 'avgift', 'gratis', 'avgiftsfri', 'avgiftsfritt', 'kostar', 'kostnad', 'biljett', 'biljettpris', 'kostade', 'biljetten', 'inträde'],
  da: ['betale', 'betaler', 'gebyr', 'gratis', 'gratis adgang', 'koster', 'billet', 'billetpris', 'deltagergebyr', 'kostede', 'billetten', 'entré'],
};

const ASKING_FOLDED: Record<string, Set<string>> = Object.fromEntries(
  Object.entries(ASKING).map(([lang, words]) => [
    lang,
    new Set(
      words.map((w) =>
        normalizeText(w)
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .trim(),
      ),
    ),
  ]),
);

/** English "free" asking a price: "Is it free?", "free to attend", "free of charge", "for free". */
const FREE_ASKED = / free (?:to|of|for|admission|entry|registration|participation)\b| free$/;
/**
 * Asked only as written in lower case: German writes "Zahlen" (numbers) with a capital, "zahlen" (to
 * pay) without — but the verb opens a yes/no question ("Zahlen Teilnehmer für …?").
 */
const CASED: Record<string, RegExp> = {
  de: /^\s*Zahlen(?![\p{L}])|(?<![\p{L}])zahlen(?![\p{L}])/u,
  // Italian "costa" is "costs" where it ends the question ("Il forum costa?"), a coast elsewhere ("sulla costa ligure").
  it: /(?<![\p{L}])costa\s*\?*\s*$/u,
};

/** The entries of the language's table the question writes (a word, or a phrase's words). */
function askingIn(question: string, lang: string): string[] {
  const text = ` ${normalizeText(question)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
  const words = new Set(text.split(' ').filter(Boolean));
  const table = ASKING_FOLDED[lang] ?? ASKING_FOLDED.en;
  const found = [...table].filter((w) => (w.includes(' ') ? text.includes(` ${w} `) : words.has(w)));
  const cased = CASED[lang]?.exec(question);
  if (cased) found.push(normalizeText(cased[0]));
  if (lang === 'en' && FREE_ASKED.test(text.trimEnd())) found.push('free');
  return found;
}

/** Whether the question asks what something costs (or whether it is free). */
export function asksPrice(question: string, lang: string): boolean {
  return askingIn(question, lang).length > 0;
}

/** The words of the question that ask about a price: what is asked, not about what. */
export function priceAskingWords(question: string, lang: string): Set<string> {
  if (!ASKING_FOLDED[lang]) return new Set();
  return new Set(askingIn(question, lang).flatMap((w) => w.split(' ')));
}

// "Free" in the articles' words: "inscription gratuite", "kostenlos", "free of charge". Bare English
// "free" is left out ("free software", "feel free"): only its price phrases count.
const FREE =
  /(?<![\p{L}])(?:gratuit(?:e|s|es)?|gratuitement|gratuit[oa]s?|gratuitamente|gratuït(?:a|s|es)?|gratuit[ie]|kostenlos(?:e[nmrs]?)?|kostenfrei(?:e[nmrs]?)?|gratis|free of charge|for free|free (?:admission|entry|registration|participation|of charge)|free to (?:attend|participate|take part)|(?:is|are|be) free(?!\s+to\s)|bezpłatn\p{L}*|darmow\p{L}*|zdarma|zadarmo|bezplatn\p{L}*|brezplačn\p{L}*|besplatn\p{L}*|безплатн\p{L}*|δωρεάν|ingyenes|ingyen|maksuton|ilmai\p{L}*|tasuta|bezmaksas|nemokam\p{L}*|avgiftsfri\p{L}*)(?![\p{L}])/iu;
const AMOUNT = /(?:€|\$|£)\s?\d[\d\s.,]*|\d[\d\s.,]*\s?(?:€|eur\b|euros?\b|\$|£|chf\b|dollars?\b)/i;
/** Money given to participants or raised for a cause: not what taking part costs. */
const NOT_A_PRICE =
  /(?<![\p{L}])(?:d[ée]fraiement\p{L}*|rembours\p{L}*|indemni\p{L}*|fonds?|subvention\p{L}*|financ\p{L}*|collect\p{L}*|r[ée]colt\p{L}*|dons?(?!['’])|budget\p{L}*|bourses?|reimburs\p{L}*|allowance\p{L}*|grants?|funds?|funding|donat\p{L}*|raised|erstattung\p{L}*|kostenerstattung|f[öo]rder\p{L}*|spende\p{L}*|reembols\p{L}*|subvenci\p{L}*|rimbors\p{L}*|finanziament\p{L}*|vergoeding\p{L}*|subsidie\p{L}*)(?![\p{L}])/iu;
/** Registration required: "sur inscription", "registration required", "Anmeldung erforderlich". */
const REGISTRATION = /(?<![\p{L}])(?:inscri\p{L}*|registr\p{L}*|anmeld\p{L}*|iscri\p{L}*|inscrever|aanmeld\p{L}*|rejestr\p{L}*)(?![\p{L}])/iu;

export type PriceValue = { free: true; registration: boolean } | { free: false; amount: string };

/** The price a sentence states: free (and whether on registration), or one amount as written; null when none, or several. */
export function priceIn(text: string): PriceValue | null {
  if (NOT_A_PRICE.test(text)) return null;
  if (FREE.test(text)) return { free: true, registration: REGISTRATION.test(text) };
  const amounts = [...text.matchAll(new RegExp(AMOUNT.source, 'gi'))].map((m) => m[0].replace(/[\s.,]+$/, '').replace(/\s+/g, ' '));
  const distinct = [...new Set(amounts.map((a) => a.replace(/\s/g, '')))];
  if (distinct.length !== 1) return null;
  // "948€" is said "948 €", as every language the bot speaks but English writes it.
  return { free: false, amount: amounts[0].replace(/(\d)\s?(€|eur\b|euros?\b|chf\b)/i, '$1 $2') };
}

/** Whether some sentence of a text states a price (free, or an amount to pay). */
export function hasPrice(text: string): boolean {
  // Sentence by sentence: "avec le soutien financier de…" elsewhere in the passage does not unmake "inscription gratuite".
  return text.split(/(?<=[.!?])\s+|\n+/).some((s) => priceIn(s) !== null);
}
