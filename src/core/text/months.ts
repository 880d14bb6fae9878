/**
 * Month names in the languages the assistant speaks, for dates in text and in questions. Each month is
 * listed with the forms a date puts it in: the nominative first, then the cases of the languages that
 * inflect it ("12 października", "w październiku"; "lokakuussa", "12. lokakuuta"; "2021 októberében";
 * "Οκτωβρίου"). Natural spellings, read accent-folded.
 */
import { normalizeText } from './normalize.js';

/** Finnish months: the stem and its cases ("lokakuu", "lokakuun", "lokakuuta", "lokakuussa"…). */
const fi = (stem: string) => [stem, `${stem}n`, `${stem}ta`, `${stem}ssa`, `${stem}sta`, `${stem}hun`];

const MONTH_FORMS: Record<string, string[][]> = {
  fr: [['janvier'], ['février'], ['mars'], ['avril'], ['mai'], ['juin'], ['juillet'], ['août'], ['septembre'], ['octobre'], ['novembre'], ['décembre']],
  en: [['january'], ['february'], ['march'], ['april'], ['may'], ['june'], ['july'], ['august'], ['september'], ['october'], ['november'], ['december']],
  es: [['enero'], ['febrero'], ['marzo'], ['abril'], ['mayo'], ['junio'], ['julio'], ['agosto'], ['septiembre'], ['octubre'], ['noviembre'], ['diciembre']],
  de: [['januar'], ['februar'], ['märz'], ['april'], ['mai'], ['juni'], ['juli'], ['august'], ['september'], ['oktober'], ['november'], ['dezember']],
  it: [['gennaio'], ['febbraio'], ['marzo'], ['aprile'], ['maggio'], ['giugno'], ['luglio'], ['agosto'], ['settembre'], ['ottobre'], ['novembre'], ['dicembre']],
  pt: [['janeiro'], ['fevereiro'], ['março'], ['abril'], ['maio'], ['junho'], ['julho'], ['agosto'], ['setembro'], ['outubro'], ['novembro'], ['dezembro']],
  nl: [['januari'], ['februari'], ['maart'], ['april'], ['mei'], ['juni'], ['juli'], ['augustus'], ['september'], ['oktober'], ['november'], ['december']],
  // Nominative, genitive (dates: "12 października"), locative ("w październiku").
  pl: [
    ['styczeń', 'stycznia', 'styczniu'],
    ['luty', 'lutego', 'lutym'],
    ['marzec', 'marca', 'marcu'],
    ['kwiecień', 'kwietnia', 'kwietniu'],
    ['maj', 'maja', 'maju'],
    ['czerwiec', 'czerwca', 'czerwcu'],
    ['lipiec', 'lipca', 'lipcu'],
    ['sierpień', 'sierpnia', 'sierpniu'],
    ['wrzesień', 'września', 'wrześniu'],
    ['październik', 'października', 'październiku'],
    ['listopad', 'listopada', 'listopadzie'],
    ['grudzień', 'grudnia', 'grudniu'],
  ],
  // Nominative, genitive ("12. října"), locative ("v říjnu").
  cs: [
    ['leden', 'ledna', 'lednu'],
    ['únor', 'února', 'únoru'],
    ['březen', 'března', 'březnu'],
    ['duben', 'dubna', 'dubnu'],
    ['květen', 'května', 'květnu'],
    ['červen', 'června', 'červnu'],
    ['červenec', 'července', 'červenci'],
    ['srpen', 'srpna', 'srpnu'],
    ['září'],
    ['říjen', 'října', 'říjnu'],
    ['listopad', 'listopadu'],
    ['prosinec', 'prosince', 'prosinci'],
  ],
  sk: [
    ['január', 'januára', 'januári'],
    ['február', 'februára', 'februári'],
    ['marec', 'marca', 'marci'],
    ['apríl', 'apríla', 'apríli'],
    ['máj', 'mája', 'máji'],
    ['jún', 'júna', 'júni'],
    ['júl', 'júla', 'júli'],
    ['august', 'augusta', 'auguste'],
    ['september', 'septembra', 'septembri'],
    ['október', 'októbra', 'októbri'],
    ['november', 'novembra', 'novembri'],
    ['december', 'decembra', 'decembri'],
  ],
  sl: [
    ['januar', 'januarja', 'januarju'],
    ['februar', 'februarja', 'februarju'],
    ['marec', 'marca', 'marcu'],
    ['april', 'aprila', 'aprilu'],
    ['maj', 'maja', 'maju'],
    ['junij', 'junija', 'juniju'],
    ['julij', 'julija', 'juliju'],
    ['avgust', 'avgusta', 'avgustu'],
    ['september', 'septembra', 'septembru'],
    ['oktober', 'oktobra', 'oktobru'],
    ['november', 'novembra', 'novembru'],
    ['december', 'decembra', 'decembru'],
  ],
  // Croatian names its own months: "listopad" is October here, November in Polish and Czech.
  hr: [
    ['siječanj', 'siječnja', 'siječnju'],
    ['veljača', 'veljače', 'veljači'],
    ['ožujak', 'ožujka', 'ožujku'],
    ['travanj', 'travnja', 'travnju'],
    ['svibanj', 'svibnja', 'svibnju'],
    ['lipanj', 'lipnja', 'lipnju'],
    ['srpanj', 'srpnja', 'srpnju'],
    ['kolovoz', 'kolovoza', 'kolovozu'],
    ['rujan', 'rujna', 'rujnu'],
    ['listopad', 'listopada', 'listopadu'],
    ['studeni', 'studenoga', 'studenog', 'studenom'],
    ['prosinac', 'prosinca', 'prosincu'],
  ],
  bg: [['януари'], ['февруари'], ['март'], ['април'], ['май'], ['юни'], ['юли'], ['август'], ['септември'], ['октомври'], ['ноември'], ['декември']],
  // Nominative, accusative ("τον Οκτώβριο"), genitive ("12 Οκτωβρίου").
  el: [
    ['ιανουάριος', 'ιανουάριο', 'ιανουαρίου'],
    ['φεβρουάριος', 'φεβρουάριο', 'φεβρουαρίου'],
    ['μάρτιος', 'μάρτιο', 'μαρτίου'],
    ['απρίλιος', 'απρίλιο', 'απριλίου'],
    ['μάιος', 'μάιο', 'μαΐου'],
    ['ιούνιος', 'ιούνιο', 'ιουνίου'],
    ['ιούλιος', 'ιούλιο', 'ιουλίου'],
    ['αύγουστος', 'αύγουστο', 'αυγούστου'],
    ['σεπτέμβριος', 'σεπτέμβριο', 'σεπτεμβρίου'],
    ['οκτώβριος', 'οκτώβριο', 'οκτωβρίου'],
    ['νοέμβριος', 'νοέμβριο', 'νοεμβρίου'],
    ['δεκέμβριος', 'δεκέμβριο', 'δεκεμβρίου'],
  ],
  ro: [['ianuarie'], ['februarie'], ['martie'], ['aprilie'], ['mai'], ['iunie'], ['iulie'], ['august'], ['septembrie'], ['octombrie'], ['noiembrie'], ['decembrie']],
  ca: [['gener'], ['febrer'], ['març'], ['abril'], ['maig'], ['juny'], ['juliol'], ['agost'], ['setembre'], ['octubre'], ['novembre'], ['desembre']],
  // Nominative, inessive ("októberben"), possessive inessive ("2021 októberében").
  hu: [
    ['január', 'januárban', 'januárjában'],
    ['február', 'februárban', 'februárjában'],
    ['március', 'márciusban', 'márciusában'],
    ['április', 'áprilisban', 'áprilisában'],
    ['május', 'májusban', 'májusában'],
    ['június', 'júniusban', 'júniusában'],
    ['július', 'júliusban', 'júliusában'],
    ['augusztus', 'augusztusban', 'augusztusában'],
    ['szeptember', 'szeptemberben', 'szeptemberében'],
    ['október', 'októberben', 'októberében'],
    ['november', 'novemberben', 'novemberében'],
    ['december', 'decemberben', 'decemberében'],
  ],
  fi: ['tammikuu', 'helmikuu', 'maaliskuu', 'huhtikuu', 'toukokuu', 'kesäkuu', 'heinäkuu', 'elokuu', 'syyskuu', 'lokakuu', 'marraskuu', 'joulukuu'].map(fi),
  // Nominative, genitive, inessive ("oktoobris"), adessive ("12. oktoobril"). Estonian "mais" is not
  // listed: it is the French "mais".
  et: [
    ['jaanuar', 'jaanuari', 'jaanuaris', 'jaanuaril'],
    ['veebruar', 'veebruari', 'veebruaris', 'veebruaril'],
    ['märts', 'märtsi', 'märtsis', 'märtsil'],
    ['aprill', 'aprilli', 'aprillis', 'aprillil'],
    ['mai', 'mail'],
    ['juuni', 'juunis', 'juunil'],
    ['juuli', 'juulis', 'juulil'],
    ['august', 'augusti', 'augustis', 'augustil'],
    ['september', 'septembri', 'septembris', 'septembril'],
    ['oktoober', 'oktoobri', 'oktoobris', 'oktoobril'],
    ['november', 'novembri', 'novembris', 'novembril'],
    ['detsember', 'detsembri', 'detsembris', 'detsembril'],
  ],
  // Nominative, genitive, locative ("oktobrī").
  lv: [
    ['janvāris', 'janvāra', 'janvārī'],
    ['februāris', 'februāra', 'februārī'],
    ['marts', 'marta', 'martā'],
    ['aprīlis', 'aprīļa', 'aprīlī'],
    ['maijs', 'maija', 'maijā'],
    ['jūnijs', 'jūnija', 'jūnijā'],
    ['jūlijs', 'jūlija', 'jūlijā'],
    ['augusts', 'augusta', 'augustā'],
    ['septembris', 'septembra', 'septembrī'],
    ['oktobris', 'oktobra', 'oktobrī'],
    ['novembris', 'novembra', 'novembrī'],
    ['decembris', 'decembra', 'decembrī'],
  ],
  // Nominative, genitive ("spalio 12 d."), accusative ("spalį": in October).
  lt: [
    ['sausis', 'sausio', 'sausį'],
    ['vasaris', 'vasario', 'vasarį'],
    ['kovas', 'kovo', 'kovą'],
    ['balandis', 'balandžio', 'balandį'],
    ['gegužė', 'gegužės', 'gegužę'],
    ['birželis', 'birželio', 'birželį'],
    ['liepa', 'liepos', 'liepą'],
    ['rugpjūtis', 'rugpjūčio', 'rugpjūtį'],
    ['rugsėjis', 'rugsėjo', 'rugsėjį'],
    ['spalis', 'spalio', 'spalį'],
    ['lapkritis', 'lapkričio', 'lapkritį'],
    ['gruodis', 'gruodžio', 'gruodį'],
  ],
  sv: [['januari'], ['februari'], ['mars'], ['april'], ['maj'], ['juni'], ['juli'], ['augusti'], ['september'], ['oktober'], ['november'], ['december']],
  da: [['januar'], ['februar'], ['marts'], ['april'], ['maj'], ['juni'], ['juli'], ['august'], ['september'], ['oktober'], ['november'], ['december']],
};

