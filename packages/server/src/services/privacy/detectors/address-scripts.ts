import type { Span } from '../types.js';
import { extendAddress } from './address-tail.js';
import { beyondLatinRuns, LETTERS, lineAround, UPPER_START } from './util.js';

const L = LETTERS;
const CAP = `[${UPPER_START}][${L}'’-]*`;

/**
 * `上海市浦东新区世纪大道 1200 号 2 栋 1803 室`: a Chinese address written with spaces around its numbers
 * (address-parts.ts reads the ones without); `香港九龍旺角彌敦道688號12樓B室`: a Hong Kong or Macau address,
 * territory, district, road, door number `號`, floor `樓` and flat `室`. Both found from the door number.
 */
const CHINESE_SPACED =
  /[\u4e00-\u9fff]{2,4}市(?:[\u4e00-\u9fff]{1,6}?(?:区|县|市|镇))*[\u4e00-\u9fff]{1,10}?(?:大道|大街|路|街|道|巷|胡同|弄)\s?(?:\d{1,5}\s?[弄巷]\s?)?\d{1,5}(?:-\d{1,4})?\s?号(?:\s?\d{1,5}\s?(?:号楼|室|楼|栋|幢|座|单元|号|房|层))*/g;
const HONG_KONG =
  /(?:香港|澳門|澳门)[\u4e00-\u9fff]{1,10}?(?:道|路|街|里|徑)\s?\d{1,5}(?:-\d{1,4})?\s?[號号](?:[\u4e00-\u9fff]{1,8}?(?:大廈|中心|廣場|花園|苑|邨|閣))?(?:\s?\d{1,3}\s?[樓楼])?(?:\s?[A-Z\d]{1,4}\s?室)?/g;
const LEAD = /^(?:[请請寄送到在至往于於发發给給收是址的]|住址|地址|住在)+/;

function chineseAddresses(text: string, spans: Span[]): void {
  for (const [door, pattern] of [
    ['号', CHINESE_SPACED],
    ['號', HONG_KONG],
  ] as const) {
    for (let at = text.indexOf(door); at >= 0; at = text.indexOf(door, at + 1)) {
      const [start, end] = lineAround(text, at);
      const line = text.slice(start, end);
      // The spaced form only where a number stands apart from its `号`; Hong Kong only after its name.
      if (pattern === CHINESE_SPACED ? !/\d\s号|号\s\d/.test(line) : !/香港|澳[門门]/.test(line)) {
        at = end;
        continue;
      }
      pattern.lastIndex = 0;
      for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
        const lead = LEAD.exec(m[0])?.[0].length ?? 0;
        spans.push({ start: start + m.index + lead, end: start + m.index + m[0].length, type: 'ADDRESS' });
      }
      at = end;
    }
  }
}

/**
 * `25 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội`, `12 Ngõ 45 Hào Nam, Ô Chợ Dừa, Đống Đa, Hà Nội`: a Vietnamese house
 * number (with its lane, `ngõ`, `ngách`, `hẻm`), the street, its ward and district, ending in a city of Vietnam.
 */
const VN_CITIES = [
  'Hà Nội',
  'Hồ Chí Minh',
  'TP.HCM',
  'TP. HCM',
  'Đà Nẵng',
  'Hải Phòng',
  'Cần Thơ',
  'Huế',
  'Nha Trang',
  'Đà Lạt',
];
const VN_PART = String.raw`(?:(?:[Pp]hường|[Qq]uận|[Hh]uyện|[Tt]hành phố|TP\.|Q\.|P\.)\s?)?${CAP}(?:\s${CAP}){0,3}`;
const VIETNAMESE_BEFORE_CITY = new RegExp(
  String.raw`(?:^|[^${L}\d])(\d{1,5}[A-Za-z]?(?:\/\d{1,4})?\s(?:(?:[Nn]gõ|[Nn]gách|[Hh]ẻm|[Kk]iệt)\s\d{1,5}(?:\/\d{1,4})?\s){0,3}(?:(?:[Đđ]ường|[Pp]hố)\s)?${CAP}(?:\s${CAP}){0,4}(?:,\s${VN_PART}){0,3},\s(?:[Tt]hành phố\s|TP\.\s?)?)$`,
  'u',
);

const LETTER = new RegExp(`[${L}]`);

function vietnameseAddresses(text: string, spans: Span[]): void {
  for (const city of VN_CITIES) {
    for (let at = text.indexOf(city); at >= 0; at = text.indexOf(city, at + 1)) {
      if (LETTER.test(text[at + city.length] ?? '')) continue;
      const from = Math.max(text.lastIndexOf('\n', at) + 1, at - 120);
      const m = VIETNAMESE_BEFORE_CITY.exec(text.slice(from, at));
      const street = m?.[1];
      if (!street) continue;
      // `số 45 Lý Thường Kiệt, …` is address-taiwan-vietnam-east-africa.ts's.
      const start = at - street.length;
      if (!/[Ss]ố\s$/.test(text.slice(start - 3, start)))
        spans.push({ start, end: at + city.length, type: 'ADDRESS' });
    }
  }
}

