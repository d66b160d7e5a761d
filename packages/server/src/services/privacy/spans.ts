import { TYPE_PRIORITY, type Span } from './types.js';

/**
 * Merges overlapping spans: a span inside another disappears (the outermost wins), partly
 * overlapping spans become their union with the type of the longer one.
 */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || TYPE_PRIORITY[a.type] - TYPE_PRIORITY[b.type]);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (!last || span.start >= last.end) {
      merged.push({ ...span });
      continue;
    }
    if (span.end <= last.end) continue;
    const type = span.end - span.start > last.end - last.start ? span.type : last.type;
    merged[merged.length - 1] = { start: last.start, end: span.end, type };
  }
  return merged;
}

/** Does any of `spans` overlap [start, end)? */
export const overlapsAny = (spans: readonly Span[], start: number, end: number): boolean =>
  spans.some((span) => span.start < end && start < span.end);
