import { CASELESS_LETTERS, type NameReader } from './name-reader.js';
import { makeWord, previousWord, type Word } from './name-words.js';
import { GREETINGS } from './person-words.js';
import { beyondLatinRuns, searchBeyondLatin } from './util.js';

/** The person scanner's acceptance of a name from `start` to `last`; it returns where the name ends. */
type Accept = (start: number, last: Word) => number;

/** Words of the caseless scripts (Thai names stand between spaces). */
const CASELESS_WORD = new RegExp(`[${CASELESS_LETTERS}\\u200c\\u200d]+`, 'gu');
/**
 * `الشمري`, `الزهراء`, `بنعلي`: after an Arabic given name (one that is also a word, after a second name), a word
 * with the article or with `بن` (son of) joined to it is a family name or a laqab.
 */
const ARABIC_FAMILY = /^(?:ال|بن)\p{Script=Arabic}{3,}$/u;
/** Arabic `and`, `to`, `so` and Hebrew `and`, `to`, written onto the word after them. */
const JOINED_PREFIX = /^[ولفול]/;
const HAS_CASELESS = /[\u0590-\u07bf]|[\u0904-\u0dff]|[\u0e01-\u0e7f]|[\u10a0-\u10ff]/;

/**
 * Names in scripts without capitals (Arabic, Hebrew, Thaana, the Indic scripts, Thai, Georgian), read against the
 * name lists word by word: a listed given name, then surnames after it. The caseless scripts' letters are all beyond
 * the Latin script: each stretch of such characters is read on its own (a word never reaches past one), the text
 * between the stretches not at all.
 */
export function caselessNames(reader: NameReader, accept: Accept): void {
  if (searchBeyondLatin(reader.text, HAS_CASELESS) < 0) return;
  let skipUntil = 0;
  for (const [from, to] of beyondLatinRuns(reader.text)) {
    const stretch = reader.text.slice(from, to);
    CASELESS_WORD.lastIndex = 0;
    for (let m = CASELESS_WORD.exec(stretch); m; m = CASELESS_WORD.exec(stretch)) {
      if (from + m.index < skipUntil) continue;
      const accepted = caselessName(reader, accept, from + m.index, m[0]);
      if (accepted !== undefined) skipUntil = accepted;
    }
  }
}

/** The name starting with the word at `at`, if the lists know it; where it ends. */
function caselessName(reader: NameReader, accept: Accept, at: number, text: string): number | undefined {
  const { names } = reader;
  let w = makeWord(at, text);
  const { ambiguous } = names;
  // `وفاطمة`, `لخالد`, `לדוד`: Arabic and Hebrew write `and` and `to` onto the next word (the word is redacted whole).
  // (`أحمد وريم`: joined to `and` after a name, one that is also a word is a name too.)
  let joinedAfterName = false;
  if (!names.given.has(w.lower) && JOINED_PREFIX.test(w.text)) {
    const name = makeWord(at + 1, text.slice(1));
    joinedAfterName = names.given.has(previousWord(reader.text, at)?.raw ?? '');
    if (name.text.length >= 3 && (joinedAfterName || !ambiguous.has(name.lower))) w = name;
  }
  if (!names.given.has(w.lower)) return undefined;
  // (`به`, "to": a two-letter word that may be a name is a preposition or a particle.)
  if (w.text.length <= 2 && ambiguous.has(w.lower)) return undefined;
  // `باسم نورة`: "in the name of Noura"; a word that may be a name, before a name that can only be one.
  const following = reader.next(w);
  if (
    ambiguous.has(w.lower) &&
    following &&
    names.given.has(following.lower) &&
    !ambiguous.has(following.lower)
  )
    return undefined;
  let last = w;
  for (
    let next = reader.next(w);
    next &&
    // (`شیراز به دنیا`: the same preposition goes on with the sentence.)
    !(next.text.length <= 2 && ambiguous.has(next.lower)) &&
    (reader.surnameLike(next) || ((last !== w || !ambiguous.has(w.lower)) && ARABIC_FAMILY.test(next.text)));
    next = reader.next(next)
  )
    last = next;
  // `نورة آل ثاني`: `آل` (the house of) and the family's name.
  const house = reader.next(last);
  const family = house?.text === 'آل' ? reader.next(house) : undefined;
  if (family && /^\p{Script=Arabic}{3,}$/u.test(family.text)) last = family;
  // A name that is also a word (`باسم` is Basem and "in the name of") counts with a surname after it,
  // or after a greeting (`გამარჯობა ნინო,`).
  const greeted = GREETINGS.has(previousWord(reader.text, w.start)?.raw ?? '');
  if (last === w && ambiguous.has(w.lower) && !greeted && !joinedAfterName) return undefined;
  return accept(at, last);
}
