import type { Span } from '../types.js';
import { LANDMARK_NOUNS } from './name-context.js';
import { CALENDAR } from './name-lexicon.js';

/**
 * Holidays and their greetings in many languages: their words are capitalised like names (`Ramadan Mubarak`, `Joyeux
 * Noël`, `Selamat Hari Raya Idul Fitri`, `Easter Sunday`), and some are given names too (`Noël`, `Fitri`, `Kareem`).
 */
const HOLIDAY_GREETINGS = [
  'easter',
  'christmas',
  'thanksgiving',
  'diwali',
  'hanukkah',
  'songkran',
  'easter sunday',
  'easter monday',
  'good friday',
  'palm sunday',
  'whit monday',
  'boxing day',
  'chinese new year',
  'lunar new year',
  'tahun baru cina',
  'tahun baru',
  'hari wilayah',
  'tết nguyên đán',
  'καθαρά δευτέρα',
  'ramadan mubarak',
  'ramadan kareem',
  'ramzan mubarak',
  'eid mubarak',
  'eid saeed',
  'eid al-fitr',
  'eid al-adha',
  'eid ul-fitr',
  'eid ul-adha',
  'eid-ul-fitr',
  'eid-ul-adha',
  'joyeux noël',
  'joyeux noel',
  'feliz navidad',
  'feliz natal',
  'frohe weihnachten',
  'frohe ostern',
  'buon natale',
  'buona pasqua',
  'god jul',
  'glædelig jul',
  'hyvää joulua',
  'maligayang pasko',
  'simbang gabi',
  'barka da sallah',
  'barka da salla',
  'selamat hari raya',
  'hari raya aidilfitri',
  'hari raya puasa',
  'hari raya haji',
  'idul fitri',
  'idul adha',
  'aidilfitri',
  'aidiladha',
  'happy diwali',
  'shubh deepavali',
  'chag sameach',
  'shana tova',
  'gong xi fa cai',
  'kung hei fat choi',
  'mutlu bayramlar',
  'ramazan bayramı',
  'kurban bayramı',
  'nowruz mubarak',
  'رمضان كريم',
  'رمضان مبارك',
  'عيد مبارك',
  'عيد سعيد',
  'חג שמח',
];
// Longest first: `easter sunday` before `easter`.
const HOLIDAY = new RegExp([...HOLIDAY_GREETINGS].sort((a, b) => b.length - a.length).join('|'), 'gi');
/** `a Staffy called Biscuit`, `our cat named Domino`: a pet's name. */
const PET_BEFORE =
  /\b(?:dog|dogs|puppy|pup|cat|cats|kitten|pet|staffy|labrador|lab|spaniel|terrier|poodle|collie|horse|pony|parrot|budgie|rabbit|bunny|hamster|tortoise|goldfish) (?:called|named)\s+$/i;

/** The words of the greetings (the greetings are looked for only around a span that starts with one). */
const HOLIDAY_WORDS = new Set(HOLIDAY_GREETINGS.flatMap((greeting) => greeting.split(/[\s-]+/)));

/** The stretches holiday greetings take, those one space apart joined (`Selamat Hari Raya` + `Idul Fitri`). */
function holidayStretches(text: string): [number, number][] {
  const stretches: [number, number][] = [];
  HOLIDAY.lastIndex = 0;
  for (let m = HOLIDAY.exec(text); m; m = HOLIDAY.exec(text)) {
    const last = stretches.at(-1);
    if (last && m.index <= last[1] + 1) last[1] = m.index + m[0].length;
    else stretches.push([m.index, m.index + m[0].length]);
  }
  return stretches;
}

function inHolidayGreeting(text: string, span: Span): boolean {
  // (A span inside a greeting starts with one of its words.)
  const first = /^[^\s-]+/.exec(text.slice(span.start, span.end))?.[0].toLowerCase() ?? '';
  if (!HOLIDAY_WORDS.has(first)) return false;
  const from = Math.max(0, span.start - 40);
  const around = text.slice(from, span.end + 40);
  return holidayStretches(around).some(
    ([start, end]) => span.start - from >= start && span.end - from <= end,
  );
}

