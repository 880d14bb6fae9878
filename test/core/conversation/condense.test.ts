import { describe, expect, it } from 'vitest';
import { condenseFollowUp, type CondenseDeps } from '../../../src/core/conversation/condense.js';
import { ScriptedChatModel } from '../../fakes/scripted-chat-model.js';

const deps = (overrides: Partial<CondenseDeps> = {}): CondenseDeps => ({
  chat: null,
  prompt: '{{history}}\n{{question}}',
  warn: () => undefined,
  llmTimeoutMs: 1000,
  maxQuestionChars: 500,
  ...overrides,
});

describe('the searched question of a turn', () => {
  it('is the question itself at the start of a conversation', async () => {
    expect(await condenseFollowUp(deps(), 'When is NEC ESS 2025?', [], 'en')).toEqual({ query: 'When is NEC ESS 2025?', dependent: false, priorSources: [] });
  });
  it('is rewritten by the chat model when there is one', async () => {
    const chat = new ScriptedChatModel(() => 'Where does NEC ESS 2025 take place?');
    const history = [
      { role: 'user' as const, text: 'When is NEC ESS 2025?' },
      { role: 'assistant' as const, text: '25–27 November 2025.' },
    ];
    expect(await condenseFollowUp(deps({ chat }), 'And where?', history, 'en')).toMatchObject({ query: 'Where does NEC ESS 2025 take place?', dependent: true });
  });
  it('is not given to the chat model when it stands on its own, even after an unrelated turn', async () => {
    const chat = new ScriptedChatModel(() => 'glued');
    const history = [
      { role: 'user' as const, text: '¿Cuál es la mejor receta de paella?' },
      { role: 'assistant' as const, text: '…' },
    ];
    expect(await condenseFollowUp(deps({ chat }), 'Quand a lieu NEC ESS 2025 ?', history, 'fr')).toMatchObject({ query: 'Quand a lieu NEC ESS 2025 ?', dependent: false });
    expect(chat.calls).toHaveLength(0);
  });
  it('leaves the organisation’s own name out of the topic, by how many passages use it', async () => {
    const df: Record<string, number> = { soga: 40, actse: 3 };
    const termStats = async () => ({ total: 100, df: (w: string) => df[w] ?? 0 });
    expect(await condenseFollowUp(deps({ termStats }), 'E chi ha parlato per il SOGA?', [{ role: 'user', text: 'Dove si è svolto l’ActSE 2021?' }], 'it')).toMatchObject({
      query: 'ActSE 2021 — chi ha parlato per il SOGA?',
    });
  });
  it('spells the topic’s places as the articles do ("Straßburg", "Straatsburg" → "Strasbourg")', async () => {
    const df: Record<string, number> = { soga: 40, strasbourg: 6, projekte: 0 };
    const termStats = async () => ({ total: 100, df: (w: string) => df[w] ?? 0 });
    const after = (q: string) => [{ role: 'user' as const, text: q }];
    expect(await condenseFollowUp(deps({ termStats }), 'Und welche Vereine hat SOGA dort getroffen?', after('Wie viele Gäste kamen zur Messe in Straßburg?'), 'de')).toMatchObject({
      query: 'Strasbourg — welche Vereine hat SOGA dort getroffen?',
    });
    expect(await condenseFollowUp(deps({ termStats }), 'En wie sprak daar?', after('Hoeveel bezoekers kwamen er naar de beurs in Straatsburg?'), 'nl')).toMatchObject({
      query: 'Strasbourg — wie sprak daar?',
    });
  });
  it('does not judge names by their share in a handful of passages, where every name is common', async () => {
    const termStats = async () => ({ total: 4, df: () => 3 });
    expect(await condenseFollowUp(deps({ termStats }), 'Et qui l’organise ?', [{ role: 'user', text: 'Quand a lieu le NEC ESS 2025 ?' }], 'fr')).toMatchObject({
      query: 'NEC ESS 2025 — qui l’organise ?',
    });
  });
  it('hands a follow-up the documents the latest answer cited, and a fresh question none', async () => {
    const history = [
      { role: 'user' as const, text: 'Who ran the cooperative bakery workshop in Lyon?' },
      { role: 'assistant' as const, text: 'Ana Ruiz [1].', sources: ['doc-bakery', 'doc-lyon'] },
    ];
    expect(await condenseFollowUp(deps(), 'And when?', history, 'en')).toMatchObject({ dependent: true, priorSources: ['doc-bakery', 'doc-lyon'] });
    expect(await condenseFollowUp(deps(), 'What is the membership fee of the network?', history, 'en')).toMatchObject({ dependent: false, priorSources: [] });
  });
  it('gives no prior to a turn that moves to another year, whose edition the cited documents are not about', async () => {
    const history = [
      { role: 'user' as const, text: 'Who sponsored the Lyon Repair Fair 2023?' },
      { role: 'assistant' as const, text: 'The city of Lyon [1].', sources: ['doc-fair-2023'] },
    ];
    expect(await condenseFollowUp(deps(), 'And the same for 2024?', history, 'en')).toMatchObject({ dependent: true, query: 'Who sponsored the Lyon Repair Fair 2024?', priorSources: [] });
    expect(await condenseFollowUp(deps(), 'And where was it?', history, 'en')).toMatchObject({ dependent: true, priorSources: ['doc-fair-2023'] });
  });
  it('falls back to the topic and the new ask, with a warning, when the model fails', async () => {
    const warnings: string[] = [];
    const chat = new ScriptedChatModel(() => {
      throw new Error('connection refused');
    });
    const rewritten = await condenseFollowUp(deps({ chat, warn: (m) => warnings.push(m) }), 'And where?', [{ role: 'user', text: 'When is NEC ESS 2025?' }], 'en');
    expect(rewritten.query).toBe('NEC ESS 2025 — where?');
    expect(warnings.join('\n')).toMatch(/connection refused/);
  });
});
