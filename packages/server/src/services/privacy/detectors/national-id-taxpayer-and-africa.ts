import { validDate } from './national-id-checks.js';
import { END, type Row } from './national-id-row.js';

const line = (label: string, flags = 'iu') => new RegExp(label, flags);
const weighted = (digits: string, weights: readonly number[]) =>
  weights.reduce((sum, weight, i) => sum + weight * Number(digits[i]), 0);

/** Russia's INN of a person (12 digits): two check digits, each a weighted sum mod 11, then mod 10. */
export function russianInnValid(digits: string): boolean {
  if (!/^\d{12}$/.test(digits)) return false;
  const first = (weighted(digits, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
  const second = (weighted(digits, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10;
  return first === Number(digits[10]) && second === Number(digits[11]);
}

/** Ukraine's RNOKPP (taxpayer number, 10 digits): weights −1 5 7 9 4 6 10 5 7, mod 11, then mod 10. */
export function ukrainianTaxNumberValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = weighted(digits, [-1, 5, 7, 9, 4, 6, 10, 5, 7]);
  return (((sum % 11) + 11) % 11) % 10 === Number(digits[9]);
}

/** Egypt's national number: century (2 = 1900s, 3 = 2000s), the birth date, a governorate code, serial, check. */
const EGYPT_GOVERNORATES = new Set([
  '01',
  '02',
  '03',
  '04',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '21',
  '22',
  '23',
  '24',
  '25',
  '26',
  '27',
  '28',
  '29',
  '31',
  '32',
  '33',
  '34',
  '35',
  '88',
]);
export const egyptianIdValid = (digits: string) =>
  /^[23]\d{13}$/.test(digits) && validDate(digits.slice(1, 7)) && EGYPT_GOVERNORATES.has(digits.slice(7, 9));

/**
 * National identity numbers added in round 14: Russia's INN and Ukraine's taxpayer number with their checks,
 * Egypt's national number by its date and governorate, Nigeria's NIN later on its label's line, and the labels of Kenya's, Bangladesh's and Nepal's identity documents.
 */
export const TAXPAYER_AND_AFRICAN_IDS: Row[] = [
  {
    country: 'Russia INN of a person (two check digits)',
    pattern: new RegExp(String.raw`\d{12}${END}`, 'y'),
    example: '770515474559',
    valid: russianInnValid,
    plain: true,
    near: line(String.raw`(?<![\p{L}])(?:ИНН|INN)(?![\p{L}])`, 'u'),
    cues: [],
  },
  {
    country: 'Ukraine RNOKPP, the taxpayer number (check digit)',
    pattern: new RegExp(String.raw`\d{10}${END}`, 'y'),
    example: '3184509175',
    valid: ukrainianTaxNumberValid,
    plain: true,
    near: line(String.raw`taxpayer|РНОКПП|ІПН|ідентифікаційний код|податков`),
    cues: [],
  },
  {
    country: 'Egypt national number (century, birth date, governorate)',
    pattern: new RegExp(String.raw`[23]\d{13}${END}`, 'y'),
    example: '29005140134475',
    valid: egyptianIdValid,
    plain: true,
    near: line('الرقم القومي|رقم قومي|الرقم القومى|national (?:id|number)'),
    cues: [],
  },
  {
    country: 'Nigeria NIN later on the line of its acronym',
    pattern: new RegExp(String.raw`\d{11}${END}`, 'y'),
    example: '80555838927',
    plain: true,
    near: line(String.raw`(?<![\p{L}])NIN(?![\p{L}])`, 'u'),
    cues: [],
  },
  { country: 'Kenya national ID (Swahili label)', cues: ['kitambulisho(?: (?:cha|namba|no\\.?))?'] },
  { country: 'Bangladesh NID (Bengali label, abbreviated)', cues: ['জাতীয় পরিচয়পত্র নং'] },
  { country: 'Nepal citizenship certificate (Nepali label)', cues: ['नागरिकता नं\\.?', 'नागरिकता नम्बर'] },
];
