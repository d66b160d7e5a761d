import type { Span } from '../types.js';
import { alternation, ONE_ENTRY } from './util.js';

/** Months of the date shapes only one language writes (each list is compiled once more per shape that reads it). */
const HUNGARIAN_MONTHS =
  'január február március április május június július augusztus szeptember október november december';
const TAGALOG_MONTHS = 'pebrero marso hunyo hulyo setyembre oktubre nobyembre disyembre';
const NEPALI_MONTHS =
  'बैशाख वैशाख जेठ जेष्ठ असार आषाढ साउन श्रावण भदौ भाद्र असोज आश्विन कात्तिक कार्तिक मंसिर मार्ग पुस पौष माघ फागुन फाल्गुन चैत चैत्र';
const AMHARIC_MONTHS = 'መስከረም ጥቅምት ኅዳር ህዳር ታኅሣሥ ታህሳስ ጥር የካቲት መጋቢት ሚያዝያ ግንቦት ሰኔ ሐምሌ ነሐሴ ጳጉሜ';
/** Month names and abbreviations (with the genitive forms Slavic languages use in dates). */
const MONTH_NAMES = `
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
gener febrer març marc maig juny juliol setembre desembre
जनवरी फ़रवरी फरवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर सितम्बर अक्टूबर नवंबर नवम्बर दिसंबर दिसम्बर
januar februar märz maerz mai juni juli oktober dezember jän
janvier février fevrier mars avril juin juillet août aout septembre octobre novembre décembre decembre janv févr fevr avr juil
enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre ene abr ago dic
gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre genn
janeiro fevereiro março marco maio junho julho setembro outubro novembro dezembro fev set out dez
januari februari maart mei augustus
stycznia lutego marca kwietnia maja czerwca lipca sierpnia września wrzesnia października pazdziernika listopada grudnia
ocak şubat subat mart nisan mayıs mayis haziran temmuz ağustos agustos eylül eylul ekim kasım kasim aralık aralik
maret agustus desember ogos disember
janúar febrúar apríl maí júní júlí ágúst nóvember
augusti marts maj
ianuarie februarie martie aprilie iunie iulie septembrie octombrie noiembrie decembrie
января февраля марта апреля мая июня июля августа сентября октября ноября декабря
січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня
tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta lokakuuta marraskuuta joulukuuta
ledna února března dubna května června července srpna září října listopadu prosince
${HUNGARIAN_MONTHS}
ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου μαιου ιουνίου ιουλίου αυγούστου σεπτεμβρίου οκτωβρίου νοεμβρίου δεκεμβρίου
${TAGALOG_MONTHS}
machi aprili julai agosti septemba oktoba novemba desemba
يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر
জানুয়ারি জানুয়ারী ফেব্রুয়ারি ফেব্রুয়ারী মার্চ এপ্রিল মে জুন জুলাই আগস্ট সেপ্টেম্বর অক্টোবর নভেম্বর ডিসেম্বর
${NEPALI_MONTHS}
${AMHARIC_MONTHS}
meskerem tikimt tekemt hidar hedar tahsas tahesas yekatit megabit miyazya miazia genbot ginbot hamle nehase nehasse pagume pagumen
ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר בינואר בפברואר במרץ באפריל במאי ביוני ביולי באוגוסט בספטמבר באוקטובר בנובמבר בדצמבר`;

// (A longer list of months made V8 run DATE_PATTERN several times slower: Punjabi and Kazakh dates are read in
// dob-from-cues.ts, from their cues.)
const monthsOf = (names: string) => `${ONE_ENTRY}(?:${alternation(names.split(/\s+/).filter(Boolean))})`;
const MONTHS = monthsOf(MONTH_NAMES);
const THAI_MONTHS =
  'มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|ม\\.ค\\.|ก\\.พ\\.|มี\\.ค\\.|เม\\.ย\\.|พ\\.ค\\.|มิ\\.ย\\.|ก\\.ค\\.|ส\\.ค\\.|ก\\.ย\\.|ต\\.ค\\.|พ\\.ย\\.|ธ\\.ค\\.';
