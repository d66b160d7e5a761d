import type { Span } from '../types.js';

/**
 * Printed in groups of four, sometimes in lower case, with doubled spaces or hyphens
 * (`de89 3704  0044 …`, `BE55-1645-8098-8904`).
 */
const CANDIDATE = /\b[A-Z]{2}\d{2}(?:(?: {1,2}|-)?[A-Z0-9]{4}){2,7}(?:(?: {1,2}|-)?[A-Z0-9]{1,4})?\b/gi;
const GROUP_END = /[A-Z0-9](?= {1,2}|-|$)/gi;

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
  const spans: Span[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const end = validEnd(match[0]);
    if (end > 0) spans.push({ start: match.index, end: match.index + end, type: 'IBAN' });
  }
  return spans;
}

/**
 * The longest run of whole groups that passes the check: a greedy match may have taken the next
 * word as a last group (`SA90 6418 … 6997 for`), so shorter runs are tried before giving up.
 */
function validEnd(candidate: string): number {
  const ends = [...candidate.matchAll(GROUP_END)].map((group) => group.index + 1).reverse();
  for (const end of ends) {
    const compact = candidate.slice(0, end).replace(/[ -]/g, '').toUpperCase();
    if (compact.length < 15) break;
    if (ibanValid(compact)) return end;
  }
  return 0;
}
