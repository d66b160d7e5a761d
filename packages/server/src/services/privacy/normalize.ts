/**
 * A detection view of a text: zero-width and soft-hyphen characters are dropped, full-width
 * forms and odd spaces become ASCII, so `ａｌｉｃｅ＠ｅｘ.com` or `4111\u200B1111…` are still
 * found. `origin[i]` is the index in the original text of view character `i`, so a span found
 * in the view maps back onto the original characters, which the output keeps untouched.
 */
export interface DetectionView {
  text: string;
  /** origin[i] = original index of view char i; origin[text.length] = original length. */
  origin: Int32Array | undefined;
  originalLength: number;
}

const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/;
const DISGUISE =
  /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u00A0\u2000-\u200A\u202F\u205F\u3000\uFF01-\uFF5E]/;

function viewChar(code: number): string | undefined {
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
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

export function detectionView(text: string): DetectionView {
  if (!DISGUISE.test(text)) return { text, origin: undefined, originalLength: text.length };
  const origin = new Int32Array(text.length + 1);
  let out = '';
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (INVISIBLE.test(ch)) continue;
    const mapped = viewChar(ch.charCodeAt(0));
    out += mapped ?? ch;
    origin[j++] = i;
  }
  origin[j] = text.length;
  return { text: out, origin: origin.subarray(0, j + 1), originalLength: text.length };
}

/** Maps a view span [start, end) to the original text, swallowing invisible characters inside it. */
export function toOriginal(view: DetectionView, start: number, end: number): [number, number] {
  if (!view.origin) return [start, end];
  const first = view.origin[start] ?? view.originalLength;
  const last = view.origin[end - 1] ?? view.originalLength - 1;
  return [first, last + 1];
}
