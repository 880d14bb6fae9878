/**
 * Chunking: passages follow the article's structure and carry the metadata citations need.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleLead, chunkArticle, LEAD_MAX_CHARS, sentences, type ChunkInput } from '../../ingest/chunk.js';
import { dedupe, type DedupedArticle } from '../../ingest/dedupe.js';
import { loadFile } from '../../ingest/load.js';
import { detectDate } from '../../ingest/metadata.js';
import { documentId } from '../../ingest/pipeline.js';
import type { Block } from '../../ingest/segment.js';
import { segment } from '../../ingest/segment.js';
import type { ChunkRecord } from '../../src/core/types.js';
import { CHUNKING, newDetector, parser, SHIPPED_CORPUS } from './helpers/env.js';

const detector = newDetector();
const detect = (text: string) => detector.detect(text).lang;
const p = (text: string): Block => ({ kind: 'paragraph', text, level: 0 });
const h = (text: string): Block => ({ kind: 'heading', text, level: 2 });
const q = (text: string): Block => ({ kind: 'question', text, level: 3 });
const item = (text: string): Block => ({ kind: 'item', text, level: 0 });

function input(blocks: Block[], overrides: Partial<ChunkInput> = {}): ChunkInput {
  return { docId: 'doc-1', title: 'Titre', source: 'a.md', lang: 'fr', date: '2024-03-03', blocks, ...overrides };
}

describe('chunks of the shipped articles carry what a citation needs', () => {
  let articles: DedupedArticle[];
  let chunked: { article: DedupedArticle; input: ChunkInput; chunks: ChunkRecord[] }[];

  beforeAll(async () => {
    const files = readdirSync(SHIPPED_CORPUS)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    const segmented = [];
    for (const f of files) segmented.push(...segment(await loadFile(path.join(SHIPPED_CORPUS, f), f, { maxBytes: 10_000_000, parser }), { detectLanguage: detect }));
    articles = dedupe(segmented);
    chunked = articles.map((article) => {
      const body = article.blocks.map((b) => b.text).join('\n');
      const ci: ChunkInput = { docId: documentId(article.title), title: article.title, source: article.source, lang: detect(body), date: detectDate(body), blocks: article.blocks };
      return { article, input: ci, chunks: chunkArticle(ci, CHUNKING) };
    });
  });

  it('gives every chunk the title, source, language and date of its article', () => {
    for (const { input: ci, chunks } of chunked) {
      expect(chunks.length, ci.title).toBeGreaterThan(1);
      for (const c of chunks) {
        expect(c).toMatchObject({ docId: ci.docId, title: ci.title, source: ci.source, lang: ci.lang, date: ci.date });
        expect(c.id).toBe(`${ci.docId}#${c.position}`);
      }
    }
  });

  it("gives every passage its article's lead, so a passage deep in an article still names the event", () => {
    const interview = chunked.find(({ chunks }) => chunks.some((c) => c.text.includes('Denis Stokkink (Pour La Solidarité) a présenté')))!;
    expect(interview, 'the article with the Social Tech Academy presentation').toBeDefined();
    const deep = interview.chunks.find((c) => c.text.includes('a présenté le projet'))!;
    expect(deep.text).not.toMatch(/NEC ESS/);
    expect(deep.context).toMatch(/^Le 17 novembre 2023 marque la fin de NEC ESS Europe/);
    for (const { chunks } of chunked) {
      expect(new Set(chunks.map((c) => c.context)).size).toBe(1);
      expect(chunks[0].context?.length).toBeGreaterThan(0);
    }
  });

  it('numbers positions 0..n-1 without gaps', () => {
    for (const { chunks } of chunked) expect(chunks.map((c) => c.position)).toEqual(chunks.map((_, i) => i));
  });

  it('records the section heading, which is repeated at the top of the passage', () => {
    const all = chunked.flatMap((c) => c.chunks);
    const withSection = all.filter((c) => c.section !== null);
    expect(withSection.length).toBeGreaterThan(all.length / 2);
    for (const c of withSection) expect(c.text.startsWith(c.section!)).toBe(true);
    const strasbourg = chunked.find((c) => c.article.title.startsWith('Strasbourg'))!.chunks;
    expect(strasbourg.map((c) => c.section)).toContain('Social Tech Academy : former aux métiers du numérique social');
  });

  it('loses no paragraph of the article', () => {
    for (const { article, chunks } of chunked) {
      const joined = chunks.map((c) => c.text).join('\n');
      for (const b of article.blocks) expect(joined, article.title).toContain(b.text);
    }
  });

  it('keeps every FAQ question of the exports in the same passage as the start of its answer', () => {
    const split: string[] = [];
    for (const { article, chunks } of chunked) {
      article.blocks.forEach((b, i) => {
        if (b.kind !== 'question' || !article.blocks[i + 1]) return;
        const answer = article.blocks[i + 1].text;
        if (!chunks.some((c) => c.text.includes(b.text) && c.text.includes(answer))) split.push(`${b.text} → ${answer}`);
      });
    }
    expect(chunked.flatMap((c) => c.article.blocks).filter((b) => b.kind === 'question').length).toBeGreaterThan(20);
    expect(split).toEqual([]);
  });

  it('keeps passages under the size bound, apart from the repeated heading and single over-long sentences', () => {
    for (const { input: ci, chunks } of chunked) {
      for (const c of chunks) {
        const body = c.section ? c.text.slice(c.section.length).trim() : c.text;
        const longestSentence = Math.max(
          ...body
            .split('\n')
            .flatMap((l) => sentences(l, ci.lang))
            .map((s) => s.length),
        );
        if (longestSentence <= CHUNKING.maxChars / 2) expect(body.length, `${ci.title} #${c.position}`).toBeLessThanOrEqual(CHUNKING.maxChars);
      }
    }
  });
});

describe('FAQ: a question and its answer stay in one chunk', () => {
  it('puts a question with a short answer in its own passage, the question as section', () => {
    const chunks = chunkArticle(
      input([
        h('Contexte'),
        p('Le Social Good Accelerator a été fondé en 2018 pour rapprocher le numérique et l’économie sociale. '.repeat(4)),
        q('Qui peut adhérer ?'),
        p('Toute structure de l’économie sociale et solidaire qui partage nos valeurs.'),
        q('Combien coûte l’adhésion ?'),
        p('La cotisation annuelle est de 20 euros pour une association.'),
      ]),
      CHUNKING,
    );
    const join = chunks.find((c) => c.text.includes('Qui peut adhérer ?'))!;
    expect(join.text).toContain('Toute structure de l’économie sociale et solidaire');
    const fee = chunks.find((c) => c.text.includes('Combien coûte l’adhésion ?'))!;
    expect(fee.text).toContain('La cotisation annuelle est de 20 euros');
  });

  it('keeps a question with its answer when the answer starts with a heading-like lead-in and the previous section is small', () => {
    const chunks = chunkArticle(
      input([
        q('Quel est le thème de cette édition ?'),
        // Just under minChars (250): the next question is appended to this section and pushes it over.
        p(
          'Le thème est la coopération numérique : comment les associations, les coopératives et les collectivités peuvent construire ensemble des outils ouverts, sobres et gouvernés démocratiquement, au service de l’intérêt général en Europe.',
        ),
        q('Qui peut participer ?'),
        h('L’événement s’adresse à tous les acteurs de la transition numérique :'),
        item('organisations de l’ESS, fondations, coopératives et associations,'),
        item('institutions publiques et collectivités locales,'),
        item('entreprises engagées dans le numérique responsable.'),
        p('La participation est ouverte à toutes et tous, sur inscription gratuite dans la limite des places disponibles. '.repeat(2)),
      ]),
      CHUNKING,
    );
    const holder = chunks.find((c) => c.text.includes('Qui peut participer ?'))!;
    expect(holder.text).toContain('L’événement s’adresse à tous les acteurs');
    expect(holder.text).toContain('organisations de l’ESS');
    // The question is not the last line of a passage with nothing after it.
    for (const c of chunks) expect(c.text.trimEnd().endsWith('Qui peut participer ?')).toBe(false);
  });

  it('keeps a lead-in ("Le thème est :") with what it announces, even when that looks like a heading', () => {
    const chunks = chunkArticle(
      input([
        q('Où et quand ?'),
        p(
          'Du 25 au 27 novembre, à Bruxelles puis à Paris, pour trois journées de conférences, d’ateliers et de rencontres entre associations, coopératives, fondations et collectivités de toute l’Europe, autour des communs numériques.',
        ),
        q('Quel est le thème de l’édition ?'),
        p('Le thème de l’édition est :'),
        // Title-like: the segmenter takes it for a heading, which used to open the next passage alone.
        h('“Coopérer ou subir ? Une troisième voie numérique.”'),
        p('L’objectif est d’explorer des alternatives européennes aux modèles dominants. '.repeat(3)),
      ]),
      CHUNKING,
    );
    const holder = chunks.find((c) => c.text.includes('Le thème de l’édition est :'))!;
    expect(holder.text).toContain('Une troisième voie numérique');
    for (const c of chunks) expect(/[:?]$/.test(c.text.trimEnd())).toBe(false);
  });

  it('moves a lead-in to the next piece when a long section is cut right after it', () => {
    const before = Array.from({ length: 6 }, (_, i) => `Phrase de contexte numéro ${i + 1} sur le programme de la journée.`);
    const chunks = chunkArticle(input([h('Programme'), ...before.map(p), p('Les partenaires de la journée sont :'), p('Réseau Un, Coop Deux et Fondation Trois, avec le soutien de la région.')]), {
      maxChars: 400,
      minChars: 100,
    });
    const holder = chunks.find((c) => c.text.includes('Les partenaires de la journée sont :'))!;
    expect(holder.text).toContain('Réseau Un, Coop Deux et Fondation Trois');
  });

  it('does not let a rhetorical question at the end of a section swallow the next section', () => {
    const chunks = chunkArticle(
      input([
        h('Pourquoi coopérer ?'),
        p('Les associations partagent des outils, des données et des savoir-faire depuis des années, et les résultats sont là. '.repeat(3)),
        p('Et vous, rejoindrez-vous le mouvement ?'),
        h('Programme du 12 mars'),
        p('Ateliers le matin, conférences l’après-midi, au Musée Social, avec les réseaux de la région. '.repeat(3)),
      ]),
      CHUNKING,
    );
    const programme = chunks.find((c) => c.text.includes('Ateliers le matin'))!;
    expect(programme.section).toBe('Programme du 12 mars');
  });

  it('never pushes a passage that holds only the overlap carried from the previous one', () => {
    const chunks = chunkArticle(
      input([
        h('Programme'),
        p('Une longue phrase de contexte sur le programme de la journée, ses ateliers, ses conférences et ses intervenants venus de toute l’Europe.'),
        p('Une courte phrase de transition ici.'),
        p('Les partenaires de la journée sont :'),
        p('Réseau Un, Coop Deux, Fondation Trois et la région Auvergne-Rhône-Alpes, qui soutiennent la journée depuis sa première édition à Lyon en 2019.'),
      ]),
      { maxChars: 200, minChars: 50 },
    );
    const bodies = chunks.map((c) => c.text.replace(/^Programme\n/, ''));
    expect(bodies).not.toContain('Une courte phrase de transition ici.');
    expect(chunks.find((c) => c.text.includes('Les partenaires de la journée sont :'))!.text).toContain('Réseau Un');
  });

  it('repeats the question at the top of each piece when its answer is too long for one passage', () => {
    const answer = Array.from({ length: 12 }, (_, i) => `La réponse détaillée numéro ${i + 1} explique un aspect différent du programme de formation.`).join(' ');
    const chunks = chunkArticle(input([q('Que propose la Social Tech Academy ?'), p(answer)]), { maxChars: 300, minChars: 100 });
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) {
      expect(c.section).toBe('Que propose la Social Tech Academy ?');
      expect(c.text.startsWith('Que propose la Social Tech Academy ?\n')).toBe(true);
    }
  });
});

describe('a long paragraph is cut between sentences, with one sentence of overlap', () => {
  const sentenceList = Array.from({ length: 30 }, (_, i) => `Phrase ${i + 1} : le projet européen numéro ${i + 1} réunit des associations, des coopératives et des chercheurs autour des communs.`);
  const paragraph = sentenceList.join(' ');
  const options = { maxChars: 500, minChars: 100 };

  it('splits into several passages no longer than maxChars', () => {
    const chunks = chunkArticle(input([p(paragraph)]), options);
    expect(paragraph.length).toBeGreaterThan(3 * options.maxChars);
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(options.maxChars);
  });

  it('cuts only between sentences', () => {
    const chunks = chunkArticle(input([p(paragraph)]), options);
    for (const c of chunks) {
      for (const line of c.text.split('\n')) expect(sentenceList).toContain(line);
    }
  });

  it('starts each passage with the last sentence of the previous one', () => {
    const chunks = chunkArticle(input([p(paragraph)]), options);
    for (let i = 1; i < chunks.length; i++) {
      const previousLast = chunks[i - 1].text.split('\n').at(-1);
      expect(chunks[i].text.split('\n')[0]).toBe(previousLast);
    }
  });

  it('covers every sentence in order', () => {
    const chunks = chunkArticle(input([p(paragraph)]), options);
    const seen = chunks.flatMap((c) => c.text.split('\n')).filter((s, i, all) => all.indexOf(s) === i);
    expect(seen).toEqual(sentenceList);
  });

  it('does not let the overlap push a passage over maxChars', () => {
    const short = 'Une courte phrase de contexte qui tient en moins d’un tiers de la limite.';
    const long = `${'Une longue phrase sans point final qui remplit presque tout le passage '.repeat(6)}fin.`;
    expect(long.length).toBeLessThanOrEqual(options.maxChars);
    expect(short.length + long.length).toBeGreaterThan(options.maxChars);
    const chunks = chunkArticle(input([p('Premier paragraphe. '.repeat(10)), p(short), p(long)]), options);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(options.maxChars);
    expect(chunks.some((c) => c.text.includes(long))).toBe(true);
  });
});

describe('small sections are merged, nothing is lost', () => {
  it('merges a short section into the next one and keeps its heading in the text', () => {
    const chunks = chunkArticle(input([h('Date'), p('Le 5 mai.'), h('Lieu'), p('À Strasbourg, au Parlement européen.')]), CHUNKING);
    expect(chunks).toHaveLength(1);
    expect(chunks[0].text).toBe('Date\nLe 5 mai.\nLieu\nÀ Strasbourg, au Parlement européen.');
    expect(chunks[0].section).toBe('Date');
  });

  it('marks list items with a bullet', () => {
    const [chunk] = chunkArticle(input([p('Il combine :'), item('un diagnostic,'), item('un accompagnement.')]), CHUNKING);
    expect(chunk.text).toBe('Il combine :\n• un diagnostic,\n• un accompagnement.');
    expect(chunk.section).toBeNull();
  });

  it('returns no chunk for an article without blocks', () => {
    expect(chunkArticle(input([]), CHUNKING)).toEqual([]);
  });
});

describe("the article's lead: its first sentence, carried by every passage", () => {
  it('is the first sentence of the first real paragraph: headings, items and fragments are skipped', () => {
    const blocks = [
      h('Programme'),
      p('Photo : la salle.'),
      item('Un point de liste assez long pour passer la limite de taille.'),
      p('En novembre 2023, le SOGA a organisé le NEC ESS Europe à Lille. La suite du paragraphe.'),
      p('Un autre paragraphe.'),
    ];
    expect(articleLead(blocks, 'fr')).toBe('En novembre 2023, le SOGA a organisé le NEC ESS Europe à Lille.');
    const chunks = chunkArticle(input([...blocks, h('Intervenants'), p('Denis Stokkink a présenté le projet. '.repeat(40))]), CHUNKING);
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) expect(c.context).toBe('En novembre 2023, le SOGA a organisé le NEC ESS Europe à Lille.');
  });

  it('is cut at a word, with an ellipsis, when the first sentence is too long', () => {
    const long = `Du 25 au 27 novembre 2025, ${'les acteurs européens du numérique éthique et de l’économie sociale '.repeat(6)}se retrouvent.`;
    const lead = articleLead([p(long)], 'fr')!;
    expect(lead.length).toBeLessThanOrEqual(LEAD_MAX_CHARS + 1);
    expect(lead).toMatch(/^Du 25 au 27 novembre 2025, les acteurs/);
    expect(lead).toMatch(/\p{L}…$/u);
    expect(long.startsWith(lead.slice(0, -1))).toBe(true);
  });

  it('is absent from an article with no paragraph', () => {
    expect(articleLead([h('Titre seul'), item('un point')], 'fr')).toBeNull();
    expect(chunkArticle(input([h('Titre seul'), item('un point de liste')]), CHUNKING)[0].context).toBeNull();
  });
});
