import { withOcrLabelsRead } from './ocr-labels.js';

/**
 * A detection view of a text: zero-width and soft-hyphen characters are dropped, full-width
 * forms, odd spaces and the digits of other scripts become ASCII, so `ａｌｉｃｅ＠ｅｘ.com` or `4111\u200B1111…` are still
 * found, and form labels misread by a scanner (`D0B:`) are read as words. Replaced characters keep their place; for the dropped ones the view remembers where
 * they were, so a span found in the view maps back onto the original characters, which the
 * output keeps untouched.
 */
export interface DetectionView {
  text: string;
  /** For each dropped character, in order, the view index it was dropped at (non-decreasing). */
  droppedAt: number[];
  originalLength: number;
}

const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/;
/**
 * Zero-width and odd-space characters, full-width forms, and the digits of other scripts (Arabic-Indic, Persian,
 * Devanagari, Bengali, Gurmukhi, Gujarati, Odia, Tamil, Telugu, Kannada, Malayalam, Thai).
 */
const DISGUISE =
  /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u00A0\u2000-\u200A\u202F\u205F\u3000\uFF01-\uFF5E\u0660-\u0669\u06F0-\u06F9\u0966-\u096F\u09E6-\u09EF\u0A66-\u0A6F\u0AE6-\u0AEF\u0B66-\u0B6F\u0BE6-\u0BEF\u0C66-\u0C6F\u0CE6-\u0CEF\u0D66-\u0D6F\u0E50-\u0E59]/;
/** The zero of each script whose digits the view writes in ASCII (`۱۳۶۸` → `1368`, `૧૨/૦૮` → `12/08`). */
const DIGIT_ZEROS = [
  0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0e50,
];

function viewChar(code: number): string | undefined {
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  const zero = DIGIT_ZEROS.find((first) => code >= first && code <= first + 9);
  if (zero !== undefined) return String(code - zero);
  if (
    code === 0x00a0 ||
    code === 0x3000 ||
    code === 0x202f ||
    code === 0x205f ||
    (code >= 0x2000 && code <= 0x200a)
  ) {
    return ' ';
  }
  return undefined;
}

const DISGUISED = new RegExp(DISGUISE.source, 'g');

/**
 * `Aoife\u200BMurphy`, `Tuiasosopo\u00ADLeota`: a zero-width space or a soft hyphen between a lower-case and a
 * capital letter parts two words (a space in the view), where elsewhere it only hides a character.
 */
function joinsTwoWords(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code !== 0x200b && code !== 0x00ad) return false;
  return /\p{Ll}/u.test(text[at - 1] ?? '') && /\p{Lu}/u.test(text[at + 1] ?? '');
}

export function detectionView(original: string): DetectionView {
  const text = withOcrLabelsRead(original);
  if (!DISGUISE.test(text)) return { text, droppedAt: [], originalLength: text.length };
  const parts: string[] = [];
  const droppedAt: number[] = [];
  let copied = 0;
  // Plain stretches are copied whole; only the disguised characters are looked at one by one.
  for (const match of text.matchAll(DISGUISED)) {
    const i = match.index;
    parts.push(text.slice(copied, i));
    copied = i + 1;
    if (joinsTwoWords(text, i)) parts.push(' ');
    else if (INVISIBLE.test(match[0])) droppedAt.push(i - droppedAt.length);
    else parts.push(viewChar(match[0].charCodeAt(0)) ?? match[0]);
  }
  parts.push(text.slice(copied));
  return { text: parts.join(''), droppedAt, originalLength: text.length };
}

/** The original index of view character `v`: `v` plus the characters dropped before it. */
function originalIndex(view: DetectionView, v: number): number {
  const dropped = view.droppedAt;
  let low = 0;
  let high = dropped.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((dropped[mid] ?? 0) <= v) low = mid + 1;
    else high = mid;
  }
  return v + low;
}

/** Maps a view span [start, end) to the original text, swallowing invisible characters inside it. */
export function toOriginal(view: DetectionView, start: number, end: number): [number, number] {
  if (view.droppedAt.length === 0) return [start, end];
  return [originalIndex(view, start), originalIndex(view, end - 1) + 1];
}
