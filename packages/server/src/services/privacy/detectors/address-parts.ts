import type { Span } from '../types.js';
import { CAP, extendAddress } from './address-tail.js';
import { fromAnchors, LETTERS, lineAround, searchBeyondLatin, UPPER_START } from './util.js';

/**
 * Addresses outside the street patterns of address.ts: numbered plots, houses, flats and blocks
 * (`Plot 14, Admiralty Way, Lekki Phase 1, Lagos`), Japanese chome addresses in Latin and in
 * Japanese script, Indian cross/main/layout addresses and P.O. boxes, each read on over its tail
 * (address-tail.ts).
 */

const L = LETTERS;

/** A numbered plot, house, flat, unit or block: the start of an address when more follows. */
export const NUMBERED = new RegExp(
  String.raw`(?:\b(?:[Pp]lots?|[Bb]lk\.?|[Ll]ot|(?:[Hh]ouse|[Hh]se)(?:\s+[Nn]o\.?)?|[Hh]\.?\s?[Nn]o\.?|[Dd]oor\s+[Nn]o\.?|(?<!(?:[Cc]ustomer|[Oo]rder|[Aa]ccount|[Ii]nvoice|[Tt]icket|[Cc]ase|[Pp]olicy|[Mm]ember|[Rr]eference|[Rr]ef|[Bb]ooking|[Cc]laim|[Cc]lient|[Pp]atient|[Ii]tem|[Ss]erial|[Pp]art|[Mm]odel)\s)[Nn]o\.|[Ff]lat|[Aa]pt\.?|[Aa]partment|[Uu]nit|[Ss]uite|[Bb]lock|[Ss]hop|[Bb]ldg\.?|[Bb]uilding|[Pp]urok|[Ss]itio|[Ss]tand|[Ee]rf|[Ww]ard(?:\s+[Nn]o\.?)?|[Bb]lok)|#)\s*(?:[A-Z]-?)?\d{1,5}(?!\d)(?:-?[A-Z](?![\w]))?(?:[-/]\d{1,4})?(?:(?:\s+${CAP}){1,5}(?:\s\d{1,4}[A-Z]?(?![\w-]))?)?`,
  'g',
);
/**
 * `Villa 23, Street 14, Al Barsha 2, Dubai`, `Level 12, 60 Martin Place`, `4th Floor, 18 Nyerere Road`,
 * `Sector 15, Plot 8, Vashi`: a numbered place that needs a numbered tail.
 */
const PREMISES =
  /\b(?:(?:Villa|Office|Level|Floor|Apartment|Sector)\s(?:No\.?\s?)?\d{1,5}[A-Z]?|\d{1,2}(?:st|nd|rd|th)\s(?:Floor|Fl\.))(?![\w-])/g;
/** `Room 1203, No. 18 Xinyuan South Road, …`: a room is an address's only with a street or a postcode after it. */
const ROOM = /\bRoom\s\d{1,5}[A-Z]?(?![\w-])/g;
const STREET_OR_POSTCODE =
  /\b(?:Road|Rd|Street|St|Avenue|Ave|Lane|Drive|Boulevard|Way|Highway|Lu|Jie|Dadao)\b|(?<![\d-])\d{5,6}(?![\d-])/;
/** `B-42, Sector 62`: a lettered plot number before an Indian sector or block. */
export const LETTERED_PLOT = /(?<![\w-])[A-Z]-\d{1,4}(?=,\s*(?:Sector|Block|Phase|Pocket|Plot)\s\d)/g;
/** `2-14-3 Shibuya`, `3-7-12 Kichijoji Honcho`: Japanese block numbers in Latin letters, then a district. */
export const CHOME_NUMBERS = new RegExp(
  String.raw`(?<![\w-])\d{1,4}-\d{1,4}(?:-\d{1,4})?\s+${CAP}(?:[ -]${CAP}){0,2}`,
  'g',
);
/**
 * `Umeda 3-chome 1-3`, `Tokyo-to Setagaya-ku Sangenjaya 2-chome 14-7`: found from `-chome`, then read
 * from the district name before it, with the prefecture, city and ward written first.
 */
