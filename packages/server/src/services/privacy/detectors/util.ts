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

export const digitsOf = (value: string) => value.replace(/\D/g, '');

/** Lower-cased text of the `width` characters before `index`. */
export const before = (text: string, index: number, width: number) =>
  text.slice(Math.max(0, index - width), index).toLowerCase();

/**
 * Letters of the Latin, Greek and Cyrillic scripts with combining marks, spelled out: `\p{L}`
 * under the `u` flag costs V8 several times more per character on a 100 KB text.
 */
export const LETTERS = 'A-Za-zÀ-ÖØ-öø-ɏͰ-ϿЀ-ԯḀ-ỿ\u0300-\u036f';
/** Characters a capitalised word may start with (lower-case ones in mixed blocks are filtered later). */
export const UPPER_START = 'A-ZÀ-ÖØ-ÞĀ-ɏΆ-ΫЀ-ЯḀ-ỿ';

/**
 * The end of a text that names a reference number (`Ticket`, `order no.`, `case #`): the number
 * after it is the business's, not a person's phone or identity number.
 */
export const REFERENCE_CUE =
  /(?:^|[^\p{L}])(?:order|ticket|case|claim|invoice|ref|reference|incident|tracking|booking|confirmation|shipment|parcel|po|rma|request|job|batch|lot|serial|sku|item|product|part|article|artikel|model|quote|receipt|transaction|txn|bestell(?:ung|nummer)?|pedido|commande|factura|facture|rechnung|auftrag)s?(?:\s*(?:number|num|no|nr|n°|id|#)\.?)?[\s:#.-]{0,3}$/iu;

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
    for (let count = 0; count <= words && i > resumeAt; count++) {
      while (i > resumeAt && WORD_CHAR.test(text[i - 1] ?? '')) i--;
      starts.push(i);
      while (i > resumeAt && /[ \t]/.test(text[i - 1] ?? '')) i--;
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
