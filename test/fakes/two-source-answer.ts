/**
 * A realistic two-source extractive answer (French articles quoted for a member asking in `lang`),
 * for the formatter tests of every surface: length, and no quote shown twice.
 */
import type { Answer, Citation } from '../../src/core/types.js';
import { makeAnswer } from './fake-assistant.js';

export const QUOTES = [
  'L’édition aura lieu du 25 au 27 novembre 2025 : 25 novembre à Bruxelles, pour la journée européenne d’ouverture ; 26 et 27 novembre à Paris, pour deux journées de conférences, d’ateliers et de rencontres au Musée Social – CEDIAS',
  'Pendant deux jours, près de 2 000 participants venus de 14 pays ont assisté à des tables rondes, des ateliers et des rencontres sur l’économie sociale et le numérique, en présence de plusieurs commissaires européens.',
];

const LEAD: Record<string, string> = {
  en: 'NEC ESS 2025 takes place from 25 to 27 November 2025, in Brussels and Paris. Here is what the SOGA articles say:',
  de: 'NEC ESS 2025 findet vom 25. bis 27. November 2025 in Brüssel und Paris statt. Das steht in den Artikeln des SOGA:',
  fr: 'Le NEC ESS 2025 a lieu du 25 au 27 novembre 2025, à Bruxelles et à Paris. Voici ce que disent les articles du SOGA :',
};

export function twoSourceAnswer(lang: 'en' | 'de' | 'fr', overrides: { url?: string } = {}): Answer {
  const citations: Citation[] = [
    {
      n: 1,
      chunkId: 'doc-a#3',
      docId: 'doc-a',
      title: 'NEC ESS 2025 : Intelligence artificielle ou coopérative ?',
      source: 'corpus/004_9ac45f6a09908b38.txt',
      quote: QUOTES[0],
      date: '2025-11-25',
      lang: 'fr',
      score: 0.9,
      ...(overrides.url ? { url: overrides.url } : {}),
    },
    {
      n: 2,
      chunkId: 'doc-b#1',
      docId: 'doc-b',
      title: 'Sommet européen de l’économie sociale à Strasbourg',
      source: 'corpus/001_e7ac034814a2a696.txt',
      quote: QUOTES[1],
      date: '2022-05-05',
      lang: 'fr',
      score: 0.7,
    },
  ];
  const text = `${LEAD[lang]}\n« ${QUOTES[0]} » [1]\n« ${QUOTES[1]} » [2]`;
  return makeAnswer({ question: 'NEC ESS 2025?', language: lang, outcome: 'answered', grounded: true, mode: 'extractive', text, citations });
}

/** How often `needle` (a quote's first 60 characters) appears in `text`. */
export function occurrences(text: string, needle: string): number {
  return text.split(needle.slice(0, 60)).length - 1;
}

/** Lines `text` takes on a 390 px phone screen (about 40 characters a line). */
export function phoneLines(text: string, width = 40): number {
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(Array.from(line).length / width)), 0);
}