const ORDINAL = String.raw`(?:st|nd|rd|th|er|re|e|º|ª|°|\.)?`;
// Family trees reach back to the 1800s.
const YEAR = String.raw`(?:18|19|20)\d\d`;
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
/** Japan's era names (Meiji 1868, Taishō 1912, Shōwa 1926, Heisei 1989, Reiwa 2019), romanised. */
const ERAS = String.raw`[Mm]eiji|[Tt]aish[oō]|[Ss]h[oō]wa|[Hh]eisei|[Rr]eiwa`;
/** A whole date, in digits, in words of many languages, or in CJK characters. */
const DATE = [
  String.raw`${YEAR}[-/.](?:0?[1-9]|1[0-2])[-/.]${DAY}`,
  String.raw`${DAY}[./-](?:0?[1-9]|1[0-2])[./-](?:${YEAR}|\d\d)`,
  // Czech and Slovak write a space after each dot: `5. 6. 1975`.
  String.raw`${DAY}\.\s(?:0?[1-9]|1[0-2])\.\s${YEAR}`,
  // Forms in capitals with boxes for day, month and year: `22 06 1975`, `08 / 12 / 2015`.
  String.raw`${DAY} \/ (?:0?[1-9]|1[0-2]) \/ ${YEAR}`,
  String.raw`${DAY} (?:0[1-9]|1[0-2]) ${YEAR}`,
  String.raw`(?:0?[1-9]|1[0-2])[./-]${DAY}[./-](?:${YEAR}|\d\d)`,
  String.raw`(?:the\s)?${DAY}${ORDINAL}\s?(?:of\s|de\s|del\s|d['’])?(?:${MONTHS})\.?,?\s(?:de\s|del\s)?${YEAR}(?:\s(?:г\.?|года))?`,
  String.raw`(?:${MONTHS})\.?\s(?:the\s)?${DAY}${ORDINAL},?\s${YEAR}`,
  String.raw`${DAY}[-/ ](?:${MONTHS})\.?[-/ ](?:${YEAR}|\d\d)`,
  // Airline and travel documents, run together: `02MAR19`, `14JUN1987` (DDMMMYY as in IATA PNRs and passports).
  String.raw`${DAY}(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:${YEAR}|\d\d)`,
  // Hungarian in numbers, `1983. 11. 02.`; Polish and Czech with the month in Roman numerals, `5.III.1958`.
  String.raw`${YEAR}\.\s(?:0?[1-9]|1[0-2])\.\s${DAY}\.?`,
  String.raw`${DAY}\.\s?(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.\s?${YEAR}`,
  // Hungarian, year first: `1985. március 12.`
  String.raw`${YEAR}\.\s(?:${monthsOf(HUNGARIAN_MONTHS)})\s${DAY}\.?`,
  // Vietnamese: `12 tháng 5 năm 1990`.
  String.raw`(?:ngày\s)?${DAY}\stháng\s(?:0?[1-9]|1[0-2])\s(?:năm\s)?${YEAR}`,
  // Tagalog: `ika-14 ng Pebrero 1991`.
  String.raw`ika-${DAY}\sng\s(?:${monthsOf(TAGALOG_MONTHS)}|enero|abril|mayo|agosto)\s${YEAR}`,
  // Persian (Solar Hijri) `1368/05/12`, Nepali (Bikram Sambat, year first) `2045 साउन 12`, Ethiopian `መስከረም 14 ቀን 1978`.
  String.raw`1[34]\d\d/(?:0?[1-9]|1[0-2])/${DAY}`,
  String.raw`${YEAR}\s(?:${monthsOf(NEPALI_MONTHS)})\s${DAY}`,
  String.raw`(?:${monthsOf(AMHARIC_MONTHS)})\s${DAY}\sቀን\s${YEAR}`,
  // Thai, with the Buddhist-era year: `5 มกราคม 2530`, `29 ก.พ. 2535`.
  String.raw`${DAY}\s(?:${THAI_MONTHS})\s(?:พ\.ศ\.\s?)?25\d\d`,
  String.raw`${YEAR}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日`,
  String.raw`${YEAR}년\s?\d{1,2}월\s?\d{1,2}일`,
  // Japanese and Korean romanised, year first: `1983-nen 4-gatsu 2-ka`, `1985-nyeon 9-wol 17-il`.
  String.raw`${YEAR}-?nen\s?\d{1,2}-?gatsu\s?\d{1,2}-?(?:nichi|ka)`,
  String.raw`${YEAR}-?nyeon\s?\d{1,2}-?wol\s?\d{1,2}-?il`,
  String.raw`(?:明治|大正|昭和|平成|令和)\s?(?:元|\d{1,2})\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日`,
  // Taiwan's Minguo calendar: `民國77年6月14日` (1988).
  String.raw`民[國国]\s?\d{1,3}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日`,
].join('|');
/**
 * `12 Meskerem 2008 E.C.`, `መስከረም 12 ቀን 1983 ዓ.ም.`, `1410/05/12 H`, `… 1410 هـ`, `2051/03/12 BS`: the calendar written after an
 * Ethiopian, Hijri or Nepali (Bikram Sambat) date belongs to it.
 */
