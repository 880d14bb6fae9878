import { describe, expect, it } from 'vitest';
import { howLongAgo } from '../../../src/core/text/how-long-ago.js';

describe('questions for how far a date lies behind today', () => {
  it('reads the unit asked, in the languages members write', () => {
    expect(howLongAgo('How many weeks ago was the Lyon forum?')).toBe('week');
    expect(howLongAgo('Il y a combien de jours que le forum de Lyon a eu lieu ?')).toBe('day');
    expect(howLongAgo('Vor wie vielen Jahren wurde Coopedia gegründet?')).toBe('year');
    expect(howLongAgo('¿Hace cuántos meses fue el foro de Lyon?')).toBe('month');
    expect(howLongAgo('Quanti giorni fa si è chiuso il forum di Lione?')).toBe('day');
    expect(howLongAgo('Há quantos anos existe a Coopedia?')).toBe('year');
    expect(howLongAgo('Hoeveel weken geleden was het forum in Lyon?')).toBe('week');
    expect(howLongAgo('Hur många år sedan grundades Coopedia?')).toBe('year');
    expect(howLongAgo('Ile dni temu odbyło się forum w Lyonie?')).toBe('day');
  });

  it('reads "how long ago" with no unit, and nothing in a question of duration or count', () => {
    expect(howLongAgo('How long ago was the Lyon forum?')).toBeNull();
    expect(howLongAgo('Wie lange ist das Forum in Lyon her?')).toBeNull();
    expect(howLongAgo('How many days did the Lyon forum last?')).toBeUndefined();
    expect(howLongAgo('Combien de jours de conférences le forum compte-t-il ?')).toBeUndefined();
  });
});
