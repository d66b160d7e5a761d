import type { Span } from '../types.js';
import { matchSpans } from './util.js';

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?![\p{L}\p{N}-])/gu;

/** A login on a LAN machine (`admin@nas.lan`) is a host, not a mailbox. */
const INTERNAL_SUFFIX = /\.(?:local|lan|internal|intranet|corp|home|localdomain|private|priv)$/i;

/** `alice@example.com`, `jörg.müller@beispiel.de`. */
export function detectEmails(text: string): Span[] {
  return matchSpans(text, EMAIL, 'EMAIL', (m) => !m[0].startsWith('.') && !INTERNAL_SUFFIX.test(m[0]));
}
