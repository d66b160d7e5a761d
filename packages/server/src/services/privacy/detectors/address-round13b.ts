import type { Span } from '../types.js';
import { LETTERS, UPPER_START } from './util.js';

const CAP = `[${UPPER_START}][${LETTERS}'’-]*`;

/**
 * `Nyumba Na. 7, Mtaa wa Uhuru, Arusha`, `Mtaa wa Uhuru, Nyumba Na. 14, Kariakoo, Dar es Salaam`: a Swahili
 * address, the house (`Nyumba Na.`) and the street (`Mtaa wa`) in either order, then the area and the town.
 */
const SW_PART = `(?:Nyumba (?:(?:Na\\.?|Namba|No\\.?) ?)?\\d{1,5}[A-Z]?|(?:Mtaa wa|Barabara ya) ${CAP}(?: ${CAP})?)`;
const SW_PLACE = `${CAP}(?: (?:es|wa|ya|la) ${CAP}| ${CAP}){0,2}`;
const SWAHILI = new RegExp(`${SW_PART}(?:, ${SW_PART})*(?:, ${SW_PLACE}){1,3}`, 'gu');

export function round13bAddresses(text: string): Span[] {
  const spans: Span[] = [];
  if (text.includes('Nyumba ')) {
    for (const m of text.matchAll(SWAHILI)) {
      if (m[0].includes('Nyumba '))
        spans.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
    }
  }
  return spans;
}
