import type { Span } from '../types.js';
import { detectTaiwanVietnamEastAfricaAddresses } from './address-taiwan-vietnam-east-africa.js';
import { detectLabelledAddresses } from './address-fields.js';
import { detectUnnumberedStreets } from './address-unnumbered.js';
import { CITY_PARTICLE, detectAddressParts } from './address-parts.js';
import { extendAddress, sentenceEnd } from './address-tail.js';
import { detectPremisesAddresses, withBuildingsBefore } from './address-premises.js';
import { withCityBefore } from './address-city-before.js';
import { detectScriptAddresses } from './address-scripts.js';
import { detectMarkedScriptAddresses } from './address-marker-chains.js';
import { detectRegionalAddresses } from './address-regional.js';
import { detectStreetWordFirst } from './address-street-first.js';
import { detectWorldAddresses } from './address-world.js';
import { fromAnchors, LETTERS, matchSpans, UPPER_START } from './util.js';

const L = LETTERS;
const CAP = `[${UPPER_START}][${L}'’.-]*`;
const EN_SUFFIX =
  'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Square|Sq|Parkway|Pkwy|Highway|Hwy|Close|Crescent|Row|Mews|Gardens|Circle|Cir|Walk|Parade|Grove|Rise|Vale|Green|Hill|Park|Wharf|Quay|Yard|Approach|Chase|Esplanade|Embankment|Hollow|Meadows?|Heights|Loop|Trail|Alley|Path|Plaza|Broadway';
const UNIT = String.raw`(?:,?\s+(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor)\.?\s*#?\w+)?`;
/** `17 Kingsway, Durban North`, `88 Queensway, Admiralty`: a street of one word ending in `way`, before its area. */
const ONE_WORD_WAY =
  /(?<![\w/-])\d{1,5}[A-Za-z]?\s(?:Kings|Queens|Park|Cause|Ridge|Fair|North|South|East|West|Green)way(?=,\s[A-Z])/g;
const US_TAIL = String.raw`(?:,\s*${CAP}(?:\s${CAP}){0,2},?\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?)?`;
const EU_TAIL = String.raw`(?:,\s*(?:[A-Z]{1,2}-)?\d{3,5}\s+${CAP}(?:[ -](?:${CITY_PARTICLE})?${CAP}){0,2})?`;

const ENGLISH = new RegExp(
  String.raw`(?<![\w/-])\d{1,5}(?:\/\d{1,4})?(?:-?[A-Za-z])?\s+(?:(?:N|S|E|W|NE|NW|SE|SW)\.?\s+)?(?:${CAP}|\d{1,3}(?:st|nd|rd|th))\s+(?:(?:${CAP}|\d{1,3}(?:st|nd|rd|th)|de|del|la|du|von|van)\s+){0,3}(?:${EN_SUFFIX})\b\.?(?:\s(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\b)?${UNIT}${US_TAIL}`,
  'g',
);
/** A house number with its letter and flat (`10 A 3`, `88 B`, `17a`, `18B`, `87-B`, `144-12`), or staircase and door (`45/3/12`). */
const HOUSE_NUMBER = String.raw`\d{1,4}(?:[A-H]\b|\s?[a-z]\b|\s[A-H]\b(?:\s\d{1,3}\b)?|(?:\/\d{1,3}){1,3}(?![\w/])|-(?:[A-Z]|\d{1,3})(?![\w/-]))?`;
/** `Landstraßer Hauptstraße`, `Wiedner Gürtel`: an adjective of place before the street name. */
const PLACE_ADJECTIVE = String.raw`(?!(?:Dieser|Jeder|Hinter|Unter|Weiter|Immer|Einer|Ihrer|Unser|Oder|Aber|Neben)\s)[${UPPER_START}][${L}]{3,}er\s`;
const GERMANIC = new RegExp(
  String.raw`(?:${PLACE_ADJECTIVE})?[${UPPER_START}][${L}-]*\.?\s+${HOUSE_NUMBER}${EU_TAIL}`,
  'y',
);
const STREET_ENDINGS =
  'straße|strasse|str\\.|vegur|vegi|götu|stræti|braut|stígur|weg|gasse|platz|allee|ring|damm|ufer|chaussee|straat|laan|gracht|plein|steeg|boulevard|vej|gade|gatan|gata|vägen|veien|gate|katu|tie|kuja|polku|tori|gränd|torget|-Straße|-Strasse|-Weg|-Platz|-Allee|-Ring|-Gasse';
