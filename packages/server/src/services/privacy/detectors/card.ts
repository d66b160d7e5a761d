import type { Span } from '../types.js';
import { digitsOf, matchSpans } from './util.js';

const CANDIDATE = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])/g;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Card numbers: 13–19 digits on a known issuer prefix with a valid Luhn check digit. */
export function detectCards(text: string): Span[] {
  return matchSpans(text, CANDIDATE, 'CARD', (m) => {
    const digits = digitsOf(m[0]);
    return (
      digits.length >= 13 &&
      digits.length <= 19 &&
      /^(?:3[47]|3[0689]|4|5[1-5]|2[2-7]|6)/.test(digits) &&
      luhnValid(digits)
    );
  });
}
