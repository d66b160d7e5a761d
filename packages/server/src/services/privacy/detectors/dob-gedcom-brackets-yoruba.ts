import type { Span } from '../types.js';
import { cueBefore } from './dob.js';

/**
 * Round 14's dates of birth: a GEDCOM birth event's date (`1 BIRT / 2 DATE 12 MAR 1911`), the first date of a
 * lifespan in brackets (`(1934-05-09 – 2011)`), a full date alone in brackets right after a person's name
 * (`my daughter Sofiia Melnyk (12.04.2012)`), and Yoruba dates with `Oṣù` and the month (`12 Oṣù Kẹta 1995`).
 */

const YEAR = String.raw`(?:1[89]|20)\d\d`;
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
const MONTH = String.raw`(?:0?[1-9]|1[0-2])`;
const ENGLISH_MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)`;
/** A whole date in digits (year first or day first) or with an English month. */
const FULL_DATE = String.raw`${YEAR}-${MONTH}-${DAY}|${DAY}[./]${MONTH}[./]${YEAR}|${DAY}(?:st|nd|rd|th)?\s${ENGLISH_MONTH}\.?,?\s${YEAR}|${ENGLISH_MONTH}\.?\s${DAY}(?:st|nd|rd|th)?,?\s${YEAR}`;

/** GEDCOM (genealogy files): `1 BIRT` then, as the next record, `2 DATE` with an optional qualifier. */
const GEDCOM_BIRTH =
  /BIRT[ \t]*(?:\r?\n|\s\/\s|\s)2 DATE (?:(?:ABT|BEF|AFT|EST|CAL) )?((?:\d{1,2} )?(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC) \d{3,4}|\d{4})(?![\w])/dy;

function gedcomBirths(text: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf('BIRT'); at >= 0; at = text.indexOf('BIRT', at + 4)) {
    if (/\w/.test(text[at - 1] ?? '')) continue;
    GEDCOM_BIRTH.lastIndex = at;
    const range = GEDCOM_BIRTH.exec(text)?.indices?.[1];
    if (range) spans.push({ start: range[0], end: range[1], type: 'DOB' });
  }
  return spans;
}

/**
 * `(1934-05-09 – 2011)`, `(12.04.1950 - 03.01.2020)`: a lifespan, its first date the birth; a range of under ten
 * years (`(2024-01-05 – 2024-03-31)`, a quarter or a contract) is none.
 */
const LIFESPAN = new RegExp(String.raw`\((${FULL_DATE})\s?[–—-]\s?(${YEAR}|${FULL_DATE}|\?)?\)`, 'dy');
const yearOf = (date: string) => Number(/(?:1[89]|20)\d\d/.exec(date)?.[0] ?? NaN);
const lifelong = (m: RegExpExecArray) => !m[2] || m[2] === '?' || yearOf(m[2]) - yearOf(m[1] ?? '') >= 10;
/** A full date alone in brackets. */
const DATE_IN_BRACKETS = new RegExp(String.raw`\((${FULL_DATE})\)`, 'dy');
/** Two or three capitalised words (a given name and a surname) and a space, right before the bracket. */
const NAME_BEFORE = /(?:^|[^\p{L}\p{M}'’-])\p{Lu}[\p{Ll}\p{M}'’-]+(?: \p{Lu}[\p{Ll}\p{M}'’-]+){1,2} $/u;

function bracketedBirths(text: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf('('); at >= 0; at = text.indexOf('(', at + 1)) {
    const next = text.charCodeAt(at + 1);
    if (next < 48 || next > 90) continue;
    LIFESPAN.lastIndex = at;
    const span = LIFESPAN.exec(text);
    const lifespan = span && lifelong(span) ? span.indices?.[1] : undefined;
    if (lifespan) {
      spans.push({ start: lifespan[0], end: lifespan[1], type: 'DOB' });
      continue;
    }
    DATE_IN_BRACKETS.lastIndex = at;
    const date = DATE_IN_BRACKETS.exec(text)?.indices?.[1];
    if (date && NAME_BEFORE.test(text.slice(Math.max(0, at - 48), at)))
      spans.push({ start: date[0], end: date[1], type: 'DOB' });
  }
  return spans;
}

/** `12 Oṣù Kẹta 1995`: Yoruba writes `Oṣù` (month) and the month's name between the day and the year. */
const YORUBA_DATE = new RegExp(
  String.raw`${DAY}\sO[ṣs][ùu]\s[\p{L}\p{M}]+(?:[ -][\p{L}\p{M}]+)?\s${YEAR}(?!\d)`,
  'uy',
);

const YORUBA_MONTH_WORD = /O[ṣs][ùu]\s/g;

function yorubaBirths(text: string): Span[] {
  const spans: Span[] = [];
  YORUBA_MONTH_WORD.lastIndex = 0;
  for (let word = YORUBA_MONTH_WORD.exec(text); word; word = YORUBA_MONTH_WORD.exec(text)) {
    const day = /\d{1,2}\s$/.exec(text.slice(Math.max(0, word.index - 3), word.index));
    if (!day) continue;
    const start = word.index - day[0].length;
    YORUBA_DATE.lastIndex = start;
    const m = YORUBA_DATE.exec(text);
    if (m && cueBefore(text, start)) spans.push({ start, end: start + m[0].length, type: 'DOB' });
  }
  return spans;
}

export function gedcomBracketYorubaBirthDates(text: string): Span[] {
  return [...gedcomBirths(text), ...bracketedBirths(text), ...yorubaBirths(text)];
}