/**
 * `شارع الرينبو 14، جبل عمان، عمّان 11181`: an Arabic street word, the street's name and number, then the area
 * and city; `تهران، خیابان ولیعصر، کوچه نهم، پلاک ۲۱، واحد ۴`: a Persian address, the city, street and alley,
 * to its plate number `پلاک` and unit.
 */
const AR_WORD = String.raw`[\u0621-\u064a\u066e-\u06d3](?:[\u0621-\u064a\u066e-\u06d3]|[\u064b-\u0652]|\u200c)*`;
const ARABIC_STREET = new RegExp(
  String.raw`شارع\s${AR_WORD}(?:\s${AR_WORD}){0,3}\s[\d٠-٩]{1,5}(?:،\s?${AR_WORD}(?:\s${AR_WORD}){0,2}){0,3}(?:\s[\d٠-٩]{5})?(?![\d٠-٩])`,
  'gu',
);
const PERSIAN_PLATE = new RegExp(
  String.raw`(?:${AR_WORD}،\s?)?(?:خیابان|بلوار|میدان|بزرگراه|جاده)\s[^،\n]{1,30}(?:،\s?(?:کوچه|خیابان|بن‌بست|کوی|میدان)\s[^،\n]{1,25}){0,3}،\s?پلاک\s?[\d۰-۹٠-٩]{1,5}(?:،\s?(?:واحد|طبقه)\s?[\d۰-۹٠-٩]{1,4})*`,
  'gu',
);

function arabicScriptAddresses(text: string, spans: Span[]): void {
  for (const [word, pattern] of [
    ['شارع', ARABIC_STREET],
    ['پلاک', PERSIAN_PLATE],
  ] as const) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const [start, end] = lineAround(text, at);
      const line = text.slice(start, end);
      pattern.lastIndex = 0;
      for (let m = pattern.exec(line); m; m = pattern.exec(line))
        spans.push({ start: start + m.index, end: start + m.index + m[0].length, type: 'ADDRESS' });
      at = end;
    }
  }
}

/** `फ्लैट 402, साई कृपा अपार्टमेंट, अंधेरी पूर्व, मुंबई 400069`: a flat, house or plot in Hindi, its parts, to the PIN code. */
const HINDI =
  /(?:फ्लैट|फ़्लैट|मकान(?:\sनं\.?)?|प्लॉट|भूखंड)\s[\d०-९]{1,5}[A-Za-z]?(?:,\s[\u0900-\u097f]+(?:\s[\u0900-\u097f]+){0,3}){1,5}[\s-][\d०-९]{6}(?![\d०-९])/g;

/** `ул. „Граф Игнатиев“ 48, ет. 3, ап. 7, 1000 София`: a Bulgarian street named in „…“ quotes, its floor and flat, postcode and city. */
const BULGARIAN = new RegExp(
  String.raw`(?:ул\.|улица|бул\.|булевард|пл\.)\s„[^“”"\n]{2,40}[“”"]\s?(?:№\s?)?\d{1,4}[А-Яа-я]?(?:,\s(?:ет\.|ап\.|вх\.|бл\.)\s?[\dА-Я]{1,4})*(?:,\s\d{4}\s\p{Lu}\p{Ll}+)?`,
  'gu',
);

/**
 * `Av. Francisco de Miranda, Edif. Parque Cristal, Torre Este, Piso 8, Apto 8-B, Chacao, Caracas 1060`: a
 * Venezuelan (and Latin American) address, the avenue or street, then the building, its tower, floor and flat.
 */
const NAME = String.raw`${CAP}(?:\s(?:(?:de|del|la|las|los)\s)?${CAP}){0,3}`;
const BUILDING_ADDRESS = new RegExp(
  String.raw`(?:Av\.|Avda\.|Avenida|Calle|Carrera|Cra\.)\s(?:(?:de|del|la)\s)?${NAME},\s(?:Edif\.|Edificio|Torre|Residencias|Res\.|C\.\s?C\.|Centro Comercial)\s${NAME}(?:,\s(?:Torre|Piso|Nivel|Apto\.?|Apartamento|Oficina|Ofic?\.|Local)\s[\w-]+)+`,
  'gu',
);

/** `Rue 10 x Rue Carnot, Dakar-Plateau`: a corner of two streets, as Dakar's numbered streets are given. */
const CORNER = new RegExp(
  String.raw`(?:Rue|Avenue|Av\.)\s\d{1,3}\sx\s(?:Rue|Avenue|Av\.)\s(?:\d{1,3}|${CAP}(?:\s${CAP}){0,2})(?=,)`,
  'g',
);

function latinScriptAddresses(text: string, spans: Span[]): void {
  for (const [hint, pattern] of [
    [/ x (?:Rue|Av)/, CORNER],
    [/Piso|Apto/, BUILDING_ADDRESS],
  ] as const) {
    if (!hint.test(text)) continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text))
      spans.push({ start: m.index, end: extendAddress(text, m.index + m[0].length), type: 'ADDRESS' });
  }
}

