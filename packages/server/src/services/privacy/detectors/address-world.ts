import type { Span } from '../types.js';
import { extendAddress } from './address-tail.js';
import { LETTERS, ONE_ENTRY, UPPER_START } from './util.js';

const L = LETTERS;
const CAP = `[${UPPER_START}][${L}'’.]*(?:-[${L}]+)*`;
const NAME = `${CAP}(?:\\s${CAP}){0,3}`;
/** `Ștefan cel Mare și Sfânt`, `Mihai Viteazul`: a Romanian street's name, its small words in lower case. */
const ROMANIAN_NAME = `${CAP}(?:\\s(?:(?:cel|și|si|de|lui|din)\\s)?${CAP}){0,4}`;

/**
 * Street forms of round 10b, each read on over its area, city and postcode by `extendAddress`, and tried
 * only in a text that holds its word:
 * - Vietnam without `số`: `45 Lê Thánh Tôn, Phường Bến Nghé, Quận 1, TP.HCM` (a ward or district must follow, the
 *   ward perhaps named without its word: `27 Lê Thánh Tôn, Bến Nghé, Quận 1`);
 * - Thailand: `99/123 Soi Sukhumvit 55, Khlong Tan Nuea, …` (house/plot number, then `Soi` lane or `Thanon` road);
 * - Romania: `Str. Mihai Eminescu nr. 44, bl. A2, …` (the street word first, then `nr.`);
 * - Ukraine and Russia: `вул. Хрещатик, 22, кв. 17, Київ, 01001`, `ул. Тверская, д. 7`.
 */
const FORMS: [RegExp, RegExp][] = [
  [
    /[Pp]hường|[Qq]uận|[Hh]uyện/,
    new RegExp(
      String.raw`(?<![${L}\d/])\d{1,5}[A-Za-z]?(?:\/\d{1,4}){0,2}\s(?:(?:đường|phố)\s)?${CAP}(?:\s${CAP}){1,4}(?=(?:,\s${CAP}(?:\s${CAP}){0,2})?,\s(?:[Pp]hường|[Qq]uận|[Hh]uyện|[Xx]ã)\s[\d${UPPER_START}])`,
      'gu',
    ),
  ],
  [
    /\b(?:Soi|Thanon)\s/,
    new RegExp(
      String.raw`(?<![\w/])\d{1,4}(?:\/\d{1,4})?\s(?:Soi|Thanon)\s${NAME}(?:\s\d{1,3}(?:\/\d{1,3})?)?(?![\w/-])`,
      'gu',
    ),
  ],
  [
    /\bnr\.?\s?\d/,
    new RegExp(
      String.raw`(?<![${L}])(?:(?<!\p{Lu}\p{L}*\s)${CAP},\s)?(?:Str\.|str\.|Strada|Bd\.|Bdul\.|B-dul|Bulevardul|Calea|Șos\.|Sos\.|Șoseaua|Aleea|Splaiul|Piața|Intrarea)\s${ROMANIAN_NAME},?\s(?:nr\.?|număr(?:ul)?)\s?\d{1,4}[A-Za-z]?(?![\w])`,
      'gu',
    ),
  ],
  [
    /(?:вул|ул|просп|пр-т|пр|пер|бул|пл|наб)\.|вулиц|улиц|проспект|провулок|переулок|бульвар|шосе|шоссе/,
    new RegExp(
      String.raw`(?<![${L}])(?:вул\.|вулиця|ул\.|улица|просп\.|проспект|пр-т|пр\.|пер\.|провулок|переулок|бул\.|бульвар|пл\.|наб\.|шосе|шоссе)\s?${CAP}(?:[\s-]${CAP}){0,3},?\s(?:(?:буд|д)\.\s?|дом\s)?\d{1,4}[а-яa-z]?(?:\/\d{1,4})?(?![\w${L}/-])`,
      'gu',
    ),
  ],
];

const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
const NUMBER_WORD = `(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:${UNITS}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|${UNITS}|zero|oh`;
const SPOKEN_NUMBER = `${ONE_ENTRY}(?:${NUMBER_WORD})(?:[\\s-](?:and\\s)?${ONE_ENTRY}(?:${NUMBER_WORD})){0,3}`;
const ORDINAL_WORD =
  'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|\\d{1,3}(?:st|nd|rd|th)';
