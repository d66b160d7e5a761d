import type { Span } from '../types.js';
import { beyondLatinRuns, lineAround } from './util.js';

/**
 * Addresses in scripts without capitals, found by the words every address of the country uses, not by a label:
 * `म.नं. 118, सेक्टर 15, रोहिणी, दिल्ली 110089`, `எண் 7, காமராஜர் சாலை, மதுரை 625009`,
 * `مبنى رقم ٢٢١٤، طريق الملك فهد، حي العليا، الرياض`, `บ้านเลขที่ 55/3 ซอยลาดพร้าว 71 แขวงลาดพร้าว เขตลาดพร้าว กรุงเทพฯ 10230`.
 *
 * An address is a chain of parts (between commas; in Thai, between spaces). A part holds a street or area word
 * (`सेक्टर`, `சாலை`, `طريق`, `ซอย`), a unit word (`म.नं.`, `مبنى`, `ห้อง`), a house number or a postcode, or is
 * a short name between them (an area, the city). A chain is an address when it holds a street or area word and
 * at least three such signs: one street word in a sentence (`the traffic on طريق الملك فهد`) is a place, not an address.
 */

interface Script {
  /** Street, road, lane, area, district words: at least one in every address. */
  streets: readonly string[];
  /** House, plot, flat, building, room words and the number sign. */
  units: readonly string[];
  /** A marker may run on into the name it marks without a space (Thai `ซอยรามคำแหง`). */
  joined: boolean;
  /** The parts of an address are parted by commas (in Thai, every word is a part). */
  commas: boolean;
  /** The script's block of code points: a line is read for it where a run of them is. */
  block: [number, number];
}

const DIGITS = String.raw`\d٠-٩۰-۹०-९০-৯௦-௯౦-౯೦-೯൦-൯๐-๙`;
/** A house, flat or block number: `55/3`, `8-2-293/82`, `B-1102`, `4ನೇ`, and a block's letter alone (`อาคาร B`). */
const NUMBER = new RegExp(
  String.raw`^(?:[${DIGITS}]{1,5}(?:[/-][${DIGITS}]{1,5}){0,3}[A-Za-z]?|[A-Z]-?[${DIGITS}]{1,4}|[A-Z]|[${DIGITS}]{1,3}[^\s${DIGITS}]{1,4})$`,
);
const POSTCODE = new RegExp(String.raw`^[${DIGITS}]{4,7}$`);
const DATE = new RegExp(String.raw`^[${DIGITS}]{1,2}[/.-][${DIGITS}]{1,2}[/.-][${DIGITS}]{2,4}$`);
/** `नं. 27`, `ನಂ. 48`, `رقم ٢٢١٤`: the word "number" before a house number; an address only with a street word. */
const NUMBER_WORDS = [
  'नं.',
  'नं',
  'नंबर',
  'क्र.',
  'ನಂ.',
  'ನಂ',
  'নং',
  'নং.',
  'నం.',
  'నం',
  'رقم',
  'نمبر',
  "מס'",
  'מס׳',
];

/** A list of marker words, written apart by spaces. */
const markers = (list: string) => list.split(' ');

