import type { Span } from '../types.js';
import { cueBefore, detectBirthDates, OTHER_DATE } from './dob.js';
import { birthDatesFromCues } from './dob-from-cues.js';
import { birthDatesAfterWrittenCues } from './dob-docs-persian-arabic-italian.js';
import { gedcomBracketYorubaBirthDates } from './dob-gedcom-brackets-yoruba.js';
import { ONE_ENTRY, searchBeyondLatin } from './util.js';
import { lifespans } from './dob-after-names.js';
import { wordDatesOfBirthPtItDeHu } from './dob-words-pt-it-de-hu.js';

/**
 * Round 12's dates of birth: Hijri dates
 * with the month's name or the era after them (`15 رجب 1410`, `15/07/1410 هـ`), Uzbek dates (`1994-yil 9-mart`),
 * dates read out in Spanish, French and Turkish after a birth cue or question (`doce de febrero del ochenta y
 * cinco`, `le vingt-trois mai quatre-vingt-un`, `on dokuz Mart bin dokuz yüz seksen yedi`), and French `le`
 * before a date of birth (`date de naissance : le 8 juin 1974`), which belongs to the date.
 */

const HIJRI_MONTHS =
  'محرم|صفر|ربيع الأول|ربيع الاول|ربيع الآخر|ربيع الثاني|جمادى الأولى|جمادى الاولى|جمادى الآخرة|جمادى الثانية|رجب|شعبان|رمضان|شوال|ذو القعدة|ذو الحجة|ذي القعدة|ذي الحجة';
const HIJRI_MONTH = new RegExp(`(?:${HIJRI_MONTHS})\\s`);
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
const ERA = String.raw`(?:\s?(?:هـ|ه|AH|A\.H\.|H)(?![\p{L}]))?`;
/** `15 رجب 1410`, `١٥ رجب ١٤١٠ هـ` (read in ASCII digits): the day before the Hijri month, the year after it. */
const HIJRI_NAMED = new RegExp(String.raw`${DAY}\s(?:${HIJRI_MONTHS})\s1[34]\d\d${ERA}(?!\d)`, 'uy');
/** `15/07/1410 هـ`: a day-first Hijri date in digits only with the era after it. */
const HIJRI_NUMBERED = new RegExp(
  String.raw`${DAY}[./-](?:0?[1-9]|1[0-2])[./-]1[34]\d\d\s?(?:هـ|AH|A\.H\.|H)(?![\p{L}])`,
  'uy',
);
const HIJRI_ERA = /\/1[34]\d\d\s?(?:هـ|AH|A\.H\.|H)/g;

function hijriDates(text: string): Span[] {
  const spans: Span[] = [];
  for (
    let at = searchBeyondLatin(text, HIJRI_MONTH);
    at >= 0;
    at = searchBeyondLatin(text, HIJRI_MONTH, at + 1)
  ) {
    const start = dayStart(text, at - 1);
    HIJRI_NAMED.lastIndex = start;
    const m = start < at ? HIJRI_NAMED.exec(text) : null;
    if (m && cueBefore(text, start)) spans.push({ start, end: start + m[0].length, type: 'DOB' });
  }
  if (!text.includes('/1')) return spans;
  HIJRI_ERA.lastIndex = 0;
  for (let era = HIJRI_ERA.exec(text); era; era = HIJRI_ERA.exec(text)) {
    // `1/7/` to `15/07/` before the year.
    for (let start = Math.max(0, era.index - 5); start <= era.index - 3; start++) {
      if (/[\p{L}\d]/u.test(text[start - 1] ?? '')) continue;
      HIJRI_NUMBERED.lastIndex = start;
      const m = HIJRI_NUMBERED.exec(text);
      if (m && cueBefore(text, start)) spans.push({ start, end: start + m[0].length, type: 'DOB' });
      if (m) break;
    }
  }
  return spans;
}

/** The start of the one or two digits that end right before `end` (past a space), or `end + 1` if none. */
function dayStart(text: string, end: number): number {
  let i = end;
  if (text[i] === ' ') i--;
  const last = i;
  while (i >= 0 && i > last - 2 && /[0-9]/.test(text[i] ?? '')) i--;
  return i === last || /[0-9\p{L}]/u.test(text[i] ?? '') ? end + 1 : i + 1;
}