/**
 * `The Vicarage, Church Lane, Little Snoring, Norfolk NR21 0AY`: a British house known by its name, with no
 * number, its lane, village and county; only where a postcode ends it.
 */
const HOUSE_NAME = String.raw`(?:The(?:\s${CAP}){1,2}|${CAP}(?:\s${CAP})?\s(?:House|Cottage|Farm|Lodge|Barn|Manor|Hall|Grange|Mill|Rectory|Vicarage|Villa))`;
const NAMED_HOUSE_BEFORE_POSTCODE = new RegExp(
  String.raw`(?:^|[^${L}])(${HOUSE_NAME},\s${CAP}(?:\s${CAP}){0,2}\s(?:Lane|Road|Street|Close|Way|Drive|Avenue|Hill|Green|Row|Walk|Gardens|Crescent|Place|Terrace),\s(?:${CAP}(?:\s${CAP}){0,2},?\s){1,3})$`,
  'u',
);
const POSTCODE = /[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}(?![\w-])/g;

function namedHouses(text: string, spans: Span[]): void {
  POSTCODE.lastIndex = 0;
  for (let m = POSTCODE.exec(text); m; m = POSTCODE.exec(text)) {
    if (/[\w-]/.test(text[m.index - 1] ?? '')) continue;
    const from = Math.max(text.lastIndexOf('\n', m.index) + 1, m.index - 120);
    const house = NAMED_HOUSE_BEFORE_POSTCODE.exec(text.slice(from, m.index))?.[1];
    if (house) spans.push({ start: m.index - house.length, end: m.index + m[0].length, type: 'ADDRESS' });
  }
}

/**
 * `서울 강남구 테헤란로 152`, `경기도 성남시 분당구 판교역로 235, 12층 1203호`: a Korean road-name address, the province or
 * city, one or two districts (`…시`, `…군`, `…구`), the road (`…로`, `…길`, `…대로`) and the building's number, with its
 * floor, unit and postcode.
 */
const KO_REGION =
  '(?:서울|부산|대구|인천|광주|대전|울산|세종|제주|경기|강원|충북|충남|전북|전남|경북|경남)(?:특별시|광역시|특별자치시|특별자치도|도)?';
const KOREAN_ROAD = new RegExp(
  `(?:${KO_REGION}\\s)?((?:[가-힣]{1,5}(?:시|군|구)\\s){1,2})[가-힣\\d]{1,10}(?:대로|로|길)\\s?\\d{1,4}(?:-\\d{1,4})?(?:번길\\s?\\d{1,4})?(?![\\d가-힣])(?:,?\\s?\\d{1,3}층)?(?:\\s?\\d{1,5}호)?(?:\\s?\\(\\d{5}\\))?`,
  'g',
);
/** Words ending in 시, 군 or 구 that name no district (friend, research, again, navy, …). */
const NOT_DISTRICTS = new Set(
  '친구 연구 요구 가구 입구 출구 도구 야구 농구 축구 배구 탁구 지구 기구 전구 창구 다시 역시 혹시 당시 동시 즉시 수시 항시 무시 표시 지시 개시 감시 장군 아군 적군 해군 공군 육군'.split(
    ' ',
  ),
);

function koreanRoadAddresses(text: string, spans: Span[]): void {
  let readTo = 0;
  for (const [runStart] of beyondLatinRuns(text)) {
    if (runStart < readTo || !/[가-힣]/.test(text[runStart] ?? '')) continue;
    const [start, end] = lineAround(text, runStart);
    readTo = end;
    const line = text.slice(start, end);
    if (!/[로길]\s?\d/.test(line)) continue;
    KOREAN_ROAD.lastIndex = 0;
    for (let m = KOREAN_ROAD.exec(line); m; m = KOREAN_ROAD.exec(line)) {
      const districts = (m[1] ?? '').trim().split(/\s/);
      if (districts.some((word) => NOT_DISTRICTS.has(word))) continue;
      spans.push({ start: start + m.index, end: start + m.index + m[0].length, type: 'ADDRESS' });
    }
  }
}

/** Round 12's addresses in Chinese, Vietnamese, Arabic, Persian, Hindi and Bulgarian, Caracas and Dakar. */
export function detectScriptAddresses(text: string): Span[] {
  const spans: Span[] = [];
  latinScriptAddresses(text, spans);
  if (text.includes(', ')) namedHouses(text, spans);
  vietnameseAddresses(text, spans);
  // Each reader below is found from its own rare word or sign (`号`, `شارع`, `پلاک`, `फ्लैट`, `„`).
  chineseAddresses(text, spans);
  koreanRoadAddresses(text, spans);
  arabicScriptAddresses(text, spans);
  if (text.includes('फ्लैट') || text.includes('फ़्लैट') || text.includes('मकान') || text.includes('प्लॉट')) {
    for (const m of text.matchAll(HINDI))
      spans.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
  }
  if (text.includes('„')) {
    for (const m of text.matchAll(BULGARIAN))
      spans.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
  }
  return spans;
}
