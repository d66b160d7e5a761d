import type { Span } from '../types.js';
import { luhnValid } from './national-id-checks.js';
import { spokenIbans } from './spoken-ibans.js';
import { onceEach } from './util.js';
import { spokenNumbersAfterCues } from './spoken-numbers.js';

/**
 * Numbers, postcodes and plates read out in a voice transcript (`oh seven nine one one double three …`,
 * `b s six five q t`, `lima kilo seven two x-ray yankee zulu`): the spoken run is mapped to digits and
 * letters to tell what it is, and the words as spoken are the finding.
 */
const DIGITS: Record<string, string> = {
  zero: '0',
  oh: '0',
  nought: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};
/** The NATO spelling alphabet. */
const NATO: Record<string, string> = {
  alpha: 'A',
  alfa: 'A',
  bravo: 'B',
  charlie: 'C',
  delta: 'D',
  echo: 'E',
  foxtrot: 'F',
  golf: 'G',
  hotel: 'H',
  india: 'I',
  juliet: 'J',
  juliett: 'J',
  kilo: 'K',
  lima: 'L',
  mike: 'M',
  november: 'N',
  oscar: 'O',
  papa: 'P',
  quebec: 'Q',
  romeo: 'R',
  sierra: 'S',
  tango: 'T',
  uniform: 'U',
  victor: 'V',
  whiskey: 'W',
  whisky: 'W',
  'x-ray': 'X',
  xray: 'X',
  yankee: 'Y',
  zulu: 'Z',
};

export type Alphabet = (word: string) => string | undefined;
const digitOf: Alphabet = (word) => DIGITS[word] ?? (word === 'o' ? '0' : undefined);
/** A postcode spelled out: digit words and single letters. */
export const postcodeChar: Alphabet = (word) =>
  DIGITS[word] ?? (/^[a-z]$/.test(word) ? word.toUpperCase() : undefined);
/** A plate spelled out: digit words, NATO words and single letters. */
const plateChar: Alphabet = (word) => DIGITS[word] ?? NATO[word] ?? postcodeChar(word);

// `double-zero`: a repeat word may be joined to its digit by a hyphen; German's is `doppel`, its digits have umlauts.
// Digits may be joined by hyphens too (`oh-seven-nine-one-one, two-six-four`).
const TOKEN = /(?:[ \t]*,?[ \t]*|-)(x-ray|(?:double|triple|doppel)(?=-[a-z])|\p{L}+(?![\p{L}\d'’]))/iuy;
const REPEATS: Record<string, number> = { double: 2, doppel: 2, triple: 3 };

/** The spoken run from `at`: its characters and where its last word ends (`double`/`triple` repeat the next one). */
export function readSpoken(text: string, at: number, alphabet: Alphabet): { value: string; end: number } {
  let value = '';
  let end = at;
  let repeat = 1;
  TOKEN.lastIndex = at;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const word = (m[1] ?? '').toLowerCase();
    if (REPEATS[word] !== undefined && repeat === 1) {
      repeat = REPEATS[word];
      if (text[TOKEN.lastIndex] === '-') TOKEN.lastIndex++;
      continue;
    }
    const char = alphabet(word);
    if (char === undefined) break;
    value += char.repeat(repeat);
    repeat = 1;
    end = TOKEN.lastIndex;
  }
  return { value, end };
}

/** Where a run of spoken digits may start (a digit word or `double`/`triple`). */
const DIGIT_WORD = /\b(?:zero|oh|nought|one|two|three|four|five|six|seven|eight|nine|double|triple)\b/gi;
/** Sixteen digits on Visa's, Mastercard's or Discover's prefix, fifteen on Amex's: a card even without its word. */
const SPOKEN_CARD_SHAPE = /^(?:(?=4|5[1-5]|2[2-7]|6)\d{16}|3[47]\d{13})$/;

/**
 * Card numbers on an issuer's prefix, and phone numbers after `plus`, read out in English without a word
 * before them that names them (after one: `spokenNumbersAfterCues`).
 */
function spokenNumbers(text: string): Span[] {
  const spans: Span[] = [];
  let resumeAt = 0;
  DIGIT_WORD.lastIndex = 0;
  for (let m = DIGIT_WORD.exec(text); m; m = DIGIT_WORD.exec(text)) {
    if (m.index < resumeAt) continue;
    const { value, end } = readSpoken(text, m.index, digitOf);
    resumeAt = Math.max(end, m.index + m[0].length);
    if (value.length < 10) continue;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    // `plus four four seven nine …`: a country code read out; the number needs no other word.
    const plus = /\bplus\s$/i.exec(before);
    if (SPOKEN_CARD_SHAPE.test(value) && luhnValid(value)) {
      spans.push({ start: m.index, end, type: 'CARD' });
    } else if (plus && value.length <= 15) {
      spans.push({ start: m.index - plus[0].length, end, type: 'PHONE' });
    }
  }
  return spans;
}

/** `my postcode is b s six five q t`: a UK postcode, or a US ZIP code, spelled out after its name. */
const POSTCODE_CUE = /\b(?:post ?code|postal code|zip(?: code)?)(?:\s+(?:is|was|'s))?[\s:]+/gi;
const UK_POSTCODE = /^(?:[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}|\d{5})$/;
/** `the plate was lima kilo seven two x-ray yankee zulu`: a plate spelled out after its name. */
const PLATE_CUE =
  /\b(?:(?:number |licen[cs]e |registration )?plate|reg(?:istration)?|rego)(?:\s+(?:number|no\.?))?(?:\s+(?:is|was|reads|'s))?[\s:]+/gi;

function spelledAfter(
  text: string,
  cue: RegExp,
  alphabet: Alphabet,
  valid: (value: string) => boolean,
  type: Span['type'],
): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(cue)) {
    const start = m.index + m[0].length;
    const { value, end } = readSpoken(text, start, alphabet);
    // Spoken, not written: the run starts with a word (`ABC 123` is the plate detectors' own).
    if (
      end > start &&
      /^[a-z]/i.test(text.slice(start, start + 2)) &&
      text.slice(start, end).includes(' ') &&
      valid(value)
    ) {
      spans.push({ start, end, type });
    }
  }
  return spans;
}

const plateValue = (value: string) =>
  value.length >= 4 && value.length <= 8 && /\d/.test(value) && /[A-Z]/.test(value);

/** Phone and card numbers, postcodes, plates and identity numbers read out in words. */
export function detectSpoken(text: string): Span[] {
  return onceEach([
    ...spokenNumbers(text),
    ...spelledAfter(text, POSTCODE_CUE, postcodeChar, (value) => UK_POSTCODE.test(value), 'ADDRESS'),
    ...spelledAfter(text, PLATE_CUE, plateChar, plateValue, 'PLATE'),
    ...spokenNumbersAfterCues(text),
    ...spokenIbans(text),
  ]);
}
