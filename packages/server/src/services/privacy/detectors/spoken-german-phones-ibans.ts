import type { Span } from '../types.js';
import { ibanValid } from './iban.js';
import { postcodeChar, readSpoken } from './spoken.js';

/**
 * A phone number read out in German (`null eins fünf sieben, drei drei zwei, vier vier acht null`) after a
 * phone word: the digit words mapped to digits, nine to thirteen of them.
 */
const GERMAN_DIGITS: Record<string, string> = {
  null: '0',
  eins: '1',
  ein: '1',
  zwei: '2',
  zwo: '2',
  drei: '3',
  vier: '4',
  fünf: '5',
  fuenf: '5',
  sechs: '6',
  sieben: '7',
  acht: '8',
  neun: '9',
};
const GERMAN_CUE = /(?:nummer|telefon|handy|mobil|rufnummer|festnetz|erreichbar unter|anrufen unter)\b/gi;
/** The words between the cue and the first digit (`ist`, `lautet`, `:`). */
const LEAD = /(?:\s+(?:ist|lautet|wäre|war))?\s*:?\s*/y;

export function germanSpokenPhones(text: string): Span[] {
  const spans: Span[] = [];
  GERMAN_CUE.lastIndex = 0;
  for (let cue = GERMAN_CUE.exec(text); cue; cue = GERMAN_CUE.exec(text)) {
    LEAD.lastIndex = cue.index + cue[0].length;
    LEAD.exec(text);
    const start = LEAD.lastIndex;
    const { value: digits, end } = readSpoken(text, start, (word) => GERMAN_DIGITS[word]);
    if (digits.length >= 9 && digits.length <= 13) spans.push({ start, end, type: 'PHONE' });
  }
  return spans;
}

/**
 * `G B two nine N W B K six zero one six …`: an IBAN read out, its country's two capitals first, then digit
 * words and letters; taken only when the whole run passes the IBAN's mod-97 check.
 */
const SPOKEN_IBAN_START = /\b[A-Z] [A-Z] (?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b/g;

export function spokenIbans(text: string): Span[] {
  const spans: Span[] = [];
  SPOKEN_IBAN_START.lastIndex = 0;
  for (let m = SPOKEN_IBAN_START.exec(text); m; m = SPOKEN_IBAN_START.exec(text)) {
    const { value, end } = readSpoken(text, m.index, postcodeChar);
    if (/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(value) && ibanValid(value)) {
      spans.push({ start: m.index, end, type: 'IBAN' });
      SPOKEN_IBAN_START.lastIndex = end;
    }
  }
  return spans;
}
