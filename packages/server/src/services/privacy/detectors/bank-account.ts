import type { Span } from '../types.js';
import { lineAround } from './util.js';

/**
 * What makes an account a bank's: its code (sort code, routing, BSB, IFSC, …), the word bank in a language, or money
 * paid into it (`salary`, `paid into`, `pay to`, `transfer`, `tithes`, `haberes`; not a company's `credited £15 to account …`), a
 * bank's name ending in the word (`gtbank`, `Vietcombank`), or its initials right after the account word (`Akaunti CRDB`).
 */
const BANK_LINE =
  /\b(?:sort[ -]?code|routing(?: number| no\.?)?|aba|bsb|ifsc|blz|bankleitzahl|transit(?: number| no\.?)?|branch code|takkode|clabe|agência|agencia|bank|banco|banque|salary|payroll|paid into|pay to|wire|transfer|deposit|remit\w*|tithes?|offerings?|donat\w*|mshahara|gaji|chuyển khoản|chuyen khoan|cbu|cvu|ahorros|haberes|n[óo]mina)\b|\Bbank\b|банк|בנק|بنك|銀行|银行|은행|ngân hàng|tài khoản|帳號|账号|계좌|rekening|बैंक|ব্যাংক|ባንክ|ธนาคาร/i;
/** `Akaunti CRDB: …`, `Rek. BCA 2840193756`: capitals right after the account word name its bank. */
const BANK_CAPITALS = /^\S+\s(?!ID\b|NO\b|NR\b|PIN\b|REF\b|IBAN\b)[A-Z]{2,5}\b/;
/**
 * `account 73849216`, `acct no. 000123458871`, `A/c 38472910563`, `akaun Maybank 5141 8273 6021`, `rekening BRI no.
 * 0318-01-004827-53-2`, `akaunti ya NMB namba 22810041827`, `số tài khoản 0071004182736`, `stk 0071000823416`, `mi clabe
 * 012180004471829368`, `CBU 0720482573160491527380`, `счёт 40817810…`, `普通 4827316`, `계좌 국민은행 482701-04-316091`,
 * `חשבון 441728/61`, `खाता: 30482915736`, `BDO savings 0012 3456 7890`: the account word, up to three words naming the bank, a number word, then six to twenty-two digits.
 */
const ACCOUNT =
  /(?<![A-Za-zÀ-ÿ])(?:account|acct\.?|acc\.?|a\/c|clabe|cbu|cvu|stk|akaun|akaunti|rekening(?:nommer)?|rekeningnummer|rek\.?|ahorros|deposit to|kontonummer|konto|compte|cuenta|conta|số tài khoản|tài khoản|сч[её]т|帳號|账号|普通(?:預金)?|当座|계좌(?:번호)?|חשבון|खाता(?:\s(?:नंबर|संख्या))?|হিসাব|ሂሳብ|บัญชี|帳戶|账户|savings)(?:\s(?:ya\s)?(?!BSB|IFSC|ABA|BIC|SWIFT|BLZ|sort|routing|transit)[^\s\d:=：][^\s:=：]*){0,3}?(?:\s?(?:number|no\.?|nr\.?|#|namba|nomor|số|번호))?\s?[:=：]?\s?(\d(?:[ \-/]?\d){5,21})(?![\w-])/gi;

/**
 * Domestic bank account numbers (`sort code 20-04-15, account 73849216`, `salary will be credited to DBS account
 * 027-918442-1`, `rekening BRI no. 0318-01-004827-53-2`): read only on a line that says the account is a bank's, so a
 * customer or order account elsewhere stays. Labelled as IBAN: the same finding in its domestic form.
 */
export function detectBankAccounts(text: string): Span[] {
  const spans: Span[] = [];
  if (!BANK_LINE.test(text) && !/[A-Z]{2}/.test(text)) return spans;
  ACCOUNT.lastIndex = 0;
  for (let m = ACCOUNT.exec(text); m; m = ACCOUNT.exec(text)) {
    const digits = m[1] ?? '';
    const start = m.index + m[0].length - digits.length;
    const named = BANK_CAPITALS.test(text.slice(m.index, start));
    if (!named && !BANK_LINE.test(text.slice(...lineAround(text, m.index)))) continue;
    spans.push({ start, end: start + digits.length, type: 'IBAN' });
  }
  return spans;
}