const SCRIPTS: readonly Script[] = [
  {
    // Hindi, Marathi, Nepali.
    streets: markers(
      'सेक्टर गली मार्ग रोड नगर कॉलोनी मोहल्ला गांव गाँव ग्राम तहसील जिला जिल्हा वार्ड चौक पेठ ब्लॉक फेज़ फेज सोसायटी लेन टोल नगरपालिका पोस्ट डाकघर',
    ),
    units: markers('म.नं. मकान घर फ्लैट फ़्लैट फ्लॅट सदनिका प्लॉट भूखंड भवन अपार्टमेंट मंजिल कक्ष'),
    joined: false,
    commas: true,
    block: [0x0900, 0x097f],
  },
  {
    // Bengali.
    streets: markers('রোড সড়ক লেন গলি গ্রাম ডাকঘর উপজেলা জেলা থানা ব্লক সেক্টর পাড়া নগর মহল্লা'),
    units: markers('বাড়ি বাসা হোল্ডিং ফ্ল্যাট তলা'),
    joined: false,
    commas: true,
    block: [0x0980, 0x09ff],
  },
  {
    // Tamil, Telugu, Kannada, Malayalam.
    streets: markers(
      'சாலை தெரு நகர் வீதி குறுக்கு அஞ்சல் மாவட்டம் ரோடு రోడ్ వీధి నగర్ కాలనీ జిల్లా ರಸ್ತೆ ನಗರ ಬಡಾವಣೆ ಕ್ರಾಸ್ റോഡ് നഗർ ജില്ല പി.ഒ. പി.ഒ',
    ),
    units: markers('எண் கதவு வீடு ఇంటి ಮನೆ വീട്'),
    joined: false,
    commas: true,
    block: [0x0b80, 0x0d7f],
  },
  {
    // Arabic, Persian, Urdu.
    streets: markers(
      'شارع طريق حي منطقة مجمع جادة زقاق خیابان کوچه بلوار میدان محله گلی سیکٹر بلاک روڈ محلہ کالونی ٹاؤن فیز سٹریٹ',
    ),
    units: markers('مبنى عمارة بناية شقة الطابق طابق فيلا قطعة ص.ب پلاک واحد طبقه مکان فلیٹ پلاٹ'),
    joined: false,
    commas: true,
    block: [0x0600, 0x06ff],
  },
  {
    // Hebrew.
    streets: markers("רחוב רח' רח׳ שדרות שד' שד׳ שכונת סמטת דרך"),
    units: markers('דירה קומה בניין כניסה ת.ד. ת.ד מיקוד'),
    joined: false,
    commas: true,
    block: [0x0590, 0x05ff],
  },
  {
    // Thai: its words run together, its parts are parted by spaces.
    streets: markers('ซอย ซ. ถนน ถ. แขวง ตำบล ต. เขต อำเภอ อ. จังหวัด จ. หมู่บ้าน หมู่ที่ หมู่ ม.'),
    units: markers('บ้านเลขที่ เลขที่ ห้อง อาคาร ชั้น คอนโด'),
    joined: true,
    commas: false,
    block: [0x0e00, 0x0e7f],
  },
];

/** The script whose block holds `code`. */
const SCRIPT_OF = (code: number): Script | undefined =>
  SCRIPTS.find(({ block: [first, last] }) => code >= first && code <= last);

type Sign = 'street' | 'unit' | 'number' | 'postcode' | 'name';

interface Word {
  start: number;
  end: number;
  sign: Sign;
}

/** The words between two commas (in Thai, one word); a chain never runs on over a part `apart` from the one before. */
interface Part {
  words: Word[];
  apart: boolean;
}

/**
 * A word no address holds: a phone's or an account's number (nine digits or more, or a `+`), a word in Latin
 * letters (`Tel`, `DOB`), a table's or a subject line's bar (`मकान नं. 47 | यह …`): the next field starts there.
 */
const FOREIGN = new RegExp(String.raw`^\+|^[|¦•]$|[A-Za-z]{2}|(?:[${DIGITS}][^${DIGITS}]{0,2}){9}`);
const STOPS = /[.!?;:।؟۔]+$/;

/** A clause ends after a word with `।`, `;`, `:`, `?`, and with a dot unless the word is an abbreviation (`म.नं.`, `ซ.`). */
const endsClause = (word: string) => /[!?;:।؟۔]$/.test(word) || /[^.]{4}\.$/.test(word);

function signOf(word: string, script: Script, afterName: boolean): Sign {
  const bare = word.replace(STOPS, '') || word;
  const starts = (marker: string) =>
    word === marker ||
    bare === marker ||
    (script.joined && bare.startsWith(marker) && bare.length > marker.length + 1);
  if (script.streets.some(starts)) return 'street';
  if (script.units.some(starts)) return 'unit';
  if (afterName && POSTCODE.test(bare)) return 'postcode';
  if (NUMBER.test(bare) && !DATE.test(bare)) return 'number';
  return 'name';
}

