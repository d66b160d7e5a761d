import type { EntityType, Span } from '../types.js';

/** Every match of a global pattern as a span, optionally only a capture group, when `accept` agrees. */
export function matchSpans(
  text: string,
  pattern: RegExp,
  type: EntityType,
  accept: (match: RegExpExecArray) => boolean = () => true,
  group?: number,
): Span[] {
  const spans: Span[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    if (!accept(match)) continue;
    const span = spanOf(match, type, group);
    if (span) spans.push(span);
  }
  return spans;
}

/**
 * The spans of `matchSpans` with a look-behind that `startOk` stands for (`(?<![\w-])` as `\b` in
 * the pattern and no `-` before): a match whose start fails it is dropped and the search goes on
 * from the next character, where the pattern with the look-behind would have gone on too. A
 * look-behind first in a pattern is tried at every position of the text; `\b` and this check are not.
 */
export function matchSpansWhere(
  text: string,
  pattern: RegExp,
  type: EntityType,
  startOk: (index: number) => boolean,
): Span[] {
  const spans: Span[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0] === '' || !startOk(match.index)) {
      pattern.lastIndex = match.index + 1;
      continue;
    }
    spans.push({ start: match.index, end: match.index + match[0].length, type });
  }
  return spans;
}

/**
 * Every index where the global `anchor` matches, overlapping ones too (a match is tried again from
 * the next character), so that a pattern whose every match starts with a match of `anchor` can be
 * tried at these indices only (see `matchSpansAt`).
 */
export function anchorStarts(text: string, anchor: RegExp): number[] {
  const starts: number[] = [];
  anchor.lastIndex = 0;
  for (let m = anchor.exec(text); m; m = anchor.exec(text)) {
    starts.push(m.index);
    anchor.lastIndex = m.index + 1;
  }
  return starts;
}

/**
 * The same spans as `matchSpans` with the global form of the sticky `pattern`, when every match
 * can only start at one of `starts` (ascending): a global search finds the first index from its
 * position where the pattern matches, and the sticky pattern tried at each start in turn finds the
 * same one, without a pass over the whole text.
 */
export function matchSpansAt(
  text: string,
  starts: readonly number[],
  pattern: RegExp,
  type: EntityType,
  accept: (match: RegExpExecArray) => boolean = () => true,
  group?: number,
): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const start of starts) {
    if (start < from) continue;
    pattern.lastIndex = start;
    const match = pattern.exec(text);
    if (!match || match[0] === '') continue;
    from = start + match[0].length;
    if (!accept(match)) continue;
    const span = spanOf(match, type, group);
    if (span) spans.push(span);
  }
  return spans;
}

let scan = 0;

/**
 * Starts a new scan (`detectAll` does, for each text): what the detectors worked out for the last
 * text is not used again, not even for a text of the same content, since a benchmark that scrubs
 * one text again and again would otherwise measure the cache rather than the scan.
 */
export function newScan(): void {
  scan++;
}

/** `compute` for a text, worked out once per scan and shared by every detector that asks. */
export function perScan<T>(compute: (text: string) => T): (text: string) => T {
  let memo: { scan: number; text: string; value: T } | undefined;
  return (text) => {
    if (memo?.scan !== scan || memo.text !== text) memo = { scan, text, value: compute(text) };
    return memo.value;
  };
}

/**
 * The stretches of characters beyond the Latin script (U+0370 on: Greek, Cyrillic, Hebrew, Arabic,
 * CJK, hangul) in a text, found once per scan. Most texts have few or none, so the detectors' tests
 * for a script (`[\uac00-\ud7af]`, `[都道府県]`) read these stretches instead of the whole text each.
 */
const BEYOND_LATIN = /[\u0370-\uffff]+/g;
export const beyondLatinRuns = perScan((text): readonly [number, number][] => {
  const runs: [number, number][] = [];
  BEYOND_LATIN.lastIndex = 0;
  for (let m = BEYOND_LATIN.exec(text); m; m = BEYOND_LATIN.exec(text))
    runs.push([m.index, m.index + m[0].length]);
  return runs;
});