const CALENDAR = String.raw`(?:\s?(?:E\.\s?C\.|EC|A\.\s?H\.|AH|H|هـ|ዓ\.\s?ም\.?|ዓ/ም|B\.\s?S\.|BS|वि\.\s?सं\.|बि\.\s?सं\.))?`;
const DATE_PATTERN = new RegExp(`(?<![A-Za-zÀ-ɏЀ-ӿ\\d])(?:${DATE})${CALENDAR}(?![A-Za-zÀ-ɏЀ-ӿ\\d])`, 'giu');
/**
 * Japan's era years romanised: `Showa 62, May 3rd`, `Heisei 3-nen 4-gatsu 2-ka`. Apart from DATE_PATTERN,
 * where a leading word would slow every search, and read from the era name found by YEARISH.
 */
const ERA_DATE = new RegExp(
  String.raw`(?:${ERAS})\s?(?:gannen|\d{1,2})(?:-?nen)?,?\s(?:(?:${MONTHS})\.?\s${DAY}${ORDINAL}|${DAY}${ORDINAL}\s(?:of\s)?(?:${MONTHS})|\d{1,2}-?gatsu\s?\d{1,2}-?(?:nichi|ka))(?![A-Za-zÀ-ɏЀ-ӿ\d])`,
  'iuy',
);

/**
 * Words that announce a date of birth, in the languages of the month list; the last one before a date counts.
 * The long CJK and Thai ones stand between other letters, as those scripts write no spaces (`様の生年月日は`,
 * `생신이`: Korean particles join the word; `생신` is the honorific birthday, `발생일` a date something happened).
 */
