/**
 * Synthetic multilingual corpus for the benchmark: articles split into passages, in French, English,
 * Spanish and German, with some articles mixing two languages.
 *
 * French passages recombine sentences of the shipped corpus (`corpus/*.txt`), with numbers, places
 * and organisations swapped so that repeats differ; English, Spanish and German passages come from a
 * seeded template generator on the same topics (social economy, digital commons, European policy).
 * Every article is about one "project" with a generated rare name, which is what known-item questions
 * ask about. Same seed and size → same corpus, byte for byte. Cached as JSONL under bench/.cache/.
 */
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { ChunkRecord, LanguageCode } from '../src/core/types.js';

export const CACHE_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '.cache');
const REPO_ROOT = path.resolve(CACHE_DIR, '../..');

/** mulberry32: small, fast, seedable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const ORGS = [
  'SOGA',
  'ConcertES',
  'UNIPSO',
  'Cooperatives Europe',
  'Social Economy Europe',
  'ESS France',
  'Coop Digital',
  'Ashoka',
  'Fondation Macif',
  'Emmaüs Connect',
  'WeTechCare',
  'Framasoft',
  'La Mednum',
  'Open Knowledge Foundation',
  'EAPN',
  'Euclid Network',
  'RIPESS',
  'Enercoop',
  'Ticket for Change',
  'Solidarité Numérique',
];
const PEOPLE = [
  'Jeanne Bretécher',
  'Marie Dupont',
  'Luis García',
  'Anna Schmidt',
  'Tom Becker',
  'Sofia Rossi',
  'Karim Benali',
  'Elena Martínez',
  'Paul Müller',
  'Claire Martin',
  'Jonas Weber',
  'Lucía Fernández',
];
const CITIES: Record<string, string[]> = {
  fr: ['Strasbourg', 'Bruxelles', 'Lyon', 'Lille', 'Mannheim', 'Madrid', 'Berlin', 'Nantes', 'Marseille', 'Liège', 'Bordeaux', 'Toulouse'],
  en: ['Strasbourg', 'Brussels', 'Lyon', 'Lille', 'Mannheim', 'Madrid', 'Berlin', 'Dublin', 'Lisbon', 'Vienna', 'Copenhagen', 'Warsaw'],
  es: ['Estrasburgo', 'Bruselas', 'Lyon', 'Madrid', 'Barcelona', 'Sevilla', 'Valencia', 'Bilbao', 'Berlín', 'Lisboa', 'Zaragoza', 'Málaga'],
  de: ['Straßburg', 'Brüssel', 'Mannheim', 'Berlin', 'Hamburg', 'München', 'Köln', 'Leipzig', 'Wien', 'Zürich', 'Frankfurt', 'Dresden'],
};
const MONTHS: Record<string, string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'September', 'October', 'November', 'December'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'September', 'Oktober', 'November', 'Dezember'],
};

interface Lexicon {
  topics: string[];
  verbs: string[];
  objects: string[];
  connectors: string[];
  sentences: ((r: Rand, v: Vars) => string)[];
  titles: ((r: Rand, v: Vars) => string)[];
  headings: string[];
  questions: ((name: string, a: string, b: string) => string)[];
}

interface Vars {
  project: string;
  topic: string;
  lang: string;
}

const LEX: Record<string, Lexicon> = {
  en: {
    topics: [
      'digital inclusion',
      'social economy',
      'data commons',
      'open source software',
      'cooperative platforms',
      'ethical artificial intelligence',
      'digital skills',
      'civic technology',
      'green transition',
      'public procurement',
      'social innovation',
      'volunteer networks',
      'impact measurement',
      'community broadband',
      'fair data governance',
    ],
    verbs: ['launched', 'funded', 'presented', 'organised', 'supported', 'evaluated', 'extended', 'documented', 'coordinated', 'published'],
    objects: [
      'a training programme',
      'a public consultation',
      'an open letter',
      'a pilot project',
      'a policy brief',
      'a mentoring scheme',
      'a shared toolkit',
      'a research report',
      'a regional hub',
      'a call for projects',
      'a peer-learning network',
      'a charter of principles',
    ],
    connectors: ['Moreover', 'In addition', 'At the same time', 'According to the organisers', 'As a result', 'For the first time', 'Meanwhile'],
    sentences: [
      (r, v) => `${pick(r, ORGS)} ${pick(r, LEX.en.verbs)} ${pick(r, LEX.en.objects)} on ${v.topic} in ${pick(r, CITIES.en)} in ${pick(r, MONTHS.en)} ${int(r, 2016, 2025)}.`,
      (r, v) => `The ${v.project} project brought together ${int(r, 12, 4000)} participants from ${int(r, 2, 27)} countries to discuss ${v.topic}.`,
      (r, v) => `${pick(r, LEX.en.connectors)}, ${pick(r, PEOPLE)} explained that ${v.project} ${pick(r, LEX.en.verbs)} ${pick(r, LEX.en.objects)} for ${pick(r, LEX.en.topics)}.`,
      (r, v) =>
        `With a budget of ${int(r, 10, 900)} thousand euros, ${v.project} aims to make ${v.topic} accessible to ${pick(r, ['small associations', 'cooperatives', 'local authorities', 'young people', 'social enterprises', 'rural communities'])}.`,
      (r) => `${pick(r, LEX.en.connectors)}, ${pick(r, ORGS)} and ${pick(r, ORGS)} ${pick(r, LEX.en.verbs)} ${pick(r, LEX.en.objects)} about ${pick(r, LEX.en.topics)}.`,
      (r, v) =>
        `Members can join ${v.project} by ${pick(r, ['filling in an online form', 'attending the monthly meetup', 'writing to the secretariat', 'signing the charter'])} before ${int(r, 1, 28)} ${pick(r, MONTHS.en)}.`,
    ],
    titles: [
      (r, v) => `${v.project}: ${pick(r, ['a new step for', 'rethinking', 'lessons from', 'scaling up', 'why we need'])} ${v.topic}`,
      (r, v) => `${pick(r, CITIES.en)} hosts the ${v.project} summit on ${v.topic}`,
    ],
    headings: ['Background', 'Key figures', 'What happens next', 'How to take part', 'Partners', 'Results'],
    questions: [(n, a, b) => `What did ${n} do about ${a} ${b}?`, (n, a) => `When was the ${n} project on ${a} launched?`, (n, a, b) => `Who funds ${n} and its ${a} ${b} work?`],
  },
  es: {
    topics: [
      'inclusión digital',
      'economía social',
      'bienes comunes digitales',
      'software libre',
      'plataformas cooperativas',
      'inteligencia artificial ética',
      'competencias digitales',
      'tecnología cívica',
      'transición ecológica',
      'compra pública',
      'innovación social',
      'redes de voluntariado',
      'medición del impacto',
      'gobernanza de datos',
    ],
    verbs: ['lanzó', 'financió', 'presentó', 'organizó', 'apoyó', 'evaluó', 'amplió', 'documentó', 'coordinó', 'publicó'],
    objects: [
      'un programa de formación',
      'una consulta pública',
      'una carta abierta',
      'un proyecto piloto',
      'un informe de políticas',
      'un plan de mentoría',
      'una caja de herramientas compartida',
      'un estudio',
      'un centro regional',
      'una convocatoria de proyectos',
    ],
    connectors: ['Además', 'Al mismo tiempo', 'Según los organizadores', 'Como resultado', 'Por primera vez', 'Mientras tanto'],
    sentences: [
      (r, v) => `${pick(r, ORGS)} ${pick(r, LEX.es.verbs)} ${pick(r, LEX.es.objects)} sobre ${v.topic} en ${pick(r, CITIES.es)} en ${pick(r, MONTHS.es)} de ${int(r, 2016, 2025)}.`,
      (r, v) => `El proyecto ${v.project} reunió a ${int(r, 12, 4000)} participantes de ${int(r, 2, 27)} países para debatir sobre ${v.topic}.`,
      (r, v) => `${pick(r, LEX.es.connectors)}, ${pick(r, PEOPLE)} explicó que ${v.project} ${pick(r, LEX.es.verbs)} ${pick(r, LEX.es.objects)} para la ${pick(r, LEX.es.topics)}.`,
      (r, v) =>
        `Con un presupuesto de ${int(r, 10, 900)} mil euros, ${v.project} quiere acercar la ${v.topic} a ${pick(r, ['las pequeñas asociaciones', 'las cooperativas', 'los ayuntamientos', 'los jóvenes', 'las empresas sociales', 'las zonas rurales'])}.`,
      (r) => `${pick(r, LEX.es.connectors)}, ${pick(r, ORGS)} y ${pick(r, ORGS)} ${pick(r, LEX.es.verbs)} ${pick(r, LEX.es.objects)} sobre ${pick(r, LEX.es.topics)}.`,
    ],
    titles: [
      (r, v) => `${v.project}: ${pick(r, ['un nuevo paso para la', 'repensar la', 'lecciones sobre la', 'por qué necesitamos la'])} ${v.topic}`,
      (r, v) => `${pick(r, CITIES.es)} acoge la cumbre ${v.project} sobre ${v.topic}`,
    ],
    headings: ['Contexto', 'Cifras clave', 'Próximos pasos', 'Cómo participar', 'Socios', 'Resultados'],
    questions: [(n, a, b) => `¿Qué hizo ${n} sobre ${a} ${b}?`, (n, a) => `¿Cuándo se lanzó el proyecto ${n} de ${a}?`, (n, a, b) => `¿Quién financia ${n} y su trabajo de ${a} ${b}?`],
  },
  de: {
    topics: [
      'digitale Teilhabe',
      'Sozialwirtschaft',
      'digitale Gemeingüter',
      'freie Software',
      'Plattformgenossenschaften',
      'ethische künstliche Intelligenz',
      'digitale Kompetenzen',
      'Bürgertechnologie',
      'ökologischer Wandel',
      'öffentliche Beschaffung',
      'soziale Innovation',
      'Ehrenamtsnetzwerke',
      'Wirkungsmessung',
      'Datengovernance',
    ],
    verbs: ['startete', 'finanzierte', 'stellte vor', 'organisierte', 'unterstützte', 'bewertete', 'erweiterte', 'dokumentierte', 'koordinierte', 'veröffentlichte'],
    objects: [
      'ein Schulungsprogramm',
      'eine öffentliche Konsultation',
      'einen offenen Brief',
      'ein Pilotprojekt',
      'ein Positionspapier',
      'ein Mentoringprogramm',
      'einen gemeinsamen Werkzeugkasten',
      'eine Studie',
      'ein regionales Zentrum',
      'einen Projektaufruf',
    ],
    connectors: ['Außerdem', 'Gleichzeitig', 'Laut den Veranstaltern', 'Infolgedessen', 'Zum ersten Mal', 'Inzwischen'],
    sentences: [
      (r, v) => `${pick(r, ORGS)} ${pick(r, LEX.de.verbs)} ${pick(r, LEX.de.objects)} zum Thema ${v.topic} in ${pick(r, CITIES.de)} im ${pick(r, MONTHS.de)} ${int(r, 2016, 2025)}.`,
      (r, v) => `Das Projekt ${v.project} brachte ${int(r, 12, 4000)} Teilnehmende aus ${int(r, 2, 27)} Ländern zusammen, um über ${v.topic} zu sprechen.`,
      (r, v) => `${pick(r, LEX.de.connectors)} erklärte ${pick(r, PEOPLE)}, dass ${v.project} ${pick(r, LEX.de.objects)} für ${pick(r, LEX.de.topics)} ${pick(r, LEX.de.verbs)}.`,
      (r, v) =>
        `Mit einem Budget von ${int(r, 10, 900)} tausend Euro will ${v.project} ${v.topic} für ${pick(r, ['kleine Vereine', 'Genossenschaften', 'Kommunen', 'junge Menschen', 'Sozialunternehmen', 'ländliche Regionen'])} zugänglich machen.`,
      (r) => `${pick(r, LEX.de.connectors)} ${pick(r, LEX.de.verbs)} ${pick(r, ORGS)} gemeinsam mit ${pick(r, ORGS)} ${pick(r, LEX.de.objects)} über ${pick(r, LEX.de.topics)}.`,
    ],
    titles: [
      (r, v) => `${v.project}: ${pick(r, ['ein neuer Schritt für', 'neu gedacht:', 'Lehren aus', 'warum wir brauchen:'])} ${v.topic}`,
      (r, v) => `${pick(r, CITIES.de)} empfängt den ${v.project}-Gipfel zu ${v.topic}`,
    ],
    headings: ['Hintergrund', 'Zahlen', 'Wie es weitergeht', 'Mitmachen', 'Partner', 'Ergebnisse'],
    questions: [(n, a, b) => `Was hat ${n} für ${a} ${b} gemacht?`, (n, a) => `Wann wurde das Projekt ${n} zu ${a} gestartet?`, (n, a, b) => `Wer finanziert ${n} und die Arbeit zu ${a} ${b}?`],
  },
  fr: {
    topics: [
      'inclusion numérique',
      'économie sociale et solidaire',
      'communs numériques',
      'logiciels libres',
      'plateformes coopératives',
      'intelligence artificielle éthique',
      'compétences numériques',
      'technologies civiques',
      'transition écologique',
      'commande publique',
      'innovation sociale',
      'bénévolat',
      "mesure d'impact",
      'gouvernance des données',
    ],
    verbs: ['a lancé', 'a financé', 'a présenté', 'a organisé', 'a soutenu', 'a évalué', 'a étendu', 'a documenté', 'a coordonné', 'a publié'],
    objects: [
      'un programme de formation',
      'une consultation publique',
      'une lettre ouverte',
      'un projet pilote',
      'une note de position',
      'un dispositif de mentorat',
      'une boîte à outils partagée',
      'une étude',
      'un pôle régional',
      'un appel à projets',
    ],
    connectors: ['Par ailleurs', 'En parallèle', 'Selon les organisateurs', 'Résultat', 'Pour la première fois', 'Entre-temps'],
    sentences: [
      (r, v) => `${pick(r, ORGS)} ${pick(r, LEX.fr.verbs)} ${pick(r, LEX.fr.objects)} sur ${v.topic} à ${pick(r, CITIES.fr)} en ${pick(r, MONTHS.fr)} ${int(r, 2016, 2025)}.`,
      (r, v) => `Le projet ${v.project} a réuni ${int(r, 12, 4000)} participants venus de ${int(r, 2, 27)} pays autour de ${v.topic}.`,
      (r, v) =>
        `Avec un budget de ${int(r, 10, 900)} mille euros, ${v.project} veut rendre ${v.topic} accessible ${pick(r, ['aux petites associations', 'aux coopératives', 'aux collectivités', 'aux jeunes', 'aux entreprises sociales', 'aux territoires ruraux'])}.`,
    ],
    titles: [
      (r, v) => `${v.project} : ${pick(r, ['une nouvelle étape pour', 'repenser', 'les leçons de', 'pourquoi il faut défendre'])} ${v.topic}`,
      (r, v) => `${pick(r, CITIES.fr)} accueille le sommet ${v.project} sur ${v.topic}`,
    ],
    headings: ['Contexte', 'Chiffres clés', 'La suite', 'Comment participer', 'Partenaires', 'Résultats'],
    questions: [(n, a, b) => `Qu'a fait ${n} pour ${a} ${b} ?`, (n, a) => `Quand le projet ${n} sur ${a} a-t-il été lancé ?`, (n, a, b) => `Qui finance ${n} et son travail sur ${a} ${b} ?`],
  },
};

const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 've', 'no', 'ti', 'sa', 'du', 'be', 'qui', 'zen', 'mar', 'tel', 'cor', 'lin', 'pa', 'ro', 'fi', 'gu', 'xa', 'vo', 'ne', 'ha'];
const SUFFIXES = ['Lab', 'Hub', 'Net', 'Coop', 'Commons', 'Data', 'Link', '', '', ''];

function projectName(r: Rand): string {
  const n = int(r, 2, 4);
  let word = '';
  for (let i = 0; i < n; i++) word += pick(r, SYLLABLES);
  const suffix = pick(r, SUFFIXES);
  return word[0].toUpperCase() + word.slice(1) + (suffix ? ` ${suffix}` : '');
}

let frenchPool: string[] | null = null;

/** Sentences of the shipped corpus (French, with a few English ones). */
function shippedSentences(): string[] {
  if (frenchPool) return frenchPool;
  const dir = path.join(REPO_ROOT, 'corpus');
  const segmenter = new Intl.Segmenter('fr', { granularity: 'sentence' });
  const out = new Set<string>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      for (const s of segmenter.segment(line)) {
        const text = s.segment.trim();
        if (text.length >= 40 && text.length <= 420) out.add(text);
      }
    }
  }
  frenchPool = [...out];
  return frenchPool;
}