/** Where a Germanic or Nordic street name ends before its number (`…straße 5`, `…gatan 12`, `…katu 15`). */
/** Not before a decimal (`room Turing 3.14`), a number too long for a house, or a leading zero (`Ngata 021 448 3190`). */
const GERMANIC_ANCHOR = new RegExp(`(?:${STREET_ENDINGS})\\s+[1-9](?!\\d{4}|\\d{0,3}[.,]\\d)`, 'g');
const GERMANIC_SUFFIX = new RegExp(`^(?:\\S+er\\s)?\\S*(?:${STREET_ENDINGS})\\s`);
/** `Stellplatz 14`, `Arbeitsplatz 3`, `Spielplatz 2`: numbered places that are no street. */
const NOT_A_STREET =
  /^(?:Stell|Park|Arbeits|Sitz|Steh|Spiel|Camping|Liege|Abstell|Lager|Sport|Tennis|Golf|Zelt|Kunden|Besucher|Mitarbeiter)platz\s/;
/**
 * The street word written apart: `Berliner Straße 14`, `Bygdøy allé 23`, Uzbek `Amir Temur ko'chasi 108`, and `gate` only after a
 * genitive (`Karl Johans gate 5`), so that `Terminal B gate 5` stays a gate.
 */
const SPLIT_WORDS = String.raw`(?:Straße|Strasse|Weg|Gasse|Platz|Allee|Ring|Damm|vei|veien|gata|gatan|vej|gade|vägen|allé|ko['‘’]chasi|kochasi)|(?<=s\s)gate`;
const GERMANIC_SPLIT = new RegExp(
  String.raw`(?:${CAP}\s)?${CAP}\s(?:${SPLIT_WORDS})\s+${HOUSE_NUMBER}${EU_TAIL}`,
  'y',
);
/** Found from the street word and its number (rare), then read from up to two words before. */
const SPLIT_STREET_WORD = new RegExp(String.raw`\s(?:${SPLIT_WORDS})\s+\d`, 'g');
/** A French street word, capitalised or not (the flag `i` would let the name after it be in lower case too). */
const FRENCH_STREET_WORDS = [
  'rue',
  'avenue',
  'av.',
  'boulevard',
  'boul.',
  'bd',
  'place',
  'chemin',
  'ch.',
  'allée',
  'impasse',
  'quai',
  'route',
  'cours',
  'passage',
  'rang',
  'montée',
  'côte',
  'croissant',
  'promenade',
]
  .flatMap((word) => [`[${word[0]}${word[0]?.toUpperCase()}]${word.slice(1)}`, word.toUpperCase()])
  .map((word) => word.replace('.', '\\.'))
  .join('|');
const FRENCH = new RegExp(
  String.raw`(?<![\w-])\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:${FRENCH_STREET_WORDS})\s+(?:(?:[Dd]e|[Dd]u|[Dd]es|[Ll]a|[Ll]e|[Ll]'|[Dd]'|[Ll]’|[Dd]’)\s*)*${CAP}(?:[\s-](?:(?:[Dd]e|[Dd]u|[Dd]es|[Ll]a|[Ll]e)\s)?${CAP}){0,3}${EU_TAIL}`,
  'g',
);
/**
 * `Andrássy út 60`, `Váci utca 12`, `Nevsky prospekt 28`, `Brīvības iela 55` (`144-12`, house and flat), `Gedimino prospektas 9`: the
 * street word after the name, in lower case (Hungarian, Russian and Ukrainian in Latin letters, Baltic).
 */
const EAST_WORDS =
  'út|utca|tér|körút|krt\\.|köz|prospekt|ulitsa|vulytsia|pereulok|shosse|naberezhnaya|bulvar|ploshchad|iela|gatvė|gatve|prospektas|tänav|puiestee|maantee';
