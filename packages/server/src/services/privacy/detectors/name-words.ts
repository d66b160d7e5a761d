/** Words as the person detector sees them, and cheap steps to the word before or after. */
import { lowerCase, perScan } from './util.js';

export interface Word {
  start: number;
  end: number;
  text: string;
  lower: string;
}

/** Starts with a capital and is not all capitals (`Maria`, not `maria` or `NASA`). */
export function isTitle(w: string): boolean {
  const code = w.charCodeAt(0);
  // Most words start with a plain ASCII letter: no case conversion needed to tell.
  if (code < 128 && !(code >= 65 && code <= 90)) return false;
  const first = w[0] ?? '';
  return (code < 128 || first !== first.toLowerCase()) && (w.length === 1 || changesInUpperCase(w));
}

/** `w !== w.toUpperCase()`, read off the characters while they are ASCII (see `lowerCase`). */
function changesInUpperCase(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const code = w.charCodeAt(i);
    if (code >= 97 && code <= 122) return true;
    if (code > 127) return w !== w.toUpperCase();
  }
  return false;
}

/** A word; a possessive `'s` is not part of it (`Kofi's` is `Kofi`). */
export function makeWord(start: number, raw: string): Word {
  const apostrophe = raw[raw.length - 2];
  const text = raw.endsWith('s') && (apostrophe === "'" || apostrophe === '’') ? raw.slice(0, -2) : raw;
  return { start, end: start + text.length, text, lower: lowerCase(text) };
}

const NEXT_WORD = /(?:[ \t]{1,2}|-)([\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*)/uy;

/** A letter of any script by code unit (cheap, for short look-backs); digits are not letters. */
export const isLetterCode = (code: number) =>
  (code >= 65 && code <= 90) ||
  (code >= 97 && code <= 122) ||
  (code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && code !== 0x2019 && (code < 0x2000 || code > 0x206f));
const isWordCode = (code: number) => isLetterCode(code) || code === 39 || code === 0x2019 || code === 45;
const isAlphanumericCode = (code: number) => isLetterCode(code) || (code >= 48 && code <= 57);

export interface PreviousWord {
  word: Word;
  raw: string;
  gap: string;
}

/**
 * The steps already taken in the text being read: the person detector asks for the same word's
 * neighbours many times (each rule looks again), and each answer depends only on the text and the
 * index. Each scan starts afresh (see `perScan`); words are never changed after they are made.
 */
const stepsIn = perScan(() => ({
  next: new Map<number, Word | undefined>(),
  previous: new Map<number, PreviousWord | undefined>(),
}));

/** The word right after `w`, separated by one or two spaces or a hyphen. */
export function nextWord(text: string, w: Word): Word | undefined {
  const known = stepsIn(text).next;
  const seen = known.get(w.end);
  if (seen !== undefined || known.has(w.end)) return seen;
  NEXT_WORD.lastIndex = w.end;
  const m = NEXT_WORD.exec(text);
  const raw = m?.[1];
  const next = m && raw ? makeWord(m.index + m[0].length - raw.length, raw) : undefined;
  known.set(w.end, next);
  return next;
}

/** The word before index `at` and what separates them, looking back a few characters at most. */
export function previousWord(text: string, at: number): PreviousWord | undefined {
  const known = stepsIn(text).previous;
  const seen = known.get(at);
  if (seen !== undefined || known.has(at)) return seen;
  const previous = findPreviousWord(text, at);
  known.set(at, previous);
  return previous;
}

function findPreviousWord(text: string, at: number): PreviousWord | undefined {
  let i = at;
  while (i > 0 && at - i < 12 && !isLetterCode(text.charCodeAt(i - 1))) i--;
  if (i === 0 || at - i >= 12) return undefined;
  const end = i;
  while (i > 0 && end - i < 40 && isWordCode(text.charCodeAt(i - 1))) i--;
  const raw = text.slice(i, end);
  const word = makeWord(i, raw);
  return { word, raw: word.text === raw ? word.lower : raw.toLowerCase(), gap: text.slice(end, at) };
}

/** The characters between the end of `w` and the next letter or digit (at most `limit`). */
export function gapAfter(text: string, w: Word, limit = 6): string {
  let i = w.end;
  while (i < text.length && i - w.end < limit && !isAlphanumericCode(text.charCodeAt(i))) i++;
  return text.slice(w.end, i);
}
