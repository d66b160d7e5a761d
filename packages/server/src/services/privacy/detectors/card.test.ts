import { describe, expect, it } from 'vitest';
import { detectCards } from './card.js';

const found = (text: string) => detectCards(text).map((span) => text.slice(span.start, span.end));

describe('card numbers', () => {
  it('leaves a Luhn-valid number to the identity label right before it, unless a card word is nearer', () => {
    expect(found('Card 3174052508900003 declined')).toEqual(['3174052508900003']);
    expect(found('NIK KTP: 3174052508900003')).toEqual([]);
    expect(found('NIK on file, card number 3174052508900003')).toEqual(['3174052508900003']);
  });

  it('leaves a barcode number after EAN, UPC or ISBN (round 7)', () => {
    expect(found('EAN 5901234123457, card 5901234123457')).toEqual(['5901234123457']);
  });

  it('takes an old 13-digit card grouped 4-3-3-3 with its Luhn check (round 10)', () => {
    expect(found('old 13-digit card for Edna Pruitt: 4529 596 909 071, please remove it')).toEqual([
      '4529 596 909 071',
    ]);
    expect(found('Reference 4529 596 909 072 and 0800 123 456 789')).toEqual([]);
  });
});
