import { describe, expect, it } from 'vitest';
import { answerSchema, completedSentences, parseStructuredReply, renderSentence } from '../../../src/core/answer/structured.js';

describe('answerSchema', () => {
  it('limits passage numbers to those given', () => {
    const schema = answerSchema(3) as { properties: { sentences: { items: { properties: { passages: { items: { enum: number[] } } } } } } };
    expect(schema.properties.sentences.items.properties.passages.items.enum).toEqual([1, 2, 3]);
  });
});

describe('parseStructuredReply', () => {
  it('reads sentences and their passages, dropping markers written into the text', () => {
    expect(parseStructuredReply('{"sentences":[{"text":"It is in Lyon [2].","passages":[2,2]}]}')).toEqual({ kind: 'answer', sentences: [{ text: 'It is in Lyon.', passages: [2] }] });
  });

  it('reads JSON in a code fence', () => {
    expect(parseStructuredReply('```json\n{"sentences":[{"text":"Lyon.","passages":[1]}]}\n```').kind).toBe('answer');
  });

  it('reads an empty list as no answer', () => {
    expect(parseStructuredReply('{"sentences": []}')).toEqual({ kind: 'no_answer' });
  });

  it('says when the reply is not the JSON asked for, so that it is read as text', () => {
    expect(parseStructuredReply('It is in Lyon [2].')).toEqual({ kind: 'not_json' });
    expect(parseStructuredReply('{"answer": "Lyon"}')).toEqual({ kind: 'not_json' });
    expect(parseStructuredReply('{"sentences": [')).toEqual({ kind: 'not_json' });
  });
});

describe('renderSentence', () => {
  it('puts the markers before the final punctuation, and adds a full stop when there is none', () => {
    expect(renderSentence({ text: 'It is in Lyon.', passages: [2, 3] })).toBe('It is in Lyon [2][3].');
    expect(renderSentence({ text: 'Is it in Lyon?', passages: [1] })).toBe('Is it in Lyon [1]?');
    expect(renderSentence({ text: 'It is in Lyon', passages: [1] })).toBe('It is in Lyon [1].');
  });
});

describe('completedSentences', () => {
  it('reads the closed sentence objects of a reply still being written', () => {
    const partial = '{"sentences": [{"text": "It is in \\"Lyon\\".", "passages": [2]}, {"text": "It lasts two da';
    expect(completedSentences(partial)).toEqual([{ text: 'It is in "Lyon".', passages: [2] }]);
  });
});
