/**
 * SOGA_DICTIONARY_DIR reaches the answering engine: the runtime reads the FreeDict files it finds
 * there, and says so once when there are none.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { createRuntime, type Runtime } from '../../src/main/runtime.js';
import { writeDictdPair } from '../fakes/dictd-files.js';

const QUESTION = 'Wie viele Mitglieder hatte der SOGA, als er seinen offenen Brief veröffentlichte?';
let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'soga-dict-runtime-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function runtimeWith(dictionaryDir: string, name: string, logs: string[]): Promise<Runtime> {
  const runtime = await createRuntime(parseConfig({ SOGA_DATA_DIR: path.join(root, name), SOGA_EMBED_PROVIDER: 'none', SOGA_LOG_ENABLED: 'false', SOGA_DICTIONARY_DIR: dictionaryDir }), {
    log: (m) => logs.push(m),
  });
  await runtime.ingest();
  return runtime;
}

describe('bilingual dictionaries in the runtime', { timeout: 120_000 }, () => {
  it('answers a German question from the French open letter with a German-French pair, and refuses it without', async () => {
    const dictionaries = path.join(root, 'dictd');
    rmSync(dictionaries, { recursive: true, force: true });
    mkdirSync(dictionaries, { recursive: true });
    writeDictdPair(dictionaries, 'deu-fra', { Mitglied: 'membre', Brief: 'lettre', offen: 'ouvert', veröffentlichen: 'publier' });

    const none: string[] = [];
    const without = await runtimeWith(path.join(root, 'empty'), 'a', none);
    try {
      expect(none.filter((m) => /no bilingual dictionary in/.test(m))).toHaveLength(1);
      expect((await without.assistant.ask(QUESTION)).outcome).toBe('not_found');
    } finally {
      await without.close();
    }

    const logs: string[] = [];
    const withDictionary = await runtimeWith(dictionaries, 'b', logs);
    try {
      expect(logs.filter((m) => /bilingual dictionary/.test(m))).toEqual([]);
      const answer = await withDictionary.assistant.ask(QUESTION);
      expect(answer.outcome).toBe('answered');
      expect(answer.text).toMatch(/70 membres/);
    } finally {
      await withDictionary.close();
    }
  });
});
