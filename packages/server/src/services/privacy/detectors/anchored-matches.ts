import type { EntityType, Span } from '../types.js';
import { anchorStarts } from './util.js';

/**
 * The matches of the sticky `pattern`, the same as `text.matchAll` over its global form finds, when every match
 * holds a match of the global `anchor` (a rare word such as `, Immeuble` or ` bus `) and every character of the
 * match before that anchor passes `inside` (one character at a time). A whole-text search tries a long pattern
 * that starts with a look-behind or a capital at every position; here it is tried only from the stretch of
 * `inside` characters that runs up to each anchor. Why the same: the leftmost match from the last match's end
 * starts within the stretch before its own anchor, and within the stretch before no earlier anchor (that
 * stretch would reach back over the match's start too, and the sticky tries go left to right).
 */
export function anchoredMatches(
  text: string,
  anchor: RegExp,
  pattern: RegExp,
  inside: RegExp,
): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let from = 0;
  for (const at of anchorStarts(text, anchor)) {
    if (at < from) continue;
    let start = at;
    while (start > from && inside.test(text[start - 1]!)) start--;
    for (let i = start; i <= at; i++) {
      pattern.lastIndex = i;
      const m = pattern.exec(text);
      if (!m || m[0] === '') continue;
      found.push(m);
      from = i + m[0].length;
      break;
    }
  }
  return found;
}

/**
 * A list after its cue (`Recovery codes: 8f3k-29dq 7hzm-44pw`): at each of `starts` the sticky `cue` is tried, then
 * the sticky `item` (with the `d` flag) repeatedly from its end; each item's first group is a span of `type`.
 */
export function listedAfterCues(
  text: string,
  starts: Iterable<number>,
  cue: RegExp,
  item: RegExp,
  type: EntityType,
): Span[] {
  const spans: Span[] = [];
  for (const at of starts) {
    cue.lastIndex = at;
    if (!cue.exec(text)) continue;
    item.lastIndex = cue.lastIndex;
    for (let m = item.exec(text); m; m = item.exec(text)) {
      const range = m.indices?.[1];
      if (range) spans.push({ start: range[0], end: range[1], type });
    }
  }
  return spans;
}