/**
 * Addresses read out in a voice transcript: `flat 3, twenty-seven Brick Lane, London E1 6PU` (the house
 * number in words before an English street; a flat before it or a city after it must come too), and
 * `number one eighteen, twelfth main, fourth block, Koramangala, …` (an Indian door number in words, then
 * the main, cross, block or stage by its ordinal, then a locality or a PIN code). Without the `u` flag: under `iu`
 * V8 folds every letter's case by Unicode's rules and compiled these two ~350 KB larger (ADR 0019); CAP spells its
 * letters out, so nothing here needs it.
 */
const SPOKEN_STREET = new RegExp(
  String.raw`(?<![\w-])(?<flat>(?:flat|apartment|apt\.?|unit)\s(?:\d{1,4}[A-Za-z]?|${SPOKEN_NUMBER}),?\s)?${SPOKEN_NUMBER}\s(?:${CAP}\s){1,3}(?:Street|Road|Lane|Avenue|Drive|Close|Crescent|Grove|Gardens|Place|Terrace|Way|Square|Hill|Park|Row|Mews)(?![\w])`,
  'gi',
);
const SPOKEN_INDIAN = new RegExp(
  String.raw`(?<![\w-])(?:(?:house|door|flat|plot)\s)?(?:number|no\.?)\s${SPOKEN_NUMBER},\s(?:${ORDINAL_WORD})\s(?:main|cross|block|stage)(?:\s(?:road|street))?(?![\w])`,
  'gi',
);
/** `, fourth block`, `, 2nd stage`: the lower-case parts of an Indian address that the tail does not read. */
const ORDINAL_PART = new RegExp(
  String.raw`,\s(?:${ORDINAL_WORD})\s(?:main|cross|block|stage)(?:\s(?:road|street))?(?![\w])`,
  'iy',
);
/** An Indian PIN code read out: six digit words (`five six zero zero three four`). */
const SPOKEN_PIN = new RegExp(
  String.raw`\s(?:(?:zero|oh|${UNITS})[\s,]{1,2}){5}(?:zero|oh|${UNITS})(?![\w])`,
  'iy',
);

function extendSpoken(text: string, end: number): number {
  let cursor = end;
  for (let count = 0; count < 8; count++) {
    ORDINAL_PART.lastIndex = cursor;
    if (ORDINAL_PART.test(text)) {
      cursor = ORDINAL_PART.lastIndex;
      continue;
    }
    const next = extendAddress(text, cursor);
    if (next > cursor) {
      cursor = next;
      continue;
    }
    SPOKEN_PIN.lastIndex = cursor;
    if (SPOKEN_PIN.test(text)) cursor = SPOKEN_PIN.lastIndex;
    break;
  }
  return cursor;
}

export function detectWorldAddresses(text: string): Span[] {
  const spans: Span[] = [];
  for (const [hint, pattern] of FORMS) {
    if (!hint.test(text)) continue;
    for (const m of text.matchAll(pattern)) {
      const coreEnd = m.index + m[0].length;
      // `…, Bangkok 10110, K. Siriporn`: the postcode ends the address; the addressee after it is not part of it.
      const postcode = /\s\d{5,6}(?=,)/.exec(text.slice(coreEnd, extendAddress(text, coreEnd)));
      const end = postcode ? coreEnd + postcode.index + postcode[0].length : extendAddress(text, coreEnd);
      spans.push({ start: m.index, end, type: 'ADDRESS' });
    }
  }
  if (
    /\b(?:Street|Road|Lane|Avenue|Drive|Close|Crescent|Grove|Gardens|Place|Terrace|Way|Square|Hill|Park|Row|Mews)\b/.test(
      text,
    )
  ) {
    for (const m of text.matchAll(SPOKEN_STREET)) {
      const coreEnd = m.index + m[0].length;
      const end = extendAddress(text, coreEnd);
      if (end > coreEnd || m.groups?.flat) spans.push({ start: m.index, end, type: 'ADDRESS' });
    }
  }
  if (/\b(?:main|cross|block|stage)\b/i.test(text)) {
    for (const m of text.matchAll(SPOKEN_INDIAN)) {
      // `number two, second block of tickets`: a locality or a PIN code must follow.
      const coreEnd = m.index + m[0].length;
      const end = extendSpoken(text, coreEnd);
      if (
        /,\s\p{Lu}|\s(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)$/u.test(
          text.slice(coreEnd, end),
        )
      )
        spans.push({ start: m.index, end, type: 'ADDRESS' });
    }
  }
  return spans;
}
