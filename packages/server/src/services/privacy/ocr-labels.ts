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
/** A zero or a one beside a letter: where a misread word may stand (found without a look-behind at every place). */
const DIGIT_BESIDE_LETTER = /[A-Za-z][01]|[01][A-Za-z]/g;
const isWordCode = (code: number) =>
  (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 48 || code === 49;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const JOINER = /[:./_-]/;

/**
 * Is the word from `start` to `end` part of a code (`3C:84:6A:0F:B2`, `x-0f`, `ab_01`, `Ш0B`): a letter, a digit or a
 * joiner right before it, a letter or a digit right after it, or a joiner and then one?
 */
function partOfCode(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  if (LETTER_OR_DIGIT.test(before) || JOINER.test(before) || LETTER_OR_DIGIT.test(after)) return true;
  return JOINER.test(after) && LETTER_OR_DIGIT.test(text[end + 1] ?? '');
}

function asLetters(word: string, one: 'l' | 'i'): string {
  const upper = word === word.toUpperCase();
  const o = upper ? 'O' : 'o';
  const l = upper ? one.toUpperCase() : one;
  return word.replace(/0/g, o).replace(/1/g, l);
}

/** The label a misread word stands for, or undefined. */
function labelRead(word: string): string | undefined {
  for (const one of ['l', 'i'] as const) {
    const read = asLetters(word, one);
    if (LABEL_WORDS.has(read.toLowerCase())) return read;
  }
  return undefined;
}

/** `text` with its misread label words spelled in letters (the same length). */
export function withOcrLabelsRead(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  DIGIT_BESIDE_LETTER.lastIndex = 0;
  for (let m = DIGIT_BESIDE_LETTER.exec(text); m; m = DIGIT_BESIDE_LETTER.exec(text)) {
    let start = m.index;
    let end = m.index + 2;
    while (start > 0 && isWordCode(text.charCodeAt(start - 1))) start--;
    while (end < text.length && isWordCode(text.charCodeAt(end))) end++;
    DIGIT_BESIDE_LETTER.lastIndex = end;
    if (partOfCode(text, start, end)) continue;
    const read = labelRead(text.slice(start, end));
    if (read === undefined) continue;
    parts.push(text.slice(copied, start), read);
    copied = end;
  }
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}