/** Makes a shipped sentence differ from its other copies: numbers, years and places change. */
function mutate(r: Rand, sentence: string, v: Vars): string {
  return sentence
    .replace(/\b(19|20)\d\d\b/g, () => String(int(r, 2012, 2025)))
    .replace(/\b\d{1,4}\b/g, (m) => (m.length <= 2 ? String(int(r, 2, 99)) : String(int(r, 100, 9999))))
    .replace(/\b(Strasbourg|Mannheim|Bruxelles|Paris|Lyon)\b/g, () => pick(r, CITIES.fr))
    .replace(/\b(SOGA|UNIPSO|ConcertES)\b/g, () => (r() < 0.5 ? v.project : pick(r, ORGS)));
}

function sentence(r: Rand, lang: string, v: Vars): string {
  if (lang === 'fr' && r() < 0.75) return mutate(r, pick(r, shippedSentences()), v);
  return pick(r, LEX[lang].sentences)(r, v);
}

export interface BenchChunk extends ChunkRecord {
  /** The article's project name: what known-item questions ask about. */
  project: string;
}

export interface BenchQuery {
  text: string;
  lang: LanguageCode;
  /** The article the question was made from, or null for a question the corpus cannot answer. */
  docId: string | null;
}

const LANGS: [string, number][] = [
  ['fr', 0.4],
  ['en', 0.3],
  ['es', 0.15],
  ['de', 0.15],
];

