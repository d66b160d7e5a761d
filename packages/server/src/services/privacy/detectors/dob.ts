import type { Span } from '../types.js';

/** Month names and abbreviations (with the genitive forms Slavic languages use in dates). */
const MONTH_NAMES = `
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
januar februar märz maerz mai juni juli oktober dezember jän
janvier février fevrier mars avril juin juillet août aout septembre octobre novembre décembre decembre janv févr fevr avr juil
enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre ene abr ago dic
gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre genn
janeiro fevereiro março marco maio junho julho setembro outubro novembro dezembro fev set out dez
januari februari maart mei augustus
stycznia lutego marca kwietnia maja czerwca lipca sierpnia września wrzesnia października pazdziernika listopada grudnia
ocak şubat subat mart nisan mayıs mayis haziran temmuz ağustos agustos eylül eylul ekim kasım kasim aralık aralik
maret agustus desember
augusti marts
ianuarie februarie martie aprilie iunie iulie septembrie octombrie noiembrie decembrie
января февраля марта апреля мая июня июля августа сентября октября ноября декабря
січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня`;

const MONTHS = [...new Set(MONTH_NAMES.split(/\s+/).filter(Boolean))]
  .sort((a, b) => b.length - a.length)
  .join('|');
const ORDINAL = String.raw`(?:st|nd|rd|th|er|re|e|º|ª|°|\.)?`;
const YEAR = String.raw`(?:19|20)\d\d`;
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
/** A whole date, in digits, in words of many languages, or in CJK characters. */
const DATE = [
  String.raw`${YEAR}[-/.](?:0?[1-9]|1[0-2])[-/.]${DAY}`,
  String.raw`${DAY}[./-](?:0?[1-9]|1[0-2])[./-](?:${YEAR}|\d\d)`,
  String.raw`(?:0?[1-9]|1[0-2])[./-]${DAY}[./-](?:${YEAR}|\d\d)`,
  String.raw`(?:the\s)?${DAY}${ORDINAL}\s?(?:of\s|de\s|del\s)?(?:${MONTHS})\.?,?\s(?:de\s|del\s)?${YEAR}(?:\sг\.?)?`,
  String.raw`(?:${MONTHS})\.?\s(?:the\s)?${DAY}${ORDINAL},?\s${YEAR}`,
  String.raw`${YEAR}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日`,
  String.raw`${YEAR}년\s?\d{1,2}월\s?\d{1,2}일`,
].join('|');
const DATE_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}])(?:${DATE})(?![\\p{L}\\p{N}])`, 'giu');

/** Words that announce a date of birth, in the languages of the month list. */
const CUE = new RegExp(
  String.raw`(?<![\p{L}])(?:date of birth|birth ?date|birthday|d\.?o\.?b\.?|born|b\.|geboren|geb\.|geburtsdatum|geburtstag|n[ée]e? le|née|né|date de naissance|fecha de nacimiento|fecha de nac\.?|f\. nac\.?|nacid[oa]|naci[óo]|nacimiento|nasceu|nat[oa]|data di nascita|data de nascimento|nascid[oa]|geboortedatum|geboren op|urodzon[ya]|data urodzenia|doğum tarihi|dogum tarihi|doğdu|tanggal lahir|lahir|födelsedatum|född|fødselsdato|født|data nașterii|născut|născută|дата рождения|родил(?:ся|ась)|дата народження|народився|народилася|生年月日|出生日期|出生|생년월일)(?![\p{L}])`,
  'giu',
);
/** Cues written after the date: `1988年12月1日生まれ`, `12.03.1985 (DOB)`. */
const CUE_AFTER = /生まれ|出生|\(\s?(?:dob|d\.o\.b\.?|born|date of birth)\s?\)/giu;
const WINDOW = 48;

function dateNear(text: string, from: number): Span | undefined {
  DATE_PATTERN.lastIndex = from;
  const match = DATE_PATTERN.exec(text);
  if (!match || match.index - from > WINDOW) return undefined;
  // The date belongs to the cue only within the same sentence or line (a question and its answer count as one).
  if (/\n|[.!]\s+\p{Lu}/u.test(text.slice(from, match.index))) return undefined;
  return { start: match.index, end: match.index + match[0].length, type: 'DOB' };
}

/**
 * Dates of birth: a date (digits, words in a dozen languages, CJK) within a few words after a
 * birth cue (`DOB: 1984-03-12`, `born in Ibadan on 3rd of March 1991`, `22 de junio de 1984`
 * after `nacida el`), or right before one (`1988年12月1日生まれ`). Other dates are left alone.
 */
export function detectBirthDates(text: string): Span[] {
  const spans: Span[] = [];
  CUE.lastIndex = 0;
  for (let cue = CUE.exec(text); cue; cue = CUE.exec(text)) {
    const end = cue.index + cue[0].length;
    const date = dateNear(text, end);
    if (date) spans.push(date);
    CUE.lastIndex = end;
  }
  CUE_AFTER.lastIndex = 0;
  for (let cue = CUE_AFTER.exec(text); cue; cue = CUE_AFTER.exec(text)) {
    const from = Math.max(0, cue.index - 32);
    const before = text.slice(from, cue.index).trimEnd();
    let last: RegExpExecArray | null = null;
    DATE_PATTERN.lastIndex = 0;
    for (let m = DATE_PATTERN.exec(before); m; m = DATE_PATTERN.exec(before)) last = m;
    if (last && last.index + last[0].length === before.length) {
      spans.push({ start: from + last.index, end: from + before.length, type: 'DOB' });
    }
  }
  return spans;
}
