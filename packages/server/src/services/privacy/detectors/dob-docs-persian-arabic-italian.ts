import type { Span } from '../types.js';
import { matchSpans } from './util.js';

/**
 * Dates of birth found from their own cue: the birth-date field of an airline's passport record (`SSR DOCS`),
 * Persian solar dates (`۲۲ بهمن ۱۳۶۸`, after `تاریخ تولد` or `متولد`, or before `به دنیا آمدم`), Arabic dates with the day as
 * an ordinal word (`السابع من تموز ١٩٩٢`) and Italian dates read out (`quindici agosto millenovecentottantadue`),
 * each after its own cue.
 */

/** `SSR DOCS HK1/P/IND/Z1234567/IND/03MAR88/F/22OCT33/IYER/LAKSHMI`: the field after the nationality. */
const DOCS =
  /DOCS\s+(?:[A-Z]{2}\d\/)?[A-Z]{1,2}\/[A-Z]{3}\/[^/\s]*\/[A-Z]{3}\/(\d{2}[A-Z]{3}\d{2})\/[MFU]I?\//dg;

const FA_DIGIT = '[0-9۰-۹]';
const FA_MONTH = 'فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند';
const FA_DATE = new RegExp(
  `(?:تاریخ تولد(?:م|ش|ت)?|متولد)[\\s:،]*(?:در\\s)?(${FA_DIGIT}{1,2}\\s(?:${FA_MONTH})\\s${FA_DIGIT}{4})(?![0-9۰-۹])`,
  'dg',
);
/** `۲۵ اسفند ۱۳۶۸ در شیراز به دنیا آمدم`: the date before `به دنیا آمدن` (came into the world), a place between. */
const FA_DATE_BEFORE_BIRTH = new RegExp(
  `(${FA_DIGIT}{1,2}\\s(?:${FA_MONTH})\\s${FA_DIGIT}{4})(?:\\sدر\\s\\S+)?\\sبه دنیا (?:آمد|اومد)`,
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

export function birthDatesAfterWrittenCues(text: string): Span[] {
  const spans: Span[] = [];
  if (text.includes('DOCS')) spans.push(...matchSpans(text, DOCS, 'DOB', undefined, 1));
  if (/تاریخ تولد|متولد/.test(text)) spans.push(...matchSpans(text, FA_DATE, 'DOB', undefined, 1));
  if (text.includes('به دنیا')) spans.push(...matchSpans(text, FA_DATE_BEFORE_BIRTH, 'DOB', undefined, 1));
  if (/مواليد|ميلاد|ولد/.test(text)) spans.push(...matchSpans(text, AR_DATE, 'DOB', undefined, 1));
  if (/nat[oaie] il|nascita/i.test(text)) spans.push(...matchSpans(text, IT_DATE, 'DOB', undefined, 1));
  return spans;
}