const UZ_MONTHS = 'yanvar|fevral|mart|aprel|may|iyun|iyul|avgust|sentabr|oktabr|noyabr|dekabr';
/** `1994-yil 9-mart`, `9-mart 1994-yil`: Uzbek writes the year with `-yil` and the day with a hyphen before the month. */
const UZBEK = new RegExp(
  String.raw`(?:(?:19|20)\d\d-?\s?yil,?\s${DAY}-?\s?(?:${UZ_MONTHS})|${DAY}-(?:${UZ_MONTHS}),?\s(?:19|20)\d\d(?:-?\s?yil)?)(?![\p{L}\d])`,
  'iuy',
);
const UZBEK_ANCHOR = new RegExp(String.raw`\d\d-?\s?yil|\d-(?:${UZ_MONTHS})`, 'gi');

function uzbekDates(text: string): Span[] {
  if (!/yil|-[a-z]/i.test(text)) return [];
  const spans: Span[] = [];
  UZBEK_ANCHOR.lastIndex = 0;
  for (let a = UZBEK_ANCHOR.exec(text); a; a = UZBEK_ANCHOR.exec(text)) {
    let start = a.index;
    while (start > 0 && /\d/.test(text[start - 1] ?? '')) start--;
    if (/[\p{L}\d]/u.test(text[start - 1] ?? '')) continue;
    UZBEK.lastIndex = start;
    const m = UZBEK.exec(text);
    if (!m || !cueBefore(text, start)) continue;
    spans.push({ start, end: start + m[0].length, type: 'DOB' });
    UZBEK_ANCHOR.lastIndex = start + m[0].length;
  }
  return spans;
}

const ES_UNIT = 'uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve';
const ES_DAY = `primero|${ES_UNIT}|diez|once|doce|trece|catorce|quince|dieci(?:séis|seis|siete|ocho|nueve)|veinte|veinti(?:uno|dós|dos|trés|tres|cuatro|cinco|séis|seis|siete|ocho|nueve)|treinta(?: y uno)?`;
const ES_MONTH =
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre';
const ES_DECADE = `(?:cincuenta|sesenta|setenta|ochenta|noventa)(?: y (?:${ES_UNIT}))?`;
const ES_YEAR = `(?:mil novecientos|dos mil)(?:\\s(?:${ES_DECADE}|${ES_DAY}))?|${ES_DECADE}`;
const ES = `(?:el\\s)?(?:${ES_DAY})\\sde\\s${ONE_ENTRY}(?:${ES_MONTH})\\s(?:de|del)\\s${ONE_ENTRY}(?:${ES_YEAR})`;

const FR_UNIT = 'un|deux|trois|quatre|cinq|six|sept|huit|neuf';
const FR_TEEN = 'dix-sept|dix-huit|dix-neuf|dix|onze|douze|treize|quatorze|quinze|seize';
const FR_DAY = `premier|vingt(?:[- ]et[- ]un|-(?:deux|trois|quatre|cinq|six|sept|huit|neuf))?|trente(?:[- ]et[- ]un)?|${FR_TEEN}|${FR_UNIT}`;
const FR_MONTH =
  'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre';
const FR_DECADE = `(?:trente|quarante|cinquante|soixante)(?:[- ]et[- ](?:un|onze)|-(?:${FR_TEEN}|deux|trois|quatre|cinq|six|sept|huit|neuf))?|quatre-vingts?(?:-(?:${FR_TEEN}|${FR_UNIT}))?`;
const FR_YEAR = `(?:mille|mil|dix-neuf) neuf cents?(?:\\s(?:${FR_DECADE}|${FR_TEEN}|${FR_UNIT}))?|deux mille(?:\\s(?:${FR_TEEN}|vingt(?:[- ]et[- ]un|-[a-zà-ÿ]+)?|${FR_UNIT}))?|${FR_DECADE}`;
const FR = `(?:le\\s)?(?:${FR_DAY})\\s${ONE_ENTRY}(?:${FR_MONTH})\\s${ONE_ENTRY}(?:${FR_YEAR})`;

