import { luhnValid, validDate } from './national-id-checks.js';
import { END, type Row } from './national-id-row.js';
import { digitsOf } from './util.js';

const weighted = (digits: string, weights: readonly number[]) =>
  weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);

/**
 * Estonia's isikukood and Lithuania's asmens kodas (GYYMMDDSSSC): the first digit gives sex and
 * century, then the birth date; check = sum with weights 1–9,1 mod 11, and if that is 10 with weights
 * 3–9,1–3, and if that is 10 too, 0.
 */
export function balticIdValid(digits: string): boolean {
  if (!/^[1-6]\d{10}$/.test(digits) || !validDate(digits.slice(1, 7))) return false;
  let check = weighted(digits, [1, 2, 3, 4, 5, 6, 7, 8, 9, 1]) % 11;
  if (check === 10) check = weighted(digits, [3, 4, 5, 6, 7, 8, 9, 1, 2, 3]) % 11;
  return (check === 10 ? 0 : check) === Number(digits[10]);
}

/**
 * Kazakhstan's ИИН/ЖСН (YYMMDD, a century-and-sex digit, serial, check): weights 1–11 mod 11, and if
 * that is 10 weights 3–11,1,2; a second 10 is never issued.
 */
export function kazakhIinValid(digits: string): boolean {
  if (!/^\d{6}[0-6]\d{5}$/.test(digits) || !validDate(digits)) return false;
  let check = weighted(digits, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) % 11;
  if (check === 10) check = weighted(digits, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]) % 11;
  return check !== 10 && check === Number(digits[11]);
}