/** The languages the articles are written in, whose month names are read in any text (no language needed). */
const ARTICLE_LANGUAGES = ['fr', 'en', 'es', 'de', 'it', 'pt', 'nl'];

const FOLDED: Record<string, string[][]> = Object.fromEntries(Object.entries(MONTH_FORMS).map(([lang, months]) => [lang, months.map((forms) => forms.map((f) => normalizeText(f)))]));

/** The month names of each language (accent-folded nominatives): what a text in that language calls them. */
export const MONTH_NAMES: Record<string, string[]> = Object.fromEntries(Object.entries(FOLDED).map(([lang, months]) => [lang, months.map((forms) => forms[0])]));

/** Month number (1–12) of each folded month name of the articles' languages, read in any text. */
export const MONTH_NUMBER: Record<string, number> = {};
for (const lang of ARTICLE_LANGUAGES) FOLDED[lang].forEach((forms, i) => forms.forEach((f) => (MONTH_NUMBER[f] ??= i + 1)));

/** Every folded form of every language's months: what a date parser looks for before it knows whose month it is. */
export const ALL_MONTH_FORMS: string[] = [...new Set(Object.values(FOLDED).flatMap((months) => months.flat()))];

/**
 * The month a folded word names in a text of `lang`: the language's own reading first ("listopad" is
 * October in Croatian, November in Polish), then the articles' languages'; undefined when it names none
 * there (a Polish "maja" in a French text is not May).
 */
export function monthNumber(word: string, lang?: string): number | undefined {
  const own = lang ? FOLDED[lang]?.findIndex((forms) => forms.includes(word)) : -1;
  if (own !== undefined && own >= 0) return own + 1;
  return MONTH_NUMBER[word];
}
