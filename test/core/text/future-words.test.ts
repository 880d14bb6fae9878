import { describe, expect, it } from 'vitest';
import { speaksOfFuture } from '../../../src/core/text/future-words.js';

describe('an answer sentence that speaks of what is still to come', () => {
  it('is told by the future of taking place, registering and announcing, in the members’ languages', () => {
    for (const sentence of [
      'Le forum aura lieu à Angers.',
      'Vous pourrez vous inscrire sur le site.',
      'The forum will take place in Angers.',
      'The forum is scheduled for November.',
      'Das Forum wird in Angers stattfinden.',
      'Das Forum wird in Angers sein.',
      'Das kommende Forum ist in Angers.',
      'El foro se celebrará en Angers.',
      'O fórum terá lugar em Angers.',
      'Il forum si terrà ad Angers.',
      'Het forum zal in Angers plaatsvinden.',
    ])
      expect(speaksOfFuture(sentence), sentence).toBe(true);
  });

  it('is not told by the past, the present, or the German present passive', () => {
    for (const sentence of [
      'Le forum a eu lieu à Angers.',
      'The forum took place in Angers.',
      'Das Forum wird von SOGA in Angers veranstaltet.',
      'The success of the prize is due to its 12 projects.',
      'Der Preis wird von der Jury vergeben und sein Ziel ist klar.',
      'SOGA’s will to cooperate is clear.',
      'Das Forum fand in Angers statt.',
      'El foro se celebró en Angers y está abierto.',
      'La città di Angers ha ospitato il forum, una novità.',
      'Het forum vond plaats in Angers.',
    ])
      expect(speaksOfFuture(sentence), sentence).toBe(false);
  });
});
