import { describe, expect, it } from 'vitest';
import { detectIbans } from './iban.js';

const found = (text: string) => detectIbans(text).map((span) => text.slice(span.start, span.end));

describe('detectIbans', () => {
  it('finds IBANs grouped by spaces, doubled spaces or hyphens, and ungrouped', () => {
    expect(found('IBAN DE89 3704 0044 0532 0130 00.')).toEqual(['DE89 3704 0044 0532 0130 00']);
    expect(found('pay de89 3704  0044 0532 0130 00 today')).toEqual(['de89 3704  0044 0532 0130 00']);
    expect(found('pay BE55-1645-8098-8904 now')).toEqual(['BE55-1645-8098-8904']);
    expect(found('GB82WEST12345698765432 for rent')).toEqual(['GB82WEST12345698765432']);
  });

  it('gives back the next word a greedy match took as a last group', () => {
    expect(found('Transfer to SA90 6418 4578 2464 6924 6997 for the tuition.')).toEqual([
      'SA90 6418 4578 2464 6924 6997',
    ]);
    expect(found('FR36 8178 3970 5203 2792 8201 027 merci')).toEqual(['FR36 8178 3970 5203 2792 8201 027']);
  });

  it('refuses a number whose check digits do not match', () => {
    expect(found('DE89 3704 0044 0532 0130 01')).toEqual([]);
  });
});
