import type { Span } from '../types.js';
import { extendAddress } from './address-tail.js';
import { LETTERS, UPPER_START } from './util.js';

const L = LETTERS;
const CAP = `[${UPPER_START}][${L}'’.]*(?:-[${L}]+)*`;

/**
 * Turkish organised industrial zones and small-industry estates, where the zone stands in for the quarter
 * (`Organize Sanayi Bölgesi 4. Cad. No: 18, Nilüfer, Bursa 16140`, `Demirtaş OSB Mustafa Karaer Cad. No:5`,
 * `Küçük Sanayi Sitesi 12. Sokak No: 7`): the zone, a numbered or named street, then the door number.
 */
const STREET_WORD = String.raw`(?:Caddesi|Cadde|Cad\.|Cd\.|Sokak|Sokağı|Sok\.|Sk\.|Bulvarı|Blv\.)`;
const INDUSTRIAL_ZONE = new RegExp(
  String.raw`(?<![${L}])(?:${CAP}\s){0,2}(?:Organize\sSanayi\sBölgesi|OSB|Sanayi\sSitesi)(?:\s(?:\d{1,3}\.|${CAP}(?:\s${CAP}){0,2})\s${STREET_WORD})?,?\sNo\s?[:.]?\s?\d{1,5}[A-Z]?(?:\/\d{1,4})?(?![\w/])`,
  'gu',
);

/**
 * A care home, hostel or clinic named before the street, with its room (`Seniorenresidenz Am Park, Zimmer 12,
 * Parkallee 5, 28209 Bremen`, `Pflegeheim St. Anna, Parkstraße 3`): read back from an address's start.
 */
const BUILDING_BEFORE = new RegExp(
  String.raw`(?<![${L}])[${UPPER_START}][${L}]*(?:residenz|heim|stift|zentrum|klinik|klinikum|krankenhaus|hospiz|wohnpark)(?<name>(?:\s(?:an\sder\s|am\s|im\s|zum\s|zur\s)?${CAP}){0,3}),\s(?<room>(?:Zimmer|Zi\.|Appartement|App\.|Wohnung|Whg\.|Station|Haus|Raum)\s?\d{1,4}[a-z]?,\s)?$`,
  'u',
);
const BUILDING_HINT = /(?:residenz|heim|stift|zentrum|klinik|klinikum|krankenhaus|hospiz|wohnpark)[\s,]/;

/** A British surgery or health centre named right before its street address (`Brook Lane Surgery, 3 Brook Lane, Bromley BR1 4PX`). */
const PRACTICE_BEFORE = new RegExp(
  String.raw`(?<![${L}])${CAP}(?:\s${CAP}){0,3}\s(?:Surgery|Medical\sCentre|Health\sCentre|Medical\sPractice)(?:\s${CAP}){0,1},\s$`,
  'u',
);
const PRACTICE_HINT = /(?:Surgery|Medical Centre|Health Centre|Medical Practice),\s\d/;

/** Turkish industrial-zone addresses, each read on over its district, city and postcode. */
export function detectPremisesAddresses(text: string): Span[] {
  const spans: Span[] = [];
  if (/OSB|Sanayi/.test(text)) {
    for (const m of text.matchAll(INDUSTRIAL_ZONE)) {
      spans.push({ start: m.index, end: extendAddress(text, m.index + m[0].length), type: 'ADDRESS' });
    }
  }
  return spans;
}

/** `Flat C, 18/F, Block 2, …`, `Unit 12-3A, …`, `Casa 7, …`, `Bât. B, …`, `Plot No. 2093/418`, `H.No. 8-2-293/82`: a flat, floor or plot word just before. */
const UNIT_BEFORE =
  /(?:(?<![\p{L}\d])(?:Flat|Unit|Apt\.?|Apartment|Suite|Room|Rm\.?|Casa|Apto\.?|Apartamento|Depto\.?|Dpto\.?|Departamento|Oficina|Local|Bât\.|Bâtiment|Bloco)\s[A-Z0-9]{1,5}(?:-[A-Z0-9]{1,4})?,\s(?:\d{1,2}\/F,\s)?|(?<![\w/])\d{1,2}\/F,\s|(?<![\p{L}])(?:Plot|House|H\.))\s?$/u;

function withUnitBefore(text: string, address: Span): Span {
  const from = Math.max(0, address.start - 24);
  const m = UNIT_BEFORE.exec(text.slice(from, address.start));
  return m ? { ...address, start: from + m.index } : address;
}

/**
 * `Unit 12-3A, Menara Ampang, Jalan Ampang, …`, `Edifício Atlântico, Rua Barata Ribeiro 370`, `Harbour Heights, 5 …`,
 * `Rose Cottage, 3 Mill Lane`, `Ty Newydd, 8 Heol y Felin`: a tower, a block or a named house before the street, its word
 * first (Malay, Portuguese, Spanish, French, Indonesian, Welsh) or last (English).
 */
const TOWER_BEFORE = new RegExp(
  String.raw`(?<![${L}])(?:(?:Menara|Wisma|Edifício|Edificio|Edifici|Torre|Condomínio|Condominio|Residencial|Résidence|Gedung|Bloco|Tŷ|Ty)\s${CAP}(?:\s${CAP}){0,2}|${CAP}(?:\s${CAP}){0,2}\s(?:Tower|Towers|Plaza|Mansions?|Apartments|Residences|Heights|Building|Cottage|Farm|Farmhouse|Lodge|Manor|Barn))(?:,\s|\s[-–]\s)$`,
  'u',
);

function withTowerBefore(text: string, address: Span): Span {
  const from = Math.max(0, address.start - 48);
  const m = TOWER_BEFORE.exec(text.slice(from, address.start));
  return m ? { ...address, start: from + m.index } : address;
}

/** Each address with the named building and room written before it, when one is. */
export function withBuildingsBefore(text: string, addresses: Span[]): Span[] {
  if (PRACTICE_HINT.test(text)) addresses = addresses.map((address) => withPracticeBefore(text, address));
  addresses = addresses.map((address) => withUnitBefore(text, withTowerBefore(text, address)));
  return addresses.map((address) => {
    const from = Math.max(0, address.start - 90);
    const window = text.slice(from, address.start);
    // Its building word looked for in the window, not in the whole text (where some `heim ` is likely).
    if (!BUILDING_HINT.test(window)) return address;
    const m = BUILDING_BEFORE.exec(window);
    // `im Krankenhaus, Hauptstraße 5`: the building needs its own name or a room to be part of the address.
    if (!m || (!m.groups?.name && !m.groups?.room)) return address;
    return { ...address, start: from + m.index };
  });
}

function withPracticeBefore(text: string, address: Span): Span {
  const from = Math.max(0, address.start - 60);
  const m = PRACTICE_BEFORE.exec(text.slice(from, address.start));
  return m ? { ...address, start: from + m.index } : address;
}