/**
 * The first index from `from` where `pattern` (not global) matches in `text`, or -1, for a pattern
 * whose every match starts with a character at U+0370 or above and whose characters after it are
 * too, but for the last one (`[\uac00-\ud7af]`, `[АВЕКМНОРСТУХ]\d`): each stretch of such characters
 * is read with the one character after it, and the rest of the text not at all.
 */
export function searchBeyondLatin(text: string, pattern: RegExp, from = 0): number {
  for (const [start, end] of beyondLatinRuns(text)) {
    if (end <= from) continue;
    const at = Math.max(start, from);
    const found = text.slice(at, end + 1).search(pattern);
    if (found >= 0) return at + found;
  }
  return -1;
}

/**
 * One pattern that matches wherever any of `patterns` (all with the same flags) does, their
 * back-references renumbered: tried first at an index, it spares trying each of them there when
 * none can match, which is most of the time.
 */
export function anyOf(patterns: readonly RegExp[]): RegExp {
  const flags = patterns[0]?.flags ?? '';
  let groups = 0;
  const sources = patterns.map((pattern) => {
    if (pattern.flags !== flags) throw new Error(`anyOf: /${pattern.source}/ has other flags than ${flags}`);
    const offset = groups;
    groups += (new RegExp(`${pattern.source}|`, flags.replace(/[gy]/g, '')).exec('')?.length ?? 1) - 1;
    const source = pattern.source.replace(/\\(\\|[1-9]\d*)/g, (escape, ref: string) =>
      ref === '\\' ? escape : `\\${Number(ref) + offset}`,
    );
    return `(?:${source})`;
  });
  return new RegExp(sources.join('|'), flags);
}

/**
 * The matches of a global alternation of words, one at a time as `exec` finds them from an index, when the words are
 * split into two global patterns (same flags, no assertions): `latin`, and `beyond`, whose words are made of
 * characters at U+0370 or above only. `beyond` is read only in the stretches of such characters (beyondLatinRuns),
 * so the whole text is scanned for the Latin words alone. No word of one matches where a word of the other starts,
 * so the next match from an index is the nearer of the two. Each is remembered while it lies ahead.
 */
export function splitScriptWords(
  text: string,
  latin: RegExp,
  beyond: RegExp,
): (from: number) => { index: number; word: string } | undefined {
  type Found = { index: number; word: string } | undefined;
  let latinFrom = Infinity;
  let latinNext: Found;
  let beyondFrom = Infinity;
  let beyondNext: Found;
  const findBeyond = (from: number): Found => {
    for (const [start, end] of beyondLatinRuns(text)) {
      if (end <= from) continue;
      const at = Math.max(start, from);
      beyond.lastIndex = 0;
      const m = beyond.exec(text.slice(at, end));
      if (m) return { index: at + m.index, word: m[0] };
    }
    return undefined;
  };
  return (from) => {
    if (from < latinFrom || (latinNext && latinNext.index < from)) {
      latin.lastIndex = from;
      const m = latin.exec(text);
      latinFrom = from;
      latinNext = m ? { index: m.index, word: m[0] } : undefined;
    }
    if (from < beyondFrom || (beyondNext && beyondNext.index < from)) {
      beyondFrom = from;
      beyondNext = findBeyond(from);
    }
    if (!latinNext) return beyondNext;
    return beyondNext && beyondNext.index < latinNext.index ? beyondNext : latinNext;
  };
}

/**
 * Where an identity number (national-id.ts) or a plate (plate.ts) could start: a capital or digit
 * at a word start, four more capitals, digits, spaces or separators after it. One pass finds them
 * for both; each keeps the starts its own sticky `START` accepts there (which must match nowhere
 * this pattern does not).
 */
const CODE_START = /\b[A-Z0-9ÄÖÜ](?=[A-Z0-9ÄÖÜ .\-/]{4})/g;
export const codeStarts = perScan((text): readonly number[] => {
  const starts: number[] = [];
  CODE_START.lastIndex = 0;
  for (let m = CODE_START.exec(text); m; m = CODE_START.exec(text)) starts.push(m.index);
  return starts;
});

