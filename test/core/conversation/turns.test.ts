import { describe, expect, it } from 'vitest';
import { answeredTurns, statedIn } from '../../../src/core/conversation/turns.js';
import { Messages } from '../../../src/core/i18n.js';
import en from '../../../prompts/locales/en.json' with { type: 'json' };
import pl from '../../../prompts/locales/pl.json' with { type: 'json' };
import sv from '../../../prompts/locales/sv.json' with { type: 'json' };

const messages = new Messages({ en, pl, sv });

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

describe('the stated sentence of an answer known only by its text', () => {
  it('is the first line when it is a direct-answer sentence of the catalogue, in any of its languages', () => {
    const english = `${messages.t('en', 'directValue', { value: 'Ghent', n: 2 })}\n${messages.t('en', 'leadIn')}\n« Le café de réparation se tient à Gand. » [2]`;
    expect(statedIn(english, messages)).toBe('In short: Ghent [2].');
    const polish = `${messages.t('pl', 'directDate', { value: '3 marca 2024', relative: '2 lata temu', n: 1 })}\n« … » [1]`;
    expect(statedIn(polish, messages)).toBe(messages.t('pl', 'directDate', { value: '3 marca 2024', relative: '2 lata temu', n: 1 }));
    const conflict = messages.t('sv', 'directConflict', { values: '2017 [1], 2018 [2]' });
    expect(statedIn(`\n${conflict}\n« … » [1]`, messages)).toBe(conflict);
  });

  it('is nothing for an answer that opens with its quotes, a model’s prose or a refusal', () => {
    expect(statedIn(`${messages.t('en', 'leadIn')}\n« Le café de réparation se tient à Gand. » [1]`, messages)).toBeUndefined();
    expect(statedIn('The repair café meets in Ghent every Saturday [1].', messages)).toBeUndefined();
    expect(statedIn(messages.t('en', 'notFound'), messages)).toBeUndefined();
    expect(statedIn('', messages)).toBeUndefined();
  });

  it('makes a rebuilt turn the one the surface recorded when it answered', () => {
    const direct = messages.t('en', 'directValue', { value: 'Ghent', n: 1 });
    const text = `${direct}\n« Le café de réparation se tient à Gand. » [1]`;
    const recorded = answeredTurns('Where is the repair café?', { text, citations: [{ docId: 'doc-a' }], direct });
    const rebuilt = answeredTurns('Where is the repair café?', { text, citations: [{ docId: 'doc-a' }], direct: statedIn(text, messages) });
    expect(rebuilt).toEqual(recorded);
  });
});
