/**
 * Near-duplicate merging: copies of one article across exports become one article with every source;
 * articles written from one template but about different events stay apart, and every merge is listed.
 */
import { describe, expect, it } from 'vitest';
import { dedupe, distinguishing } from '../../ingest/dedupe.js';
import type { SegmentedArticle } from '../../ingest/segment.js';
import { templatedArticles } from './helpers/templated-articles.js';

function article(title: string, body: string, source = 'export.md'): SegmentedArticle {
  return { title, aliases: [], source, blocks: body.split('\n\n').map((text) => ({ text }) as SegmentedArticle['blocks'][number]) };
}

function fromTemplate(count: number): SegmentedArticle[] {
  return templatedArticles(count).map((a) => article(a.title, a.markdown.split('\n').slice(2).join('\n').trim(), `events/${a.code}.md`));
}

describe('articles written from one template are different articles', () => {
  it('keeps every one of 2,000 templated announcements, each with its own name, date, city and code', () => {
    const input = fromTemplate(2000);
    const out = dedupe(input);
    expect(out).toHaveLength(2000);
    expect(out.every((a) => a.merges.length === 0 && a.sources.length === 1)).toBe(true);
    expect(new Set(out.map((a) => a.title)).size).toBe(2000);
  });

  it('still merges a true copy of one templated announcement among 500', () => {
    const input = fromTemplate(500);
    const copy = { ...input[250], source: 'other-export.md' };
    const out = dedupe([...input, copy]);
    expect(out).toHaveLength(500);
    expect(out[250].sources).toEqual([input[250].source, 'other-export.md']);
    expect(out.flatMap((a) => a.merges)).toEqual([{ title: input[250].title, source: 'other-export.md' }]);
  });

  it('keeps apart two announcements that differ only by their name', () => {
    const body = (name: string) =>
      `La rencontre ${name} réunit les acteurs de l'économie sociale le 12 mars 2025 à Lyon. Les inscriptions se font en ligne, dans la limite des places disponibles, avant la fin du mois.`;
    const out = dedupe([article('Rencontre Lupekevi', body('Lupekevi')), article('Rencontre Lupekeni', body('Lupekeni'))]);
    expect(out.map((a) => a.title)).toEqual(['Rencontre Lupekevi', 'Rencontre Lupekeni']);
  });

  it('keeps apart two announcements that differ only by their date', () => {
    const body = (date: string) =>
      `La rencontre Lupekevi réunit les acteurs de l'économie sociale le ${date} à Lyon. Les inscriptions se font en ligne, dans la limite des places disponibles, avant la fin du mois.`;
    expect(dedupe([article('Rencontre Lupekevi', body('12 mars 2025')), article('Rencontre Lupekevi', body('3 avril 2026'))])).toHaveLength(2);
  });
});

describe('copies of one article are merged, and each merge is listed', () => {
  const BODY = `Le Social Good Accelerator organise à Strasbourg, le 7 octobre 2024, une journée sur les communs numériques avec ConcertES et la Mednum.

Les ateliers porteront sur le financement des logiciels libres par les collectivités et sur la gouvernance des données des associations.

Crédit photo : Jeanne Bretécher pour SOGA.`;

  it('merges a copy without its caption into the complete one, under both sources', () => {
    const shorter = BODY.split('\n\n').slice(0, 2).join('\n\n');
    const out = dedupe([article('Journée des communs numériques', shorter, 'a.txt'), article('Journée des communs numériques à Strasbourg', BODY, 'b.txt')]);
    expect(out).toHaveLength(1);
    expect(out[0].title).toBe('Journée des communs numériques à Strasbourg');
    expect(out[0].sources).toEqual(['a.txt', 'b.txt']);
    expect(out[0].merges).toEqual([{ title: 'Journée des communs numériques', source: 'a.txt' }]);
  });

  it('merges a copy whose last sentence was translated', () => {
    const translated = BODY.replace('Crédit photo : Jeanne Bretécher pour SOGA.', 'The workshops are open to every member of the network.');
    const out = dedupe([article('Journée des communs numériques', BODY, 'fr.txt'), article('Journée des communs numériques', translated, 'mixed.txt')]);
    expect(out).toHaveLength(1);
    // The translated sentence is the longer one: that copy is kept, the other listed as merged.
    expect(out[0].sources).toEqual(['fr.txt', 'mixed.txt']);
    expect(out[0].merges).toEqual([{ title: 'Journée des communs numériques', source: 'fr.txt' }]);
  });
});

describe('what tells articles apart', () => {
  it("takes numbers, codes and capitalised words inside a sentence, not a sentence's first word", () => {
    const marks = distinguishing('La rencontre Lupekevi a lieu le 12 mars 2025 à Lyon (code EV-1042). Elle est ouverte.');
    expect([...marks].sort()).toEqual(['1042', '12', '2025', 'ev', 'lupekevi', 'lyon']);
  });
});