/**
 * Could a letter (`\p{L}`, of any script) be in `text` between `from` and `to`? Every letter is
 * an ASCII one or at U+00AA or above, so a `false` is sure; a `true` may be a symbol such as `’`.
 * The next such character is remembered per scan, so asking at ascending indexes (a detector
 * going through its candidates) reads the text once however many candidates there are.
 */
const MAYBE_LETTER = /[A-Za-z\u00AA-\uFFFF]/g;
const nextMaybeLetter = perScan(() => ({ from: Infinity, at: -1 }));
export function mayHaveLetterIn(text: string, from: number, to: number): boolean {
  const next = nextMaybeLetter(text);
  const start = Math.max(0, from);
  if (start < next.from || (next.at >= 0 && start > next.at)) {
    MAYBE_LETTER.lastIndex = start;
    next.from = start;
    next.at = MAYBE_LETTER.exec(text)?.index ?? -1;
  } else if (start > next.from) next.from = start;
  return next.at >= 0 && next.at < to;
}

/** A lookup table of the characters in `chars` (each listed, no ranges), by character code. */
export function codeTable(chars: string): Uint8Array {
  const table = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

/**
 * The index before every run of at least `min` characters of `table` (0 for a run at the very
 * start): where a pattern made of one separator and such a run can match (see `matchSpansAt`).
 * A loop over character codes finds the rare long runs for less than the pattern costs when it
 * is tried after every separator of the text.
 */
export function indexesBeforeRuns(text: string, table: Uint8Array, min: number): number[] {
  const indexes: number[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && table[text.charCodeAt(i)] === 1) continue;
    if (i - start >= min) indexes.push(Math.max(0, start - 1));
    start = i + 1;
  }
  return indexes;
}

/**
 * A look-ahead that always holds before an alternative that cannot match empty (a list of words): put there
 * where a pattern reaches the list in several ways (`(?:^|[^\p{L}])`, a day of one or two digits, an optional
 * word), it makes V8 compile the list once instead of once per way in (up to ten copies). The regexp code is
 * that much smaller, and V8 no longer optimises regexps compiled once a process holds too much of it.
 */
export const ONE_ENTRY = '(?=[^])';

/** Words as one alternative of a pattern, longest first (a longer word is tried before its prefix), escaped. */
export const alternation = (words: Iterable<string>): string =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');

export const digitsOf = (value: string) => value.replace(/\D/g, '');

/**
 * `text.toLowerCase()`, without the call when nothing would change. Most words and windows are in
 * lower case already, and on a slice of a text with any character past U+00FF (a two-byte string
 * in V8) `toLowerCase` takes its slow path even for plain ASCII.
 */
export function lowerCase(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 127 || (code >= 65 && code <= 90)) return text.toLowerCase();
  }
  return text;
}

/** Start and end of the line around `at`. */
export function lineAround(text: string, at: number): [number, number] {
  const start = text.lastIndexOf('\n', at) + 1;
  const newline = text.indexOf('\n', at);
  return [start, newline < 0 ? text.length : newline];
}

/**
 * Start and end of each line that holds a match of `pattern` (a pattern `searchBeyondLatin` can search): the
 * detectors of scripts beyond Latin read those lines alone.
 */
export function linesBeyondLatin(text: string, pattern: RegExp): [number, number][] {
  const lines: [number, number][] = [];
  for (let at = searchBeyondLatin(text, pattern); at >= 0;) {
    const line = lineAround(text, at);
    lines.push(line);
    at = searchBeyondLatin(text, pattern, line[1]);
  }
  return lines;
}

/** Lower-cased text of the `width` characters before `index`. */
export const before = (text: string, index: number, width: number) =>
  lowerCase(text.slice(Math.max(0, index - width), index));

/**
 * Letters of the Latin, Greek and Cyrillic scripts with combining marks, spelled out: `\p{L}`
 * under the `u` flag costs V8 several times more per character on a 100 KB text.
 */
