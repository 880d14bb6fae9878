/**
 * The text a passage is found by: the index, the embeddings and ask()'s coverage read the same words.
 */
import { describe, expect, it } from 'vitest';
import { embeddedText, searchableText } from '../../../src/core/retrieval/passage-text.js';

const lead = 'Le 17 novembre 2023 marque la fin de NEC ESS Europe.';
const deep = { title: "L'économie sociale numérique", section: 'Intervenants', context: lead, text: 'Intervenants\nDenis Stokkink a présenté le projet.' };
const first = { title: "L'économie sociale numérique", section: null, context: lead, text: `${lead} Son objectif ? Promouvoir l'ESS.` };

describe("a passage is found by its article's lead", () => {
  it('adds the lead to the words of a passage that does not hold it', () => {
    expect(searchableText(deep)).toBe(`L'économie sociale numérique\n${lead}\nIntervenants\nIntervenants\nDenis Stokkink a présenté le projet.`);
    expect(embeddedText(deep)).toBe(`L'économie sociale numérique\n${lead}\nIntervenants\nDenis Stokkink a présenté le projet.`);
  });

  it('does not repeat the lead in the passage that holds it, even when the lead was cut', () => {
    expect(searchableText(first).split(lead)).toHaveLength(2);
    expect(embeddedText(first)).toBe(`L'économie sociale numérique\n${first.text}`);
    const cut = { ...first, context: 'Le 17 novembre 2023 marque la fin…' };
    expect(searchableText(cut)).not.toContain('…');
  });

  it('reads passages of indexes built before leads existed', () => {
    const old = { title: 'T', section: null, text: 'Texte.' };
    expect(searchableText(old)).toBe('T\n\n\nTexte.');
    expect(embeddedText(old)).toBe('T\nTexte.');
  });
});
