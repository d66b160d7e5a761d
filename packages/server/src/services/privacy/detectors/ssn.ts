import type { Span } from '../types.js';
import { before, matchSpans, REFERENCE_CUE } from './util.js';

/** `123-45-6789`; from 9, an ITIN (`943-91-2207`: the IRS's individual taxpayer number, group 50–65, 70–88, 90–92, 94–99). */
const DASHED =
  /(?<![\d-])(?:(?!000|666|9)\d{3}-(?!00)\d{2}|9\d\d-(?:5\d|6[0-5]|7\d|8[0-8]|9[0-24-9]))-(?!0000)\d{4}(?![\d-])/g;
const LABELLED =
  /\b(?:SSN|social security(?: number| no\.?)?|(?:my|his|her|their|your) social)(?: is)?\s*[:#]?\s*((?!000|666|9\d\d)\d{3}[ ]?(?!00)\d{2}[ ]?(?!0000)\d{4})\b/dgi;

/** US social security numbers and ITINs: `123-45-6789` (not after `ticket`, `order`, …), or undashed after an `SSN` label (`my social is 529 44 8817`). */
export function detectSsns(text: string): Span[] {
  return [
    // `Ticket 448-21-0093`, `claim no. 512-33-0871`: a reference number in the same shape.
    ...matchSpans(text, DASHED, 'SSN', (m) => !REFERENCE_CUE.test(before(text, m.index, 24))),
    ...matchSpans(text, LABELLED, 'SSN', () => true, 1),
  ];
}
