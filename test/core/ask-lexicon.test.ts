/**
 * ask() with bilingual dictionaries: a question's words that the articles never use are looked up in
 * the articles' languages, for retrieval and for answerability.
 */
import { describe, expect, it } from 'vitest';
import { createAssistant, type AskDeps } from '../../src/core/ask.js';
import { Messages } from '../../src/core/i18n.js';
import { EldLanguageDetector } from '../../src/infra/eld-language-detector.js';
import { FakeChunkStore } from '../fakes/fake-chunk-store.js';
import { FakeLexicon } from '../fakes/fake-lexicon.js';
import { testAskOptions } from '../fakes/ask-options.js';
import de from '../../prompts/locales/de.json' with { type: 'json' };
import en from '../../prompts/locales/en.json' with { type: 'json' };
import fr from '../../prompts/locales/fr.json' with { type: 'json' };

const LETTER = 'En février 2022, le Social Good Accelerator et ses 70 soutiens ont publié une lettre ouverte aux pouvoirs publics.';
const SUMMIT = 'Le sommet de Strasbourg a réuni 2 000 participants venus de 14 pays.';
// Not a noun of the counted-nouns table ("Mitglieder" is: the gate would find "membres" without a dictionary).
const QUESTION = 'Wie viele Unterstützer hatte der Social Good Accelerator, als er seinen offenen Brief veröffentlichte?';
const DICTIONARY = { 'de-fr': { unterstutzer: ['soutien'], offenen: ['ouvert'], brief: ['lettre', 'epitre'], veroffentlichte: ['publier'] } };

function build(lexicon: FakeLexicon | null, warnings: string[] = []) {
  const deps: AskDeps = {
    store: FakeChunkStore.withPassages([
      { title: 'Lettre ouverte', text: LETTER },
      { title: 'Sommet de Strasbourg', text: SUMMIT },
    ]),
    embedder: null,
    chat: null,
    detector: new EldLanguageDetector({ fallback: 'en' }),
    messages: new Messages({ de, en, fr }),
    prompts: { system: 'rules', answer: '{{passages}}\n{{question}}', condense: '{{history}}\n{{question}}' },
    clock: { now: () => new Date('2026-11-23T12:00:00Z') },
    warn: (m) => warnings.push(m),
    lexicon,
  };
  return createAssistant(deps, testAskOptions());
}

describe('a question in a language the articles are not written in, with a dictionary', () => {
  it('is refused without the dictionary: its topic words are not in the French passage', async () => {
    const answer = await build(null).ask(QUESTION);
    expect(answer.language).toBe('de');
    expect(answer.outcome).toBe('not_found');
  });

  it('is answered from the French passage once its words are translated, and cites it', async () => {
    const answer = await build(new FakeLexicon(DICTIONARY)).ask(QUESTION);
    expect(answer.outcome).toBe('answered');
    expect(answer.citations[0].quote).toContain('70 soutiens');
    expect(answer.retrieved[0].chunk.text).toBe(LETTER);
  });

  it('asks the dictionary only for the words the corpus never uses, into the corpus languages', async () => {
    const lexicon = new FakeLexicon(DICTIONARY);
    await build(lexicon).ask(QUESTION);
    expect(lexicon.calls.map((c) => `${c.from}-${c.to}`)).toEqual(['de-fr']);
    const asked = lexicon.calls[0].words;
    expect(asked).toContain('unterstutzer');
    // "Social", "Good", "Accelerator" are the passage's own words: nothing to translate.
    expect(asked).not.toContain('social');
    expect(asked).not.toContain('accelerator');
  });

  it('still refuses when the translations are not in any passage either', async () => {
    const lexicon = new FakeLexicon({ 'de-fr': { generalsekretar: ['secretaire general'], schatzmeister: ['tresorier'] } });
    const question = 'Wer ist der Schatzmeister und der Generalsekretär des Accelerator?';
    expect((await build(null).ask(question)).outcome).toBe('not_found');
    const answer = await build(lexicon).ask(question);
    expect(lexicon.calls[0].words).toEqual(expect.arrayContaining(['schatzmeister', 'generalsekretar']));
    expect(answer.outcome).toBe('not_found');
  });

  it('goes on without translations while the dictionary cannot be read (as if there were none), saying so once per outage', async () => {
    const lexicon = new FakeLexicon(DICTIONARY);
    lexicon.failure = new Error('EIO: i/o error, read');
    const warnings: string[] = [];
    const assistant = build(lexicon, warnings);
    const first = await assistant.ask(QUESTION);
    await assistant.ask(QUESTION);
    expect(first.outcome).toBe('not_found');
    expect(warnings.filter((w) => /de→fr dictionary could not be read/.test(w))).toHaveLength(1);
    expect(warnings[0]).toMatch(/EIO/);
    // Back: translated again; down again: said again.
    lexicon.failure = null;
    expect((await assistant.ask(QUESTION)).outcome).toBe('answered');
    lexicon.failure = new Error('EIO again');
    await assistant.ask(QUESTION);
    // Once per outage and per dictionary (a borrowed English word is looked up in en→fr as well).
    expect(warnings.filter((w) => /de→fr dictionary could not be read/.test(w))).toHaveLength(2);
  });
});
