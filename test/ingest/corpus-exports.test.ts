/**
 * Segmentation, dedupe, language and dates on the real shipped SOGA exports (corpus/*.txt).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { containment, dedupe, shingles, type DedupedArticle } from '../../ingest/dedupe.js';
import { loadFile } from '../../ingest/load.js';
import { detectDate } from '../../ingest/metadata.js';
import { segment, type SegmentedArticle } from '../../ingest/segment.js';
import { EXPORTS, newDetector, parser, SHIPPED_CORPUS } from './helpers/env.js';

const detector = newDetector();
const detect = (text: string) => detector.detect(text).lang;
const body = (a: SegmentedArticle) => a.blocks.map((b) => b.text).join('\n');

let segmented: SegmentedArticle[];
let articles: DedupedArticle[];
const byTitle = (title: string) => {
  const found = articles.find((a) => a.title === title);
  if (!found) throw new Error(`no article titled "${title}"; titles: ${articles.map((a) => a.title).join(' | ')}`);
  return found;
};

const STRASBOURG = 'Strasbourg : un deuxième sommet européen réussi pour l’économie sociale';
const OPEN_LETTER = 'Lettre ouverte : Ancrer l’économie sociale et solidaire dans son futur numérique';
const PACT = 'Le Social Good Accelerator rejoint le pacte pour les compétences !';
const SOCIAL_GOOD_WEEK = 'Social Good Week : retour sur la première table ronde européenne';
const DONATIONS = 'Dons : les nouvelles manières de donner';
const AWARDS = 'Social Economy Awards, ActSE2021 et FNAF : retour sur deux jours au sommet de l’économie sociale';
const NEC_2023_REPORT = "L'économie sociale numérique : une opportunité pour la citoyenneté et la démocratie européenne";
const NEC_2025 = 'NEC ESS 2025 : Intelligence artificielle ou coopérative ?';
const PODCAST = 'Podcast : Jeanne sur l’IA et l’économie sociale';
const NEC_2023_PROGRAMME = 'Programme du NEC ESS Europe 2023';
const EUSES_FR = "EUSES 2021: un carrefour européen pour l'économie sociale";
const EUSES_EN = 'EUSES 2021: on our way to Mannheim !';

beforeAll(async () => {
  const files = readdirSync(SHIPPED_CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  expect(files).toEqual(Object.values(EXPORTS).sort());
  segmented = [];
  for (const file of files) {
    const loaded = await loadFile(path.join(SHIPPED_CORPUS, file), file, { maxBytes: 10_000_000, parser });
    segmented.push(...segment(loaded, { detectLanguage: detect }));
  }
  articles = dedupe(segmented);
});

describe('the shipped exports are split into their distinct articles', () => {
  it('finds the twelve articles once each, with their real titles', () => {
    expect(articles.map((a) => a.title)).toEqual([STRASBOURG, OPEN_LETTER, PACT, SOCIAL_GOOD_WEEK, DONATIONS, AWARDS, NEC_2023_REPORT, NEC_2025, PODCAST, NEC_2023_PROGRAMME, EUSES_FR, EUSES_EN]);
  });

  it('merged copies that appear in several exports (more articles before dedupe than after)', () => {
    expect(segmented.length).toBeGreaterThan(articles.length);
    expect(segmented.filter((a) => a.title === STRASBOURG)).toHaveLength(2);
    expect(segmented.filter((a) => a.title === OPEN_LETTER)).toHaveLength(2);
  });

  it('leaves no two kept articles that are near duplicates (shingle containment < 0.6)', () => {
    const sets = articles.map((a) => shingles(body(a)));
    const pairs: string[] = [];
    for (let i = 0; i < sets.length; i++) {
      for (let j = i + 1; j < sets.length; j++) {
        const c = containment(sets[i], sets[j]);
        if (c >= 0.6) pairs.push(`${articles[i].title} ~ ${articles[j].title} (${c.toFixed(2)})`);
      }
    }
    expect(pairs).toEqual([]);
  });

  it('gives every article a non-trivial body', () => {
    for (const a of articles) expect(body(a).length, a.title).toBeGreaterThan(500);
  });
});

describe('a kept article remembers every export it appeared in', () => {
  it('lists both files for the articles exported twice', () => {
    expect(byTitle(STRASBOURG).sources).toEqual([EXPORTS.strasbourg, EXPORTS.bundle]);
    expect(byTitle(OPEN_LETTER).sources).toEqual([EXPORTS.bundle, EXPORTS.openLetter]);
  });

  it('lists the one file of the other articles', () => {
    const single = articles.filter((a) => a.title !== STRASBOURG && a.title !== OPEN_LETTER);
    expect(Object.fromEntries(single.map((a) => [a.title, a.sources]))).toEqual({
      [PACT]: [EXPORTS.bundle],
      [SOCIAL_GOOD_WEEK]: [EXPORTS.bundle],
      [DONATIONS]: [EXPORTS.bundle],
      [AWARDS]: [EXPORTS.bundle],
      [NEC_2023_REPORT]: [EXPORTS.necEss2023],
      [NEC_2025]: [EXPORTS.necEss2025],
      [PODCAST]: [EXPORTS.necEss2025],
      [NEC_2023_PROGRAMME]: [EXPORTS.necEss2025],
      [EUSES_FR]: [EXPORTS.necEss2025],
      [EUSES_EN]: [EXPORTS.necEss2025],
    });
  });

  it('keeps the source of every segmented copy in the article that absorbed it', () => {
    for (const copy of segmented) {
      const set = shingles(body(copy));
      const owner = articles.find((a) => a.title === copy.title || containment(shingles(body(a)), set) >= 0.6);
      expect(owner, copy.title).toBeDefined();
      expect(owner!.sources, copy.title).toContain(copy.source);
    }
  });

  it("keeps the kept copy's own file as its source", () => {
    for (const a of articles) expect(a.sources).toContain(a.source);
  });
});

describe('titles in another language or with a subtitle become aliases', () => {
  it('keeps the French title and the English one as an alias', () => {
    expect(byTitle(PACT).aliases).toEqual(['The Social Good Accelerator joins the Pact for Skills!']);
    expect(byTitle(EUSES_FR).aliases).toEqual(['EUSES 2021: a European crossroads for social economy']);
  });

  it('keeps the title of a merged copy as an alias or merged title', () => {
    const letter = byTitle(OPEN_LETTER);
    expect([...letter.aliases, ...letter.mergedTitles]).toContain('Open letter: the necessary digital transition of the social economy');
  });

  it('titles the English article in English and keeps the French announcement as an alias', () => {
    expect(byTitle(EUSES_EN).aliases).toEqual(['EUSES 2021: en route pour Mannheim !']);
  });

  it('prefers the repeated short title to the variant with a subtitle', () => {
    expect(byTitle(NEC_2025).aliases).toEqual(['NEC ESS 2025 : Intelligence artificielle ou coopérative ? Créer ensemble une troisième voie numérique']);
  });

  it('does not repeat the title inside the body', () => {
    for (const a of articles) expect(a.blocks[0].text, a.title).not.toBe(a.title);
  });
});

describe('image captions lose their credit line and alt text, the caption stays', () => {
  const CREDIT = /^(source|sources|crédit|credit|photo|©)\s*:/i;

  it('drops every "Source: …" credit line', () => {
    const credits = articles.flatMap((a) => a.blocks.filter((b) => CREDIT.test(b.text)).map((b) => `${a.title}: ${b.text}`));
    expect(credits).toEqual([]);
  });

  it('the raw exports do have credit lines (so the check above means something)', async () => {
    const raw = await loadFile(path.join(SHIPPED_CORPUS, EXPORTS.bundle), EXPORTS.bundle, { maxBytes: 10_000_000, parser });
    expect(raw.text.split('\n').filter((l) => CREDIT.test(l.trim())).length).toBeGreaterThan(10);
  });

  it('drops the alt text of captions, including captions that follow each other without a blank line', () => {
    const texts = articles.flatMap((a) => a.blocks.map((b) => b.text));
    for (const alt of ['G7 leaders', 'Pact for Skills', 'Conference FNAF 2021', 'Gabriela Martin ActSE', 'Paying cashless for a coffee', 'mannheim presentators']) {
      expect(texts, alt).not.toContain(alt);
    }
  });

  it('keeps the caption itself, which carries facts', () => {
    const pact = byTitle(PACT).blocks.map((b) => b.text);
    expect(pact).toContain('Le bâtiment Berlaymont de la Commission européenne à Bruxelles, en Belgique');
    const letter = byTitle(OPEN_LETTER).blocks.map((b) => b.text);
    expect(letter.some((t) => t.startsWith("L'équipe du Social Good Accelerator a présenté ses travaux de recherche à la DG Grow"))).toBe(true);
  });
});

describe('each article gets its language and the date it talks about', () => {
  it('detects French for the French articles and English for the English one', () => {
    const langs = Object.fromEntries(articles.map((a) => [a.title, detect(body(a))]));
    expect(langs[EUSES_EN]).toBe('en');
    for (const a of articles.filter((x) => x.title !== EUSES_EN)) expect(langs[a.title], a.title).toBe('fr');
  });

  it('finds the full date, month or year stated early in each article', () => {
    const dates = Object.fromEntries(articles.map((a) => [a.title, detectDate(body(a))]));
    expect(dates).toMatchObject({
      [NEC_2025]: '2025-11-25',
      [OPEN_LETTER]: '2022-02',
      [STRASBOURG]: '2022-05-05',
      [PACT]: '2020',
      [SOCIAL_GOOD_WEEK]: '2022',
      [AWARDS]: '2021-10-12',
      [NEC_2023_REPORT]: '2023-11-17',
      [NEC_2023_PROGRAMME]: '2023-11',
      [EUSES_FR]: '2021-05-27',
      [PODCAST]: null,
    });
  });
});

describe('FAQ questions in the exports are recognised', () => {
  it('marks the Strasbourg FAQ questions as questions', () => {
    const questions = byTitle(STRASBOURG)
      .blocks.filter((b) => b.kind === 'question')
      .map((b) => b.text);
    expect(questions).toEqual(expect.arrayContaining(['Quand et où s’est tenu le sommet européen de l’économie sociale ?', 'Quel était l’objectif du sommet ?']));
  });

  it('marks a question whose answer starts with a short lead-in to a list as a question', () => {
    const questions = byTitle(SOCIAL_GOOD_WEEK)
      .blocks.filter((b) => b.kind === 'question')
      .map((b) => b.text);
    expect(questions).toEqual(expect.arrayContaining(['Quels sujets ont été abordés lors de cette première table ronde ?', 'Quels acteurs étaient présents à Bruxelles ?']));
  });
});