const REGION_FIRST = String.raw`(?:${CAP}-(?:to|do|fu|ken|shi|ku|gun|machi|cho|mura)\s+){0,3}`;
const CHOME = new RegExp(
  String.raw`${REGION_FIRST}${CAP}\s\d{1,2}-chome(?:\s\d{1,4}(?:-\d{1,4}){0,2})?`,
  'y',
);
const CHOME_WORD = /-chome/g;
const DISTRICT_BEFORE = new RegExp(String.raw`(?<![\w${L}-])${REGION_FIRST}${CAP}\s\d{1,2}$`);

function chomeAddresses(text: string, spans: Span[]): void {
  CHOME_WORD.lastIndex = 0;
  for (let word = CHOME_WORD.exec(text); word; word = CHOME_WORD.exec(text)) {
    const from = Math.max(0, word.index - 80);
    const district = DISTRICT_BEFORE.exec(text.slice(from, word.index));
    if (!district) continue;
    CHOME.lastIndex = from + district.index;
    const m = CHOME.exec(text);
    if (m) spans.push({ start: m.index, end: extendAddress(text, m.index + m[0].length), type: 'ADDRESS' });
  }
}
/**
 * `Tōkyō-to Setagaya-ku Sakurashinmachi 1-14-7`, `Osaka-shi Kita-ku Umeda 2-4-9`: a Japanese address in
 * Latin letters without `-chome`, its ward or city written first. Found from the ward or city suffix
 * followed by a district and block numbers, then read from the prefecture before it.
 */
const ROMAJI_WARD = new RegExp(String.raw`-(?:shi|ku|gun|machi|cho|mura)\s+${CAP}\s\d{1,4}-\d{1,4}`, 'g');
const REGIONS_BEFORE = new RegExp(
  String.raw`(?<![\w${L}-])(?:${CAP}-(?:to|do|fu|ken|shi|ku|gun|machi|cho|mura)\s+){0,2}${CAP}$`,
);
const ROMAJI_ADDRESS = new RegExp(
  String.raw`${REGION_FIRST}${CAP}\s\d{1,4}-\d{1,4}(?:-\d{1,4})?(?![\w-])`,
  'y',
);

function romajiAddresses(text: string, spans: Span[]): void {
  ROMAJI_WARD.lastIndex = 0;
  for (let ward = ROMAJI_WARD.exec(text); ward; ward = ROMAJI_WARD.exec(text)) {
    const from = Math.max(0, ward.index - 60);
    const regions = REGIONS_BEFORE.exec(text.slice(from, ward.index));
    if (!regions) continue;
    ROMAJI_ADDRESS.lastIndex = from + regions.index;
    const m = ROMAJI_ADDRESS.exec(text);
    if (!m) continue;
    const end = m.index + m[0].length;
    spans.push({ start: m.index, end: extendAddress(text, end), type: 'ADDRESS' });
    ROMAJI_WARD.lastIndex = Math.max(ROMAJI_WARD.lastIndex, end);
  }
}
/**
 * `〒150-0043 東京都渋谷区道玄坂1-2-3`, `東京都千代田区丸の内1丁目9-1`, with a building's room or floor (`アジアビル5F`, `スクエア2 4階`,
 * `サンハイツ栄502`).
 */
