import { describe, expect, it } from 'vitest';
import { detectPhones } from './phone.js';

const found = (text: string) => detectPhones(text).map((span) => text.slice(span.start, span.end));

describe('phone numbers (round 5)', () => {
  it('takes an area code in brackets before a grouped local number, without a phone word', () => {
    expect(found('Pode ligar (11) 98765-4321 depois das 18h.')).toEqual(['(11) 98765-4321']);
    expect(found('Su número (55) 1234 5678, gracias.')).toEqual(['(55) 1234 5678']);
    expect(found('Step (3) 2024 1234 and (12) 3456')).toEqual([]);
  });
});
