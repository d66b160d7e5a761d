import type { Span } from '../types.js';
import { matchSpans } from './util.js';

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?![\p{L}\p{N}-])/gu;

/** `alice@example.com`, `jörg.müller@beispiel.de`. */
export function detectEmails(text: string): Span[] {
  return matchSpans(text, EMAIL, 'EMAIL', (m) => !m[0].startsWith('.'));
}