const JAPANESE = new RegExp(
  String.raw`(?:〒\s?)?(?:\d{3}-\d{4}\s?)?[\u4e00-\u9fff]{1,4}[都道府県][\u3040-\u30ff\u4e00-\u9fff]{1,16}[0-9０-９]+(?:(?:丁目|番地?|号|[-－ー])[0-9０-９]*)*(?:\s?[\u30a0-\u30ff\u4e00-\u9fff]{1,12}(?:[0-9０-９]{1,3}\s)?\s?(?:[0-9０-９]{1,5}(?:号室?|[FＦ階](?![\w]))|[0-9０-９]{3,4}(?![0-9０-９\w]))|\s[0-9０-９]{1,5}号室)?`,
  'g',
);
export const PO_BOX = /(?<![\w])P\.?\s?O\.?\s?Box\s+\d{1,6}(?:-\d{1,6})?/gi;
/**
 * Dutch streets, with the particles some start with or have inside and house-number suffixes:
 * `Van der Helststraat 61-II`, `Witte de Withstraat 40-B`, `Oudegracht 231 bis`, `Prinsengracht 263-1`.
 */
const DUTCH = new RegExp(
  String.raw`(?:(?:Van|Von|De|Den|Der|Het|Sint|St\.)\s+(?:(?:der|den|de|het)\s+)?|[${UPPER_START}][${L}]+\s+(?:(?:van|de|der|den|het|ter|te)\s+){1,2})?[${UPPER_START}][${L}-]*(?:straat|laan|gracht|plein|weg|kade|singel|dijk|steeg|hof|plantsoen|dreef|markt)\s+\d{1,4}(?:(?:-|\s(?=bis|hs|huis))?(?:I{1,3}|IV|hs|huis|bis|[A-Za-z])(?![\w])|-\d{1,2}(?![\w-]))?`,
  'y',
);
const DUTCH_ANCHOR =
  /(?:straat|laan|gracht|plein|weg|kade|singel|dijk|steeg|hof|plantsoen|dreef|markt)\s+\d/g;