const CUE = new RegExp(
  String.raw`(?:^|[^\p{L}])${ONE_ENTRY}(?:date of birth|birth ?date|birthday|d\.?o\.?b\.?|d\.t\.|born|b\.|geboren|geb\.|geburtsdatum|geburtstag|n[ée]e? le|née|né|date de naissance|naissance|fecha de nacimiento|fecha de nac\.?|f\. nac\.?|nacid[oa]|naci[óo]?|nací|nacimiento|nasceu|nascimento|nasci|nasc\.|data de nasc\.|nascut|nascuda|data de naixement|naixement|tug[‘'ʻ’]?ilgan|туғилган|જન્મ|ਜਨਮ|ଜନ୍ମ|ಜನ್ಮ|ജനനം|ജനന തീയതി|பிறந்த தேதி|பிறந்த|ծնվ\.|ծնված|ծնվել|ծննդյան ամսաթիվ|పుట్టిన తేదీ|జననం|a mụrụ ya na|a mụrụ|ụbọchị ọmụmụ|जन्म|fecha nac\.|род\.|nat[oa]|data di nascita|data de nascimento|nascid[oa]|geboortedatum|geboren op|urodzon[ya]|data urodzenia|doğum tarihim|doğum tarihiniz|doğum tarihi|doğum(?=\s?:)|dogum tarihim|dogum tarihi|doğdu|tanggal lahir|lahir|ur\.|urodzi(?:ł|ła)(?:em|am)?(?:\ssię)?|syntynyt|syntyi|syntymäaika|narozen[aáý]?|nar\.|szül\.|gebore|datum narození|született|születési dátum|születési idő|születési ideje|ọjọ́ ìbí|ojo ibi|bí i ní|bí mi ní|sinh ngày|ngày sinh|sinh|födelsedatum|född|fødselsdato|født|data nașterii|născut|născută|ipinanganak|kapanganakan|kaarawan|alizaliwa|kuzaliwa|تاريخ الميلاد|وتاريخ الميلاد|تاريخ ميلادي|تاريخ ميلاد|وتاريخ ميلادي|تاريخ ميلاده|تاريخ ميلادها|مواليد|ولدت|ولد|وُلِ?دت?|تاريخ الولادة|תאריך לידה|נולדה|נולד|ημερομηνία γέννησης|ημ\. γέννησης|γεν\.|γέννησης|γεννήθηκε|γεννήθηκα|γεννημένη|γεννημένος|γεννηθείς|γεννηθείσα|γενέθλια|дата рождения|родил(?:ся|ась)|дата народження|народився|народилася|生年月日|出生日期|出生|誕生日|생년월일|출생|생일|تاریخ تولد|متولد|জন্ম তারিখ|জন্মতারিখ|জন্ম|जन्मतारीख|जन्म तारीख|जन्म मिति|जन्ममिति|जन्म तिथि|जन्मतिथि|የልደት ቀን|ልደት ቀን|ልደት|የትውልድ ቀን|የትውልድ ዘመን|የተወለደ(?:ችበት|በት)|የተወለዱ(?:ት|በት)|ተወለደች|ተወለደ|ተወለዱ|taariikhda dhalashada|dhalashada|туған күні|туған|fædd|fæddur|fæðingardagur|fæðingardag|เกิดวันที่|วันเกิด|เกิด|seinengappi|tanjōbi|tanjoubi|saengnyeonwolil|saeng-?il|cumpleaños|cumpleanos|cumple|compleanno|anniversaire|aniversário|aniversario|verjaardag|urodziny|doğum günü|dogum gunu|syntymäpäivä|födelsedag|fødselsdag|день рождения|день народження|sinh nhật|ulang tahun|උපන් දිනය|උපන්|ថ្ងៃកំណើត|កំណើត|မွေးသက္ကရာဇ်|မွေးနေ့|დაბადების თარიღი|დაბადების|დაბ\.|төрсөн огноо|төрсөн|ວັນເດືອນປີເກີດ|ວັນເກີດ)(?![\p{L}])|(?<=\()n\.(?=\s)|(?<=^|[\s(,;])\*(?=\s?\d{1,2}\.\d{1,2}\.\d{4})|(?:生年月日|出生年月日|出生日期|出生|生[于於]|誕生日|생년월일|생신|(?<!발)생일|วันเกิด|เกิดวันที่)`,
  'giu',
);
/**
 * Cues written after the date: `1988年12月1日生まれ`, `昭和58年4月2日生`, `12.03.1985 (DOB)`, `am 1. Mai 1979 geboren`, `gave 1987-04-21 as
 * birth date`, `12 апреля 1988 года рождения`, `03.10.1991 р.н.`, `14.05.1988 yilda tug'ilgan`, `1985년 9월 14일에 태어났어요`, and a newborn's weight (`arrived on 5 January 2024 weighing 3.1 kg`).
 */
