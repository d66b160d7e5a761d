import type { Span } from '../types.js';
import { OTHER_DATE } from './dob.js';
import { matchSpans } from './util.js';

/**
 * Dates of birth found from their cue: dates read out in Russian
 * (`двенадцатое марта восемьдесят седьмого года`) and Hindi (`पाँच जून उन्नीस सौ बानवे`, `३ मार्च १९५२`), a birthday
 * without its year (`bday is 23 Nov`), a Korean date before `생` (born), Tamil, Armenian and Arabic dates
 * after their cue, and a year of birth alone (`sinh năm 1960`, `1952 г.р.`).
 */

const RU_ORDINAL_STEM =
  'перв|втор|четв[её]рт|пят|шест|седьм|восьм|девят|десят|одиннадцат|двенадцат|тринадцат|четырнадцат|пятнадцат|шестнадцат|семнадцат|восемнадцат|девятнадцат|двадцат|тридцат';
/** A day's ordinal, nominative or genitive (`двенадцатое`, `двадцать первого`). */
const RU_DAY = `(?:(?:двадцать|тридцать)\\s)?(?:(?:${RU_ORDINAL_STEM})(?:ое|ого)|треть(?:е|его))`;
const RU_MONTH = 'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря';
const RU_UNIT_GEN = '(?:перв|втор|четв[её]рт|пят|шест|седьм|восьм|девят)ого|третьего';
const RU_DECADE = 'двадцать|тридцать|сорок|пятьдесят|шестьдесят|семьдесят|восемьдесят|девяносто';
const RU_DECADE_GEN =
  '(?:десят|одиннадцат|двенадцат|тринадцат|четырнадцат|пятнадцат|шестнадцат|семнадцат|восемнадцат|девятнадцат|двадцат|тридцат|сороков|пятидесят|шестидесят|семидесят|восьмидесят|девяност)ого';
/** `(тысяча девятьсот) восемьдесят седьмого (года)`, `две тысячи третьего года`. */
const RU_YEAR = `(?:тысяча девятьсот\\s|две тысячи\\s)?(?:(?:${RU_DECADE})\\s(?:${RU_UNIT_GEN})|${RU_DECADE_GEN}|${RU_UNIT_GEN})(?:\\sгода)?`;
const RU_DATE = new RegExp(`(?:${RU_DAY})\\s(?:${RU_MONTH})\\s(?:${RU_YEAR})(?![\\p{L}])`, 'iuy');
const RU_CUE = /рождени|родил(?:ся|ась)/gi;

const HI_UNITS =
  'एक|दो|तीन|चार|पाँच|पांच|छह|छः|सात|आठ|नौ|दस|ग्यारह|बारह|तेरह|चौदह|पंद्रह|पन्द्रह|सोलह|सत्रह|अठारह|उन्नीस|बीस|इक्कीस|बाईस|तेईस|चौबीस|पच्चीस|छब्बीस|सत्ताईस|अट्ठाईस|उनतीस|तीस|इकतीस';
const HI_TENS =
  'बत्तीस|तैंतीस|चौंतीस|पैंतीस|छत्तीस|सैंतीस|अड़तीस|उनतालीस|चालीस|इकतालीस|बयालीस|तैंतालीस|चवालीस|पैंतालीस|छियालीस|सैंतालीस|अड़तालीस|उनचास|पचास|इक्यावन|बावन|तिरेपन|चौवन|पचपन|छप्पन|सत्तावन|अट्ठावन|उनसठ|साठ|इकसठ|बासठ|तिरसठ|चौंसठ|पैंसठ|छियासठ|सड़सठ|अड़सठ|उनहत्तर|सत्तर|इकहत्तर|बहत्तर|तिहत्तर|चौहत्तर|पचहत्तर|छिहत्तर|सतहत्तर|अठहत्तर|उन्यासी|अस्सी|इक्यासी|बयासी|तिरासी|चौरासी|पचासी|छियासी|सत्तासी|अट्ठासी|नवासी|नब्बे|इक्यानबे|इक्यानवे|बानबे|बानवे|तिरानबे|तिरानवे|चौरानबे|चौरानवे|पंचानबे|पंचानवे|छियानबे|छियानवे|सत्तानबे|सत्तानवे|अट्ठानबे|अट्ठानवे|निन्यानबे|निन्यानवे';
const HI_MONTH = 'जनवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर';
/** `उन्नीस सौ बानवे` (nineteen hundred ninety-two), `दो हज़ार तीन`. */
const HI_YEAR = `उन्नीस सौ\\s(?:${HI_TENS}|${HI_UNITS})|दो हज़ार(?:\\s(?:${HI_UNITS}))?|दो हजार(?:\\s(?:${HI_UNITS}))?`;
/** `तीन मार्च उन्नीस सौ बानवे` in words, or `३ मार्च १९५२` in Devanagari or ASCII digits. */
const HI_DATE = new RegExp(
  `(?:(?:${HI_UNITS})\\s(?:${HI_MONTH})\\s(?:${HI_YEAR})|[०-९0-9]{1,2}\\s(?:${HI_MONTH})\\s[०-९0-9]{4})(?![\\p{L}\\p{M}\\p{Nd}])`,
  'uy',
);
const HI_CUE = /जन्म/g;

