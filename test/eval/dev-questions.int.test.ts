/**
 * Quality guard on the shared development questions with the embedded default (lexical retrieval,
 * extractive answers). It guards against regressions; the targets come from the answering-engine issue.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { createRuntime, type Runtime } from '../../src/main/runtime.js';
import { evaluate, readQuestions, type EvalReport } from '../../src/eval/evaluate.js';

const DEV = path.resolve('../shared/eval/dev-questions.jsonl');
let dataDir: string;
let runtime: Runtime;
let report: EvalReport;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'soga-eval-'));
  // Without dictionaries, so that the guard holds whatever the machine has installed (the held-out
  // describe below measures them).
  runtime = await createRuntime(parseConfig({ SOGA_DATA_DIR: dataDir, SOGA_EMBED_PROVIDER: 'none', SOGA_DICTIONARY_DIR: '' }), { log: () => undefined });
  await runtime.ingest();
  if (existsSync(DEV)) report = await evaluate(runtime.engine, await readQuestions(DEV), new Date('2026-11-23'));
}, 120_000);
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe.skipIf(!existsSync(DEV))('answer quality on the development questions (lexical retrieval, extractive answers)', () => {
  it('finds the evidence in the top 5 for ≥ 90% of French questions and ≥ 60% overall', () => {
    expect(report.perLanguage.fr.hit5).toBeGreaterThanOrEqual(0.9);
    expect(report.overall.hit5).toBeGreaterThanOrEqual(0.6);
  });

  it('answers the flagship question with its date and place', async () => {
    const answer = await runtime.engine.ask('When and where does NEC ESS 2025 take place?');
    expect(answer.language).toBe('en');
    expect(answer.text).toMatch(/25 au 27 novembre 2025/);
    expect(answer.text).toMatch(/Paris/);
  });

  it('refuses every unanswerable question and cites nothing for it', () => {
    expect(report.overall.refusalAccuracy).toBe(1);
  });

  it('detects the question language for ≥ 95% of questions', () => {
    expect(report.overall.languageAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('puts the expected facts in at least 80 % of the answers whose evidence was retrieved (the issue’s target)', () => {
    // Measured 0.83 (15 of 18) with lexical retrieval and extractive answers on 2026-11-29.
    expect(report.overall.factAccuracyRetrieved).toBeGreaterThanOrEqual(0.8);
  });
});

const HELD_OUT = path.resolve('eval/extra-questions.jsonl');
const DICTIONARIES = '/usr/share/dictd';
const haveDictionaries = existsSync(path.join(DICTIONARIES, 'freedict-deu-fra.index'));

describe.skipIf(!haveDictionaries)('cross-lingual answers on the held-out questions with the FreeDict dictionaries', () => {
  it('answers more of the questions asked in other languages than without them, and refuses as many unanswerable ones', async () => {
    // Measured 2026-11-29: false refusals 20 % with the dictionaries, 45 % without; refusals 6 of 8 both ways.
    const questions = await readQuestions(HELD_OUT);
    const run = async (dir: string) => {
      const rt = await createRuntime(parseConfig({ SOGA_DATA_DIR: dataDir, SOGA_EMBED_PROVIDER: 'none', SOGA_DICTIONARY_DIR: dir }), { log: () => undefined });
      try {
        return (await evaluate(rt.engine, questions, new Date('2026-11-23'))).overall;
      } finally {
        await rt.close();
      }
    };
    const withDictionaries = await run(DICTIONARIES);
    const without = await run('');
    expect(withDictionaries.falseRefusals).toBeLessThanOrEqual(0.35);
    expect(withDictionaries.falseRefusals).toBeLessThan(without.falseRefusals);
    expect(withDictionaries.refusalAccuracy).toBeGreaterThanOrEqual(without.refusalAccuracy);
  }, 180_000);
});