const EAST_ANCHOR = new RegExp(`\\s(?:${EAST_WORDS})\\s\\d`, 'g');
const EASTERN = new RegExp(
  String.raw`${CAP}(?:\s${CAP}){0,2}\s(?:${EAST_WORDS})\s\d{1,4}[a-zA-Z]?(?:[/-]\d{1,4})?(?:\.\s\d{1,2}\.\s?em\.(?:\s\d{1,3}\.?)?|\.\s(?:\d{1,2}|[IVX]{1,4})\/\d{1,3}\.?)?(?![\w/-])${EU_TAIL}`,
  'y',
);
/** `1062 Budapest, Andrássy út 61`: Hungarian postcode and city written before the street. */
const POSTCODE_CITY_BEFORE = new RegExp(String.raw`(?<![\w-])\d{4}\s${CAP},\s$`);
/** `Tumanyan St. 12, apt. 34, Yerevan 0002`: the street type between the name and the number; a tail must follow. */
const STREET_TYPE = '(?:St|Str|Street|Ave|Avenue|Blvd|Boulevard|Rd|Road|Lane)';
const TYPE_BEFORE_NUMBER = new RegExp(
  String.raw`${CAP}(?:\s${CAP}){0,2}\s${STREET_TYPE}\.?\s\d{1,4}[a-zA-Z]?(?=,\s)`,
  'y',
);
const TYPE_NUMBER_ANCHOR = new RegExp(String.raw`\s${STREET_TYPE}\.?\s\d{1,4}[a-zA-Z]?,\s`, 'g');
const ROMANCE = new RegExp(
  String.raw`(?<![${L}])(?:Calle|C\/|Avenida|Avda\.|Plaza|Paseo|Carrer|Bulevar|Camino|Via|Viale|Piazza|Corso|Largo|Vicolo|Rua|Travessa|Praça|Alameda|(?<=\b(?:di|in|a|da|su|della|nella|alla|dalla|sulla) )(?:via|viale|piazza|corso|vicolo)|(?<=\b(?:al|el|del|en|a) )(?:carrer|avinguda|passeig|plaça|calle|avenida))\s+(?:(?:de|del|la|las|los|da|do|dos|das|di|della|delle|dei|degli)\s+)*${CAP}(?:\s+(?:(?:de|del|da|do|di|della)\s+)?${CAP}){0,3},?\s*(?:n[º°o]\.?\s*)?\d{1,4}[a-zA-Z]?\b${EU_TAIL}`,
  'g',
);

const SLAVIC = new RegExp(
  String.raw`(?<![${L}])(?:ul\.|ulica|al\.|aleja|pl\.|os\.|ulice|nám\.)\s+${CAP}(?:\s+${CAP}){0,2}\s+\d{1,4}[a-zA-Z]?(?:\/\d{1,4})?\b(?:\s(?:m\.|lok\.)\s?\d{1,4})?(?:\s(?:w|we)\s${CAP})?${EU_TAIL}`,
  'g',
);

/**
 * Turkish addresses: street, avenue, quarter or boulevard word after its name, then the door number
 * (`Bağdat Caddesi No:123 D:5`, `Atatürk Cad. No: 45 Daire 3`, `Cumhuriyet Mah. 1203 Sok. No:7`); found
 * from the street word.
 */
const TR_WORD = String.raw`(?:Caddesi|Cad\.|Cd\.|Sokak|Sokağı|Sok\.|Sk\.|Bulvarı|Blv\.|Mahallesi|Mah\.|Mh\.)`;
const TURKISH_ANCHOR = new RegExp(String.raw`\s${TR_WORD}(?![${L}])`, 'g');
const TURKISH = new RegExp(
  String.raw`${CAP}(?:\s${CAP}){0,2}\s${TR_WORD}(?:\s(?:\d{1,5}\.?|${CAP})\s${TR_WORD})?,?\s(?:No\s?[:.]?\s?)?\d{1,5}[A-Z]?(?:\/\d{1,4})?(?:,?\s(?:D|Daire|Kat|K)\s?[:.]?\s?\d{1,4})*(?![\w/])`,
  'y',
);
/** Ghana Post GPS digital addresses: region and district letters, then the area and the spot (`GA-183-8164`). */
/** (Not a year's reference, `GR-2026-0418`.) */
const GHANA_GPS = /[ABCEGNUVWX][A-Z]-(?!(?:19|20)\d\d-)\d{3,4}-\d{4}(?![\w-])/g;
/**
 * `Moi Avenue, Nyali House, 2nd Floor, Mombasa`, `Kimathi House, Kimathi Street, Nairobi`: a building and
 * a street next to each other, with no number (East African and many other addresses).
 */