export const LETTERS = 'A-Za-zÀ-ÖØ-öø-ɏɐ-ʯͰ-ϿЀ-ԯԱ-Ֆա-ֆḀ-ỿ\u0300-\u036f';
/** Characters a capitalised word may start with (lower-case ones in mixed blocks are filtered later). */
export const UPPER_START = 'A-ZÀ-ÖØ-ÞĀ-ɏΆ-ΫЀ-ЯӘҒҚҢӨҰҮҺҖҲҶҸӢӮҘҪԱ-ՖḀ-ỿ';

/**
 * The end of a text that names a reference number (`Ticket`, `order no.`, `case #`): the number
 * after it is the business's, not a person's phone or identity number.
 */
export const REFERENCE_CUE =
  /(?:^|[^\p{L}])(?:order|ticket|case|claim|invoice|ref|reference|incident|tracking|booking|confirmation|shipment|parcel|po|rma|request|job|batch|lot|serial|sku|item|product|part|article|artikel|model|quote|receipt|transaction|txn|bestell(?:ung|nummer)?|pedido|commande|factura|facture|rechnung|auftrag|agreement|contract|voucher|membership)s?(?:\s*(?:number|num|no|nr|n°|id|#)\.?)?[\s:#.-]{0,3}$/iu;

const WORD_CHAR = /[\p{L}\p{M}.'’-]/u;

/**
 * Matches of the sticky `pattern` that contain a match of the global `anchor` (a rare ending such
 * as `straße 12`), tried from the starts of up to `words` words before each anchor. Scanning for
 * the anchor is far cheaper than trying a long pattern at every capital of a 100 KB text.
 */
export function fromAnchors(text: string, anchor: RegExp, pattern: RegExp, words: number): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let resumeAt = 0;
  anchor.lastIndex = 0;
  for (let a = anchor.exec(text); a; a = anchor.exec(text)) {
    if (a.index < resumeAt) continue;
    // Word starts before the anchor, nearest first; the earliest start that matches wins.
    const starts: number[] = [];
    let i = a.index;
    // (The anchor's own word is always tried, also at the text's start or right where the last match ended.)
    for (let count = 0; count <= words; count++) {
      while (i > resumeAt && WORD_CHAR.test(text[i - 1] ?? '')) i--;
      starts.push(i);
      while (i > resumeAt && /[ \t]/.test(text[i - 1] ?? '')) i--;
      if (i <= resumeAt) break;
    }
    let best: RegExpExecArray | undefined;
    for (const start of starts) {
      pattern.lastIndex = start;
      const m = pattern.exec(text);
      if (m && start + m[0].length > a.index) best = m;
    }
    if (best) {
      found.push(best);
      resumeAt = best.index + best[0].length;
    }
  }
  return found;
}

/** The span of a whole match, or of one capture group when `group` is given (needs the `d` flag). */
function spanOf(match: RegExpExecArray, type: EntityType, group: number | undefined): Span | undefined {
  if (group === undefined) return { start: match.index, end: match.index + match[0].length, type };
  const indices = match.indices?.[group];
  if (match[group] === undefined || !indices) return undefined;
  return { start: indices[0], end: indices[1], type };
}

/**
 * A string safe to keep in a cache that outlives the request: V8 keeps a substring of 13 or more
 * characters as a SlicedString that points into (and so keeps alive) the whole text it was cut
 * from, and `normalize` or a `replace` that changes nothing hands the same slice back. Shorter
 * substrings are already copies; a longer one is copied into a string of its own (split and join
 * build a new flat string). Called only when a cache misses.
 */
export const detached = (s: string): string => (s.length < 13 ? s : s.split('').join(''));

/** `são paulo` → `sao paulo`, `Adébáyọ̀` → `Adebayo`: the text without its combining accents. */
export const withoutAccents = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** A finding two readings made (`combination 7-3-1`, a card after `card` and on an issuer's prefix): once. */
export function onceEach(spans: readonly Span[]): Span[] {
  const seen = new Set<string>();
  return spans.filter((span) => {
    const key = `${span.start}:${span.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
