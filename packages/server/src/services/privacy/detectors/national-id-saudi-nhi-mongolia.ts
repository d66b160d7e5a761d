import type { Span } from '../types.js';
import { luhnValid, validDate } from './national-id-checks.js';
import { END, type Row } from './national-id-row.js';

const line = (label: string, flags = 'iu') => new RegExp(label, flags);

/** New Zealand's NHI letters: A = 1 … Z = 24, without I and O. */
const NHI_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * New Zealand's National Health Index number (AAANNNC, Ministry of Health HISO 10046): the letters as
 * 1–24, weights 7 6 5 4 3 2, the sum mod 11 (0 is never issued), eleven minus it, 10 written 0.
 */
export function nhiValid(value: string): boolean {
  if (!/^[A-HJ-NP-Z]{3}\d{4}$/.test(value)) return false;
  const codes = [...value.slice(0, 6)].map((c, i) => (i < 3 ? NHI_LETTERS.indexOf(c) + 1 : Number(c)));
  const remainder = codes.reduce((sum, code, i) => sum + code * (7 - i), 0) % 11;
  return remainder !== 0 && (11 - remainder) % 10 === Number(value[6]);
}

/** Denmark's CPR (DDMMYY-SSSS): the birth date; the mod-11 check was dropped for numbers issued since 2007. */
const cprValid = (value: string) => validDate(`${value.slice(4, 6)}${value.slice(2, 4)}${value.slice(0, 2)}`);

/**
 * National identity numbers added in round 13: Saudi Arabia's, New Zealand's NHI, Denmark's CPR after its
 * label earlier on the line, the labels of Bangladesh's NID in Bengali and Colombia's `C.C.`.
 */
export const SAUDI_NHI_MONGOLIAN_IDS: Row[] = [
  {
    // Absher and the NIC use Luhn (mod 10) over all ten digits; 1 is a citizen, 2 a resident's iqama.
    country: 'Saudi Arabia national ID and iqama (citizen or resident digit, Luhn)',
    pattern: new RegExp(String.raw`[12]\d{9}${END}`, 'y'),
    example: '1048213761',
    valid: luhnValid,
    plain: true,
    near: line('هوية|الهوية|إقامة|الإقامة|iqama'),
    cues: ['رقم (?:ال)?هوية(?: (?:ال)?وطنية)?', 'رقم (?:ال)?إقامة', 'iqama(?: number| no\\.?)?'],
  },
  {
    country: 'New Zealand NHI (three letters, three digits, weighted mod 11 check)',
    pattern: new RegExp(String.raw`[A-HJ-NP-Z]{3}\d{4}${END}`, 'y'),
    example: 'ZKM4829',
    valid: nhiValid,
    near: line(String.raw`\bnhi\b`),
    cues: ['nhi(?: number| no\\.?)?'],
  },
  {
    country: 'Denmark CPR after its label (birth date, serial)',
    pattern: new RegExp(String.raw`\d{6}-?\d{4}${END}`, 'y'),
    example: '180392-9150',
    valid: cprValid,
    plain: true,
    near: line(String.raw`\bcpr\b`),
    cues: [],
  },
  // `C.C.` with its dots only: a bare `cc` is a copy's recipients.
  { country: 'Colombia cédula de ciudadanía (C.C.)', cues: ['c\\.\\s?c\\.'] },
  { country: 'Bangladesh NID (Bengali labels)', cues: ['জাতীয় পরিচয়পত্র(?: নম্বর)?', 'এনআইডি(?: নম্বর)?'] },
];

/**
 * Mongolia's register number (регистрийн дугаар, РД): two Cyrillic letters, then the birth date (YYMMDD, the month
 * plus 20 from 2000) and two digits (`УБ90021473`); in Cyrillic, which the tables' Latin formats do not read.
 */
const MONGOLIAN_REGISTER =
  /(?:регистрийн\s+(?:дугаар|№)|(?<![\p{L}])РД)[\s:№#.-]{0,4}([А-ЯЁӨҮ]{2}\s?(\d{6})\d{2})(?![\p{L}\p{N}])/dgu;

export function mongolianRegisterNumbers(text: string): Span[] {
  if (!text.includes('регистр') && !text.includes('РД')) return [];
  const spans: Span[] = [];
  MONGOLIAN_REGISTER.lastIndex = 0;
  for (let m = MONGOLIAN_REGISTER.exec(text); m; m = MONGOLIAN_REGISTER.exec(text)) {
    const date = m[2] ?? '';
    const month = String(Number(date.slice(2, 4)) % 20 || 20).padStart(2, '0');
    const range = m.indices?.[1];
    if (range && validDate(`${date.slice(0, 2)}${month}${date.slice(4, 6)}`))
      spans.push({ start: range[0], end: range[1], type: 'SSN' });
  }
  return spans;
}

/** `ni 0803 456 7890, NIN rẹ ni …`: a trunk 0 and phone groups before a later label are a phone number. */
const TRUNK_PHONE = /0\d{2,4}(?:[ -]\d{2,4}){2,3}(?![\w-])/y;

/** The end of a trunk phone number at `at`, or -1. */
export function trunkPhoneAt(text: string, at: number): number {
  TRUNK_PHONE.lastIndex = at;
  return TRUNK_PHONE.test(text) ? TRUNK_PHONE.lastIndex : -1;
}
