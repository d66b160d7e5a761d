import type { Span } from '../types.js';

/**
 * A name in quotes after words that give one: `gave his name as 'Johan'`, `a man I know as 'Vlad'`, `goes by
 * "Tino"`, `reference 'Abena Owusu'` (a payment's reference is the payer's name), `se presentó como "Nacho"`.
 * The quotes hold one to three capitalised words and nothing else.
 */
/** The words before the opening quote. */
const GIVES_NAME_BEFORE =
  /\b(?:name (?:as|is|was)|calls (?:himself|herself)|known as|know (?:him |her |them )?as|goes by|went by|introduced (?:himself|herself) as|reference|nickname|se presentó como|s'appelle|heißt|chamado|chamada)\s?:?\s$/i;
/** From the opening quote: one to three capitalised words, then the closing quote. */
const QUOTED = /(['‘“"])((?=\p{Lu})[\p{L}\p{M}'’.-]+(?:\s\p{Lu}[\p{L}\p{M}'’.-]+){0,2})['’”"]/uy;
const OPENING_QUOTE = /['‘“"]/g;

export function quotedNames(text: string): Span[] {
  const spans: Span[] = [];
  OPENING_QUOTE.lastIndex = 0;
  for (let q = OPENING_QUOTE.exec(text); q; q = OPENING_QUOTE.exec(text)) {
    // (Most quotes are apostrophes inside words: a letter right before rules them out first.)
    if (text[q.index - 1] !== ' ' && text[q.index - 1] !== ':') continue;
    if (!GIVES_NAME_BEFORE.test(text.slice(Math.max(0, q.index - 40), q.index))) continue;
    QUOTED.lastIndex = q.index;
    const m = QUOTED.exec(text);
    const name = m?.[2];
    if (!name) continue;
    spans.push({ start: q.index + 1, end: q.index + 1 + name.length, type: 'PERSON' });
  }
  return spans;
}