function chooseLang(r: Rand): string {
  let x = r();
  for (const [lang, share] of LANGS) if ((x -= share) < 0) return lang;
  return 'fr';
}

/** Generates `count` passages (article by article), deterministic for a seed. */
export function* generateChunks(count: number, seed = 42): Generator<BenchChunk> {
  const r = rng(seed);
  let made = 0;
  let docNo = 0;
  while (made < count) {
    const lang = chooseLang(r);
    // One article in ten quotes another language (a French article with English quotes, …).
    const other =
      r() < 0.1
        ? pick(
            r,
            LANGS.map(([l]) => l).filter((l) => l !== lang),
          )
        : null;
    const v: Vars = { project: projectName(r), topic: pick(r, LEX[lang].topics), lang };
    const docId = `bench-${String(docNo++).padStart(7, '0')}`;
    const title = pick(r, LEX[lang].titles)(r, v);
    const date = r() < 0.85 ? `${int(r, 2016, 2025)}-${String(int(r, 1, 12)).padStart(2, '0')}-${String(int(r, 1, 28)).padStart(2, '0')}` : null;
    const n = Math.min(int(r, 3, 15), count - made);
    for (let position = 0; position < n; position++) {
      const target = int(r, 300, 880);
      const parts: string[] = [];
      let size = 0;
      while (size < target) {
        const s = sentence(r, other && r() < 0.3 ? other : lang, v);
        if (size + s.length > 900 && parts.length) break;
        parts.push(s);
        size += s.length + 1;
      }
      const section = position > 0 && r() < 0.6 ? pick(r, LEX[lang].headings) : null;
      yield { id: `${docId}#${position}`, docId, title, source: `bench/${docId}.md`, lang, date, position, section, text: parts.join(' '), project: v.project };
      made++;
    }
  }
}