/** `Calle 93 # 11-26`, `Carrera 7 No. 71-21`, `Carrera 43A # 1 Sur-100`: Colombian street and door numbers (south and east of the axes marked). */
const COLOMBIAN =
  /\b(?:Calle|Carrera|Cra\.?|Cl\.?|Avenida|Av\.?|Transversal|Tv\.?|Diagonal|Dg\.?)\s+\d{1,3}[A-Z]?(?:\s(?:Bis|Sur|Norte|Este))?\s?(?:#|No\.?|N[º°])\s?\d{1,3}[A-Z]?(?:\s(?:Bis|Sur|Norte|Este|Oeste))?\s?-\s?\d{1,3}(?:\s(?:Sur|Este|Norte|Oeste)(?![\w]))?/g;
/**
 * `Av. Paulista, 1578`, `Jr. de la Unión 842` (a Peruvian jirón), `17, Jalan Bunga Raya 3` (a Malaysian house number
 * first): a street name before its number (Portuguese, Spanish abbreviations).
 */
export const STREET_FIRST = new RegExp(
  String.raw`(?<![${L}])(?:(?<![\w.,/-])\d{1,4}[A-Za-z]?,?\s(?=Jalan|Jln\.|Jl\.|Lorong|Persiaran))?(?:Av\.|Avda\.|Jr\.|Jirón|Rua|R\.|Calle|Carrera|Cra\.|Jl\.|Jalan|Jln\.|Avenue|Rue|Boulevard|Bd\.?|Chaussée|Place|Quai|Chemin|Allée|Drève|Square|Steenweg|Lei|Laan|Plein|Kade|Odos|Leoforos|Λεωφόρος|Λεωφ\.|Οδός|Οδ\.)\s+(?:(?:de|du|des|la|le|l'|l’|d'|d’|del|van|der)\s*)*${CAP}(?:[ -](?:(?:de|du|des|la|le)\s)?${CAP}){0,3},?\s*(?:[Nn]\.?[º°o]\.?\s*)?\d{1,5}(?:\s?[a-zA-Z](?![\w]))?`,
  'g',
);
/**
 * A lower-case word inside a city's name and the space after it: `Frankfurt am Main`, `Freiburg im
 * Breisgau`, `Newcastle upon Tyne`; not a date after the address (`Berlin im Juli`, `Köln am Montag`).
 */
export const CITY_PARTICLE = String.raw`(?:am|im|an der|ob der|an|in|upon|on|sur|en|de|del|la)\s(?!(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Wochenende|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Frühjahr|Sommer|Herbst|Winter|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|June|July|October|December)\b)`;
/**
 * `Ermou 18, 105 63 Athens`, `Kungsgatan 4, 111 43 Stockholm`: a street without a type word is an
 * address when a postcode and a city follow its number. Found from the postcode (rare), then the
 * street is read backwards from it.
 */
const POSTCODE_CITY = new RegExp(
  String.raw`,\s(?:\d{3}\s\d{2}|(?!(?:19|20)\d\d\b)\d{4,5}|[A-Z]{1,2}-\d{4,5})\s[${UPPER_START}][${L}]+(?:\s${CITY_PARTICLE}[${UPPER_START}][${L}]+)?(?:\s\d{1,2}(?![\w-]))?`,
  'g',
);
const STREET_NUMBER_BEFORE = new RegExp(
  String.raw`(?<![${L}\d])${CAP}(?:\s(?:(?:den|der|dem|des|zum|zur|am|im|de|la|di|van|von)\s)?${CAP}){0,2}\s\d{1,4}[a-zA-Z]?(?:\/\d{1,4}[a-zA-Z]?)?(?:,?\s(?:bus|bte\.?|boîte)\s\d{1,4})?$`,
);
/** Words that number things other than houses (`Step 3, 1200 Nodes`). */
const NUMBERED_THINGS =
  /^(?:Step|Room|Page|Version|Chapter|Level|Phase|Gate|Line|Item|Table|Figure|Section|Floor|Platform|Terminal|Build|Sprint|Week|Day|Year|Part|Round|Stage|Team|Group|Batch|Order|Ticket|Case|Slot|Rack|Node|Port|Channel|Row|Seat|Box|Size|Model|Series|Windows|Ubuntu|Python)\b/;

const ONE_WORD_STREET = new RegExp(
  String.raw`(?<=^|\s)(?:(?:Södra|Norra|Östra|Västra|Stora|Lilla|Gamla|Nya|Alte|Neue|Große|Kleine|Oude|Nieuwe|Lange|Korte|Sankt)\s)?[${UPPER_START}][${L}]{2,}(?:straat|laan|plein|gracht|kade|singel|dreef|steeg|strasse|straße|gasse|allee|platz|damm|vej|vejen|gade|gatan|vägen|veien|katu|utca|ulica)\s\d`,
  'u',
);

function streetsBeforePostcodes(text: string, spans: Span[]): void {
  POSTCODE_CITY.lastIndex = 0;
  for (let m = POSTCODE_CITY.exec(text); m; m = POSTCODE_CITY.exec(text)) {
    const from = Math.max(0, m.index - 60);
    const street = STREET_NUMBER_BEFORE.exec(text.slice(from, m.index));
    if (!street || NUMBERED_THINGS.test(street[0])) continue;
    // `Dr. Nasrin Hosseini Keizersgracht 214`: a street written as one word is the whole street's name.
    const oneWord = ONE_WORD_STREET.exec(street[0]);
    const start = from + street.index + (oneWord ? oneWord.index : 0);
    spans.push({ start, end: extendAddress(text, m.index + m[0].length), type: 'ADDRESS' });
  }
}
/** `서울특별시 강남구 테헤란로 152`: Korean province or city, district, road and building number. */
const KOREAN =
  /[가-힣]{1,6}(?:특별시|광역시|특별자치시|특별자치도|도|시)\s?(?:[가-힣]{1,6}(?:구|군|시)\s?){0,2}(?:[가-힣]{1,6}(?:읍|면|동)\s?)?[가-힣\d]{1,10}(?:대로|로|길)\s?\d{1,4}(?:-\d{1,4})?(?:번?길\s?\d{1,4}(?:-\d{1,4})?)?/g;
/**
 * `上海市浦东新区世纪大道100号`, `广东省深圳市南山区科技园南路15号`: Chinese province, city, district,
 * road and door number. Found from the door number's `号` (rare); words of sending before the
 * city (`请寄到`) are not part of it.
 */
const CHINESE = new RegExp(
  String.raw`(?:[\u4e00-\u9fff]{2,7}(?:省|自治区))?[\u4e00-\u9fff]{2,4}市(?:[\u4e00-\u9fff]{1,6}?(?:区|县|市|镇))*[\u4e00-\u9fff]{1,10}?(?:大道|大街|路|街|道|巷|胡同|弄)(?:[0-9０-９]{1,5}(?:弄|巷))?[0-9０-９]{1,5}(?:-[0-9]{1,4})?号(?:[A-Za-z\u4e00-\u9fff]{1,10}?(?:小区|花园|苑|园|公寓|大厦|新村|村|城|中心|广场|大楼)|[\u4e00-\u9fff]{2,8}?[一二三四五六七八九十0-9]{1,3}(?:座|栋|幢|期|号楼))?(?:[0-9０-９]{1,5}(?:号楼|室|楼|栋|幢|座|单元|号|房|层)|[A-Za-z](?:座|栋|幢|单元))*`,
  'g',
);
const CHINESE_LEAD = /^(?:[请寄送到在至往于发给收是址住]|住址|地址|住在)+/;

function chineseAddresses(text: string, spans: Span[]): void {
  // Only the lines with a door number `号` are read: the pattern would otherwise be tried everywhere.
  for (let door = text.indexOf('号'); door >= 0; door = text.indexOf('号', door + 1)) {
    const start = text.lastIndexOf('\n', door) + 1;
    const newline = text.indexOf('\n', door);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end);
    CHINESE.lastIndex = 0;
    for (let m = CHINESE.exec(line); m; m = CHINESE.exec(line)) {
      const lead = CHINESE_LEAD.exec(m[0])?.[0].length ?? 0;
      spans.push({ start: start + m.index + lead, end: start + m.index + m[0].length, type: 'ADDRESS' });
    }
    door = end;
  }
}

