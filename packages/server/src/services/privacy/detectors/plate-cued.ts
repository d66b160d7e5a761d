import type { Span } from '../types.js';

/**
 * `patente PHKT 42`, `patente: AB·1234`, `patente AB 123 CD`: the Chilean and Argentine word for a plate,
 * then a plate of those countries' shapes: Chile four letters and two digits (since 2007) or two letters and
 * four digits (before); Argentina three letters and three digits (1995–2016) or two letters, three digits and
 * two letters (Mercosur, since 2016). `patente` is also a patent: only these shapes are read after it.
 */
const PATENTE =
  /\b[Pp]atente(?:\s(?:del\s(?:auto|vehículo|camión)|n[º°o]\.?))?[\s:]{1,3}([A-Z]{4}[\s·.-]?\d{2}|[A-Z]{2}[\s·.-]?\d{4}|[A-Z]{3}[\s-]?\d{3}|[A-Z]{2}[\s-]?\d{3}[\s-]?[A-Z]{2})(?![\w-])/g;

/**
 * `licence plate on parking permit NXR 772`, `plate on the trailer is KDA 123A`: a few lower-case words between a
 * plate word and the plate. Only letters then digits (and letters) of a plate's length are read, and only with
 * nothing but lower-case words between.
 */
const PLATE_THEN_WORDS =
  /\b(?:licen[cs]e\splate|number\splate|plate|rego)(?:\s(?:[a-z]{2,12})){1,4}(?:\sis|:)?\s([A-Z]{2,3}[\s-]?\d{2,4}(?:[\s-]?[A-Z]{1,2})?)(?![\w-])/g;

/**
 * `دبي T 48213`, `أبوظبي 5 12345`, `دبي ي 48213`: a UAE plate, the emirate's name in Arabic, its letter (Latin or
 * Arabic, not the conjunction و) or number code, then up to five digits.
 */
const EMIRATE = /دبي|أبو ?ظبي|ابو ?ظبي|الشارقة|عجمان|رأس الخيمة|الفجيرة|أم القيوين/;
/** `Dubai K 48211`, `Abu Dhabi 5 12345`: the same, the emirate written in English. */
const EMIRATE_LATIN_PLATE =
  /\b(?:Dubai|Abu Dhabi|Sharjah|Ajman|Fujairah|Ras Al Khaimah|RAK|Umm Al Quwain|UAQ)\s(?:[A-Z]{1,2}|\d{1,2})\s\d{3,5}(?![\w-])/g;
const UAE_PLATE = new RegExp(
  String.raw`(?<![\p{L}])(?:${EMIRATE.source})\s(?:[A-Z]{1,2}|\d{1,2}|[ء-هىي])\s\d{1,5}(?![\p{L}\p{N}])`,
  'gu',
);

export function cuedPlates(text: string): Span[] {
  const spans: Span[] = [];
  if (EMIRATE.test(text)) {
    for (const m of text.matchAll(UAE_PLATE))
      spans.push({ start: m.index, end: m.index + m[0].length, type: 'PLATE' });
  }
  if (/Dubai|Abu Dhabi|Sharjah|Ajman|Fujairah|Ras Al|RAK|Umm Al|UAQ/.test(text)) {
    for (const m of text.matchAll(EMIRATE_LATIN_PLATE))
      spans.push({ start: m.index, end: m.index + m[0].length, type: 'PLATE' });
  }
  if (/atente/.test(text)) {
    for (const m of text.matchAll(PATENTE)) {
      const plate = m[1] ?? '';
      const start = m.index + m[0].length - plate.length;
      spans.push({ start, end: start + plate.length, type: 'PLATE' });
    }
  }
  if (/plate|rego/.test(text)) {
    for (const m of text.matchAll(PLATE_THEN_WORDS)) {
      const plate = m[1] ?? '';
      const start = m.index + m[0].length - plate.length;
      spans.push({ start, end: start + plate.length, type: 'PLATE' });
    }
  }
  return spans;
}
