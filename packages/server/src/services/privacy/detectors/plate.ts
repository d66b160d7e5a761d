import type { Span } from '../types.js';
import { before, matchSpans } from './util.js';

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
const BOUNDED = new RegExp(`(?<![\\w-])(?:${DISTINCTIVE.source})(?![\\w-])`, 'g');
const GENERIC =
  /(?<![\w-])(?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])[A-Z0-9]{1,4}[ -]?[A-Z0-9]{1,4}(?:[ -]?[A-Z0-9]{1,4})?(?![\w-])/g;
const CONTEXT =
  /(?:plate|licen[cs]e|registration|reg\.?|vehicle|car|kennzeichen|immatriculation|plaque|matrícula|matricula|targa|kenteken|номер|车牌|ナンバー)\W{0,3}(?:(?:no|number|nr|n°|#)\.?\W{0,2})?$/i;

/**
 * Vehicle licence plates: UK, French, German, Spanish, Italian, Dutch and Californian formats
 * anywhere; any letters-and-digits group right after a plate label (`plate: 7XYZ 88`).
 */
export function detectPlates(text: string): Span[] {
  return [
    ...matchSpans(text, BOUNDED, 'PLATE', (m) => !/^(?:ISO|RFC|CVE|ECE|DIN)\b/.test(m[0])),
    ...matchSpans(
      text,
      GENERIC,
      'PLATE',
      (m) => CONTEXT.test(before(text, m.index, 30)) && m[0].replace(/[ -]/g, '').length >= 4,
    ),
  ];
}