const CUE_AFTER =
  /^\s?(?:生(?:まれ|(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]))|umare\b|出生|\(\s?(?:dob|d\.o\.b\.?|born|date of birth)\s?\)|geboren\b|doğumlu\b|г\.\s?р\.|р\.\s?н\.|(?:yilda\s)?tug['‘’ʻ]ilgan|года рождения|рождения|,?\sweighing\s\d|에?\s?태어(?:났|난|나)|as (?:(?:his|her|their|my|your|the) )?(?:birth ?date|date of birth|dob|d\.o\.b\.?|birthday)\b)/iu;
/** Every date has a year (four digits, two after a numeric day and month, `-Sep-` or `02MAR`, or a Japanese era, in kanji or romanised): dates are found from there. */
const YEARISH =
  /\d{4}|\d\d[A-Z]{3}\d\d(?!\d)|\d{1,2}[./-]\d{1,2}[./-]\d{2}(?!\d)|-[A-Za-z]{3,4}\.?-\d\d(?!\d)|[明大昭平令][治正和成]|民[國国]|(?:[Mm]eiji|[Tt]aish[oō]|[Ss]h[oō]wa|[Hh]eisei|[Rr]eiwa)(?= ?(?:\d|gannen))/g;
const WINDOW = 60;

const isDigit = (code: number) => code >= 48 && code <= 57;
/** `1990` in `… 1990.` (or a Thai `2530`), not `8888` or the start of `199012`. */
function yearAlone(text: string, at: number): boolean {
  const century = text.slice(at, at + 2);
  return (
    (century === '18' ||
      century === '19' ||
      century === '20' ||
      century === '25' ||
      century === '13' ||
      century === '14') &&
    !isDigit(text.charCodeAt(at - 1)) &&
    !isDigit(text.charCodeAt(at + 4))
  );
}

/** The date around the year at `at`, if there is one. */
export function dateAround(
  text: string,
  at: number,
  length: number,
): { start: number; end: number } | undefined {
  if (/[A-Za-z]/.test(text[at] ?? '')) {
    if (/[\p{L}\d]/u.test(text[at - 1] ?? '')) return undefined;
    ERA_DATE.lastIndex = at;
    const era = ERA_DATE.exec(text);
    return era ? { start: at, end: at + era[0].length } : undefined;
  }
  const from = Math.max(0, at - 32);
  // `1988년 12월 30일`, `1990年12月31日`, `1983-nen 4-gatsu 2-ka`: the day and month may follow the year.
  const region = text.slice(from, at + length + 24);
  DATE_PATTERN.lastIndex = 0;
  for (let m = DATE_PATTERN.exec(region); m; m = DATE_PATTERN.exec(region)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (start <= at && end >= at + length) return { start, end };
  }
  return undefined;
}

/**
 * Between a birth cue and a date, these say the date is another one (`DOB on file; appointment 01/15/2025`, `born 4 March
 * 1941 in Derry, passed peacefully on 2 January 2024`, `… called home 28 May 2024`).
 */
export const OTHER_DATE =
  /\b(?:appointment|appt|visit|expir\w*|exp|due|valid|until|issued|scheduled|booked|admitted|discharged|renew\w*|paid|seen|follow-up|since|deadline|joined|hired|started|employed|enrolled|married|moved|graduated|today|yesterday|tomorrow|signed|dated|received|created|updated|registered|start\w*|ended|party|parties|celebration|dinner|fiesta|festa|feier|fete|died|passed|deceased|funeral|buried|reposing|called home|went home|departed|entered into rest)\b|(?:décédée?|décès|fallecid[oa]|falleció|murió|morto|morta|gestorben|verstorben|умер(?:ла)?|скончал(?:ся|ась)|απεβίωσε|πέθανε)(?![\p{L}])/iu;

/** Is there a birth cue shortly before `start`, in the same sentence (a question and its answer count as one)? */
export function cueBefore(text: string, start: number): boolean {
  const window = text.slice(Math.max(0, start - WINDOW - 24), start);
  let last: RegExpExecArray | null = null;
  CUE.lastIndex = 0;
  for (let m = CUE.exec(window); m; m = CUE.exec(window)) last = m;
  if (!last) return false;
  const between = window.slice(last.index + last[0].length);
  return between.length <= WINDOW && !/\n|[.!]\s+\p{Lu}/u.test(between) && !OTHER_DATE.test(between);
}

const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
export const ORDINAL_WORD = [
  `(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)`,
  'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth',
  'thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth',
  String.raw`\d{1,2}(?:st|nd|rd|th)`,
].join('|');
/** `nineteen eighty-eight`, `eighty-eight`, `two thousand and three`, `oh-four`, `'88`, `1988`. */
export const SPOKEN_YEAR = [
  `(?:nineteen|twenty)[- ](?:(?:${TENS})(?:[- ](?:${UNITS}))?|oh[- ](?:${UNITS})|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)`,
  `two thousand(?: and)?(?: (?:${UNITS}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[- ](?:${UNITS}))?))?`,
  `(?:${TENS})(?:[- ](?:${UNITS}))?`,
  String.raw`oh[- ](?:${UNITS})`,
  String.raw`['’]\d\d`,
  String.raw`(?:19|20)\d\d`,
].join('|');
/** `the twelfth of the ninth, eighty-eight`, `March the third, nineteen ninety-one`: a date read out. */
const SPOKEN_DATE = new RegExp(
  String.raw`\b(?:(?:the\s)?(?:${ORDINAL_WORD})\s(?:of\s)?(?:the\s)?${ONE_ENTRY}(?:${ORDINAL_WORD}|${MONTHS})|(?:${MONTHS})\s(?:the\s)?${ONE_ENTRY}(?:${ORDINAL_WORD})),?\s(?:(?:in\s)?(?:the\s)?(?:year\s)?)${ONE_ENTRY}(?:${SPOKEN_YEAR})\b`,
  'giy',
);

/** English birth cues: dates are read out in words in English speech. */
const SPOKEN_CUE = /\b(?:born|birth(?:day|date)?|dob|d\.o\.b\.?)\b/gi;
const SPOKEN_ORDINAL = /(?:first|second|third|th|\dst|\dnd|\drd)\b/i;
/** Dates read out in words after a birth cue; found from the cue, since they have no digits to start from. */
function spokenBirthDates(text: string): Span[] {
  const spans: Span[] = [];
  SPOKEN_CUE.lastIndex = 0;
  for (let cue = SPOKEN_CUE.exec(text); cue; cue = SPOKEN_CUE.exec(text)) {
    const from = cue.index + cue[0].length;
    // `date of birth for security? Caller: third of March, ninety-one`: a question and its answer are one clause.
    const window = text.slice(from, from + WINDOW + 16);
    const stop = window.search(/[\n!;]|\.\s/);
    const clause = stop < 0 ? window : window.slice(0, stop);
    // Most cues are followed by digits: the words are tried only where an ordinal is written out.
    if (!SPOKEN_ORDINAL.test(clause)) continue;
    const words = /[A-Za-z\d]+/g;
    for (let w = words.exec(clause); w; w = words.exec(clause)) {
      SPOKEN_DATE.lastIndex = from + w.index;
      const m = SPOKEN_DATE.exec(text);
      if (m) {
        spans.push({ start: m.index, end: m.index + m[0].length, type: 'DOB' });
        break;
      }
    }
  }
  return spans;
}

/** Day numbers written out as words in German (ordinals), Spanish and French. */
const WORD_DAY = [
  String.raw`(?:(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und)?(?:erst|zweit|dritt|viert|fünft|sechst|siebt|acht|neunt|zehnt|elft|zwölft|dreizehnt|vierzehnt|fünfzehnt|sechzehnt|siebzehnt|achtzehnt|neunzehnt|zwanzigst|dreißigst)e[nrms]?`,
  'primero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|dieciséis|diecisiete|dieciocho|diecinueve|veinte|veinti(?:uno|dós|dos|trés|tres|cuatro|cinco|séis|seis|siete|ocho|nueve)|treinta(?: y uno)?',
  'premier|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|dix-sept|dix-huit|dix-neuf|vingt(?:[- ]et[- ]un|-(?:deux|trois|quatre|cinq|six|sept|huit|neuf))?|trente(?:[- ]et[- ]un)?',
].join('|');
const ES_NUMBER =
  'diez|once|doce|trece|catorce|quince|dieci\\p{L}+|veinte|veinti\\p{L}+|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve';
const FR_NUMBER =
  '(?:(?:un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante)(?:-|\\s(?:et\\s)?)?)+';
/** Years in words: `neunzehnhundertneunzig`, `mil novecientos ochenta y cuatro`, `mille neuf cent quatre-vingt-dix`. */
const WORD_YEAR = [
  String.raw`(?:neunzehnhundert|zweitausend)\p{Ll}*`,
  `(?:mil novecientos|dos mil)(?:\\s(?:y\\s)?(?:${ES_NUMBER})){0,3}`,
  `(?:mille|mil) neuf cents?(?:\\s${FR_NUMBER})?|deux mille(?:\\s${FR_NUMBER})?`,
].join('|');
/** The months of WORD_DAY's languages (the whole list, under `iu`, compiled ~300 KB more: ADR 0019). */
const GERMAN_SPANISH_FRENCH_MONTHS =
  monthsOf(`januar jänner jän februar märz maerz april mai juni juli august september oktober
november dezember enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre janvier
février fevrier mars avril juin juillet août aout septembre octobre décembre decembre`);
/** `dritten März neunzehnhundertneunzig`, `veintidós de junio de mil novecientos …`, `premier avril 1990`. */
const WORD_DATE = new RegExp(
  String.raw`(?:${WORD_DAY})\s(?:de\s)?(?:${GERMAN_SPANISH_FRENCH_MONTHS})\s(?:de\s)?(?:${WORD_YEAR}|${YEAR})(?![\p{L}\d])`,
  'iyu',
);
/**
 * Birth cues of the languages of WORD_DATE. Without a look-behind or `\p{…}` (tried at every position
 * of the text), the word boundaries are checked on the match.
 */
const WORD_DATE_CUE =
  /geboren|geb\.|geburtsdatum|geburtstag|n[ée]e? le|date de naissance|nacid[oa] el|naci[óo] el|fecha de nacimiento/gi;
const WORD_DAY_START = new RegExp(String.raw`(?<![\p{L}])(?:${WORD_DAY})(?![\p{L}])`, 'iu');
const WORD_DAY_ANYWHERE = new RegExp(WORD_DAY_START.source, 'giu');
const isLetter = (char: string | undefined) => char !== undefined && /\p{L}/u.test(char);

/** A date in words right after the cue (`geboren am dritten März …`) or, for `geboren`, right before it. */
function wordedDateAround(text: string, cueStart: number, cueEnd: number): Span | undefined {
  const window = text.slice(cueEnd, cueEnd + 24);
  const day = WORD_DAY_START.exec(window);
  if (day) {
    WORD_DATE.lastIndex = cueEnd + day.index;
    const m = WORD_DATE.exec(text);
    if (m) return { start: m.index, end: m.index + m[0].length, type: 'DOB' };
  }
  if (text.slice(cueStart, cueEnd).toLowerCase() !== 'geboren') return undefined;
  // `am vierzehnten Februar neunzehnhundertachtundachtzig geboren`: German puts the cue after the date.
  const from = Math.max(0, cueStart - 80);
  const before = text.slice(from, cueStart);
  WORD_DAY_ANYWHERE.lastIndex = 0;
  for (let d = WORD_DAY_ANYWHERE.exec(before); d; d = WORD_DAY_ANYWHERE.exec(before)) {
    WORD_DATE.lastIndex = from + d.index;
    const m = WORD_DATE.exec(text);
    if (m && /^\s+$/.test(text.slice(m.index + m[0].length, cueStart))) {
      return { start: m.index, end: m.index + m[0].length, type: 'DOB' };
    }
  }
  return undefined;
}

/** Dates with the day written out near a German, Spanish or French birth cue; found from the cue. */
function wordedBirthDates(text: string): Span[] {
  const spans: Span[] = [];
  WORD_DATE_CUE.lastIndex = 0;
  for (let cue = WORD_DATE_CUE.exec(text); cue; cue = WORD_DATE_CUE.exec(text)) {
    const end = cue.index + cue[0].length;
    if (isLetter(text[cue.index - 1]) || (cue[0].endsWith('.') ? false : isLetter(text[end]))) continue;
    const date = wordedDateAround(text, cue.index, end);
    if (date) spans.push(date);
  }
  return spans;
}

/**
 * Dates of birth: a date (digits, words in a dozen languages, CJK) within a few words after a
 * birth cue (`DOB: 1984-03-12`, `born in Ibadan on 3rd of March 1991`, `22 de junio de 1984`
 * after `nacida el`), or right before one (`1988年12月1日生まれ`). Other dates are left alone.
 */
export function detectBirthDates(text: string): Span[] {
  const spans: Span[] = [];
  YEARISH.lastIndex = 0;
  for (let year = YEARISH.exec(text); year; year = YEARISH.exec(text)) {
    // Four digits are part of a date only as a year of 19xx or 20xx standing alone (`8888`, `12345` are not).
    if (year[0].length === 4 && !yearAlone(text, year.index)) continue;
    const date = dateAround(text, year.index, year[0].length);
    if (!date) continue;
    // `sinh ngày 12 tháng 5`: there `ngày` belongs to the cue (born on), not to the date.
    if (text.startsWith('ngày ', date.start) && /sinh\s$/i.test(text.slice(date.start - 5, date.start)))
      date.start += 5;
    YEARISH.lastIndex = Math.max(YEARISH.lastIndex, date.end);
    if (
      cueBefore(text, date.start) ||
      CUE_AFTER.test(text.slice(date.end, date.end + 24)) ||
      followsBirthDate(text, spans.at(-1), date.start)
    ) {
      spans.push({ ...date, type: 'DOB' });
    }
  }
  return [...spans, ...spokenBirthDates(text), ...wordedBirthDates(text)];
}

/**
 * `DOB on file (1990-04-01) does not match the referral (1990-01-04)`, `the booking says 30/04/1985 but her
 * passport says 03/04/1985`: a date soon after a date of birth, in the same sentence, is another reading of it.
 */
function followsBirthDate(text: string, birth: Span | undefined, start: number): boolean {
  if (!birth || start - birth.end > WINDOW) return false;
  const between = text.slice(birth.end, start);
  return !/[\n;]|[.!?]\s/.test(between) && !OTHER_DATE.test(between);
}
