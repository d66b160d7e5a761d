import type { Span } from '../types.js';
import { matchSpans } from './util.js';

const DASHED = /(?<![\d-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\d-])/g;
const LABELLED =
  /\b(?:SSN|social security(?: number| no\.?)?)\s*[:#]?\s*((?!000|666|9\d\d)\d{3}[ ]?(?!00)\d{2}[ ]?(?!0000)\d{4})\b/dgi;

/** US social security numbers: `123-45-6789`, or undashed after an `SSN` label. */
export function detectSsns(text: string): Span[] {
  return [...matchSpans(text, DASHED, 'SSN'), ...matchSpans(text, LABELLED, 'SSN', () => true, 1)];
}