/**
 * Questions: most are made from a passage (its project name and two of its topic words, in the
 * passage's language); one in five asks about something the corpus does not contain.
 */
export function generateQueries(chunks: BenchChunk[], count: number, seed = 7): BenchQuery[] {
  const r = rng(seed);
  const out: BenchQuery[] = [];
  const offTopic = [
    ['What is the capital of Peru?', 'en'],
    ['Quelle est la recette de la tarte Tatin ?', 'fr'],
    ['¿Cuántos habitantes tiene Montevideo?', 'es'],
    ['Wie hoch ist die Zugspitze?', 'de'],
    ['Who won the 1998 football world cup final?', 'en'],
    ['Comment réparer une fuite de robinet ?', 'fr'],
  ] as const;
  while (out.length < count) {
    if (r() < 0.2) {
      const [text, lang] = pick(r, offTopic);
      out.push({ text: `${text}${out.length % 3 === 0 ? '' : ' '.repeat(out.length % 3)}`, lang, docId: null });
      continue;
    }
    const chunk = pick(r, chunks);
    const words = chunk.text.match(/\p{L}{6,}/gu) ?? ['projet', 'numérique'];
    const lang = chunk.lang in LEX ? chunk.lang : 'en';
    const template = pick(r, LEX[lang].questions);
    out.push({ text: template(chunk.project, pick(r, words).toLowerCase(), pick(r, words).toLowerCase()), lang, docId: chunk.docId });
  }
  return out;
}

