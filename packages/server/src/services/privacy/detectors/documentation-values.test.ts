import { describe, expect, it } from 'vitest';
import { notSampleValues } from './documentation-values.js';
import { detectCards } from './card.js';
import { detectIbans } from './iban.js';
import { detectIps, detectMacs } from './network.js';

const kept = (text: string) =>
  notSampleValues(text, [
    ...detectIps(text),
    ...detectMacs(text),
    ...detectIbans(text),
    ...detectCards(text),
  ]).map((span) => text.slice(span.start, span.end));

describe('documentation and test values', () => {
  it('drops public resolvers anywhere', () => {
    expect(kept('The public resolver is 8.8.8.8 and the fallback is 1.1.1.1; laptop at 10.0.4.17.')).toEqual([
      '10.0.4.17',
    ]);
  });

  it('drops addresses, MACs, IBANs and cards in a sentence that calls them documentation or test values', () => {
    expect(kept('Use 192.0.2.10 and 2001:db8::42 in the documentation examples.')).toEqual([]);
    expect(kept('The range reserved for documentation is 00:00:5E:00:53:01.')).toEqual([]);
    expect(kept('Stripe test card 4242 4242 4242 4242 works in sandbox mode only.')).toEqual([]);
  });

  it('keeps a real value in a sentence that says documentation or sandbox', () => {
    expect(
      kept('My own card 4539 1488 0343 6467 works in sandbox mode too, says the documentation.'),
    ).toEqual(['4539 1488 0343 6467']);
    expect(kept('Test mode payout to DE44 5001 0517 5407 3249 31 per the documentation.')).toEqual([
      'DE44 5001 0517 5407 3249 31',
    ]);
  });

  it('keeps the same values in any other sentence', () => {
    expect(kept('Blocked 192.0.2.10 after the brute force. See the documentation.')).toEqual(['192.0.2.10']);
    expect(kept('Refund to DE89 3704 0044 0532 0130 00, card 4242 4242 4242 4242.')).toEqual([
      'DE89 3704 0044 0532 0130 00',
      '4242 4242 4242 4242',
    ]);
  });
});
