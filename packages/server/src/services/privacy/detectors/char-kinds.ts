/**
 * What a character is, read from a table filled once per character: the learned readers (ADR 0020) classify every
 * character of a text, and a Unicode property regexp per test would add compiled regexp code (ADR 0019).
 */

export const OTHER = 0;
export const CAPITAL = 1;
export const SMALL = 2;
/** A letter without case (Arabic, Devanagari, Han, …) or a combining mark. */
export const UNCASED = 3;
export const DIGIT = 4;

const LETTER_MARK_OR_NUMBER = /^(?:([\p{L}\p{M}])|\p{N})$/u;
/** Kinds by UTF-16 code, 255 until read. */
const kinds = new Uint8Array(0x10000).fill(255);

/** The kind of the character with UTF-16 code `code` (a surrogate half is `OTHER`). */
export function charKind(code: number): number {
  if (code < 128) {
    if (code >= 48 && code <= 57) return DIGIT;
    if (code >= 65 && code <= 90) return CAPITAL;
    if (code >= 97 && code <= 122) return SMALL;
    return OTHER;
  }
  let kind = kinds[code]!;
  if (kind === 255) {
    const char = String.fromCharCode(code);
    const match = LETTER_MARK_OR_NUMBER.exec(char);
    if (!match) kind = OTHER;
    else if (!match[1]) kind = DIGIT;
    else if (char.toLowerCase() !== char) kind = CAPITAL;
    else if (char.toUpperCase() !== char) kind = SMALL;
    else kind = UNCASED;
    kinds[code] = kind;
  }
  return kind;
}

/** A letter of any script, or a combining mark. */
export const isLetter = (code: number): boolean => {
  const kind = charKind(code);
  return kind === CAPITAL || kind === SMALL || kind === UNCASED;
};

/** The words of `text` (runs of letters and marks, `'’.-` inside) as [start, end) pairs, from `from` to `to`. */
export function wordRanges(text: string, from = 0, to = text.length): [number, number][] {
  const words: [number, number][] = [];
  let i = from;
  while (i < to) {
    if (!isLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let end = ++i;
    while (i < to) {
      const code = text.charCodeAt(i);
      if (isLetter(code)) end = ++i;
      else if (code === 39 || code === 0x2019 || code === 46 || code === 45) i++;
      else break;
    }
    words.push([start, end]);
    i = end;
  }
  return words;
}

/** `Ab-12`: capitals `A`, small letters `a`, letters without case `l`, digits `9`, other characters as they are. */
export function charShape(value: string): string {
  let shape = '';
  for (let i = 0; i < value.length; i++) {
    const kind = charKind(value.charCodeAt(i));
    shape +=
      kind === CAPITAL
        ? 'A'
        : kind === SMALL
          ? 'a'
          : kind === UNCASED
            ? 'l'
            : kind === DIGIT
              ? '9'
              : value[i];
  }
  return shape;
}
