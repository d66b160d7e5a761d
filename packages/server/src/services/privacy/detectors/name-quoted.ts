import type { Span } from '../types.js';

/**
 * A name in quotes after words that give one: `gave his name as 'Johan'`, `a man I know as 'Vlad'`, `goes by
 * "Tino"`, `reference 'Abena Owusu'` (a payment's reference is the payer's name), `se presentó como "Nacho"`.
 * The quotes hold one to three capitalised words and nothing else.
 */
const QUOTED_NAME = new RegExp(
  String.raw`\b(?:name (?:as|is|was)|calls (?:himself|herself)|known as|know (?:him |her |them )?as|goes by|went by|introduced (?:himself|herself) as|reference|nickname|se presentó como|s'appelle|heißt|chamado|chamada)\s?:?\s(['‘“"])((?=\p{Lu})[\p{L}\p{M}'’.-]+(?:\s\p{Lu}[\p{L}\p{M}'’.-]+){0,2})['’”"]`,
  'giu',
);

export function quotedNames(text: string): Span[] {
  const spans: Span[] = [];
  QUOTED_NAME.lastIndex = 0;
  for (let m = QUOTED_NAME.exec(text); m; m = QUOTED_NAME.exec(text)) {
    const name = m[2] ?? '';
    const start = m.index + m[0].length - 1 - name.length;
    spans.push({ start, end: start + name.length, type: 'PERSON' });
  }
  return spans;
}