/**
 * The words of a line; in Thai, which writes words together, a word is also cut before a long marker inside it
 * (`หน้าบ้านเลขที่ 55/3`: in front of house number 55/3).
 */
function wordsOf(line: string, script: Script): { 0: string; index: number }[] {
  const words = [...line.matchAll(/[^\s,،、]+|[,،、]/g)].map((m) => ({ 0: m[0], index: m.index }));
  if (!script.joined) return words;
  return words.flatMap((word) => {
    const inside = [...script.streets, ...script.units]
      .filter((marker) => marker.length >= 3)
      .map((marker) => word[0].indexOf(marker))
      .filter((at) => at > 0);
    if (inside.length === 0) return [word];
    const at = Math.min(...inside);
    return [
      { 0: word[0].slice(0, at), index: word.index },
      { 0: word[0].slice(at), index: word.index + at },
    ];
  });
}

const isMarker = (word: string, script: Script) =>
  script.streets.includes(word) || script.units.includes(word);

function partsOf(line: string, lineStart: number, script: Script): Part[] {
  const parts: Part[] = [{ words: [], apart: true }];
  const next = (apart: boolean) => parts.push({ words: [], apart });
  let previous: Word | undefined;
  for (const m of wordsOf(line, script)) {
    const raw = m[0];
    if (raw.length === 1 && /[,،、]/.test(raw)) {
      next(false);
    } else if (FOREIGN.test(raw)) {
      next(true);
      previous = undefined;
    } else {
      const start = lineStart + m.index;
      const ends = endsClause(raw);
      const word = isMarker(raw, script) ? raw : raw.replace(STOPS, '') || raw;
      // (`رقم ٢٢١٤`: after the word "number", four digits are a house number, not a postcode.)
      const afterName =
        previous?.sign === 'name' &&
        !NUMBER_WORDS.includes(line.slice(previous.start - lineStart, previous.end - lineStart));
      previous = { start, end: start + word.length, sign: signOf(raw, script, afterName) };
      (parts[parts.length - 1] as Part).words.push(previous);
      // Thai parts its address by spaces: every word is a part.
      if (ends || !script.commas) next(ends);
    }
  }
  return parts.filter((part) => part.words.length > 0);
}

const marked = (part: Part) => part.words.some((word) => word.sign === 'street' || word.sign === 'unit');
const numbers = (part: Part) =>
  part.words.filter((word) => word.sign === 'number' || word.sign === 'postcode');
/** `दिल्ली 110089`, `12`: a part with one number and no street word, as a house number or a city with its postcode. */
const numbered = (part: Part) => !marked(part) && numbers(part).length === 1 && part.words.length <= 3;
/** `மதுரை 625009 வீட்டின் …`: a city and its postcode, then the sentence goes on; the address ends at the postcode. */
const postcodeAt = (part: Part) => part.words.findIndex((word, i) => word.sign === 'postcode' && i <= 2);
/** A part that ends in a postcode ends the address. */
const closes = (part: Part) =>
  part.words.at(-1)?.sign === 'postcode' || (!marked(part) && postcodeAt(part) >= 0);
const named = (part: Part) => numbers(part).length === 0 && !marked(part) && part.words.length <= 4;

/**
 * The first word of the address in its first part: its first street or unit word, with a house number right
 * before it (`15 شارع …`); a street word after its name takes the name and a number before it (`காமராஜர் சாலை`,
 * `২৭/৩ গড়িয়াহাট রোড`); in a part without one, its house number (`முகவரி 12`).
 */
function firstWord({ words }: Part): Word {
  const marker = words.findIndex((word) => word.sign === 'street' || word.sign === 'unit');
  if (marker < 0) return words.at(-1) as Word;
  const isNumber = (word: Word | undefined) => word?.sign === 'number' || word?.sign === 'postcode';
  if (isNumber(words[marker - 1])) return words[marker - 1] as Word;
  if (marker < words.length - 1 || words[marker]?.sign !== 'street') return words[marker] as Word;
  // (`২৭/৩ গড়িয়াহাট রোড`: a house number before a street name of one or two words.)
  if (isNumber(words[marker - 3]) && words[marker - 2]?.sign === 'name') return words[marker - 3] as Word;
  if (isNumber(words[marker - 2])) return words[marker - 2] as Word;
  return words[marker - 1] ?? words[marker];
}