/** `Gilbert's syndrome`, `Parkinson's disease`, `Morbus Bechterew`: a disease or a law named after someone. */
const EPONYM_AFTER =
  /^(?:['’]s)? (?:disease|syndrome|palsy|sarcoma|lymphoma|anomaly|phenomenon|law|theorem|principle|equation)\b/i;
/**
 * `Kofi Mensah Ltd`, `Ivoire Logistique SARL`, `Tan & Lim Sdn Bhd`: a firm's legal form right after the words makes them
 * its name (not `Nomvula Dlamini, SA ID …` nor `… SA ID`, South Africa's identity number).
 */
const FIRM_AFTER =
  /^ (?:Ltd|Limited|LLC|LLP|Inc|Corp|GmbH|AG|KG|SARL|SAS|SA|S\.A\.|SL|S\.L\.|BV|B\.V\.|NV|PLC|Plc|Pty|Pvt|Sdn Bhd|Bhd|SpA|S\.p\.A\.|Srl|S\.r\.l\.|Oy|AB|ASA|A\/S|ApS|Kft|s\.r\.o\.|Lda|Ltda)(?![\p{L}]| ID\b)/u;
/** `Max's Restaurant`, `Jade green AirPods cover`, `Ruby red lanyard`: a shop named after someone, a colour. */
const SHOP_OR_COLOUR_AFTER =
  /^(?:['’]s (?:Restaurant|Café|Cafe|Bakery|Kitchen|Grill|Diner|Bar|Pub|Salon|Garage|Store|Shop|Pharmacy)\b| (?:green|red|blue|gold|pink|black|white|grey|gray|silver|purple|orange|yellow|brown)\b)/;
const EPONYM_BEFORE = /\b(?:morbus|maladie de|enfermedad de|síndrome de|syndrome de) $/i;
/** `Region: Ashanti`, `State: Georgia`: a form's field that holds a place. */
const PLACE_FIELD =
  /\b(?:region|state|province|county|city|town|country|district|prefecture|oblast|estado|provincia|département|departamento|bundesland|kanton|wilaya|governorate|ciudad|ville|stadt|land|país|pays)\s?:\s*$/i;

function namesAThing(text: string, span: Span): boolean {
  const name = text.slice(span.start, span.end);
  const before = text.slice(Math.max(0, span.start - 24), span.start);
  const after = text.slice(span.end, span.end + 16);
  if (EPONYM_AFTER.test(after) || /^morbus\s/i.test(name)) return true;
  if (SHOP_OR_COLOUR_AFTER.test(after) && !name.includes(' ')) return true;
  if (FIRM_AFTER.test(after)) return true;
  // (The patterns that end at the span are tried only where their last character stands.)
  if (before.endsWith(' ') && EPONYM_BEFORE.test(before)) return true;
  if (before.includes(':') && PLACE_FIELD.test(before)) return true;
  // `Sir Alexander Fleming Building`: a span that ends in a landmark's noun is the landmark.
  // (`Tüpraş Stadyumu'nda`: without the case ending written after an apostrophe.)
  const last = name
    .slice(name.lastIndexOf(' ') + 1)
    .replace(/['’].*$/, '')
    .toLowerCase();
  if (LANDMARK_NOUNS.has(last)) return true;
  // `DOB 03-OCT-1958   Ward: 4B   Bed: l2`: a form's field name, after a field's gap and before its number.
  if (!name.includes(' ') && /(?: {2}|[\t|])$/.test(before) && /^: ?\d/.test(after)) return true;
  return isDateWord(name, before, after);
}

/** Words that put a month or a weekday in time: `im Juli`, `ab Juli`, `until June`, `desde abril`. */
const WHEN_BEFORE =
  /(?:^|[\s(])(?:in|since|until|till|during|next|last|early|late|mid|im|ab|bis|seit|vom|zum|anfang|ende|mitte|en|desde|hasta|dès|depuis|em|nel|dal|sinds|w|od|do)\s$/i;

/** `15 May`, `May 2026`, `im Juli`: a month or weekday that dates something, alone or after its preposition. */
function isDateWord(name: string, before: string, after: string): boolean {
  const words = name.split(' ');
  const word = words.at(-1)?.toLowerCase() ?? '';
  if (!CALENDAR.has(word)) return false;
  if (words.length === 2 && /^\p{Ll}/u.test(name)) return WHEN_BEFORE.test(`${before}${words[0]} `);
  if (words.length !== 1) return false;
  return /^ \d{4}\b/.test(after) || /\b\d{1,2}(?:st|nd|rd|th)? $/.test(before) || WHEN_BEFORE.test(before);
}

function petName(text: string, span: Span): boolean {
  const before = text.slice(Math.max(0, span.start - 24), span.start);
  return (before.endsWith('called ') || before.endsWith('named ')) && PET_BEFORE.test(before);
}

/** Person spans that are no one: inside a holiday greeting, a pet's name, an eponym, a month or a place field. */
export function notNamesOfThings(text: string, spans: Span[]): Span[] {
  return spans.filter(
    (span) => !inHolidayGreeting(text, span) && !petName(text, span) && !namesAThing(text, span),
  );
}
