import { describe, expect, it } from 'vitest';
import { isQuestionLike } from '../../../src/core/conversation/is-question.js';

describe('a message in an ask channel', () => {
  it.each(['When is NEC ESS 2025?', 'Quand a lieu le NEC ESS 2025', 'wo findet NEC ESS statt', '¿Dónde?', 'Social Tech Atlas ?'])('is a question: %s', (text) => {
    expect(isQuestionLike(text)).toBe(true);
  });
  it.each(['Merci !', 'thanks a lot', 'Hello everyone', 'ok', '👍', '', 'Danke schön', 'Bonjour à tous'])('is not a question: "%s"', (text) => {
    expect(isQuestionLike(text)).toBe(false);
  });
});
