import type { Span } from '../types.js';
import { luhnValid } from './national-id-checks.js';

/**
 * `"728 304 155","1820 Pemberton Ave, North Vancouver, BC V7P 2S2"`: a Canadian SIN in spaced threes with
 * its Luhn check, taken without a label only in a record line that also holds a Canadian postcode.
 */
const SPACED_SIN = /\b[1-79]\d{2} \d{3} \d{3}(?![\d-]| \d)/g;
const CANADIAN_POSTCODE = /\b[ABCEGHJ-NPRSTVXY]\d[A-Z] ?\d[A-Z]\d\b/;

export function canadianSinsInRecords(text: string): Span[] {
  const spans: Span[] = [];
  SPACED_SIN.lastIndex = 0;
  for (let m = SPACED_SIN.exec(text); m; m = SPACED_SIN.exec(text)) {
    // Not the end of a longer number (`416 728 304 155`).
    if (/[\d-]$|\d $/.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const lineEnd = text.indexOf('\n', m.index);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    if (luhnValid(m[0].replace(/ /g, '')) && CANADIAN_POSTCODE.test(line))
      spans.push({ start: m.index, end: m.index + m[0].length, type: 'SSN' });
  }
  return spans;
}
