import { validDate } from './national-id-checks.js';
import { END, type Row } from './national-id-row.js';
import { digitsOf } from './util.js';

/** Iceland's kennitala (DDMMYY-NNNC): weights 3 2 7 6 5 4 3 2, eleven minus the remainder (11 gives 0). */
export function kennitalaValid(digits: string): boolean {
  if (digits.length !== 10 || !validDate(`00${digits.slice(2, 4)}${digits.slice(0, 2)}`)) return false;
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(digits[8]);
}

/** Iran's national code (کد ملی): weights 10 down to 2; a remainder under 2 is the check, else eleven minus it. */
export function iranianCodeValid(digits: string): boolean {
  if (digits.length !== 10 || /^(\d)\1{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const remainder = sum % 11;
  return (remainder < 2 ? remainder : 11 - remainder) === Number(digits[9]);
}

/**
 * National identity numbers added in round 8: the Nordic, Middle Eastern, African and Asian ones
 * written with a birth date or a check digit inside, and the labels people write before the rest.
 */
export const NORDIC_ASIAN_AFRICAN_IDS: Row[] = [
  {
    country: 'Iceland kennitala (birth date, mod-11 check)',
    pattern: new RegExp(String.raw`[0-3]\d[01]\d{3}-\d{4}${END}`, 'y'),
    example: '040396-1879',
    valid: (value) => kennitalaValid(digitsOf(value)),
    plain: true,
    cues: ['kennitala', 'kt\\.'],
  },
  {
    country: 'Iran national code, dashed (mod-11 check)',
    pattern: new RegExp(String.raw`\d{3}-\d{6}-\d${END}`, 'y'),
    example: '510-201920-1',
    valid: (value) => iranianCodeValid(digitsOf(value)),
    cues: ['national code', 'melli code', 'کد ملی', 'کدملی', 'شماره ملی'],
  },
  {
    country: 'Malaysia MyKad (birth date, place of birth, serial)',
    pattern: new RegExp(String.raw`\d{6}-\d{2}-\d{4}${END}`, 'y'),
    example: '880312-10-5527',
    valid: (value) => validDate(value),
    cues: ['k/p', 'no\\.? kp', 'kad pengenalan', 'nric'],
  },
  {
    country: 'Tanzania NIDA (birth date first)',
    pattern: new RegExp(String.raw`(?:19|20)\d{6}-\d{5}-\d{5}-\d{2}${END}`, 'y'),
    example: '19900615-14117-00002-18',
    valid: (value) => validDate(value.slice(2, 8)),
    cues: ['nida(?: number)?'],
  },
  {
    // District, serial, check letter and district of origin: `63-2291047 F 42`, `63-123456-F-42`.
    country: 'Zimbabwe national registration number',
    pattern: new RegExp(String.raw`\d{2}-\d{6,7}[ -]?[A-Z][ -]?\d{2}${END}`, 'y'),
    example: '63-2291047 F 42',
    cues: [],
  },
  {
    // Nine digits in threes like many phone numbers: taken after its label only.
    country: 'Hungary TAJ and personal ID',
    cues: ['taj(?:[- ]?sz[áa]m(?:a)?)?', 'személyi szám', 'adóazonosító(?: jel)?'],
  },
  {
    country: 'Georgia, Ethiopia, Nepal, Bangladesh, Saudi Arabia and the Gulf',
    cues: [
      'personal (?:number|no\\.?|id)',
      'georgian id',
      'პირადი ნომერი',
      'fayda(?: id)?',
      'citizenship(?: certificate)?(?: number| no\\.?)?',
      'nagarikta',
      'smart card(?: number)?',
      'resident(?:ce)? (?:id|card|permit)(?: number)?',
      'iqama(?: number)?',
      'civil id',
      'qid',
    ],
  },
];