const NAMED_STREET = String.raw`${CAP}(?:\s${CAP}){0,2}\s(?:Road|Rd|Avenue|Ave|Street|St|Lane|Drive|Way|Highway|Crescent|Close)\.?`;
const NAMED_BUILDING = String.raw`${CAP}(?:\s${CAP}){0,2}\s(?:House|Towers?|Plaza|Building|Centre|Center|Complex|Mall|Chambers|Arcade|Court)`;
const BUILDING_AND_STREET = new RegExp(
  String.raw`(?<![${L}])(?:${NAMED_STREET},\s${NAMED_BUILDING}|${NAMED_BUILDING},\s${NAMED_STREET})(?![${L}])`,
  'g',
);
/** Found from the building word (rare): only the lines that hold one are read. */
const BUILDING_WORD =
  /\s(?:House|Towers?|Plaza|Building|Centre|Center|Complex|Mall|Chambers|Arcade|Court)\b/g;

function buildingsAndStreets(text: string): Span[] {
  const spans: Span[] = [];
  BUILDING_WORD.lastIndex = 0;
  for (let word = BUILDING_WORD.exec(text); word; word = BUILDING_WORD.exec(text)) {
    // The building word itself (after its leading space, which may be the line break before it).
    const at = word.index + 1;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const newline = text.indexOf('\n', at);
    const lineEnd = newline < 0 ? text.length : newline;
    for (const m of text.slice(lineStart, lineEnd).matchAll(BUILDING_AND_STREET)) {
      spans.push({ start: lineStart + m.index, end: lineStart + m.index + m[0].length, type: 'ADDRESS' });
    }
    // Always past this word: a line that starts with one (`…\nHouse 45`) must not be read again.
    BUILDING_WORD.lastIndex = Math.max(lineEnd, at);
  }
  return spans;
}

/** A UK postcode on its own (`SW1A 2AA`): it narrows an address to a few houses. */
const UK_POSTCODE = /(?<![\w-])[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}(?![\w-])/g;
/**
 * The house, street and town before a UK postcode, where the street has no street word: `18 Whalley
 * Range, Blackburn BB1 6EB`, `12 The Paddocks, Ashford TN23 4QP`, `42 Larkhill, Nythe, Swindon SN3 1AB`, Welsh
 * `34 Cwrt y Llan, Bangor LL57 1AB`.
 */
const HOUSE_BEFORE_UK_POSTCODE = new RegExp(
  String.raw`(?<![\w.,-])\d{1,4}[A-Za-z]?\s(?:The\s)?${CAP}(?:\s(?:(?:y|yr|of|upon|on|the)\s)?${CAP}){0,2},\s(?:${CAP}(?:\s${CAP}){0,2},\s){0,2}${CAP}(?:[\s-]${CAP}){0,2},?\s$`,
);

/** An Indian PIN code (six digits, the first 1–8). */
const INDIAN_PIN = /(?<![\w-])[1-8]\d{5}(?![\w-])/g;
const IN_PART = String.raw`(?:${CAP}|No\.?|\d{1,3})(?:\s(?:${CAP}|No\.?|\d{1,3})){0,3}`;
/**
 * Before an Indian PIN code, the house or flat and the parts of the address, each between commas, the city last:
 * `B-204, Lodha Palava, Dombivli East, Thane 421204`, `H.No. 8-2-293/82, Road No. 14, Banjara Hills, Hyderabad 500034`,
 * `12 Sundervan Society, Juhu Tara Road, Mumbai 400049`.
 */
const PARTS_BEFORE_INDIAN_PIN = new RegExp(
  String.raw`(?<![\w.,/-])(?:(?:H\.\s?No\.|House No\.|Flat(?: No\.)?|Plot(?: No\.)?|Door No\.)\s?)?(?:[A-Z]-?\d{1,4}|\d{1,4}(?:[-/]\d{1,4}){0,3}[A-Za-z]?)(?:,\s|\s)(?:${IN_PART},\s){1,4}${CAP}(?:\s${CAP})?[\s-]$`,
);

/** A PIN code with the house and the parts before it; a six-digit number without them is no address. */
function indianAddresses(text: string): Span[] {
  return postcodesWithPartsBefore(text, INDIAN_PIN, PARTS_BEFORE_INDIAN_PIN).filter(
    (span) => span.end - span.start > 6,
  );
}

