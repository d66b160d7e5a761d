import type { Span } from '../types.js';

/**
 * Israel: seven digits (`48-291-07`, before 2017) or eight (`123-45-678`), digits only, so read only after
 * the vehicle word `רכב` (`מספר רכב`, `רכב מס׳`).
 */
const ISRAELI =
  /רכב[^\p{L}\p{N}\n]{0,3}(?:מס(?:פר|['׳])?\.?\s*)?(\d{2}-\d{3}-\d{2}|\d{3}-\d{2}-\d{3})(?![\d-])/duy;

export function israeliPlates(text: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf('רכב'); at >= 0; at = text.indexOf('רכב', at + 3)) {
    ISRAELI.lastIndex = at;
    const range = ISRAELI.exec(text)?.indices?.[1];
    if (range) spans.push({ start: range[0], end: range[1], type: 'PLATE' });
  }
  return spans;
}
