import type { Span } from '../types.js';
import { BARE_KINSHIP } from './name-context.js';

/**
 * The sender of each message of an exported chat. The stamp is a date and a time, which only an export
 * writes before a sender: WhatsApp's `[13/03/25, 22:47] Faith: …` and `13/03/2025, 22:47 - Faith: …` (a comma between date and time, where
 * a log writes none), and
 * Slack's copied `sana  10:42 AM` (the sender, two spaces, the time). There the sender is a person whatever
 * the word (`Faith`, `Destiny`, a lower-case `sunday`), unless a family member or a group is called by role.
 */
const WHATSAPP =
  /(?:^|\n)(?:\[\d{1,4}[./-]\d{1,2}[./-]\d{1,4}, \d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?\] ?|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}, \d{1,2}:\d{2}(?:\s?[AaPp][Mm])? [-–] )([^:\n[\]]{1,40}?): /dg;
const SLACK = /(?:^|\n)([\p{L}][\p{L}'’. -]{0,38}?) {2,}\d{1,2}:\d{2}(?: ?[AP]M)?(?= {2,}|\n|$)/dgu;
/** A sender's words: letters with an apostrophe, a hyphen or a dot inside, at most four of them. */
const SENDER = /^\p{L}[\p{L}\p{M}'’.-]*(?: \p{L}[\p{L}\p{M}'’.-]*){0,3}$/u;
/** Who writes in a chat without being named (`You`, `Dad`, `Team`). */
const NO_ONE = new Set([
  'you',
  'me',
  'team',
  'admin',
  'group',
  'everyone',
  'all',
  'bot',
  'system',
  'slackbot',
]);

function sender(label: string): boolean {
  if (!SENDER.test(label)) return false;
  const lower = label.toLowerCase();
  const words = lower.split(' ');
  // (`Team Lagos`, `Group admin`: a group's own name.)
  return !NO_ONE.has(words[0] ?? '') && !words.some((word) => BARE_KINSHIP.has(word));
}

export function chatExportSenders(text: string): Span[] {
  if (!text.includes(':')) return [];
  const spans: Span[] = [];
  // (Slack's sender stands before two spaces.)
  for (const pattern of text.includes('  ') ? [WHATSAPP, SLACK] : [WHATSAPP]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const label = m[1] ?? '';
      const start = m.indices?.[1]?.[0] ?? m.index;
      if (sender(label)) spans.push({ start, end: start + label.length, type: 'PERSON' });
      // (A match ends after the sender: the next line's stamp may start right after it.)
      pattern.lastIndex = start + label.length;
    }
  }
  return spans;
}
