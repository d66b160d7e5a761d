import type { Span } from '../types.js';
import { lineAround } from './util.js';

/** A domestic bank's own code: the account number beside it is the person's. */
const BANK_CODE =
  /\b(?:sort[ -]?code|routing(?: number| no\.?)?|aba|bsb|ifsc|blz|bankleitzahl|transit(?: number| no\.?)?|branch code|clabe|agência|agencia)\b/i;
/** `account 73849216`, `acct no. 000123458871`, `A/c 38472910563`, `Kontonummer 1234567`. */
const ACCOUNT =
  /(?<![\p{L}])(?:(?:checking|savings|current|bank)\s)?(?:account|acct\.?|a\/c|acc\.?|kontonummer|konto|compte|cuenta|conta)(?:\s?(?:number|no\.?|nr\.?|#))?\s?[:=]?\s?(\d(?:[ -]?\d){5,16})(?![\w-])/giu;

/**
 * Domestic bank account numbers (`sort code 20-04-15, account 73849216`, `Routing 021000021, checking account
 * 4829103756`, `BSB 062-000, account 1048 2297`, `IFSC SBIN0001234, A/c 38472910563`): read only on a line that
 * also names the bank's code, so a customer or order account elsewhere stays. Labelled as IBAN: the same
 * finding in its domestic form.
 */
export function detectBankAccounts(text: string): Span[] {
  const spans: Span[] = [];
  if (!BANK_CODE.test(text)) return spans;
  ACCOUNT.lastIndex = 0;
  for (let m = ACCOUNT.exec(text); m; m = ACCOUNT.exec(text)) {
    const digits = m[1] ?? '';
    const [from, to] = lineAround(text, m.index);
    if (!BANK_CODE.test(text.slice(from, to))) continue;
    const start = m.index + m[0].length - digits.length;
    spans.push({ start, end: start + digits.length, type: 'IBAN' });
  }
  return spans;
}
