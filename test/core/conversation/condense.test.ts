import { describe, expect, it } from 'vitest';
import { condenseFollowUp, type CondenseDeps } from '../../../src/core/conversation/condense.js';
import { ScriptedChatModel } from '../../fakes/scripted-chat-model.js';

const deps = (overrides: Partial<CondenseDeps> = {}): CondenseDeps => ({ chat: null, prompt: '{{history}}\n{{question}}', warn: () => undefined, llmTimeoutMs: 1000, maxQuestionChars: 500, ...overrides });

describe('the searched question of a turn', () => {
  it('is the question itself at the start of a conversation', async () => {
    expect(await condenseFollowUp(deps(), 'When is NEC ESS 2025?', [])).toBe('When is NEC ESS 2025?');
  });
  it('is rewritten by the chat model when there is one', async () => {
    const chat = new ScriptedChatModel(() => 'Where does NEC ESS 2025 take place?');
    const history = [{ role: 'user' as const, text: 'When is NEC ESS 2025?' }, { role: 'assistant' as const, text: '25–27 November 2025.' }];
    expect(await condenseFollowUp(deps({ chat }), 'And where?', history)).toBe('Where does NEC ESS 2025 take place?');
  });
  it('falls back to the earlier question, with a warning, when the model fails', async () => {
    const warnings: string[] = [];
    const chat = new ScriptedChatModel(() => {
      throw new Error('connection refused');
    });
    const rewritten = await condenseFollowUp(deps({ chat, warn: (m) => warnings.push(m) }), 'And where?', [{ role: 'user', text: 'When is NEC ESS 2025?' }]);
    expect(rewritten).toContain('NEC ESS 2025');
    expect(rewritten).toContain('And where?');
    expect(warnings.join('\n')).toMatch(/connection refused/);
  });
});
