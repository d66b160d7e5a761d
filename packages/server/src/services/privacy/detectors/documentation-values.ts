import type { Span } from '../types.js';

/** The public resolvers everyone types (Google, Cloudflare, Quad9, OpenDNS): no one's address. */
const PUBLIC_RESOLVERS = new Set([
  '8.8.8.8',
  '8.8.4.4',
  '1.1.1.1',
  '1.0.0.1',
  '9.9.9.9',
  '149.112.112.112',
  '208.67.222.222',
  '208.67.220.220',
]);

/** Types a documentation or test sentence shows as samples (not names, e-mails or phones, which people quote). */
const SAMPLE_TYPES = new Set(['IP', 'MAC', 'IBAN', 'CARD']);
/** A sentence that says its values are samples: documentation, a payment sandbox, a test card. */
const SAMPLE_CUE = /documentation|sandbox|test (?:card|mode)/i;

/** The sentence around `span`: from the last `.`, `!`, `?` or line break before it to the next one after it followed by a space. */
function sentenceOf(text: string, span: Span): string {
  const from = Math.max(0, span.start - 160);
  const head = text.slice(from, span.start);
  const cut = Math.max(head.search(/[.!?\n][^.!?\n]*$/), 0);
  const tail = text.slice(span.end, span.end + 160);
  const stop = tail.search(/[.!?](?:\s|$)|\n/);
  return head.slice(cut) + text.slice(span.start, span.end) + (stop < 0 ? tail : tail.slice(0, stop));
}

/**
 * `The public resolver is 8.8.8.8`, `Use 192.0.2.10 in the documentation examples`, `Stripe test card
 * 4242 4242 4242 4242 … in sandbox mode`: a public resolver, or an address, MAC, IBAN or card number in a
 * sentence that calls it documentation or a test value, is nobody's.
 */
export function notSampleValues(text: string, spans: Span[]): Span[] {
  if (!spans.some((span) => SAMPLE_TYPES.has(span.type))) return spans;
  return spans.filter((span) => {
    if (!SAMPLE_TYPES.has(span.type)) return true;
    if (span.type === 'IP' && PUBLIC_RESOLVERS.has(text.slice(span.start, span.end))) return false;
    return !SAMPLE_CUE.test(sentenceOf(text, span));
  });
}
