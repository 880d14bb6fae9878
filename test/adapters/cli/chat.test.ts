import { Readable, PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { interactiveChat } from '../../../src/adapters/cli/program.js';
import { FakeAssistant, makeAnswer } from '../../fakes/fake-assistant.js';
import { loadMessages } from '../discord/harness.js';
import de from '../../../prompts/locales/de.json' with { type: 'json' };
import fr from '../../../prompts/locales/fr.json' with { type: 'json' };

const messages = loadMessages();

async function chat(lines: string[], locale: string | undefined, assistant = new FakeAssistant()) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  await interactiveChat({ assistant, messages }, stdout, stderr, { input: Readable.from(lines.map((l) => `${l}\n`)), locale });
  return { out, err, assistant };
}

describe('the terminal chat speaks the member’s language', () => {
  it('greets, lists the commands, confirms /new and names an unknown command in the terminal’s locale', async () => {
    const { out, err } = await chat(['/help', '/new', '/frobnicate'], 'de-AT');
    expect(err).toContain(de.cliWelcome);
    expect(out).toContain(de.cliHelp);
    expect(out).toContain(de.cliNewConversation);
    expect(out).toContain('Unbekannter Befehl /frobnicate');
  });

  it('follows the language of the member’s latest question', async () => {
    const assistant = new FakeAssistant((question) => makeAnswer({ question, language: 'fr', outcome: 'answered', text: 'Le 14 mars.' }));
    const { out } = await chat(['Quand a lieu le forum des coopératives ?', '/new'], 'de', assistant);
    expect(out).toContain(fr.cliNewConversation);
    expect(out).not.toContain(de.cliNewConversation);
    expect(assistant.calls[0].context.locale).toBe('de');
  });

  it('falls back to English for a locale the bot does not speak, and an empty line asks nothing', async () => {
    const { out, assistant } = await chat(['', '/new'], 'tr-TR');
    expect(out).toContain('New conversation');
    expect(assistant.calls).toHaveLength(0);
  });
});

describe('the terminal chat keeps the turn every surface records', () => {
  it('asks a follow-up with the previous answer’s stated sentence and cited documents', async () => {
    const citation = {
      n: 1,
      chunkId: 'c1',
      docId: 'repair-cafe',
      title: 'Le café de réparation',
      source: 'repair-cafe.md',
      quote: 'Le café se tient à Gand.',
      date: null,
      lang: 'fr' as const,
      score: 1,
    };
    const first = makeAnswer({
      question: 'Où se tient le café de réparation ?',
      language: 'fr',
      outcome: 'answered',
      mode: 'extractive',
      grounded: true,
      text: 'En bref : Gand [1].\n« Le café se tient à Gand. » [1]',
      direct: 'En bref : Gand [1].',
      citations: [citation],
    });
    const assistant = new FakeAssistant((question) => (question === first.question ? first : makeAnswer({ question, language: 'fr' })));
    await chat([first.question, 'Et quel jour ?'], 'fr', assistant);
    expect(assistant.calls[1].context.history).toEqual([
      { role: 'user', text: first.question },
      { role: 'assistant', text: first.text, sources: ['repair-cafe'], stated: 'En bref : Gand [1].' },
    ]);
  });
});
