import type { Span } from '../types.js';
import { extendAddress } from './address-tail.js';

/**
 * `King Fahd Road, Al Olaya District, Riyadh 12214`: a street named without a house number (as in much of the
 * Gulf, Africa and South Asia), then its district and city, ending in a postcode. Found from the street word
 * and its comma (rare); read back over the street's capitalised name, on over its tail; kept only when the
 * tail has two parts or more and ends in a postcode, so `Abbey Road, the album` stays a title.
 */
const STREET_COMMA = /\b(?:Road|Street|Avenue|Highway|Boulevard|Expressway)(?=,\s)/g;
const NAME_BEFORE =
  /(?:^|[^\p{L}\p{M}\d'’-])((?:(?:Al|al|El|el|Bin|bin|Ibn|ibn|de|da|ya)\s|\p{Lu}[\p{L}\p{M}'’-]*\s){1,4})$/u;
const POSTCODE_END = /(?:\s|^)\d{4,6}$/;

export function detectUnnumberedStreets(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(STREET_COMMA)) {
    const before = NAME_BEFORE.exec(text.slice(Math.max(0, m.index - 48), m.index));
    const name = before?.[1];
    if (!name || !/\p{Lu}/u.test(name)) continue;
    const street = m.index + m[0].length;
    const end = extendAddress(text, street);
    const tail = text.slice(street, end);
    if ((tail.match(/,/g) ?? []).length < 2 || !POSTCODE_END.test(tail)) continue;
    spans.push({ start: m.index - name.length, end, type: 'ADDRESS' });
  }
  return spans;
}