const EN_MONTH =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec';
/** `bday is 23 Nov`, `birthday: March 4th`: a day and a month, no year after them. */
const NO_YEAR = new RegExp(
  String.raw`(?:\s(?:is|was|on|=)|['’]s|:)*\s(?:on\s)?(?:the\s)?((?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s(?:of\s)?(?:${EN_MONTH})\.?|(?:${EN_MONTH})\.?\s(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)(?![\p{L}\d]|,?\s\d)`,
  'iuyd',
);
const BIRTHDAY_CUE = /\b(?:b-?day|birthday)\b/gi;
/** `박서준(2019년 8월 15일생)`, `(여, 1958. 3. 15.생)`: a Korean date with `생` (born) or `출생` right after it. */
const KO_BORN = /(\d{4}년\s?\d{1,2}월\s?\d{1,2}일|\d{4}\.\s?\d{1,2}\.\s?\d{1,2}\.?)\s?(?:생|출생)/dg;
/** `sinh năm 1960`, `year of birth: 1975`, `tahun lahir 1988`: a year alone after a cue that asks for the year. */
const YEAR_AFTER_CUE =
  /(?:\b(?:year of birth|birth year|yob|sinh năm|năm sinh|año de nacimiento|ano de nascimento|anno di nascita|rok urodzenia|doğum yılı|tahun lahir|geburtsjahr|année de naissance|né en|née en)|год рождения)\s?:?\s?((?:19|20)\d\d)(?!\d)/dgiu;
/** `1952 г.р.`, `1987 р.н.`: a year alone before the Russian or Ukrainian `year of birth`. */
const YEAR_BEFORE_CUE = /(?<!\d)((?:19|20)\d\d)\s?(?:г\.\s?р\.|р\.\s?н\.|года рождения)/dgu;

/** Each date of `date` starting at a word within `reach` characters after a match of `cue`, in the same clause. */
export function afterCue(text: string, cue: RegExp, date: RegExp, reach: number): Span[] {
  const spans: Span[] = [];
  const gap = /[\s:,.]/;
  cue.lastIndex = 0;
  for (let c = cue.exec(text); c; c = cue.exec(text)) {
    const from = c.index + c[0].length;
    const clause = text.slice(from, from + reach).split(/[\n!;]/)[0] ?? '';
    for (let i = 0; i < clause.length; i++) {
      if (gap.test(clause[i] ?? '') || (i > 0 && !gap.test(clause[i - 1] ?? ''))) continue;
      date.lastIndex = from + i;
      const m = date.exec(text);
      if (!m) continue;
      if (!OTHER_DATE.test(clause.slice(0, i)))
        spans.push({ start: from + i, end: from + i + m[0].length, type: 'DOB' });
      break;
    }
  }
  return spans;
}

/** `Rudo's bday is 23 Nov`: the date right after the cue (its connecting words are not the date's). */
function birthdaysWithoutYear(text: string): Span[] {
  const spans: Span[] = [];
  BIRTHDAY_CUE.lastIndex = 0;
  for (let c = BIRTHDAY_CUE.exec(text); c; c = BIRTHDAY_CUE.exec(text)) {
    NO_YEAR.lastIndex = c.index + c[0].length;
    const range = NO_YEAR.exec(text)?.indices?.[1];
    if (range) spans.push({ start: range[0], end: range[1], type: 'DOB' });
  }
  return spans;
}

const DAY = '(?:[12]\\d|3[01]|0?[1-9])';
/** Punjabi `11 ਮਾਰਚ 1990` after `ਜਨਮ`. */
const PA_DATE = new RegExp(
  `${DAY}\\s(?:ਜਨਵਰੀ|ਫ਼ਰਵਰੀ|ਫਰਵਰੀ|ਮਾਰਚ|ਅਪ੍ਰੈਲ|ਅਪਰੈਲ|ਮਈ|ਜੂਨ|ਜੁਲਾਈ|ਅਗਸਤ|ਸਤੰਬਰ|ਅਕਤੂਬਰ|ਨਵੰਬਰ|ਦਸੰਬਰ)\\s(?:19|20)\\d\\d(?!\\d)`,
  'y',
);
const PA_CUE = /ਜਨਮ/g;
/** Kazakh, year first: `1991 жылғы 14 наурыз`, after `туған`. */
const KK_DATE = new RegExp(
  `(?:19|20)\\d\\d\\sж(?:ылғы|\\.)\\s${DAY}\\s(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)(?![а-яәғқңөұүһі])`,
  'iy',
);
const KK_CUE = /туған/gi;