/** An Eircode after its name (`Eircode: T12 XK25`); inside an address the tail takes it anyway. */
const EIRCODE_CUE = /\beir ?code\b/gi;
const EIRCODE = /[AC-FHKNPRTV-Y]\d[\dW]\s?[\dAC-FHKNPRTV-Y]{4}(?![\w-])/g;

/** Eircodes found from their cue (rare) rather than with a look-behind tried at every position. */
function eircodes(text: string, spans: Span[]): void {
  EIRCODE_CUE.lastIndex = 0;
  for (let cue = EIRCODE_CUE.exec(text); cue; cue = EIRCODE_CUE.exec(text)) {
    const from = cue.index + cue[0].length;
    const window = text.slice(from, from + 40).split(/[\n.]/)[0] ?? '';
    EIRCODE.lastIndex = 0;
    const m = EIRCODE.exec(window);
    if (m && !/[\w-]/.test(window[m.index - 1] ?? '')) {
      spans.push({ start: from + m.index, end: from + m.index + m[0].length, type: 'ADDRESS' });
    }
  }
}

/** `tail`: the core alone is never an address; `words`: it is when street words follow the number. */
type Needs = 'street tail' | 'numbered tail' | 'tail' | 'words' | 'nothing';

const LETTER_OR_DIGIT = new RegExp(`[${L}\\d]`);

const NUMBERED_LIST = /#\d{1,4}\s\p{Lu}[^,\n]*,\s?#\d{1,4}\s\p{Lu}/u;

