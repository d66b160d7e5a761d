import type { Span } from '../types.js';
import { matchSpans } from './util.js';

/** Printed in groups of four, sometimes in lower case or with doubled spaces (`de89 3704  0044 …`). */
const CANDIDATE = /\b[A-Z]{2}\d{2}(?: {0,2}[A-Z0-9]{4}){2,7}(?: {0,2}[A-Z0-9]{1,4})?\b/gi;

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function ibanValid(compact: string): boolean {
  if (compact.length < 15 || compact.length > 34) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

/** `DE89 3704 0044 0532 0130 00`, `GB82WEST12345698765432`, `be68 5390 0754 7034` (mod-97 checked). */
export function detectIbans(text: string): Span[] {
  return matchSpans(text, CANDIDATE, 'IBAN', (m) => ibanValid(m[0].replace(/ /g, '').toUpperCase()));
}
