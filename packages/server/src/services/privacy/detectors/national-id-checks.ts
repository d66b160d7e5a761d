/** Check digits and letters of national identity numbers (national-id.ts says where each applies). */

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

/** The Luhn check digit of card numbers and of several identity numbers (Sweden, South Africa, Canada). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Belgium's national number: 97 minus the first nine digits mod 97 (with a 2 before them from 2000 on). */
export function belgianValid(digits: string): boolean {
  const check = Number(digits.slice(9));
  const body = Number(digits.slice(0, 9));
  return 97 - (body % 97) === check || 97 - ((2_000_000_000 + body) % 97) === check;
}

/** Aadhaar's check digit (Verhoeff). */
export function verhoeffValid(digits: string): boolean {
  let c = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[digits.length - 1 - i]);
    c = VERHOEFF_D[c]?.[VERHOEFF_P[i % 8]?.[digit] ?? 0] ?? 0;
  }
  return c === 0;
}

/** Japan's My Number: the twelfth digit checks the first eleven (weights 2–7, then 2–6, mod 11). */
export function myNumberValid(digits: string): boolean {
  if (digits.length !== 12) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += Number(digits[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  const remainder = sum % 11;
  return Number(digits[11]) === (remainder <= 1 ? 0 : 11 - remainder);
}

export function chineseIdValid(id: string): boolean {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (weights[i] ?? 0);
  return '10X98765432'[sum % 11] === id[17]?.toUpperCase();
}

export function cpfValid(digits: string): boolean {
  if (/^(\d)\1{10}$/.test(digits)) return false;
  const check = (length: number) => {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += Number(digits[i]) * (length + 1 - i);
    return ((sum * 10) % 11) % 10;
  };
  return check(9) === Number(digits[9]) && check(10) === Number(digits[10]);
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
export function dniValid(value: string): boolean {
  const compact = value.replace(/-/g, '').toUpperCase();
  const number = compact.slice(0, -1).replace(/^X/, '0').replace(/^Y/, '1').replace(/^Z/, '2');
  return DNI_LETTERS[Number(number) % 23] === compact.at(-1);
}

export function nirValid(digits: string): boolean {
  const body = BigInt(digits.slice(0, 13));
  return 97n - (body % 97n) === BigInt(digits.slice(13));
}

export function cnpValid(digits: string): boolean {
  const weights = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9];
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (weights[i] ?? 0);
  const check = sum % 11 === 10 ? 1 : sum % 11;
  return check === Number(digits[12]);
}

export function koreanRrnValid(digits: string): boolean {
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (weights[i] ?? 0);
  return (11 - (sum % 11)) % 10 === Number(digits[12]);
}

export const validDate = (yymmdd: string) => {
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
};

const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
/** Italian codice fiscale: the last letter checks the fifteen characters before it. */
export function codiceFiscaleValid(value: string): boolean {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const code = value.charCodeAt(i);
    const index = code <= 57 ? code - 48 : code - 65;
    sum += i % 2 === 0 ? (CF_ODD[index] ?? 0) : index;
  }
  return String.fromCharCode(65 + (sum % 26)) === value[15];
}

/** Singapore NRIC and FIN: weighted digits, an offset by series, a check letter from the series' table. */
export function nricValid(value: string): boolean {
  const weights = [2, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(value[i + 1]) * (weights[i] ?? 0);
  const prefix = value[0];
  if (prefix === 'T' || prefix === 'G') sum += 4;
  if (prefix === 'M') sum += 3;
  const table =
    prefix === 'S' || prefix === 'T' ? 'JZIHGFEDCBA' : prefix === 'M' ? 'KLJNPQRTUWX' : 'XWUTRQPNMLK';
  return table[sum % 11] === value[8];
}

/** Turkey's T.C. kimlik numarası: eleven digits, never starting with 0, the last two checking the rest. */
export function turkishIdValid(digits: string): boolean {
  if (digits.length !== 11 || digits[0] === '0') return false;
  const d = [...digits].map(Number);
  const odd = (d[0] ?? 0) + (d[2] ?? 0) + (d[4] ?? 0) + (d[6] ?? 0) + (d[8] ?? 0);
  const even = (d[1] ?? 0) + (d[3] ?? 0) + (d[5] ?? 0) + (d[7] ?? 0);
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  const firstTen = d.slice(0, 10).reduce((sum, digit) => sum + digit, 0);
  return tenth === d[9] && firstTen % 10 === d[10];
}

/** An EAN-13 check digit (the Swiss AHV/AVS number is an EAN-13 starting 756). */
export function ean13Valid(digits: string): boolean {
  if (digits.length !== 13) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === Number(digits[12]);
}

/** Austria's social insurance number: NNN C DDMMYY, the fourth digit a weighted mod-11 check. */
export function austrianSvnrValid(digits: string): boolean {
  if (digits.length !== 10 || digits[0] === '0') return false;
  const weights = [3, 7, 9, 0, 5, 8, 4, 2, 1, 6];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(digits[i]) * (weights[i] ?? 0);
  return sum % 11 === Number(digits[3]) && validDate(`00${digits.slice(6, 8)}${digits.slice(4, 6)}`);
}

/** The Dutch BSN's eleven-test: weights 9 to 2, the last digit weighted -1, a multiple of 11. */
export function bsnValid(digits: string): boolean {
  if (digits.length !== 9) return false;
  let sum = -Number(digits[8]);
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  return sum % 11 === 0 && sum !== 0;
}

/**
 * Ireland's PPS number: seven digits weighted 8 down to 2, a second letter (A–I, W as 0) weighted 9; the sum
 * mod 23 is the check letter (0 is W).
 */
export function ppsnValid(value: string): boolean {
  const m = /^(\d{7})([A-W])([A-IW]?)$/.exec(value);
  if (!m?.[1] || !m[2]) return false;
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(m[1][i]) * (8 - i);
  if (m[3]) sum += m[3] === 'W' ? 0 : 9 * (m[3].charCodeAt(0) - 64);
  const check = sum % 23;
  return m[2] === (check === 0 ? 'W' : String.fromCharCode(64 + check));
}

/** The NHS number's modulus 11: nine digits weighted 10 down to 2; 11 minus the remainder is the tenth (11 is 0, 10 never). */
export function nhsNumberValid(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  if (digits.length !== 10) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(digits[9]);
}

/** Greece's AMKA: the birth date DDMMYY, four digits, a Luhn check digit. */
export const amkaValid = (digits: string) =>
  digits.length === 11 && validDate(`00${digits.slice(2, 4)}${digits.slice(0, 2)}`) && luhnValid(digits);

/** Poland's PESEL: a birth date (the month carries the century), a weighted check digit. */
export function peselValid(digits: string): boolean {
  if (digits.length !== 11) return false;
  const month = Number(digits.slice(2, 4)) % 20;
  const day = Number(digits.slice(4, 6));
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(digits[i]) * (weights[i] ?? 0);
  return (10 - (sum % 10)) % 10 === Number(digits[10]);
}

/** Norway's fødselsnummer: a birth date (a D-number adds 4 to the day's first digit), two mod-11 check digits. */
export function norwegianIdValid(digits: string): boolean {
  if (digits.length !== 11) return false;
  const day = Number(digits.slice(0, 2)) % 40;
  const month = Number(digits.slice(2, 4));
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  const check = (weights: number[]) => {
    let sum = 0;
    for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * (weights[i] ?? 0);
    const k = 11 - (sum % 11);
    return k === 11 ? 0 : k;
  };
  return (
    check([3, 7, 6, 1, 8, 9, 4, 5, 2]) === Number(digits[9]) &&
    check([5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) === Number(digits[10])
  );
}

/** Finland's henkilötunnus: DDMMYY, a century sign, three digits, a check character (mod 31). */
export function finnishIdValid(value: string): boolean {
  const upper = value.toUpperCase();
  const body = upper.slice(0, 6) + upper.slice(7, 10);
  if (!/^\d{9}$/.test(body) || !validDate(`00${upper.slice(2, 4)}${upper.slice(0, 2)}`)) return false;
  return '0123456789ABCDEFHJKLMNPRSTUVWXY'[Number(body) % 31] === upper[10];
}

/**
 * Germany's tax ID (Steuer-ID): ISO 7064 MOD 11,10 check digit, and in the first ten digits one digit
 * twice or three times and every other at most once.
 */
export function steuerIdValid(digits: string): boolean {
  if (digits.length !== 11 || digits[0] === '0') return false;
  const counts = new Map<string, number>();
  for (const digit of digits.slice(0, 10)) counts.set(digit, (counts.get(digit) ?? 0) + 1);
  const repeated = [...counts.values()].filter((count) => count > 1);
  if (repeated.length !== 1 || (repeated[0] ?? 0) > 3) return false;
  let product = 10;
  for (let i = 0; i < 10; i++) {
    const sum = (Number(digits[i]) + product) % 10 || 10;
    product = (sum * 2) % 11;
  }
  return (11 - product) % 10 === Number(digits[10]);
}

/** Portugal's Cartão de Cidadão (`19482199 3 LD6`): letters count 10–35, a Luhn-like check from the right. */
export function cartaoCidadaoValid(value: string): boolean {
  const chars = value.replace(/\s/g, '').toUpperCase();
  if (chars.length !== 12) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    let digit = parseInt(chars[11 - i] ?? '', 36);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Argentina's CUIL and CUIT: weights 5 4 3 2 7 6 5 4 3 2, eleven minus the remainder (11 gives 0). */
export function cuitValid(digits: string): boolean {
  if (digits.length !== 11) return false;
  const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  const check = 11 - (sum % 11);
  return (check === 11 ? 0 : check) === Number(digits[10]);
}

/** Thailand's citizen ID: thirteen digits, weights 13 down to 2, eleven minus the remainder (mod 10). */
export function thaiIdValid(digits: string): boolean {
  if (digits.length !== 13) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(digits[12]);
}

/**
 * Taiwan's national ID (and resident certificate) `A123456789`: the letter's two-digit code (A=10 … with
 * I=34, O=35 out of order), then weights 1, 9, 8, …, 1 over its digits and the nine others, mod 10.
 */
export function taiwanIdValid(value: string): boolean {
  const m = /^([A-Z])([1289]\d{8})$/.exec(value);
  if (!m) return false;
  const code = 'ABCDEFGHJKLMNPQRSTUVXYWZIO'.indexOf(m[1] ?? '') + 10;
  const digits = [Math.floor(code / 10), code % 10, ...[...(m[2] ?? '')].map(Number)];
  const weights = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1];
  return digits.reduce((total, digit, i) => total + digit * (weights[i] ?? 0), 0) % 10 === 0;
}

/** Hong Kong identity card `A123456(3)`: letters 10–35 (a missing second letter 36), weights 9 to 2, mod 11, `A` for 10. */
export function hkidValid(value: string): boolean {
  const m = /^([A-Z]{1,2})(\d{6})\(?([\dA])\)?$/.exec(value);
  if (!m) return false;
  const [, letters = '', digits = '', check = ''] = m;
  const codes = [...letters.padStart(2, ' ')].map((c) => (c === ' ' ? 36 : c.charCodeAt(0) - 55));
  const values = [...codes, ...[...digits].map(Number)];
  const sum = values.reduce((total, v, i) => total + v * (9 - i), 0);
  const expected = (11 - (sum % 11)) % 11;
  return (expected === 10 ? 'A' : String(expected)) === check;
}
