import type { Span } from '../types.js';
import { luhnValid } from './national-id-checks.js';
import { labelledAsId } from './national-id.js';
import { before, digitsOf, matchSpans } from './util.js';

export { luhnValid } from './national-id-checks.js';

const CANDIDATE = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])/g;

/**
 * Issuer prefixes: Diners (30, 36, 38, 39), Amex (34, 37), JCB (35), Visa (4), Maestro and
 * Mastercard (50–59, 2221–2720), Mir (2200–2204), Discover, UnionPay, RuPay (6), Troy (9792).
 */
const ISSUER = /^(?:3|4|5|2[2-7]|6|9792)/;
/**
 * One run, or grouped as cards print them: fours (`4111 1111 1111 1111`), 4-6-5 and 4-6-4 (Amex, Diners),
 * 4-3-3-3 (an old 13-digit Visa, `4529 596 909 071`), or digit by digit as read out (`4 5 7 7 …`).
 */
const GROUPED =
  /^(?:\d+|\d(?: \d){12,18}|\d{4}([ -])\d{4}\1\d{4}\1\d{1,4}(?:\1\d{1,3})?|\d{4}([ -])\d{6}\2\d{4,5}|\d{4}([ -])\d{3}\3\d{3}\3\d{3})$/;
/** Words that say a number is a card's, in the text just before it. */
const CARD_CUE =
  /(?:card|visa|mastercard|amex|american express|jcb|diners|discover|unionpay|maestro|rupay|verve|credit|debit|tarjeta|carte|karte?|kort|cartão|carta|カード|卡|카드)[^\n]{0,24}$/i;

const BARCODE_CUE = /\b(?:ean|upc|gtin|isbn|barcode|sku)(?:-?13)?[\s:#]*$/i;

/**
 * Card numbers: 13–19 digits with a valid Luhn check digit, on an issuer's prefix anywhere, or
 * on any prefix after a card word (`card`, `JCB`, `tarjeta`); not right after an identity-number label.
 */
export function detectCards(text: string): Span[] {
  return matchSpans(text, CANDIDATE, 'CARD', (m) => {
    const digits = digitsOf(m[0]);
    if (digits.length < 13 || digits.length > 19 || !GROUPED.test(m[0]) || !luhnValid(digits)) return false;
    const window = before(text, m.index, 40);
    if (CARD_CUE.test(window)) return true;
    // `EAN 5901234123457`, `ISBN 978…`: a product's barcode number.
    if (BARCODE_CUE.test(window)) return false;
    // `NIK KTP: 3174…`: after an identity-number label a number is that one, even when Luhn agrees.
    return ISSUER.test(digits) && !labelledAsId(text, m.index);
  });
}