/** Tamil `5 ஜனவரி 1994` after `பிறந்த` (born). */
const TA_DATE = new RegExp(
  `${DAY}\\s(?:ஜனவரி|பிப்ரவரி|மார்ச்|ஏப்ரல்|மே|ஜூன்|ஜூலை|ஆகஸ்ட்|ஆகஸ்டு|செப்டம்பர்|அக்டோபர்|நவம்பர்|டிசம்பர்)\\s(?:19|20)\\d\\d(?!\\d)`,
  'y',
);
const TA_CUE = /பிறந்த/g;
/** Armenian, year first, the month in the genitive: `1992 թ. մայիսի 8-ին`, after `ծնված`. */
const HY_DATE = new RegExp(
  `(?:19|20)\\d\\d\\s?թ\\.\\s(?:հունվարի|փետրվարի|մարտի|ապրիլի|մայիսի|հունիսի|հուլիսի|օգոստոսի|սեպտեմբերի|հոկտեմբերի|նոյեմբերի|դեկտեմբերի)\\s${DAY}(?:-ին|-ը)?(?![\\d\\p{L}])`,
  'uy',
);
const HY_CUE = /ծնվ/g;
const AR_ORDINAL = 'الأول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر';
/**
 * Arabic with the day in words and the Levantine or Egyptian month: `الخامس من آذار 1945`, `العشرين من تشرين الأول
 * ١٩٧٢`, after `المولود` or `مواليد`.
 */
const AR_DATE = new RegExp(
  `(?:(?:الحادي|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع)\\s(?:عشر|والعشرين)|الحادي والثلاثين|العشرين|الثلاثين|${AR_ORDINAL}|[0-9٠-٩]{1,2})\\s(?:من\\s)?(?:كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر)\\s(?:عام\\s)?(?:19|20|١٩|٢٠)[0-9٠-٩]{2}(?![0-9٠-٩])`,
  'y',
);
const AR_CUE = /المولود[ةه]?|مواليد|ولد(?:ت)?|تاريخ الميلاد/g;

/** `born March 1990`, `DOB: Sept 1985`: a month and a year after an English birth cue (the day left out). */
const BORN_MONTH_YEAR = new RegExp(
  String.raw`\b(?:born|dob|d\.o\.b\.?|date of birth)\s?(?:in\s|on\s|:\s?|-\s)?((?:${EN_MONTH})\.?,?\s(?:19|20)\d\d)(?![\dA-Za-z])`,
  'dgi',
);
/** `birth_date=19950722`, `DOB: 19880312`: a compact year-month-day right after a birth label. */
const COMPACT_AFTER_LABEL =
  /\b(?:birth[_ -]?date|date[_ ]of[_ ]birth|dob|geburtsdatum|fecha[_ ]de[_ ]nacimiento|date[_ ]de[_ ]naissance)["']?\s?[:=]\s?["']?((?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?!\d)/dgi;
const ZH_NUMERAL = '[〇零一二三四五六七八九]';
/** `他出生于一九八八年六月十二日`: a Chinese date in numerals after `出生` or `生于` (born in), no space between. */
const ZH_NUMERAL_BORN = new RegExp(
  `(?:出生|生[于於])[于於在]?\\s?(${ZH_NUMERAL}{4}年(?:十[一二]?|[一二三四五六七八九])月(?:[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号號])`,
  'dg',
);

export function birthDatesFromCues(text: string): Span[] {
  const spans: Span[] = [];
  if (text.includes('ਜਨਮ')) spans.push(...afterCue(text, PA_CUE, PA_DATE, 40));
  if (/туған/i.test(text)) spans.push(...afterCue(text, KK_CUE, KK_DATE, 48));
  if (/[а-я]/i.test(text)) spans.push(...afterCue(text, RU_CUE, RU_DATE, 48));
  if (text.includes('जन्म')) spans.push(...afterCue(text, HI_CUE, HI_DATE, 32));
  if (/day/i.test(text)) spans.push(...birthdaysWithoutYear(text));
  if (text.includes('생')) spans.push(...matchSpans(text, KO_BORN, 'DOB', undefined, 1));
  if (text.includes('பிறந்த')) spans.push(...afterCue(text, TA_CUE, TA_DATE, 40));
  if (text.includes('ծնվ')) spans.push(...afterCue(text, HY_CUE, HY_DATE, 40));
  if (/المولود|مواليد|ولد|الميلاد/.test(text)) spans.push(...afterCue(text, AR_CUE, AR_DATE, 40));
  if (/born|dob|d\.o\.b|birth/i.test(text))
    spans.push(...matchSpans(text, BORN_MONTH_YEAR, 'DOB', undefined, 1));
  if (/birth|dob|geburtsdatum|nacimiento|naissance/i.test(text))
    spans.push(...matchSpans(text, COMPACT_AFTER_LABEL, 'DOB', undefined, 1));
  if (/生[于於]|出生/.test(text)) spans.push(...matchSpans(text, ZH_NUMERAL_BORN, 'DOB', undefined, 1));
  if (
    /birth|yob|sinh|nacimiento|nascimento|nascita|urodzenia|doğum|lahir|geburtsjahr|naissance|née? en|рождения/i.test(
      text,
    )
  )
    spans.push(...matchSpans(text, YEAR_AFTER_CUE, 'DOB', undefined, 1));
  if (/г\.\s?р\.|р\.\s?н\.|года рождения/.test(text))
    spans.push(...matchSpans(text, YEAR_BEFORE_CUE, 'DOB', undefined, 1));
  return spans;
}
