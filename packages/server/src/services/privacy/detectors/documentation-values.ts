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
/**
 * The values set aside for documentation and tests: the IPv4 and IPv6 documentation ranges (RFC 5737, RFC 3849),
 * the MAC documentation range (RFC 7042), the payment providers' published test cards and the IBAN registry's
 * examples. Only these count as samples: a real card in a sentence that says `sandbox` is still a real card.
 */
const DOCUMENTED =
  /^(?:192\.0\.2\.\d+|198\.51\.100\.\d+|203\.0\.113\.\d+|2001:db8:[\w:]*|00[:-]00[:-]5e[:-]00[:-]53[:-][0-9a-f]{2}|4242424242424242|4111111111111111|5555555555554444|5105105105105100|4000056655665556|378282246310005|6011111111111117|3530111333300000|de89370400440532013000|gb29nwbk60161331926819|gb82west12345698765432)$/i;
const isDocumented = (value: string) => DOCUMENTED.test(value.replace(/[\s-]/g, '').replace(/\/\d+$/, ''));
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
 * 4242 4242 4242 4242 … in sandbox mode`: a public resolver, or a documented sample address, MAC, IBAN or card
 * number in a sentence that calls it documentation or a test value, is nobody's.
 */
export function notSampleValues(text: string, spans: Span[]): Span[] {
  if (!spans.some((span) => SAMPLE_TYPES.has(span.type))) return spans;
  return spans.filter((span) => {
    if (!SAMPLE_TYPES.has(span.type)) return true;
    const value = text.slice(span.start, span.end);
    if (span.type === 'IP' && PUBLIC_RESOLVERS.has(value)) return false;
    return !isDocumented(value) || !SAMPLE_CUE.test(sentenceOf(text, span));
  });
}
