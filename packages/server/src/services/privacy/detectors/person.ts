import type { Span } from '../types.js';
import {
  CJK_SUFFIX,
  DETERMINERS,
  EAST_ASIAN_FAMILY,
  HONORIFICS,
  isHangul,
  isHanOrKana,
  KOREAN_GIVEN,
  PARTICLES,
  PERSON_VERBS,
  PINYIN_LIKE,
  PLACE_NAMES,
  PLACE_NOUNS,
  SPEECH_VERBS,
  VIETNAMESE_MIDDLE,
} from './name-context.js';
import type { NameLexicon } from './name-lexicon.js';
import { LETTERS, UPPER_START } from './util.js';

interface Word {
  start: number;
  end: number;
  text: string;
  lower: string;
}

/** Starts with a capital and is not all capitals (`Maria`, not `maria` or `NASA`). */
function isTitle(w: string): boolean {
  const first = w[0] ?? '';
  return first !== first.toLowerCase() && (w.length === 1 || w !== w.toUpperCase());
}
const isCaseless = (w: string) => /^[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(w);

/** Capitalised words are the only places a name can start (caseless scripts aside). */
const CAPITALISED = new RegExp(
  `(?<![${LETTERS}'’-])[${UPPER_START}][${LETTERS}]*(?:[-'’][${LETTERS}]+)*`,
  'g',
);
const CASELESS_WORD = /[\p{Script=Arabic}\p{Script=Hebrew}]+/gu;
const HAS_CASELESS = /[\u0590-\u06ff]/;
const HAS_CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
const NEXT_WORD = /(?:[ \t]{1,2}|-)([\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*)/uy;
const LETTER = /[\p{L}\p{M}]/u;
/** A letter of any script by code unit (cheap, for short look-backs). */
const isLetter = (code: number) =>
  (code >= 65 && code <= 90) ||
  (code >= 97 && code <= 122) ||
  (code >= 0xc0 && code !== 0xd7 && code !== 0xf7);
const WORD_CHAR = /[\p{L}\p{M}'’-]/u;

function makeWord(start: number, raw: string): Word {
  const apostrophe = raw[raw.length - 2];
  const text = raw.endsWith('s') && (apostrophe === "'" || apostrophe === '’') ? raw.slice(0, -2) : raw;
  return { start, end: start + text.length, text, lower: text.toLowerCase() };
}

class PersonScanner {
  readonly #spans: Span[] = [];

  constructor(
    private readonly text: string,
    private readonly names: NameLexicon,
  ) {}

  #given(w: Word): boolean {
    if (this.names.given.has(w.lower)) return true;
    if (!w.lower.includes('-')) return false;
    const parts = w.lower.split('-');
    return parts.length > 1 && parts.every((p) => this.names.given.has(p));
  }

  /** The word right after `w`, separated by one or two spaces or a hyphen. */
  #next(w: Word): Word | undefined {
    NEXT_WORD.lastIndex = w.end;
    const m = NEXT_WORD.exec(this.text);
    const raw = m?.[1];
    return m && raw ? makeWord(m.index + m[0].length - raw.length, raw) : undefined;
  }

  /** The word before `w` and what separates them, looking back a few characters at most. */
  #prev(w: Word): { word: Word; gap: string } | undefined {
    let i = w.start;
    while (i > 0 && w.start - i < 12 && !LETTER.test(this.text[i - 1] ?? '')) i--;
    if (i === 0 || w.start - i >= 12) return undefined;
    const end = i;
    while (i > 0 && end - i < 40 && WORD_CHAR.test(this.text[i - 1] ?? '')) i--;
    return { word: makeWord(i, this.text.slice(i, end)), gap: this.text.slice(end, w.start) };
  }

  #surnameLike(w: Word): boolean {
    const known = this.names.family.has(w.lower) || this.#given(w);
    if (!isTitle(w.text) && !(isCaseless(w.text) && known)) return false;
    if (PLACE_NOUNS.has(w.lower)) return false;
    if (known) return true;
    return !this.names.common(w.lower) && !this.names.ambiguous.has(w.lower) && w.text.length > 1;
  }

  /**
   * A lone given name that is also a word or a place. compromise's tagger would judge it in
   * context but costs milliseconds a sentence, far over the scrub budget, so cheap context decides.
   */
  #lonePerson(w: Word, next: Word | undefined): boolean {
    if (next && SPEECH_VERBS.has(next.text)) return true;
    if (PLACE_NAMES.has(w.lower)) return false;
    const nextIsVerb = next !== undefined && PERSON_VERBS.has(next.text);
    const prev = this.#prev(w);
    if (!prev || /[.!?\n:;]/.test(prev.gap)) return nextIsVerb;
    // `the Rose Garden`, `Amazing Grace`: an article or a capitalised word before it makes it a thing's name.
    return !DETERMINERS.has(prev.word.lower) && !isTitle(prev.word.text);
  }

  /** Family name first, then given-name syllables: `Wang Wei`, `Kim Min-jun`, `Nguyen Van An`. */
  #eastAsianName(w: Word): Word | undefined {
    if (!EAST_ASIAN_FAMILY.has(w.lower)) return undefined;
    let last = w;
    for (let count = 0; count < 3; count++) {
      const next = this.#next(last);
      if (!next || !isTitle(next.text) || PLACE_NOUNS.has(next.lower)) break;
      const nl = next.lower;
      const ok =
        KOREAN_GIVEN.test(next.text) ||
        this.#given(next) ||
        VIETNAMESE_MIDDLE.has(nl) ||
        (PINYIN_LIKE.test(nl) && (count > 0 || !this.names.common(nl)));
      if (!ok) break;
      last = next;
    }
    return last === w ? undefined : last;
  }

  /** Extends a name forward over surnames and particles (`Ludwig van Beethoven`, `Maria García López`). */
  #extend(first: Word): Word {
    let last = first;
    for (let count = 0; count < 3; count++) {
      const next = this.#next(last);
      if (!next) break;
      if (this.#surnameLike(next)) {
        last = next;
        continue;
      }
      const after = PARTICLES.has(next.lower) ? this.#next(next) : undefined;
      if (after && isTitle(after.text) && !this.names.common(after.lower)) {
        last = after;
        count++;
        continue;
      }
      break;
    }
    return last;
  }

  #afterHonorific(w: Word): boolean {
    let end = w.start;
    for (let spaces = 0; spaces < 2 && this.text[end - 1] === ' '; spaces++) end--;
    if (end === w.start) return false;
    if (this.text[end - 1] === '.') end--;
    let start = end;
    while (start > 0 && end - start < 12 && isLetter(this.text.charCodeAt(start - 1))) start--;
    if (start === end || (start > 0 && isLetter(this.text.charCodeAt(start - 1)))) return false;
    const before = this.text.slice(start, end);
    return isTitle(before) && HONORIFICS.has(before.toLowerCase()) && !this.names.common(w.lower);
  }

  /** Where a name starting at `w` ends, or undefined when `w` starts none. */
  #nameFrom(w: Word): Word | undefined {
    const eastAsian = this.#eastAsianName(w);
    if (eastAsian) return eastAsian;
    const given = this.#given(w);
    if (!given && !this.names.family.has(w.lower))
      return this.#afterHonorific(w) ? this.#extend(w) : undefined;
    const next = this.#next(w);
    if (given && !this.names.ambiguous.has(w.lower)) return this.#extend(w);
    if (
      given &&
      next &&
      this.#surnameLike(next) &&
      (this.names.family.has(next.lower) || !this.names.ambiguous.has(next.lower))
    ) {
      return this.#extend(w);
    }
    if (this.#afterHonorific(w)) return this.#extend(w);
    if (given && this.#lonePerson(w, next)) return w;
    if (
      this.names.family.has(w.lower) &&
      next &&
      isTitle(next.text) &&
      this.#given(next) &&
      !this.names.ambiguous.has(next.lower)
    ) {
      return this.#extend(w);
    }
    return undefined;
  }

  #each(pattern: RegExp, visit: (w: Word) => number): void {
    pattern.lastIndex = 0;
    let skipUntil = 0;
    for (let m = pattern.exec(this.text); m; m = pattern.exec(this.text)) {
      if (m.index < skipUntil) continue;
      skipUntil = visit(makeWord(m.index, m[0]));
    }
  }

  #cjkNames(): void {
    CJK_SUFFIX.lastIndex = 0;
    for (let m = CJK_SUFFIX.exec(this.text); m; m = CJK_SUFFIX.exec(this.text)) {
      const korean = m[0] === '님' || m[0] === '씨';
      let end = m.index;
      if (korean && this.text[end - 1] === ' ') end--;
      const fits = korean ? isHangul : isHanOrKana;
      let start = end;
      while (start > 0 && end - start < (korean ? 4 : 5) && fits(this.text.charCodeAt(start - 1))) start--;
      if (end - start >= (korean ? 2 : 1)) this.#spans.push({ start, end, type: 'PERSON' });
    }
  }

  scan(): Span[] {
    this.#each(CAPITALISED, (w) => {
      if (!isTitle(w.text)) return 0;
      const last = this.#nameFrom(w);
      if (!last) return 0;
      this.#spans.push({ start: w.start, end: last.end, type: 'PERSON' });
      return last.end;
    });
    if (HAS_CASELESS.test(this.text)) {
      this.#each(CASELESS_WORD, (w) => {
        if (!this.names.given.has(w.lower)) return 0;
        let last = w;
        for (let next = this.#next(w); next && this.#surnameLike(next); next = this.#next(next)) last = next;
        this.#spans.push({ start: w.start, end: last.end, type: 'PERSON' });
        return last.end;
      });
    }
    if (HAS_CJK.test(this.text)) this.#cjkNames();
    const user = this.names.user;
    if (user) {
      user.lastIndex = 0;
      for (let m = user.exec(this.text); m; m = user.exec(this.text)) {
        this.#spans.push({ start: m.index, end: m.index + m[0].length, type: 'PERSON' });
      }
    }
    return this.#spans;
  }
}

/**
 * Person names: given names from compromise's lexicon and the shipped lists (German, French,
 * Spanish, Italian, Portuguese, Slavic in Latin and Cyrillic, Nordic, Turkish, Arabic, Persian,
 * Hebrew, Indian, Chinese, Japanese, Korean, Vietnamese, African), extended over surnames; names
 * after an honorific (`Dr. Okafor`, `Herr Weber`); East Asian family-name-first forms; CJK names
 * before an honorific suffix (`田中さん`); the user's own list. Names that are also words or places
 * (`Sydney`, `Mark`) count only with a surname or when compromise tags them as a person in context.
 */
export function detectPersons(text: string, names: NameLexicon): Span[] {
  return new PersonScanner(text, names).scan();
}