function collect(text: string, pattern: RegExp, needs: Needs, spans: Span[]): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    // Checked here rather than with a look-behind, which would run at every position.
    if (m.index > 0 && LETTER_OR_DIGIT.test(text[m.index - 1] ?? '') && m[0][0] !== '#') continue;
    const coreEnd = m.index + m[0].length;
    const end = extendAddress(text, coreEnd);
    // `Unit 7 failed the test`, `Block 2`: a numbered thing is an address only with more of one.
    const alone = end === coreEnd;
    if (alone && (needs === 'tail' || (needs === 'words' && !/\s\p{Lu}/u.test(m[0])))) continue;
    // `#4 Liam Byrne, #7 Noah Achterberg`: numbered entries of a list (a roster, tickets), not a house and its street.
    if (m[0][0] === '#' && NUMBERED_LIST.test(text.slice(...lineAround(text, m.index)))) continue;
    // `Level 3, Critical`: a log level or a floor alone; a street number or postcode must follow.
    if (needs === 'numbered tail' && !/,[^\n]*\d/.test(text.slice(coreEnd, end))) continue;
    if (needs === 'street tail' && !STREET_OR_POSTCODE.test(text.slice(coreEnd, end))) continue;
    spans.push({ start: m.index, end, type: 'ADDRESS' });
  }
}

/** `396 World Cup buk-ro, Mapo-gu`, `Teheran-ro 152`: Korean road names in Latin letters, with a number before or after. */
const KOREAN_LATIN_ROAD = /-(?:ro|daero|gil)\b/g;
const NUMBER_AND_ROAD_BEFORE = new RegExp(
  String.raw`(?<![\w-])\d{1,4}(?:-\d{1,4})?\s+(?:${CAP}\s){0,3}[${L}]+$`,
);
const ROAD_AND_NUMBER = new RegExp(String.raw`${CAP}\s\d{1,4}(?:-\d{1,4})?(?![\w-])`, 'y');
const ROAD_BEFORE = new RegExp(String.raw`(?<![\w${L}-])[${UPPER_START}][${L}]*$`);

function koreanLatinAddresses(text: string, spans: Span[]): void {
  KOREAN_LATIN_ROAD.lastIndex = 0;
  for (let road = KOREAN_LATIN_ROAD.exec(text); road; road = KOREAN_LATIN_ROAD.exec(text)) {
    const from = Math.max(0, road.index - 48);
    const window = text.slice(from, road.index);
    const numbered = NUMBER_AND_ROAD_BEFORE.exec(window);
    let start = numbered ? from + numbered.index : -1;
    let end = road.index + road[0].length;
    if (!numbered) {
      const name = ROAD_BEFORE.exec(window);
      if (!name) continue;
      ROAD_AND_NUMBER.lastIndex = from + name.index;
      const m = ROAD_AND_NUMBER.exec(text);
      if (!m || m.index + m[0].length <= end) continue;
      start = m.index;
      end = m.index + m[0].length;
    }
    spans.push({ start, end: extendAddress(text, end), type: 'ADDRESS' });
    KOREAN_LATIN_ROAD.lastIndex = end;
  }
}

/**
 * `88/14 Moo 5, Soi Ramkhamhaeng 24`, `55/3 หมู่ 7 ซอยวัดเทียนดัด … 11000` (Thai house and village numbers),
 * `số 27 ngõ 118 Nguyễn Khánh Toàn`, `45/12 đường Lê Văn Sỹ`, `Tổ 12` (Vietnamese house, lane and street),
 * `Bole Sub-City, Woreda 03` (Ethiopia), `HC 61 Box 418`, `RR 2 Box 15` (US rural routes),
 * `Perumahan Griya Asri Blok C2 No. 15` (Indonesian estates): each read on over its tail, and tried only
 * in a text that holds its word.
 */
