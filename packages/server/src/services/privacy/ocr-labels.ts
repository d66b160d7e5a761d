/**
 * Form labels as a scanner's text recognition misreads them, a zero for an `O` and a one for an `l` or an `I`
 * (`D0B:`, `Passp0rt N0:`, `Te1ephone:`, `APPL1CANT`): the detection view reads them as the words they are, so the
 * value after the label is found. Only words of this list change, letter for character, so every index stays.
 */
const LABEL_WORDS = new Set(
  `dob no of name names first surname given family middle passport date birth place nationality child applicant
telephone phone mobile postal address employer employee issue expiry id number signature district sex gender
mother father holder card licence license account tel email`.split(/\s+/),
);
/** A word with a zero or a one between or beside its letters, not a part of a code (`3C:84:6A:0F:B2`, `x-0f`). */
const MISREAD =
  /(?<![\p{L}\d:./_-])[A-Za-z]*(?:[A-Za-z][01]|[01][A-Za-z])[A-Za-z01]*(?![\p{L}\d]|[:./_-][\p{L}\d])/gu;

function asLetters(word: string, one: 'l' | 'i'): string {
  const upper = word === word.toUpperCase();
  const o = upper ? 'O' : 'o';
  const l = upper ? one.toUpperCase() : one;
  return word.replace(/0/g, o).replace(/1/g, l);
}

/** `text` with its misread label words spelled in letters (the same length). */
export function withOcrLabelsRead(text: string): string {
  if (!/[A-Za-z][01]|[01][A-Za-z]/.test(text)) return text;
  return text.replace(MISREAD, (word) => {
    for (const one of ['l', 'i'] as const) {
      const read = asLetters(word, one);
      if (LABEL_WORDS.has(read.toLowerCase())) return read;
    }
    return word;
  });
}
