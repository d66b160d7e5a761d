import { NUMBER_WORDS, type NumberWords } from './number-words.js';

/**
 * A number read out in words (`cincuenta y cinco`, `beş yüz otuz iki`, `double oh seven`), in whichever
 * language knows its first word: each group of words is one number (`ciento quince` is 115, `on iki` 12),
 * the groups' digits one after the other.
 */

/** A word, its apostrophes (`п'ять`) and hyphens (`quatre-vingt-dix`, `double-zero`) within it. */
const WORD_PATTERN = String.raw`[\p{L}\p{M}][\p{L}\p{M}'’ʼ]*(?:-[\p{L}\p{M}][\p{L}\p{M}'’ʼ]*)*`;
const WORD = new RegExp(WORD_PATTERN, 'uy');
/** Between two words of a number: spaces, one comma or semicolon (Arabic's too), or a hyphen. */
const BETWEEN = /-|[ \t]*[,;،؛]?[ \t]*/y;

export interface Reading {
  digits: string;
  words: number;
  end: number;
}

/** One word at `at` of `words`: its value (a repeat or a hundred as its own marker), where it ends. */
function wordAt(
  text: string,
  at: number,
  words: NumberWords,
): { value: number | string; end: number } | undefined {
  WORD.lastIndex = at;
  const m = WORD.exec(text);
  if (!m) return undefined;
  const whole = m[0].toLowerCase();
  const value = words.values.get(whole);
  if (value !== undefined) return { value, end: at + m[0].length };
  if (whole === words.joiner || whole === words.hundred || words.repeats?.[whole] !== undefined)
    return { value: whole, end: at + m[0].length };
  // `double-zero`, `oh-seven-nine`: hyphenated digits are words of their own.
  const first = whole.split('-')[0] ?? '';
  const part = words.values.get(first) ?? (words.repeats?.[first] !== undefined ? first : undefined);
  return part !== undefined && first !== whole ? { value: part, end: at + first.length } : undefined;
}

/** The languages a number may start in, by its first word (or a hyphenated word's first part). */
const LANGUAGES_OF = new Map<string, NumberWords[]>();
for (const words of NUMBER_WORDS) {
  const starts = [
    ...words.values.keys(),
    ...Object.keys(words.repeats ?? {}),
    ...(words.hundred ? [words.hundred] : []),
  ];
  for (const word of starts) LANGUAGES_OF.set(word, [...(LANGUAGES_OF.get(word) ?? []), words]);
}

/** Capitals spelled out in an identity number or a plate (`R-A-S-G nueve cero …`, `otuz dört ABC yüz …`). */
const SPELLED_CAPITALS = /\p{Lu}{1,3}(?:-\p{Lu}{1,3})*(?![\p{L}\p{M}])/uy;

/**
 * The number read out from `at` in one language: its digits, how many words, where the last one ends;
 * with `letters`, capitals spelled out between the words are part of it.
 */
function readNumber(text: string, at: number, words: NumberWords, letters: boolean): Reading {
  let digits = '';
  let count = 0;
  let end = at;
  let group: { total: number; room: number } | undefined;
  let repeat = 1;
  let joined = false;
  const close = () => {
    if (group) digits += String(group.total);
    group = undefined;
  };
  for (let i = at; ;) {
    SPELLED_CAPITALS.lastIndex = i;
    const capitals = letters ? SPELLED_CAPITALS.exec(text) : null;
    const word = capitals ? undefined : wordAt(text, i, words);
    const wordEnd = capitals ? i + capitals[0].length : word?.end;
    if (wordEnd === undefined) break;
    const value = word?.value;
    if (capitals) {
      if (joined) break;
      close();
      digits += capitals[0].replaceAll('-', '');
      count++;
    } else if (typeof value === 'string') {
      if (value === words.joiner) {
        // `cincuenta y cinco`: a joiner only inside a number that takes more.
        if (!group || group.room === 0 || joined) break;
        joined = true;
      } else if (value === words.hundred) {
        // `beş yüz`: a digit times a hundred; `yüz` alone is a hundred.
        if (group && group.total < 10 && group.room === 0) group = { total: group.total * 100, room: 99 };
        else {
          close();
          group = { total: 100, room: 99 };
        }
        count++;
      } else repeat = words.repeats?.[value] ?? 1;
    } else if (value !== undefined && repeat > 1 && value < 10) {
      close();
      digits += String(value).repeat(repeat);
      repeat = 1;
      count++;
    } else if (value !== undefined) {
      if (group && value > 0 && value <= group.room) {
        group = { total: group.total + value, room: roomAfter(value, words) };
      } else {
        if (joined) break;
        close();
        group = { total: value, room: value === 0 ? 0 : roomAfter(value, words) };
      }
      joined = false;
      count++;
    }
    if (!joined) end = wordEnd;
    BETWEEN.lastIndex = wordEnd;
    BETWEEN.exec(text);
    i = BETWEEN.lastIndex;
  }
  close();
  return { digits, words: count, end };
}