/** The last word of the address in its last part: a postcode or a number after which only names follow (`दिल्ली 110089 है`); else the part's last. */
function lastWord(part: Part): Word {
  const { words } = part;
  if (!marked(part) && postcodeAt(part) >= 0) return words[postcodeAt(part)] as Word;
  const last = words.findLastIndex((word) => word.sign !== 'name');
  const sign = words[last]?.sign;
  return words[sign === 'number' || sign === 'postcode' ? last : words.length - 1] as Word;
}

/** Where a chain may start: a part with a street or unit word, or one that ends in a house number before one (`முகவரி 12, காந்தி தெரு`). */
function startsChain(parts: readonly Part[], i: number): boolean {
  const part = parts[i] as Part;
  const after = parts[i + 1];
  if (marked(part)) return true;
  const house = numbered(part) && part.words.at(-1)?.sign === 'number';
  return house && after !== undefined && !after.apart && marked(after);
}

/**
 * How much a chain says it is an address: its street, unit, number and postcode words, and in scripts with
 * commas each part of names in it (an area, a city). It needs a street word and a number.
 */
function score(chain: readonly Part[], script: Script): number {
  const words = chain.flatMap((part) => part.words);
  if (!words.some((word) => word.sign === 'street')) return 0;
  if (!words.some((word) => word.sign === 'number' || word.sign === 'postcode')) return 0;
  const names = script.commas ? chain.filter(named).length : 0;
  return words.filter((word) => word.sign !== 'name').length + names;
}

function chainsIn(line: string, lineStart: number, script: Script, spans: Span[]): void {
  const parts = partsOf(line, lineStart, script);
  let i = 0;
  while (i < parts.length) {
    if (!startsChain(parts, i)) {
      i++;
      continue;
    }
    let end = i;
    let names = 0;
    for (let j = i + 1; j < parts.length; j++) {
      const part = parts[j] as Part;
      const previous = parts[j - 1] as Part;
      if (part.apart || closes(previous)) break;
      if (marked(part) || numbered(part) || postcodeAt(part) >= 0) {
        names = 0;
        end = j;
      } else if (!named(part) || ++names > 2) break;
    }
    const chain = parts.slice(i, end + 1);
    // Short names after the last sign are the area and the city (`…، المهندسين، الجيزة`).
    for (const after of parts.slice(end + 1, end + 3)) {
      if (!script.commas || after.apart || !named(after) || after.words.length > 2) break;
      if (closes(chain.at(-1) as Part)) break;
      chain.push(after);
    }
    if (score(chain, script) >= 3) {
      const first = chain[0] as Part;
      let from = firstWord(first);
      const before = first.words[first.words.indexOf(from) - 1];
      if (before && NUMBER_WORDS.includes(line.slice(before.start - lineStart, before.end - lineStart)))
        from = before;
      spans.push({ start: from.start, end: lastWord(chain.at(-1) as Part).end, type: 'ADDRESS' });
    }
    i = end + 1;
  }
}

/** Addresses in Devanagari, Bengali, South Indian, Arabic, Hebrew and Thai script, by their street and unit words. */
export function detectMarkedScriptAddresses(text: string): Span[] {
  const spans: Span[] = [];
  const read = new Set<string>();
  for (const [start, end] of beyondLatinRuns(text)) {
    let script: Script | undefined;
    for (let at = start; at < end && !script; at++) script = SCRIPT_OF(text.charCodeAt(at));
    if (!script) continue;
    const [lineStart, lineEnd] = lineAround(text, start);
    const key = `${lineStart} ${SCRIPTS.indexOf(script)}`;
    if (read.has(key)) continue;
    read.add(key);
    const line = text.slice(lineStart, lineEnd);
    if (script.streets.some((word) => line.includes(word))) chainsIn(line, lineStart, script, spans);
  }
  return spans;
}
