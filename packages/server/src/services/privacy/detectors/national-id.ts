import type { Span } from '../types.js';
import { luhnValid } from './card.js';
import { digitsOf } from './util.js';

/**
 * National identity numbers, reported as `SSN` (the one identity-number type tokens have).
 * Formats distinctive enough on their own are found anywhere, with their check digit where
 * they have one; the rest (plain runs of digits) only after their label.
 */

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** Aadhaar's check digit (Verhoeff). */
export function verhoeffValid(digits: string): boolean {
  let c = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[digits.length - 1 - i]);
    c = VERHOEFF_D[c]?.[VERHOEFF_P[i % 8]?.[digit] ?? 0] ?? 0;
  }
  return c === 0;
}

function chineseIdValid(id: string): boolean {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (weights[i] ?? 0);
  return '10X98765432'[sum % 11] === id[17]?.toUpperCase();
}

function cpfValid(digits: string): boolean {
  if (/^(\d)\1{10}$/.test(digits)) return false;
  const check = (length: number) => {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += Number(digits[i]) * (length + 1 - i);
    return ((sum * 10) % 11) % 10;
  };
  return check(9) === Number(digits[9]) && check(10) === Number(digits[10]);
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
function dniValid(value: string): boolean {
  const compact = value.replace(/-/g, '').toUpperCase();
  const number = compact.slice(0, -1).replace(/^X/, '0').replace(/^Y/, '1').replace(/^Z/, '2');
  return DNI_LETTERS[Number(number) % 23] === compact.at(-1);
}

function nirValid(digits: string): boolean {
  const body = BigInt(digits.slice(0, 13));
  return 97n - (body % 97n) === BigInt(digits.slice(13));
}

function cnpValid(digits: string): boolean {
  const weights = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9];
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (weights[i] ?? 0);
  const check = sum % 11 === 10 ? 1 : sum % 11;
  return check === Number(digits[12]);
}

function koreanRrnValid(digits: string): boolean {
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (weights[i] ?? 0);
  return (11 - (sum % 11)) % 10 === Number(digits[12]);
}

const validDate = (yymmdd: string) => {
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
};

interface Format {
  pattern: RegExp;
  /** A value of this format (checked by national-id.test.ts). */
  example: string;
  valid?: (value: string) => boolean;
}

const FORMATS: Format[] = [
  // UK National Insurance number: QQ 12 34 56 C (prefixes that are never issued excluded).
  {
    pattern:
      /(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\w-])/y,
    example: 'AB 12 34 56 C',
  },
  // India PAN: ABCPK1234F (the fourth letter says who holds it).
  { pattern: /[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z](?![\w-])/y, example: 'ABCPK1234F' },
  // India Aadhaar: 12 digits in groups of four, Verhoeff check.
  {
    pattern: /[2-9]\d{3}[ -]\d{4}[ -]\d{4}(?![\w-])/y,
    example: '4967 1234 5673',
    valid: (value) => verhoeffValid(digitsOf(value)),
  },
  // Italy codice fiscale: RSSMRA85T10A562S.
  { pattern: /[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z](?![\w-])/y, example: 'RSSMRA85T10A562S' },
  // Spain DNI 12345678Z and NIE X1234567L, mod-23 letter.
  { pattern: /\d{8}-?[A-Z](?![\w-])/y, example: '12345678Z', valid: dniValid },
  { pattern: /[XYZ]-?\d{7}-?[A-Z](?![\w-])/y, example: 'X1234567L', valid: dniValid },
  // China resident identity card: 17 digits and a check character, with a birth date inside.
  {
    pattern: /\d{6}(?:19|20)\d{9}[\dXx](?![\w-])/y,
    example: '11010519491231002X',
    valid: (value) => chineseIdValid(value) && validDate(value.slice(8, 14)),
  },
  // Brazil CPF: 123.456.789-09.
  {
    pattern: /\d{3}\.\d{3}\.\d{3}-\d{2}(?![\w-])/y,
    example: '529.982.247-25',
    valid: (value) => cpfValid(digitsOf(value)),
  },
  // Sweden personnummer (YYMMDD-NNNN, Luhn) and Korea resident registration number (YYMMDD-NNNNNNN).
  {
    pattern: /(?:19|20)?\d{6}[-+]\d{4}(?![\w-])/y,
    example: '850709-9805',
    valid: (value) => validDate(digitsOf(value).slice(-10)) && luhnValid(digitsOf(value).slice(-10)),
  },
  {
    pattern: /\d{6}-[1-8]\d{6}(?![\w-])/y,
    example: '900101-1234568',
    valid: (value) => validDate(value) && koreanRrnValid(digitsOf(value)),
  },
  // France NIR: 1 84 12 76 451 089 46, key = 97 - (number mod 97).
  {
    pattern: /[12] ?\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\d) ?\d{2} ?\d{3} ?\d{3} ?\d{2}(?![\w-])/y,
    example: '1 84 12 76 451 089 46',
    valid: (value) => nirValid(digitsOf(value)),
  },
  // South Africa: YYMMDD SSSS C A Z, Luhn.
  {
    pattern: /\d{6}\d{4}[01]\d{2}(?![\w-])/y,
    example: '8801015009080',
    valid: (value) => validDate(value) && luhnValid(value),
  },
  // Romania CNP: sex/century digit, YYMMDD, county, serial, check digit.
  {
    pattern: /[1-8]\d{12}(?![\w-])/y,
    example: '2900412409263',
    valid: (value) => validDate(value.slice(1, 7)) && cnpValid(value),
  },
  // Pakistan CNIC 35202-1234567-1, Philippines SSS 34-1234567-8.
  { pattern: /\d{5}-\d{7}-\d(?![\w-])/y, example: '35202-1234567-1' },
  { pattern: /\d{2}-\d{7}-\d(?![\w-])/y, example: '34-1234567-8' },
  // Ghana Card, Mexico CURP, Singapore NRIC, UAE Emirates ID, Uganda NIN.
  { pattern: /GHA-\d{9}-\d(?![\w-])/y, example: 'GHA-123456789-0' },
  { pattern: /[A-Z]{4}\d{6}[HM][A-Z]{5}[A-Z\d]\d(?![\w-])/y, example: 'GOMJ850101HDFRRN09' },
  { pattern: /[STFGM]\d{7}[A-Z](?![\w-])/y, example: 'S1234567D' },
  { pattern: /784-?(?:19|20)\d\d-?\d{7}-?\d(?![\w-])/y, example: '784-1985-1234567-1' },
  { pattern: /C[MF][A-Z\d]{12}(?![\w-])/y, example: 'CM12345678ABCD' },
];