const TR_UNIT = 'bir|iki|üç|dört|beş|altı|yedi|sekiz|dokuz';
const TR_DAY = `(?:on|yirmi)(?:\\s(?:${TR_UNIT}))?|otuz(?:\\sbir)?|${TR_UNIT}`;
const TR_MONTH = 'ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık';
const TR_YEAR = `bin dokuz yüz (?:on|yirmi|otuz|kırk|elli|altmış|yetmiş|seksen|doksan)(?:\\s(?:${TR_UNIT}))?|iki bin(?:\\s(?:on|yirmi))?(?:\\s(?:${TR_UNIT}))?|(?:19|20)\\d\\d`;
const TR = `(?:${TR_DAY})\\s${ONE_ENTRY}(?:${TR_MONTH})\\s${ONE_ENTRY}(?:${TR_YEAR})`;

/** (Without `u`: its Unicode case folding compiled the three languages' words ~300 KB larger, ADR 0019.) */
const SPOKEN = new RegExp(`(?:${ES}|${FR}|${TR})(?![A-Za-zÀ-ɏ\\d-])`, 'iy');
/** Birth cues of these languages, questions too (`¿fecha de nacimiento?`, `doğum tarihiniz?`); checked on the match. */
const SPOKEN_CUE = /[Nn]acimiento|[Nn]ac(?:í|ió|id[oa])|[Nn]aissance|[Nn]ée?|[Dd]oğum|[Dd]ogum|[Dd]oğdu/g;
const WINDOW = 80;
/** Between the cue and the date, another date's word (an appointment). */
const NOT_BIRTH = /rendez-vous|\bcita\b|randevu|\bRDV\b/i;

function spokenDates(text: string): Span[] {
  const spans: Span[] = [];
  SPOKEN_CUE.lastIndex = 0;
  for (let cue = SPOKEN_CUE.exec(text); cue; cue = SPOKEN_CUE.exec(text)) {
    if (/\p{L}/u.test(text[cue.index - 1] ?? '')) continue;
    const from = cue.index + cue[0].length;
    const window = text.slice(from, from + WINDOW);
    const stop = window.search(/[\n!;]|\.\s/);
    const clause = stop < 0 ? window : window.slice(0, stop);
    const words = /(?:^|[^\p{L}])(\p{L})/gu;
    for (let w = words.exec(clause); w; w = words.exec(clause)) {
      const start = from + w.index + w[0].length - 1;
      SPOKEN.lastIndex = start;
      const m = SPOKEN.exec(text);
      if (!m) continue;
      if (OTHER_DATE.test(text.slice(from, start)) || NOT_BIRTH.test(text.slice(from, start))) break;
      spans.push({ start, end: start + m[0].length, type: 'DOB' });
      SPOKEN_CUE.lastIndex = Math.max(SPOKEN_CUE.lastIndex, start + m[0].length);
      break;
    }
  }
  return spans;
}

/** `date de naissance : le 8 juin 1974`: French `le` is the date's, but in `née le` it is the cue's. */
const FRENCH_ARTICLE = /(?:^|[^\p{L}])(n[ée]e?s?\s)?le\s$/iu;

function withFrenchArticle(text: string, spans: Span[]): Span[] {
  return spans.map((span) => {
    const m = FRENCH_ARTICLE.exec(text.slice(Math.max(0, span.start - 10), span.start));
    return m && !m[1] ? { ...span, start: span.start - 3 } : span;
  });
}

/**
 * Every date of birth of dob.ts and of the rules above. (Digits of other scripts, `જન્મ ૧૨/૦૮/૧૯૯૦`, reach the
 * detectors in ASCII: the detection view writes them so.)
 */
export function detectBirthDatesInAnyForm(text: string): Span[] {
  const spans = [
    ...detectBirthDates(text),
    ...hijriDates(text),
    ...uzbekDates(text),
    ...spokenDates(text),
    ...birthDatesFromCues(text),
    ...birthDatesAfterWrittenCues(text),
    ...gedcomBracketYorubaBirthDates(text),
    ...lifespans(text),
    ...wordDatesOfBirthPtItDeHu(text),
  ];
  // `9-mart 1994` of dob.ts inside `9-mart 1994-yil`: the longer reading stays.
  const outer = spans.filter(
    (span, i) =>
      !spans.some(
        (o, j) =>
          j !== i &&
          o.start <= span.start &&
          o.end >= span.end &&
          (o.end - o.start > span.end - span.start || j < i),
      ),
  );
  return withFrenchArticle(text, outer);
}
