import { describe, expect, it } from 'vitest';
import { answeredTurns } from '../../../src/core/conversation/turns.js';

describe('the turns a surface keeps after an answer', () => {
  it('keep the documents the answer cited, once each, for the next turn’s retrieval prior', () => {
    const turns = answeredTurns('Who runs the repair café?', { text: 'Léa [1][2].', citations: [{ docId: 'doc-a' }, { docId: 'doc-b' }, { docId: 'doc-a' }] });
    expect(turns).toEqual([
      { role: 'user', text: 'Who runs the repair café?' },
      { role: 'assistant', text: 'Léa [1][2].', sources: ['doc-a', 'doc-b'] },
    ]);
  });
  it('give a refusal no sources', () => {
    expect(answeredTurns('Recipe for paella?', { text: 'The articles don’t say.', citations: [] })[1]).toEqual({ role: 'assistant', text: 'The articles don’t say.' });
  });
});