/** Labels that make a plain number an identity number; matched against the text just before it. */
const LABEL_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:national (?:id(?:entity|entification)?|insurance)(?: card)?|id(?:entity)? (?:card|number|no\.?)|ni number|nino|nin|bvn|aadhaa?r|pan(?: card)?|sin|social insurance|tin|tfn|bsn|burgerservicenummer|dni|nie|nif|cpf|curp|rg|codice fiscale|personnummer|personnr|fødselsnummer|fodselsnummer|f\.nr\.?|cpr(?:-?(?:nr|nummer))?|henkilötunnus|pesel|nir|sécurité sociale|steuer-?id|steuer-?identifikationsnummer|personalausweis(?:nummer)?|my ?number|マイナンバー|rrn|주민등록번호|身份证(?:号码?)?|emirates id|ghana card|huduma(?: number)?|kra pin|nric|mykad|hkid|passport|passeport|pasaporte|reisepass|nhs(?: number)?|medicare(?: number)?|south african id|ssn|social security|cnic|nicop|sss|umid|philhealth|nid|nic|ktp|nik|ci|cédula|cedula|dpi|rut|run|cnp|pps(?: number)?|ppsn|sa id|rsa id|id no\.?)[^\p{L}\p{N}\n]{0,3}(?:(?:number|numero|número|nummer|no|nr|n°|#|is|of)\.?[^\p{L}\p{N}\n]{0,3}){0,2}$`,
  'iu',
);
/** A letters-and-digits group (spaces, dots, dashes or slashes inside) starting at a word start. */
const VALUE = /[A-Z\d](?:[A-Z\d]|[ .\-/](?=[A-Z\d])){4,22}(?![\w-])/y;
/** Where an identity number could start: a capital or digit at a word start, more such characters after it. */
const START = /\b[A-Z\d](?=[A-Z\d .\-/]{4})/g;

/** One value of every distinctive format (for the tests). */
export const FORMAT_EXAMPLES: readonly string[] = FORMATS.map((format) => format.example);

/** Each format starts with a digit or with a capital: only the fitting ones are tried at a word start. */
const startsWithDigit = (format: Format) => /^\d/.test(format.example);
const DIGIT_FIRST = FORMATS.filter(startsWithDigit);
const LETTER_FIRST = FORMATS.filter((format) => !startsWithDigit(format));

function formatAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  const formats = code >= 48 && code <= 57 ? DIGIT_FIRST : LETTER_FIRST;
  for (const { pattern, valid } of formats) {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (m && (!valid || valid(m[0]))) return at + m[0].length;
  }
  return -1;
}

/** `XXXX XXXX 1234`: a masked number still names its holder's last digits; taken after a label only. */
const MASKED = /[Xx*•]{4}[ -]?[Xx*•]{4}[ -]?\d{4}(?![\w-])/y;

function labelledAt(text: string, at: number): number {
  MASKED.lastIndex = at;
  const masked = MASKED.exec(text)?.[0];
  VALUE.lastIndex = at;
  const value = masked ?? VALUE.exec(text)?.[0];
  if (!value || (!masked && digitsOf(value).length < 5)) return -1;
  // `expires 2031-06-30`: a date after an ID label is the card's date, not its number.
  if (/^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/.test(value)) return -1;
  // Spaced groups must look like one number (`943 476 5919`), not a number and a word.
  if (/\s/.test(value) && !/^[\dA-Z]{1,6}(?:[ .\-/][\dA-Z]{1,6})+$/.test(value)) return -1;
  const window = text.slice(Math.max(0, at - 48), at);
  // Most windows hold no label at all; a cheap look for letters spares the long pattern.
  return /\p{L}{2}/u.test(window) && LABEL_BEFORE.test(window) ? at + value.length : -1;
}

/** Identity numbers of many countries: distinctive formats anywhere, plain digits after a label. */
export function detectNationalIds(text: string): Span[] {
  const spans: Span[] = [];
  START.lastIndex = 0;
  for (let m = START.exec(text); m; m = START.exec(text)) {
    if (text[m.index - 1] === '-') continue;
    let end = formatAt(text, m.index);
    if (end < 0) end = labelledAt(text, m.index);
    if (end < 0) continue;
    spans.push({ start: m.index, end, type: 'SSN' });
    START.lastIndex = end;
  }
  return spans;
}