/** What may still be added to a number that has just taken `value`: units after round tens, tens after hundreds. */
function roomAfter(value: number, words: NumberWords): number {
  if (value % 100 === 0 && value >= 100) return 99;
  if (value % 10 !== 0 || value === 0) return 0;
  if (words.tensTakeTeens?.has(value)) return 19;
  return value >= 20 || words.tenTakesUnits ? 9 : 0;
}

/** The longest number read out from `word` on, in any language that knows its first word. */
export function readAnyLanguage(
  text: string,
  word: { start: number; end: number; word: string },
  letters = false,
): Reading | undefined {
  // `R-A-S-G nueve …`: capitals spelled first; the language is the first number word's.
  let first: { end: number; word: string } | undefined = word;
  for (let n = 0; letters && first && n < 3 && /^\p{Lu}{1,3}(?:-\p{Lu}{1,3})*$/u.test(first.word); n++)
    first = nextWord(text, first.end, first.end + 3);
  const lower = (first?.word ?? '').toLowerCase();
  const languages = LANGUAGES_OF.get(lower) ?? LANGUAGES_OF.get(lower.split('-')[0] ?? '') ?? [];
  let best: Reading | undefined;
  for (const words of languages) {
    const reading = readNumber(text, word.start, words, letters);
    if (!best || reading.words > best.words) best = reading;
  }
  return best;
}

/** The next word from `from` on the same line, starting before `limit`. */
const WORD_OR_LINE_END = new RegExp(`${WORD_PATTERN}|\\n`, 'gu');
export function nextWord(
  text: string,
  from: number,
  limit: number,
): { start: number; end: number; word: string } | undefined {
  WORD_OR_LINE_END.lastIndex = from;
  const m = WORD_OR_LINE_END.exec(text);
  if (!m || m[0] === '\n' || m.index >= limit) return undefined;
  return { start: m.index, end: m.index + m[0].length, word: m[0] };
}

/**
 * Digits read out in scripts that write no spaces between them: Chinese (`幺三八`: `幺` and `两` as
 * people say one and two in numbers), Sino-Korean syllables (`공일공`), Japanese katakana (`ゼロキュウゼロ`).
 */
const GLUED_DIGITS = new Map<string, string>([
  ...[...'零幺两'].map((char, i): [string, string] => [char, ['0', '1', '2'][i] ?? '']),
  ...[...'〇一二三四五六七八九'].map((char, i): [string, string] => [char, String(i)]),
  ...[...'공일이삼사오육칠팔구'].map((char, i): [string, string] => [char, String(i)]),
  ['영', '0'],
  ...([
    ['ゼロ', '0'],
    ['レイ', '0'],
    ['マル', '0'],
    ['イチ', '1'],
    ['ニー', '2'],
    ['ニ', '2'],
    ['サン', '3'],
    ['ヨン', '4'],
    ['シ', '4'],
    ['ゴー', '5'],
    ['ゴ', '5'],
    ['ロク', '6'],
    ['ナナ', '7'],
    ['シチ', '7'],
    ['ハチ', '8'],
    ['キュウ', '9'],
    ['キュー', '9'],
    ['ク', '9'],
  ] as [string, string][]),
]);
const HANGUL = /[\uac00-\ud7a3]/;
const GLUED_BETWEEN = /[、，,・\s-]/;

/** The glued digits read from `at` (longest words first), separators between groups allowed. */
export function readGluedDigits(text: string, at: number): Reading {
  let digits = '';
  let words = 0;
  let end = at;
  for (let i = at; i < text.length;) {
    // (Longest first: `ニー` before `ニ`, `キュウ` before `ク`.)
    const length = [3, 2, 1].find((n) => GLUED_DIGITS.has(text.slice(i, i + n)));
    if (length === undefined) {
      if (i > at && GLUED_BETWEEN.test(text[i] ?? '')) {
        i++;
        continue;
      }
      break;
    }
    // `오육칠팔이에요`: a syllable glued to a Korean ending (`이에요` "it is") belongs to the ending.
    const next = text[i + length] ?? '';
    if (HANGUL.test(text[i] ?? '') && HANGUL.test(next) && !GLUED_DIGITS.has(next)) break;
    digits += GLUED_DIGITS.get(text.slice(i, i + length)) ?? '';
    words++;
    i += length;
    end = i;
  }
  return { digits, words, end };
}
