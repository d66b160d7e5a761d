/**
 * Where the person detector's chat and login patterns can start, found in one pass over the text's
 * characters. Each pattern opens with a few words (`thanks`, `said`, `login`) or a rare character
 * (`@`, `/`, a line break, an apostrophe); searched for over the whole text, their alternatives of
 * words are tried at every character and cost more than all their matches. Tried sticky at these
 * starts alone (a superset of where they match), they find the same matches.
 */
import { perScan } from './util.js';

/** The first words of AFTER_GREETING's cues in name-chat.ts (keep in step), and `p` of `p'ravi`. */
const GREETING_WORDS = `thx thanks thank ty tnx cheers hi hey hiya hello morning ok okay kk bye cc ping sorry yo ask tell
met meet call dm remind said told asked texted xoxo xx love hugs ring text phone message email selam halo hola valeu salamat asante bhai ate kuya spoke talked by did
lol shout p mr mrs ms`;
/** What people do, after a lower-case name in chat (`yuki said`, `oksana can you`): PERSON_AFTER's deeds in name-chat.ts. */
export const DEEDS =
  'said|says|asked|wrote|replied|thinks|reckons|can you|could you|will you|and|you left|ur|u|saved|fixed|sent|left|wants|needs|rang|emailed|paid';
/** The deeds' first words, where PERSON_AFTER may start. */
const DEED_WORDS = [...new Set(DEEDS.split('|').map((deed) => deed.split(' ')[0]))].join(' ');
/** The first words of LOGIN_CUE's cues in name-logins.ts (keep in step). */
const LOGIN_WORDS =
  'user username login logged account failed accepted invalid ssh su sudo dm benutzer usuario utente';

/**
 * Words are looked up by a hash of their letters (case folded) in a table of flags: a word of
 * another hash is no cue; one that shares a cue's hash only makes an extra start, tried for nothing.
 */
const GREETING = 1;
const DEED = 2;
const LOGIN = 4;
const LONGEST_WORD = 8;
const hashStep = (hash: number, code: number) => (hash * 33 + (code | 32)) & 0xffff;
const CUE_WORDS = new Uint8Array(0x10000);
for (const [words, flag] of [
  [GREETING_WORDS, GREETING],
  [DEED_WORDS, DEED],
  [LOGIN_WORDS, LOGIN],
] as const) {
  for (const word of words.split(/\s+/)) {
    let hash = 0;
    for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
    CUE_WORDS[hash] = (CUE_WORDS[hash] ?? 0) | flag;
  }
}
const isAsciiLetter = (code: number) => (code | 32) >= 97 && (code | 32) <= 122;
const isLowerCase = (code: number) => code >= 97 && code <= 122;

export interface CueStarts {
  /** Where AFTER_GREETING may match: its words, `@`, the text's start, a line break or a sentence before a lower-case word. */
  greeting: number[];
  /** Where PERSON_AFTER may match: the character before its words, an apostrophe before `s`. */
  deed: number[];
  /** Where LOGIN_CUE may match: its words, `@`, `/` before `home` or `Users`, a backslash before a letter. */
  login: number[];
}

/** Adds `index` to `starts` unless it is there already (the lists are built in ascending order). */
function push(starts: number[], index: number): void {
  if (starts.at(-1) !== index) starts.push(index);
}

export const cueStarts = perScan((text): CueStarts => {
  const greeting: number[] = [0];
  const deed: number[] = [];
  const login: number[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (!isAsciiLetter(code)) {
      const next = text.charCodeAt(i + 1);
      if (code === 64) {
        push(greeting, i);
        push(login, i);
      } else if (code === 10 && isLowerCase(next)) push(greeting, i);
      else if (code === 47 && (next === 104 || next === 85))
        push(login, i); // `/h`, `/U`
      else if (code === 92 && isLowerCase(next)) push(login, i);
      else if ((code === 39 || code === 0x2019) && next === 115) push(deed, i); // `'s`
      i++;
      continue;
    }
    // A run of ASCII letters: the patterns' words start after no letter (`\b`, a space, an apostrophe).
    let end = i;
    let hash = 0;
    while (end < text.length) {
      const letter = text.charCodeAt(end);
      if (!isAsciiLetter(letter)) break;
      hash = hashStep(hash, letter);
      end++;
    }
    const flags = end - i <= LONGEST_WORD ? (CUE_WORDS[hash] ?? 0) : 0;
    // `ok. ravi: …`, `[09:14] fatima: …`: a lower-case speaker label after a sentence or a time stamp.
    const mark = text.charCodeAt(i - 2);
    const afterSentence =
      isLowerCase(code) &&
      text.charCodeAt(i - 1) === 32 &&
      (mark === 46 || mark === 63 || mark === 33 || mark === 93);
    if ((flags & GREETING) !== 0 || afterSentence) push(greeting, i);
    if ((flags & DEED) !== 0 && i > 0) push(deed, i - 1);
    if ((flags & LOGIN) !== 0) push(login, i);
    i = end;
  }
  return { greeting, deed, login };
});