/** Bulgaria's ЕГН (YYMMDD, month +20 before 1900, +40 from 2000; weights 2 4 8 5 10 9 7 3 6 mod 11, 10 gives 0). */
export function egnValid(digits: string): boolean {
  const month = String(Number(digits.slice(2, 4)) % 20).padStart(2, '0');
  if (!/^\d{10}$/.test(digits) || !validDate(`00${month}${digits.slice(4, 6)}`)) return false;
  return (weighted(digits, [2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11) % 10 === Number(digits[9]);
}

/** Croatia's OIB: ISO 7064 MOD 11,10 over the first ten digits. */
export function oibValid(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  let product = 10;
  for (let i = 0; i < 10; i++) product = (((Number(digits[i]) + product) % 10 || 10) * 2) % 11;
  return (11 - product) % 10 === Number(digits[10]);
}

/** Australia's TFN: nine digits with weights 1 4 3 7 5 8 6 9 10, a multiple of 11. */
export function tfnValid(digits: string): boolean {
  return /^\d{9}$/.test(digits) && weighted(digits, [1, 4, 3, 7, 5, 8, 6, 9, 10]) % 11 === 0;
}

/**
 * New Zealand's IRD number (8 or 9 digits): the first eight (padded with a 0) weighted 3 2 7 6 5 4 3 2;
 * eleven minus the remainder (0 stays 0); a 10 takes the second weights 7 4 3 2 5 2 7 6, and a second 10 is never issued.
 */
export function irdValid(digits: string): boolean {
  if (!/^\d{8,9}$/.test(digits)) return false;
  const padded = digits.padStart(9, '0');
  const check = (weights: number[]) => {
    const remainder = weighted(padded, weights) % 11;
    return remainder === 0 ? 0 : 11 - remainder;
  };
  let expected = check([3, 2, 7, 6, 5, 4, 3, 2]);
  if (expected === 10) expected = check([7, 4, 3, 2, 5, 2, 7, 6]);
  return expected !== 10 && expected === Number(padded[8]);
}

/** Israel's teudat zehut: nine digits (shorter ones padded with 0s), the Luhn check. */
export const israeliIdValid = (digits: string) =>
  /^\d{5,9}$/.test(digits) && luhnValid(digits.padStart(9, '0'));

/**
 * Germany's health insurance number (Krankenversichertennummer, `M482159374`): the letter as two digits
 * (A = 01) and the next eight digits, weights 1 2 1 2 …, digit sums of the products, the last digit of the sum.
 */
export function kvnrValid(value: string): boolean {
  if (!/^[A-Z]\d{9}$/.test(value)) return false;
  const digits = String(value.charCodeAt(0) - 64).padStart(2, '0') + value.slice(1, 9);
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const product = Number(digits[i]) * (i % 2 === 0 ? 1 : 2);
    sum += product > 9 ? product - 9 : product;
  }
  return sum % 10 === Number(value[9]);
}

const line = (label: string, flags = 'iu') => new RegExp(label, flags);

/**
 * National identity numbers added in round 10: the Baltic and Balkan numbers, Kazakhstan, Australia and
 * New Zealand, Israel, the German health insurance number. After its label any of them is taken (a typo is
 * still the number); a plain run of digits with only a check digit (one number in ten or eleven passes) is
 * taken without a label of its own only with its check and its country's label earlier on the line, as in
 * a list (`SIN for A: 780 510 418; for B: 210 407 326`).
 */
export const BALTIC_BALKAN_PACIFIC_IDS: Row[] = [
  {
    country: 'Estonia isikukood and Lithuania asmens kodas (sex and century, birth date, two-pass mod 11)',
    pattern: new RegExp(String.raw`[1-6]\d{10}${END}`, 'y'),
    example: '49006175898',
    valid: (value) => balticIdValid(value),
    plain: true,
    cues: ['isikukood', 'asmens kodas', 'personas kods'],
  },
  {
    country: 'Canada SIN in spaced threes (Luhn)',
    pattern: new RegExp(String.raw`[1-79]\d{2} \d{3} \d{3}${END}`, 'y'),
    example: '210 407 326',
    valid: (value) => luhnValid(digitsOf(value)),
    plain: true,
    near: line(String.raw`\bSIN\b|\bNAS\b|[Ss]ocial [Ii]nsurance`, 'u'),
    cues: [],
  },
  {
    country: 'Australia TFN (weighted mod 11)',
    pattern: new RegExp(String.raw`\d{3} ?\d{3} ?\d{3}${END}`, 'y'),
    example: '192 441 898',
    valid: (value) => tfnValid(digitsOf(value)),
    plain: true,
    near: line(String.raw`\btfn\b|tax file number`),
    cues: ['tax file number'],
  },
  {
    country: 'New Zealand IRD number (weighted mod 11, second weights)',
    pattern: new RegExp(String.raw`\d{2,3}-?\d{3}-?\d{3}${END}`, 'y'),
    example: '049-091-850',
    valid: (value) => irdValid(digitsOf(value)),
    plain: true,
    near: line(String.raw`\bird\b`),
    cues: ['ird(?: number| no\\.?)?'],
  },
  {
    country: 'Bulgaria ЕГН (birth date, weighted mod 11)',
    pattern: new RegExp(String.raw`\d{10}${END}`, 'y'),
    example: '8105041280',
    valid: egnValid,
    plain: true,
    near: line(String.raw`егн|\begn\b`),
    cues: ['егн', 'egn'],
  },
  {
    country: 'Croatia OIB (ISO 7064 MOD 11,10)',
    pattern: new RegExp(String.raw`\d{11}${END}`, 'y'),
    example: '18457134152',
    valid: oibValid,
    plain: true,
    near: line(String.raw`\boib\b`),
    cues: ['oib'],
  },
  {
    country: 'Kazakhstan ИИН/ЖСН (birth date, two-pass mod 11)',
    pattern: new RegExp(String.raw`\d{12}${END}`, 'y'),
    example: '950930451504',
    valid: kazakhIinValid,
    plain: true,
    near: line(String.raw`иин|жсн|\biin\b`),
    cues: ['иин', 'жсн', 'iin'],
  },
  {
    country: 'Israel teudat zehut (Luhn), the Hebrew label with its article',
    pattern: new RegExp(String.raw`\d{9}${END}`, 'y'),
    example: '915854616',
    valid: israeliIdValid,
    plain: true,
    near: line(String.raw`תעודת|ת"ז|ת״ז|ת\.ז|זהות|zehut`),
    // `ת.ז.` and `ת״ז` (with the gershayim) as often as `ת"ז`.
    cues: ['תעודת הזהות', 'ת"ז', 'ת״ז', 'ת\\.ז\\.?', 'מספר (?:ה)?זהות'],
  },
  {
    country: 'Germany health insurance number (letter and nine digits, check digit)',
    pattern: new RegExp(String.raw`[A-Z]\d{9}${END}`, 'y'),
    example: 'M482159374',
    valid: kvnrValid,
    near: line(String.raw`versicherten|\bkvnr\b`),
    cues: ['versicherten-?(?:nr|nummer)', 'krankenversichertennummer', 'kvnr'],
  },
  { country: 'Denmark CPR, inflected', cues: ['cpr-?nummer(?:et)?'] },
];
