import type { Span } from '../types.js';
import { CHANNEL_MENTIONS } from './name-chat.js';
import { BARE_KINSHIP } from './name-context.js';

/**
 * The sender of each message of an exported chat. The stamp is a date and a time, which only an export writes
 * before a sender: WhatsApp's `[13/03/25, 22:47] Faith: …` and `13/03/2025, 22:47 - Faith: …` (a comma between
 * date and time, where a log writes none), and Slack's copied `sana  10:42 AM` (the sender, two spaces, the
 * time). There the sender is a person whatever the word (`Faith`, `Destiny`, a lower-case `sunday`), unless a
 * family member or a group is called by role. Both are read at a line's start only.
 */
const WHATSAPP =
  /(?:\[\d{1,4}[./-]\d{1,2}[./-]\d{1,4}, \d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?\] ?|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}, \d{1,2}:\d{2}(?:\s?[AaPp][Mm])? [-–] )([^:\n[\]]{1,40}?): /dy;
const SLACK = /(\p{L}[\p{L}'’. -]{0,38}?) {2,}\d{1,2}:\d{2}(?: ?[AP]M)?(?= {2,}|\n|$)/duy;
/** A sender's words: letters with an apostrophe, a hyphen or a dot inside, at most four of them. */
const SENDER = /^\p{L}[\p{L}\p{M}'’.-]*(?: \p{L}[\p{L}\p{M}'’.-]*){0,3}$/u;
/** Who writes in a chat without being named (`You`, `Dad`, `Team`). */
const NO_ONE = new Set([...CHANNEL_MENTIONS, 'you', 'me', 'group', 'system', 'slackbot']);

function sender(label: string): boolean {
  if (!SENDER.test(label)) return false;
  const lower = label.toLowerCase();
  const words = lower.split(' ');
  // (`Team Lagos`, `Group admin`: a group's own name.)
  return !NO_ONE.has(words[0] ?? '') && !words.some((word) => BARE_KINSHIP.has(word));
}

export function chatExportSenders(text: string): Span[] {
  const spans: Span[] = [];
  for (let at = 0; at < text.length;) {
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline;
    const code = text.charCodeAt(at);
    // (`[` or a digit opens WhatsApp's stamp; Slack's sender has two spaces within its first 40 characters.)
    const pattern =
      code === 91 || (code >= 48 && code <= 57)
        ? WHATSAPP
        : text.slice(at, Math.min(end, at + 42)).includes('  ')
          ? SLACK
          : undefined;
    if (pattern) {
      pattern.lastIndex = at;
      const m = pattern.exec(text);
      const label = m?.[1];
      const start = m?.indices?.[1]?.[0];
      if (label && start !== undefined && sender(label))
        spans.push({ start, end: start + label.length, type: 'PERSON' });
    }
    at = end + 1;
  }
  return spans;
}
