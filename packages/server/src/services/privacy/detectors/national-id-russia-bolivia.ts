import { END, type Row } from './national-id-row.js';

/**
 * Russia's СНИЛС (insurance number, `112-233-445 95`): the nine digits weighted 9 down to 1; the sum
 * mod 101 is the two-digit check, with 100 (and 101, already 0) giving 00.
 */
export function snilsValid(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  if (!/^\d{11}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (9 - i);
  const check = (sum % 101) % 100;
  return check === Number(digits.slice(9));
}

const line = (label: string) => new RegExp(label, 'iu');

/** Bolivia's nine departments, as written after a carnet de identidad (`4829173 LP`). */
const BOLIVIAN_DEPARTMENTS = 'LP|SC|CB|OR|PT|TJ|CH|BN|PD';

/**
 * Russia's СНИЛС (with its check, anywhere) and internal passport (series and number after `паспорт`),
 * Bolivia's CI with its department after its label, and passport labels of Portuguese.
 */
export const RUSSIA_BOLIVIA: Row[] = [
  {
    country: 'Russia СНИЛС (weights 9..1, mod 101)',
    pattern: new RegExp(String.raw`\d{3}-\d{3}-\d{3}[ -]\d{2}${END}`, 'y'),
    example: '112-233-445 95',
    valid: snilsValid,
    plain: true,
    cues: ['снилс', 'snils'],
  },
  {
    // `паспорт 45 17 683920`: a series of four digits (two pairs) and a number of six; any value after the label.
    country: 'Russia internal passport, inflected label',
    cues: ['паспорт(?:а|е|у|ом)?', 'passaporte'],
  },
  {
    country: 'Bolivia CI with its department (`4829173 LP`)',
    pattern: new RegExp(String.raw`\d{5,9}[ -]?(?:${BOLIVIAN_DEPARTMENTS})${END}`, 'y'),
    example: '4829173 LP',
    near: line(String.raw`\bC\.?I\.?\b|c[ée]dula|carnet`),
    cues: [],
  },
];