const HOUSE_AND_VILLAGE: [string | RegExp, RegExp][] = [
  ['Moo', new RegExp(String.raw`(?<![\w/])\d{1,4}(?:\/\d{1,4})?\s+Moo\.?\s+\d{1,3}(?![\w-])`, 'g')],
  [
    'หมู่',
    new RegExp(
      String.raw`(?<![\d/])\d{1,4}(?:\/\d{1,4})?\s?หมู่(?:ที่)?\s?\d{1,3}(?:\s[\u0e00-\u0e7f]+(?:\s?\d{1,3})?){0,8}\s\d{5}(?!\d)`,
      'g',
    ),
  ],
  [
    /ngõ|ngách|hẻm|kiệt/,
    new RegExp(
      String.raw`(?:(?:số|Số)\s)?(?<![\w/])\d{1,4}(?:\/\d{1,4})?\s(?:ngõ|ngách|hẻm|kiệt)\s\d{1,4}(?:\/\d{1,4})?\s${CAP}(?:\s${CAP}){0,3}`,
      'g',
    ),
  ],
  [
    /đường|phố/,
    new RegExp(
      String.raw`(?:(?:số|Số)\s)?(?<![\w/])\d{1,4}(?:\/\d{1,4})?\s(?:đường|phố)\s${CAP}(?:\s${CAP}){0,3}`,
      'g',
    ),
  ],
  ['Tổ', new RegExp(String.raw`\bTổ\s\d{1,3}(?=,\s(?:phường|xã|thị trấn))`, 'g')],
  ['Sub-City', new RegExp(String.raw`\b${CAP}(?:\s${CAP})?\sSub-City,\s(?:Woreda|Kebele)\s\d{1,3}`, 'g')],
  [/Box|Bx/, new RegExp(String.raw`\b(?:HC|RR|Rural Route)\s?\d{1,3},?\s(?:Box|Bx)\s\d{1,5}`, 'g')],
  [
    /Blok|Block/,
    new RegExp(
      String.raw`\b(?:Perumahan|Perum\.|Komplek|Kompleks|Apartemen)(?:\s${CAP}){1,4}\s(?:Blok|Block)\s[A-Z]{0,2}\d{0,3}[A-Z]?\s(?:No\.?\s?)?\d{1,4}[A-Z]?`,
      'g',
    ),
  ],
];

export function detectAddressParts(text: string): Span[] {
  const spans: Span[] = [];
  collect(text, NUMBERED, 'words', spans);
  collect(text, PREMISES, 'numbered tail', spans);
  if (text.includes('Room')) collect(text, ROOM, 'street tail', spans);
  collect(text, LETTERED_PLOT, 'tail', spans);
  collect(text, CHOME_NUMBERS, 'tail', spans);
  if (text.includes('-chome')) chomeAddresses(text, spans);
  if (text.includes('-')) romajiAddresses(text, spans);
  if (/box/i.test(text)) collect(text, PO_BOX, 'nothing', spans);
  collect(text, STREET_FIRST, 'nothing', spans);
  for (const [hint, pattern] of HOUSE_AND_VILLAGE) {
    if (typeof hint === 'string' ? text.includes(hint) : hint.test(text))
      collect(text, pattern, 'nothing', spans);
  }
  collect(text, COLOMBIAN, 'nothing', spans);
  for (const m of fromAnchors(text, DUTCH_ANCHOR, DUTCH, 3)) {
    spans.push({ start: m.index, end: extendAddress(text, m.index + m[0].length), type: 'ADDRESS' });
  }
  if (searchBeyondLatin(text, /[都道府県]/) >= 0) collect(text, JAPANESE, 'nothing', spans);
  streetsBeforePostcodes(text, spans);
  if (searchBeyondLatin(text, /[로길]/) >= 0) collect(text, KOREAN, 'nothing', spans);
  if (text.includes('-')) koreanLatinAddresses(text, spans);
  chineseAddresses(text, spans);
  eircodes(text, spans);
  return spans;
}
