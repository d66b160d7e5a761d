import type { Span } from '../types.js';

/** Formats distinctive enough to flag anywhere. */
const DISTINCTIVE = new RegExp(
  [
    String.raw`[A-Z]{2}\d{2}\s?[A-Z]{3}`, // UK: AB12 CDE
    String.raw`[A-Z]{2}-\d{3}-[A-Z]{2}`, // France SIV: AB-123-CD
    String.raw`[A-ZÄÖÜ]{1,3}-[A-Z]{1,2}\s?\d{1,4}[EH]?`, // Germany: B-MW 1234
    String.raw`\d{4}\s?[BCDFGHJKLMNPRSTVWXYZ]{3}`, // Spain: 1234 BCD
    String.raw`[A-Z]{2}\s\d{3}\s?[A-Z]{2}`, // Italy: AB 123 CD
    String.raw`(?=[A-Z0-9-]{8}\b)(?=[^\s]*[A-Z])(?=[^\s]*\d)[A-Z0-9]{1,3}-[A-Z0-9]{2,3}-[A-Z0-9]{1,3}`, // Netherlands sidecodes
    String.raw`\d[A-Z]{3}\d{3}`, // California: 7ABC123
  ]
    .map((p) => `(?:${p})`)
    .join('|'),
  'g',
);
const BOUNDED = new RegExp(`(?:${DISTINCTIVE.source})(?![\\w-])`, 'y');
/** Where a plate could start: a run of capitals and digits at a word start (cheap to find). */
const START = /(?<![\w-])[A-Z0-9ÄÖÜ](?=[A-Z0-9ÄÖÜ -]{4})/g;

function distinctive(text: string): Span[] {
  const spans: Span[] = [];
  START.lastIndex = 0;
  for (let m = START.exec(text); m; m = START.exec(text)) {
    BOUNDED.lastIndex = m.index;
    const plate = BOUNDED.exec(text)?.[0];
    // `ISO 9001`, `2024 BMW`: standards and a year before a make are not plates.
    if (!plate || /^(?:ISO|RFC|CVE|ECE|DIN)\b|^(?:19|20)\d\d [A-Z]{3}$/.test(plate)) continue;
    spans.push({ start: m.index, end: m.index + plate.length, type: 'PLATE' });
    START.lastIndex = m.index + plate.length;
  }
  return spans;
}
/** Any letters-and-digits group right after a plate label, read with a sticky pattern. */
const GENERIC = /[A-Z0-9]{1,4}[ -]?[A-Z0-9]{1,4}(?:[ -]?[A-Z0-9]{1,4})?(?![\w-])/y;
const LABEL =
  /(?<!\p{L})(?:plate|licen[cs]e|registration|reg\.?|vehicle|car|kennzeichen|immatriculation|plaque|matrícula|matricula|targa|kenteken|номер|车牌|ナンバー)[^\p{L}\p{N}\n]{0,3}(?:(?:no|number|nr|n°|#)\.?[^\p{L}\p{N}\n]{0,2})?/giu;
const LABEL_HINT =
  /plate|licen|regist|reg|vehicle|car|kennz|immat|plaque|matr|targa|kenteken|номер|车牌|ナンバー/i;

function afterLabel(text: string): Span[] {
  if (!LABEL_HINT.test(text)) return [];
  const spans: Span[] = [];
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    GENERIC.lastIndex = m.index + m[0].length;
    const plate = GENERIC.exec(text)?.[0];
    if (plate && /\d/.test(plate) && /[A-Z]/.test(plate) && plate.replace(/[ -]/g, '').length >= 4) {
      spans.push({ start: GENERIC.lastIndex - plate.length, end: GENERIC.lastIndex, type: 'PLATE' });
    }
  }
  return spans;
}

/**
 * Vehicle licence plates: UK, French, German, Spanish, Italian, Dutch and Californian formats
 * anywhere; any letters-and-digits group right after a plate label (`plate: 7XYZ 88`).
 */
export function detectPlates(text: string): Span[] {
  return [...distinctive(text), ...afterLabel(text)];
}
