import type { Span } from '../types.js';
import { extendAddress } from './address-tail.js';
import { addressesFromLocalMarkers } from './address-local-markers.js';
import { anchoredMatches } from './anchored-matches.js';
import { LETTERS, UPPER_START } from './util.js';

const L = LETTERS;
const CAP = `[${UPPER_START}][${L}'’-]*`;

/**
 * `台北市大安區忠孝東路四段 216 號 5 樓`: a Taiwanese address in traditional characters, city or county,
 * district, road and section, lane and alley, door number `號` and floor, often with spaces around the
 * numbers. Found from the door number's `號` (rare); words of sending before the city are not part of it.
 */
const TAIWANESE =
  /[\u4e00-\u9fff]{1,3}[市縣](?:[\u4e00-\u9fff]{1,4}?[區鄉鎮市])?[\u4e00-\u9fff]{1,8}?(?:大道|路|街)(?:[一二三四五六七八九十\d]{1,2}段)?(?:\s?\d{1,4}\s?巷)?(?:\s?\d{1,4}\s?弄)?\s?\d{1,5}(?:-\d{1,4})?\s?號(?:\s?\d{1,3}\s?樓(?:之\s?\d{1,3})?)?(?:\s?\d{1,4}\s?室)?/gu;
const TAIWANESE_LEAD = /^(?:[請寄送到在至往於發給收是址的]|住址|地址|住在)+/u;

function taiwaneseAddresses(text: string, spans: Span[]): void {
  for (let door = text.indexOf('號'); door >= 0; door = text.indexOf('號', door + 1)) {
    const start = text.lastIndexOf('\n', door) + 1;
    const newline = text.indexOf('\n', door);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end);
    for (const m of line.matchAll(TAIWANESE)) {
      const lead = TAIWANESE_LEAD.exec(m[0])?.[0].length ?? 0;
      spans.push({ start: start + m.index + lead, end: start + m.index + m[0].length, type: 'ADDRESS' });
    }
    door = end;
  }
}

/**
 * `số 45 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội`: a Vietnamese house number (`số`), its lanes and alleys
 * (`Số 27 ngõ 85 phố Hạ Đình`, `Số 12, ngõ 34 phố Huế`), the street's name in capitals, then a ward, a district or a city after a comma.
 */
const VIETNAMESE = new RegExp(
  String.raw`(?<![${L}])[Ss]ố\s\d{1,5}[A-Za-z]?(?:\/\d{1,4}){0,2},?\s(?:(?:ngõ|ngách|hẻm|kiệt)\s\d{1,5}(?:\/\d{1,4})?\s){0,3}(?:(?:đường|phố|ngõ|hẻm)\s)?${CAP}(?:\s${CAP}){0,4}(?:,\s(?:(?:phường|quận|huyện|thành phố|tp\.|TP\.|Q\.|P\.)\s?)?${CAP}(?:\s${CAP}){0,3}){1,4}`,
  'gu',
);

/**
 * `Kilimani, Argwings Kodhek Road, Hse No. 27, Nairobi`: an East African address, the area before a named
 * road, then the house or plot number after it.
 */
const ROAD_THEN_HOUSE = new RegExp(
  String.raw`(?<![${L}])(?:${CAP},\s)?${CAP}(?:\s${CAP}){0,2}\s(?:Road|Rd|Avenue|Ave|Street|St|Lane|Drive|Way|Highway|Crescent|Close)\.?,\s(?:Hse|House|Plot|Door|Apt|Flat)\.?\s?(?:No\.?|Number|#)\s?\d{1,5}[A-Z]?(?![\w])`,
  'uy',
);
// Found from its road word before the house (a capital starts it anywhere): the area and road before lie in these.
const ROAD_ANCHOR =
  /(?:Road|Rd|Avenue|Ave|Street|St|Lane|Drive|Way|Highway|Crescent|Close)\.?,\s(?:Hse|House|Plot|Door|Apt|Flat)/g;
const ROAD_BEFORE = new RegExp(String.raw`[${L}'’\s,-]`, 'u');

/** Taiwanese, Vietnamese and East African addresses (round 10), each extended over its area and city. */
export function detectTaiwanVietnamEastAfricaAddresses(text: string): Span[] {
  const spans: Span[] = [];
  taiwaneseAddresses(text, spans);
  if (/[Ss]ố\s\d/.test(text)) {
    for (const m of text.matchAll(VIETNAMESE))
      spans.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
  }
  if (/\b(?:Hse|House|Plot|Door|Apt|Flat)\.?\s?(?:No|Number|#)/.test(text)) {
    for (const m of anchoredMatches(text, ROAD_ANCHOR, ROAD_THEN_HOUSE, ROAD_BEFORE)) {
      spans.push({ start: m.index, end: extendAddress(text, m.index + m[0].length), type: 'ADDRESS' });
    }
  }
  spans.push(...addressesFromLocalMarkers(text));
  return spans;
}
