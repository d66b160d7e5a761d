import type { Span } from '../types.js';
import { LETTERS } from './util.js';

/** A login on a LAN machine (`admin@nas.lan`) is a host, not a mailbox. */
const INTERNAL_SUFFIX = /\.(?:local|lan|internal|intranet|corp|home|localdomain|private|priv)$/i;
const LOCAL_CHAR = new RegExp(`[${LETTERS}0-9._%+-]`);
const DOMAIN = new RegExp(`(?:[${LETTERS}0-9-]+\\.)+[${LETTERS}]{2,}(?![${LETTERS}0-9-])`, 'y');

/** `alice@example.com`, `jörg.müller@beispiel.de`; found from each `@`, so long texts stay cheap. */
export function detectEmails(text: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && LOCAL_CHAR.test(text[start - 1] ?? '')) start--;
    while (start < at && text[start] === '.') start++;
    if (start === at || (start > 0 && LOCAL_CHAR.test(text[start - 1] ?? ''))) continue;
    DOMAIN.lastIndex = at + 1;
    const domain = DOMAIN.exec(text);
    if (!domain || INTERNAL_SUFFIX.test(domain[0])) continue;
    spans.push({ start, end: at + 1 + domain[0].length, type: 'EMAIL' });
  }
  return spans;
}