export const SIZES: Record<string, number> = { '1k': 1_000, '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };

export function corpusFile(count: number, seed = 42): string {
  return path.join(CACHE_DIR, `corpus-${count}-s${seed}.jsonl`);
}

/** The corpus of `count` passages, generated once and then read from bench/.cache/. */
export async function loadCorpus(count: number, seed = 42): Promise<{ chunks: BenchChunk[]; generatedMs: number | null }> {
  const file = corpusFile(count, seed);
  if (!existsSync(file)) {
    const started = performance.now();
    await mkdir(CACHE_DIR, { recursive: true });
    const lines: string[] = [];
    const tmp = `${file}.tmp`;
    await writeFile(tmp, '');
    const { appendFile } = await import('node:fs/promises');
    for (const chunk of generateChunks(count, seed)) {
      lines.push(JSON.stringify(chunk));
      if (lines.length === 10_000) {
        await appendFile(tmp, `${lines.join('\n')}\n`);
        lines.length = 0;
      }
    }
    if (lines.length) await appendFile(tmp, `${lines.join('\n')}\n`);
    await rename(tmp, file);
    const chunks = await readJsonl(file);
    return { chunks, generatedMs: performance.now() - started };
  }
  return { chunks: await readJsonl(file), generatedMs: null };
}

async function readJsonl(file: string): Promise<BenchChunk[]> {
  const out: BenchChunk[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line) out.push(JSON.parse(line) as BenchChunk);
  return out;
}
