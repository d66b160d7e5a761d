import type { Span } from '../types.js';

/**
 * Dates of birth added in round 13b: the birth-date field of an airline's passport record (`SSR DOCS`),
 * Japanese era dates (`昭和58年4月2日生`), Persian solar dates (`۲۲ بهمن ۱۳۶۸`), Arabic dates with the day as
 * an ordinal word (`السابع من تموز ١٩٩٢`) and Italian dates read out (`quindici agosto millenovecentottantadue`),
 * each after its own cue.
 */

/** `SSR DOCS HK1/P/IND/Z1234567/IND/03MAR88/F/22OCT33/IYER/LAKSHMI`: the field after the nationality. */
const DOCS =
  /DOCS\s+(?:[A-Z]{2}\d\/)?[A-Z]{1,2}\/[A-Z]{3}\/[^/\s]*\/[A-Z]{3}\/(\d{2}[A-Z]{3}\d{2})\/[MFU]I?\//dg;

/** Japanese era, year (`元` for the first), month, day; a birth date when `生` follows or `生年月日` comes before. */
const ERA_DATE = /(?:明治|大正|昭和|平成|令和)(?:元|\d{1,2}|[０-９]{1,2})年\d{1,2}月\d{1,2}日/g;
const ERA_CUE_BEFORE = /生年月日[：:\s]*$/;
const ERA_CUE_AFTER = /^(?:生|[\s）)]*生まれ)/;

function eraBirthDates(text: string): Span[] {
  const spans: Span[] = [];
  ERA_DATE.lastIndex = 0;
  for (let m = ERA_DATE.exec(text); m; m = ERA_DATE.exec(text)) {
    const end = m.index + m[0].length;
    const cued =
      ERA_CUE_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index)) ||
      ERA_CUE_AFTER.test(text.slice(end, end + 6));
    if (cued) spans.push({ start: m.index, end, type: 'DOB' });
  }
  return spans;
}

const FA_DIGIT = '[0-9۰-۹]';
const FA_MONTH = 'فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند';
const FA_DATE = new RegExp(
  `تاریخ تولد[\\s:،]*(${FA_DIGIT}{1,2}\\s(?:${FA_MONTH})\\s${FA_DIGIT}{4})(?![0-9۰-۹])`,
  'dg',
);

const AR_ORDINAL =
  'الأول|الاول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر|الحادي عشر|الثاني عشر|الثالث عشر|الرابع عشر|الخامس عشر|السادس عشر|السابع عشر|الثامن عشر|التاسع عشر|العشرين|الحادي والعشرين|الثاني والعشرين|الثالث والعشرين|الرابع والعشرين|الخامس والعشرين|السادس والعشرين|السابع والعشرين|الثامن والعشرين|التاسع والعشرين|الثلاثين|الحادي والثلاثين';
const AR_MONTH =
  'كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول|يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر';
const AR_DATE = new RegExp(
  `(?:مواليد|تاريخ الميلاد|تاريخ ميلاد[هها]*|ولد(?:ت)?)[\\s:،]*(?:في\\s)?((?:${AR_ORDINAL}|[0-9٠-٩]{1,2})\\s(?:من\\s)?(?:شهر\\s)?(?:${AR_MONTH})\\s(?:عام\\s|سنة\\s)?[0-9٠-٩]{4})(?![0-9٠-٩])`,
  'dg',
);

const IT_DAY =
  'primo|uno|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici|tredici|quattordici|quindici|sedici|diciassette|diciotto|diciannove|venti|ventuno|ventidue|ventitré|ventitre|ventiquattro|venticinque|ventisei|ventisette|ventotto|ventinove|trenta|trentuno|\\d{1,2}';
const IT_MONTH =
  'gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre';
/** `nato il`, `nata il`, `data di nascita`: then the day, the month, the year in words. */
const IT_DATE = new RegExp(
  `(?:nat[oaie] il|data di nascita[:\\s]*(?:è\\s)?(?:il\\s)?)\\s*((?:${IT_DAY})\\s(?:${IT_MONTH})\\s(?:mille(?:nove|otto)cento|duemila)[a-zàé]*)`,
  'dgi',
);

function groupSpans(text: string, pattern: RegExp, group: number): Span[] {
  const spans: Span[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const range = m.indices?.[group];
    if (range) spans.push({ start: range[0], end: range[1], type: 'DOB' });
  }
  return spans;
}

export function round13bBirthDates(text: string): Span[] {
  const spans: Span[] = [];
  if (text.includes('DOCS')) spans.push(...groupSpans(text, DOCS, 1));
  if (text.includes('年')) spans.push(...eraBirthDates(text));
  if (text.includes('تاریخ تولد')) spans.push(...groupSpans(text, FA_DATE, 1));
  if (/مواليد|ميلاد|ولد/.test(text)) spans.push(...groupSpans(text, AR_DATE, 1));
  if (/nat[oaie] il|nascita/i.test(text)) spans.push(...groupSpans(text, IT_DATE, 1));
  return spans;
}
