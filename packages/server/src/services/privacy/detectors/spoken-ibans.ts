import type { Span } from '../types.js';
import { ibanValid } from './iban.js';
import { postcodeChar, readSpoken } from './spoken.js';

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