/** `Lacombe, AB T4L 2N2`: a Canadian postcode after its province's code. */
const CANADIAN_POSTCODE =
  /(?<![\w-])(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)\s[A-Z]\d[A-Z]\s?\d[A-Z]\d(?![\w-])/g;
/**
 * Before a Canadian postcode, the rural route, site, box or house and the town: `RR 2, Site 5, Box 11, Lacombe, AB`.
 * Each part is a number or a few capitalised words; the first holds a number.
 */
const PARTS_BEFORE_CANADIAN_POSTCODE = new RegExp(
  String.raw`(?<![\w.,-])(?:(?:RR|Site|Box|PO Box|P\.O\. Box|Unit|Apt\.?|Suite)\s\d{1,5}|\d{1,5}[A-Za-z]?\s${CAP}(?:\s${CAP}){0,3}),\s(?:(?:(?:Site|Box|Comp|Unit|Apt\.?|Suite)\s\d{1,5}|${CAP}(?:\s${CAP}){0,2}),\s){0,3}$`,
);

/** A postcode with the parts of the address before it that its country's shape allows. */
function postcodesWithPartsBefore(text: string, postcode: RegExp, before: RegExp): Span[] {
  return matchSpans(text, postcode, 'ADDRESS').map((span) => {
    const from = Math.max(0, span.start - 90);
    const parts = before.exec(text.slice(from, span.start));
    return parts ? { ...span, start: from + parts.index } : span;
  });
}

/**
 * Street addresses: `221B Baker Street`, `1600 Pennsylvania Avenue NW`-style English forms with
 * an optional city/state/ZIP, `Hauptstraße 5, 10115 Berlin`, `12 rue de la Paix`, `Calle Mayor 10`,
 * `Via Roma 25`, `ul. Długa 5`, the forms of address-parts.ts (Lagos plots, Tokyo chome,
 * Bengaluru cross/main), Turkish `Caddesi … No:` forms, a building next to a street (`Moi Avenue, Nyali
 * House`), UK postcodes and Ghana Post GPS codes; each extended over its area, city and postcode.
 */
