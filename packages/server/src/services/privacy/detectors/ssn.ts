import type { Span } from '../types.js';
import { before, matchSpans, REFERENCE_CUE } from './util.js';

const DASHED = /(?<![\d-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\d-])/g;
const LABELLED =
  /\b(?:SSN|social security(?: number| no\.?)?)\s*[:#]?\s*((?!000|666|9\d\d)\d{3}[ ]?(?!00)\d{2}[ ]?(?!0000)\d{4})\b/dgi;

/** US social security numbers: `123-45-6789` (not after `ticket`, `order`, …), or undashed after an `SSN` label. */
export function detectSsns(text: string): Span[] {
  return [
    // `Ticket 448-21-0093`, `claim no. 512-33-0871`: a reference number in the same shape.
    ...matchSpans(text, DASHED, 'SSN', (m) => !REFERENCE_CUE.test(before(text, m.index, 24))),
    ...matchSpans(text, LABELLED, 'SSN', () => true, 1),
  ];
}
