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
  valid?: (value: string) => boolean;
}

const FORMATS: Format[] = [
  // UK National Insurance number: QQ 12 34 56 C (prefixes that are never issued excluded).
  {
    pattern:
      /(?<![\w-])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\w-])/g,
  },
  // India PAN: ABCPK1234F (the fourth letter says who holds it).
  { pattern: /(?<![\w-])[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z](?![\w-])/g },
  // India Aadhaar: 12 digits in groups of four, Verhoeff check.
  {
    pattern: /(?<![\w-])[2-9]\d{3}[ -]\d{4}[ -]\d{4}(?![\w-])/g,
    valid: (value) => verhoeffValid(digitsOf(value)),
  },
  // Italy codice fiscale: RSSMRA85T10A562S.
  { pattern: /(?<![\w-])[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z](?![\w-])/g },
  // Spain DNI 12345678Z and NIE X1234567L, mod-23 letter.
  { pattern: /(?<![\w-])(?:\d{8}|[XYZ]-?\d{7})-?[A-Z](?![\w-])/g, valid: dniValid },
  // China resident identity card: 17 digits and a check character, with a birth date inside.
  {
    pattern: /(?<![\w-])\d{6}(?:19|20)\d{9}[\dXx](?![\w-])/g,
    valid: (value) => chineseIdValid(value) && validDate(value.slice(8, 14)),
  },
  // Brazil CPF: 123.456.789-09.
  { pattern: /(?<![\w.-])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\w-])/g, valid: (value) => cpfValid(digitsOf(value)) },
  // Sweden personnummer (YYMMDD-NNNN, Luhn) and Korea resident registration number (YYMMDD-NNNNNNN).
  {
    pattern: /(?<![\w-])(?:19|20)?\d{6}[-+]\d{4}(?![\w-])/g,
    valid: (value) => validDate(digitsOf(value).slice(-10)) && luhnValid(digitsOf(value).slice(-10)),
  },
  {
    pattern: /(?<![\w-])\d{6}-[1-8]\d{6}(?![\w-])/g,
    valid: (value) => validDate(value) && koreanRrnValid(digitsOf(value)),
  },
  // France NIR: 1 84 12 76 451 089 46, key = 97 - (number mod 97).
  {
    pattern: /(?<![\w-])[12] ?\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\d) ?\d{2} ?\d{3} ?\d{3} ?\d{2}(?![\w-])/g,
    valid: (value) => nirValid(digitsOf(value)),
  },
  // Ghana Card, Mexico CURP, Singapore NRIC, UAE Emirates ID, Uganda NIN.
  { pattern: /(?<![\w-])GHA-\d{9}-\d(?![\w-])/g },
  { pattern: /(?<![\w-])[A-Z]{4}\d{6}[HM][A-Z]{5}[A-Z\d]\d(?![\w-])/g },
  { pattern: /(?<![\w-])[STFGM]\d{7}[A-Z](?![\w-])/g },
  { pattern: /(?<![\w-])784-?(?:19|20)\d\d-?\d{7}-?\d(?![\w-])/g },
  { pattern: /(?<![\w-])C[MF][A-Z\d]{12}(?![\w-])/g },
];

/** Labels after which any letters-and-digits group with enough digits is an identity number. */
const LABEL = new RegExp(
  String.raw`(?<![\p{L}])(?:national (?:id(?:entity|entification)?|insurance)(?: card)?|id(?:entity)? (?:card|number|no\.?)|ni number|nino|nin|bvn|aadhaa?r|pan(?: card)?|sin|social insurance|tin|tfn|bsn|burgerservicenummer|dni|nie|nif|cpf|curp|rg|codice fiscale|personnummer|personnr|fødselsnummer|henkilötunnus|pesel|nir|sécurité sociale|steuer-?id|steuer-?identifikationsnummer|personalausweis(?:nummer)?|my ?number|マイナンバー|rrn|주민등록번호|身份证(?:号码?)?|emirates id|ghana card|huduma(?: number)?|kra pin|nric|mykad|hkid|passport|passeport|pasaporte|reisepass|nhs(?: number)?|medicare(?: number)?|south african id|ssn|social security)(?![\p{L}])`,
  'giu',
);
const LABEL_HINT =
  /id|insurance|nin|bvn|aadha|pan|sin|tin|tfn|bsn|dni|nie|nif|cpf|curp|rg|fiscale|person|fødsel|henkilö|pesel|nir|sociale|steuer|ausweis|number|マイナンバー|rrn|주민|身份证|card|huduma|kra|nric|mykad|passport|passeport|pasaporte|reisepass|nhs|medicare|ssn|social/i;
const VALUE =
  /[^\p{L}\p{N}\n]{0,3}(?:(?:number|numero|número|nummer|no|nr|n°|#|is|of|:)\.?[^\p{L}\p{N}\n]{0,3}){0,2}([A-Z\d](?:[A-Z\d]|[ .\-/](?=[A-Z\d])){4,22})/uy;

function afterLabel(text: string): Span[] {
  if (!LABEL_HINT.test(text)) return [];
  const spans: Span[] = [];
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    VALUE.lastIndex = m.index + m[0].length;
    const found = VALUE.exec(text);
    const value = found?.[1];
    if (!found || !value) continue;
    const digits = digitsOf(value).length;
    // A year or a short count is not an identity number.
    if (digits < 5 || (/\s/.test(value) && !/^[\dA-Z]{1,6}(?:[ .\-/][\dA-Z]{1,6})+$/.test(value))) continue;
    const end = VALUE.lastIndex;
    spans.push({ start: end - value.length, end, type: 'SSN' });
  }
  return spans;
}

/** Identity numbers of many countries: distinctive formats anywhere, plain digits after a label. */
export function detectNationalIds(text: string): Span[] {
  const spans: Span[] = [];
  for (const { pattern, valid } of FORMATS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (!valid || valid(m[0])) spans.push({ start: m.index, end: m.index + m[0].length, type: 'SSN' });
    }
  }
  return [...spans, ...afterLabel(text)];
}