export function detectAddresses(text: string): Span[] {
  const streets = [
    ...matchSpans(text, ENGLISH, 'ADDRESS'),
    ...fromAnchors(text, GERMANIC_ANCHOR, GERMANIC, 1)
      .filter((m) => GERMANIC_SUFFIX.test(m[0]) && !NOT_A_STREET.test(m[0]))
      .map((m): Span => ({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' })),
    ...fromAnchors(text, SPLIT_STREET_WORD, GERMANIC_SPLIT, 2).map((m): Span => ({
      start: m.index,
      end: m.index + m[0].length,
      type: 'ADDRESS',
    })),
    ...matchSpans(text, FRENCH, 'ADDRESS'),
    ...matchSpans(text, ROMANCE, 'ADDRESS'),
    ...fromAnchors(text, TYPE_NUMBER_ANCHOR, TYPE_BEFORE_NUMBER, 3).map((m): Span => ({
      start: m.index,
      end: m.index + m[0].length,
      type: 'ADDRESS',
    })),
    ...fromAnchors(text, EAST_ANCHOR, EASTERN, 3).map((m): Span => {
      const city = POSTCODE_CITY_BEFORE.exec(text.slice(Math.max(0, m.index - 40), m.index));
      return {
        start: city ? m.index - city[0].length : m.index,
        end: m.index + m[0].length,
        type: 'ADDRESS',
      };
    }),
    ...matchSpans(text, SLAVIC, 'ADDRESS'),
    ...fromAnchors(text, TURKISH_ANCHOR, TURKISH, 4).map((m): Span => ({
      start: m.index,
      end: m.index + m[0].length,
      type: 'ADDRESS',
    })),
    ...buildingsAndStreets(text),
    ...(text.includes('way,') ? matchSpans(text, ONE_WORD_WAY, 'ADDRESS') : []),
  ].map((span) => ({ ...span, end: extendAddress(text, span.end) }));
  const shaped = withBuildingsBefore(text, [
    ...streets,
    ...detectAddressParts(text),
    ...detectTaiwanVietnamEastAfricaAddresses(text),
    ...detectWorldAddresses(text),
    ...detectRegionalAddresses(text),
    ...postcodesWithPartsBefore(text, UK_POSTCODE, HOUSE_BEFORE_UK_POSTCODE),
    ...postcodesWithPartsBefore(text, CANADIAN_POSTCODE, PARTS_BEFORE_CANADIAN_POSTCODE),
    ...indianAddresses(text),
    // The start is checked on the match: a look-behind first would be tried at every position.
    ...matchSpans(text, GHANA_GPS, 'ADDRESS', (m) => !/[\w-]/.test(text[m.index - 1] ?? '')),
    ...detectStreetWordFirst(text),
    ...detectPremisesAddresses(text),
    ...detectScriptAddresses(text),
    ...detectUnnumberedStreets(text),
  ]);
  // An address in a script without capitals read by its marker words only where no shape above read it.
  const marked = detectMarkedScriptAddresses(text).filter(
    (span) => !shaped.some((other) => other.start < span.end && span.start < other.end),
  );
  const found = withCityBefore(
    text,
    [...shaped, ...marked].map((span) => ({
      ...withNumbersBefore(text, span),
      end: sentenceEnd(text, span.start, span.end),
    })),
  );
  return joinedByCommas(text, withLabelledFields(text, found));
}

/** A street named by a number (`128 Street`, `5th Avenue`), and a Glasgow flat's floor and door (`2/1, 48 …`). */
const NUMBERED_STREET = /^\d{1,4}(?:st|nd|rd|th)?\s(?:Street|St|Avenue|Ave|Road|Rd)\b/;
const HOUSE_NUMBER_BEFORE = /(?:^|[\s(:,])(\d{1,5}[A-Z]?\s)$/;
const FLAT_POSITION_BEFORE = /(?:^|[\s(:])(\d{1,2}\/\d{1,2},\s)$/;

/** `7841 128 Street, Surrey`, `2/1, 48 Dumbarton Road, Glasgow`: the numbers before an address that belong to it. */
function withNumbersBefore(text: string, span: Span): Span {
  if (!isDigitCode(text.charCodeAt(span.start))) return span;
  const before = text.slice(Math.max(0, span.start - 10), span.start);
  let start = span.start;
  if (NUMBERED_STREET.test(text.slice(start, start + 20)))
    start -= HOUSE_NUMBER_BEFORE.exec(before)?.[1]?.length ?? 0;
  start -= FLAT_POSITION_BEFORE.exec(text.slice(Math.max(0, start - 10), start))?.[1]?.length ?? 0;
  return start === span.start ? span : { ...span, start };
}
const isDigitCode = (code: number) => code >= 48 && code <= 57;

/**
 * `4417 North Kedzie Avenue` and `apartment 2R, Chicago`, `Jl. Kaliurang Km 5` and `No. 23, Sleman`, found apart, one
 * comma or one space between: one address.
 */
function joinedByCommas(text: string, spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const joined: Span[] = [];
  for (const span of sorted) {
    const last = joined.at(-1);
    if (last && span.start >= last.end && /^(?:,\s?| )$/.test(text.slice(last.end, span.start))) {
      joined[joined.length - 1] = { ...last, end: span.end };
    } else joined.push(span);
  }
  return joined;
}

/**
 * A form's address field (`주소: …`, `पता: …`) is read whole where no shape above found the address in it, and
 * an address found in it reads on to the field's end where the rest still holds a number (a postcode, a flat
 * number: `테헤란로 152, 12층 (역삼동) 06236`), not where only a name follows (`…, Karachi 75300 (Asif Mehmood)`).
 */
function withLabelledFields(text: string, found: Span[]): Span[] {
  const fields = detectLabelledAddresses(text);
  if (fields.length === 0) return found;
  const spans = [...found];
  for (const field of fields) {
    const inside = spans.filter((span) => span.end > field.start && span.start < field.end);
    if (inside.length === 0) {
      spans.push({ ...field, end: sentenceEnd(text, field.start, field.end) });
      continue;
    }
    if (inside.some((span) => span.start < field.start || span.end > field.end)) continue;
    const last = Math.max(...inside.map((span) => span.end));
    if (!/\d/.test(text.slice(last, field.end))) continue;
    const start = Math.min(...inside.map((span) => span.start));
    for (const span of inside) spans.splice(spans.indexOf(span), 1);
    spans.push({ start, end: sentenceEnd(text, start, field.end), type: 'ADDRESS' });
  }
  return spans;
}
