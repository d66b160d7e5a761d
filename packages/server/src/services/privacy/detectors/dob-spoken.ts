import type { Span } from '../types.js';
import { ORDINAL_WORD, OTHER_DATE, SPOKEN_YEAR } from './dob.js';
import { ONE_ENTRY } from './util.js';

/**
 * Dates of birth read out with cardinal numbers, after a birth cue or as the answer to a `date of birth?`
 * question (`Date of birth? Caller: oh-three, seventeen, eighty-eight`, `your date of birth, madam?
 * SPEAKER_01: twelve July nineteen ninety`, `born nineteen eighty-four, January fifteenth`). dob.ts reads
 * the ones with an ordinal (`the twelfth of March …`).
 */
const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const CARDINAL = `(?:twenty|thirty)[- ](?:${UNITS})|${TEENS}|twenty|thirty|${UNITS}`;
/** A day or a month as a number: `twelve`, `twenty-one`, `oh-three`, or digit by digit (`one two`). */
const NUMBER = `oh[- ](?:${UNITS})|(?:zero|one|two|three)[- ](?:zero|oh|${UNITS})|${CARDINAL}`;
const DAY_WORD = `${ORDINAL_WORD}|${CARDINAL}`;
const MONTH = 'january|february|march|april|may|june|july|august|september|october|november|december';
/** A year read out in full (`nineteen eighty-four`, `two thousand and three`, `1984`), as a year first needs. */
const FULL_YEAR = `(?:nineteen|twenty)[- ](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:${UNITS}))?|oh[- ](?:${UNITS})|${TEENS})|two thousand(?: and)?(?: (?:${UNITS}|${TEENS}))?|(?:19|20)\\d\\d`;
const END = String.raw`(?![\w'’-])(?!,?\s(?:${UNITS}|${TEENS}|oh|zero|double)\b)`;
const FORMS = new RegExp(
  [
    // `twelve July nineteen ninety`, `the fifth of May, eighty-one`
    `(?<dm>(?:the\\s)?${ONE_ENTRY}(?:${DAY_WORD})\\s(?:of\\s)?${ONE_ENTRY}(?:${MONTH}),?\\s${ONE_ENTRY}(?:${SPOKEN_YEAR}))`,
    // `July twelve, nineteen ninety`
    `(?<md>(?:${MONTH})\\s(?:the\\s)?${ONE_ENTRY}(?:${CARDINAL}),?\\s${ONE_ENTRY}(?:${SPOKEN_YEAR}))`,
    // `nineteen eighty-four, January fifteenth`
    `(?<y>(?:${FULL_YEAR}),?\\s${ONE_ENTRY}(?:(?:${MONTH})\\s(?:the\\s)?${ONE_ENTRY}(?:${DAY_WORD})|(?:the\\s)?${ONE_ENTRY}(?:${DAY_WORD})\\s(?:of\\s)?${ONE_ENTRY}(?:${MONTH})))`,
    // `oh-three, seventeen, eighty-eight`: day and month in either order, checked below.
    `(?<n>(?<a>${NUMBER}),?\\s(?<b>${NUMBER}),?\\s${ONE_ENTRY}(?:${SPOKEN_YEAR}))`,
  ]
    .map((form) => `(?:${form})${END}`)
    .join('|'),
  'iy',
);

const VALUES: Record<string, number> = Object.fromEntries(
  [...UNITS.split('|'), ...TEENS.split('|')].map((word, i) => [word, i + 1]),
);
/** `oh-three` 3, `seventeen` 17, `twenty-one` 21, `one two` 12. */
const DIGIT_VALUES: Record<string, number> = { oh: 0, zero: 0, ...VALUES };
function numberOf(words: string): number {
  const [first = '', second = ''] = words.toLowerCase().split(/[- ]/);
  if (first === 'oh') return VALUES[second] ?? 0;
  // (`one two`: twelve, read digit by digit.)
  if (second && (first === 'zero' || (VALUES[first] ?? 9) <= 3) && DIGIT_VALUES[second] !== undefined)
    return (DIGIT_VALUES[first] ?? 0) * 10 + (DIGIT_VALUES[second] ?? 0);
  const tens = first === 'twenty' ? 20 : first === 'thirty' ? 30 : 0;
  return tens ? tens + (VALUES[second] ?? 0) : (VALUES[first] ?? 0);
}
const dayAndMonth = (a: number, b: number) =>
  (a <= 12 && b >= 1 && b <= 31) || (b <= 12 && a >= 1 && a <= 31);

/** A birth cue; `date of birth?` asks, and the next speaker's answer is the date. */
const CUE = /\b(?:born|birth(?:day|date)?|dob|d\.o\.b\.?)\b/gi;
const WINDOW = 76;

/** Dates of birth read out in cardinal numbers, found from the cue before them. */
export function spokenDatesOfBirth(text: string): Span[] {
  const spans: Span[] = [];
  CUE.lastIndex = 0;
  for (let cue = CUE.exec(text); cue; cue = CUE.exec(text)) {
    const from = cue.index + cue[0].length;
    const window = text.slice(from, from + WINDOW);
    const stop = window.search(/[\n!;]|\.\s/);
    const clause = stop < 0 ? window : window.slice(0, stop);
    const words = /[A-Za-z\d]+/g;
    for (let w = words.exec(clause); w; w = words.exec(clause)) {
      FORMS.lastIndex = from + w.index;
      const m = FORMS.exec(text);
      const groups = m?.groups;
      if (!m || !groups) continue;
      if (groups.n && !dayAndMonth(numberOf(groups.a ?? ''), numberOf(groups.b ?? ''))) continue;
      // `born in Leeds, moved here twelve July …`: another date.
      if (OTHER_DATE.test(text.slice(from, m.index))) break;
      spans.push({ start: m.index, end: m.index + m[0].length, type: 'DOB' });
      CUE.lastIndex = Math.max(CUE.lastIndex, m.index + m[0].length);
      break;
    }
  }
  return spans;
}
