import type { Span } from '../types.js';
import { extendAddress } from './address-tail.js';
import { anchoredMatches } from './anchored-matches.js';
import { LETTERS, UPPER_START } from './util.js';

const L = LETTERS;
const CAP = `[${UPPER_START}][${L}'’]*(?:-[${L}]+)*`;

/**
 * Ukrainian streets romanised, the street word abbreviated before the name as in Cyrillic (`вул.` → `vul.`,
 * `пров.` → `prov.`, `просп.` → `prosp.`, `бульв.` → `bulv.`): `vul. Khreshchatyk 22, kv. 15, Kyiv 01001`.
 */
const UKRAINIAN = new RegExp(
  String.raw`(?<![${L}])(?:vul\.|vulytsia|vulytsya|prov\.|provulok|prosp\.|bulv\.|bulvar|ploshcha|naberezhna)\s${CAP}(?:[\s-]${CAP}){0,2},?\s(?:bud\.\s?)?\d{1,4}[a-zA-Z]?(?:\/\d{1,4})?(?![\w/-])`,
  'gu',
);

/**
 * Persian streets romanised, the street word first and joined to the name by the ezafe (`-e`, `-ye`):
 * `Khiaban-e Vali-Asr`, `Kuche-ye Golha`, `Meydan-e Azadi`, `Kuy-e Nasr`. A house number (`No.`, `Pelak`)
 * or a postcode must come with it, before or after.
 */
const PERSIAN_WORD = String.raw`(?:Khiaban|Khiyaban|Kh\.|Kuche|Kucheh|Koocheh|Kuy|Kooy|Meydan|Maidan|Bolvar|Golestan)-(?:e|ye)\s${CAP}(?:[\s-]${CAP}){0,2}`;
const PERSIAN_NUMBER = String.raw`(?:No\.?|Pelak|Plaque)\s?\d{1,4}[A-Z]?`;
const PERSIAN = new RegExp(
  String.raw`(?<![${L}])(?:${PERSIAN_NUMBER},\s)?${PERSIAN_WORD}(?:,\s${PERSIAN_WORD}){0,2}(?:,\s${PERSIAN_NUMBER})?(?![\w-])`,
  'gu',
);

/**
 * A Spanish street word before the name in a US address (`3180 Calle Ocho, Miami, FL 33135`, `1200 Camino del
 * Rio, San Diego, CA 92108`, `1187 Calle Loíza, Apt 3, San Juan, PR 00911`): only with the city, state and ZIP code after it.
 */
const US_SPANISH = new RegExp(
  String.raw`(?<![\w-])\d{1,5}\s(?:Calle|Camino|Caminito|Avenida|Paseo|Via|Vía|Rancho|Plaza|Alameda)\s(?:(?:de|del|la|las|los|el)\s){0,2}${CAP}(?:\s${CAP}){0,2},\s(?:(?:Apt|Apartment|Unit|Suite|Ste|#)\.?\s?[\w-]{1,6},\s)?${CAP}(?:\s${CAP}){0,2},?\s[A-Z]{2}\s\d{5}(?:-\d{4})?(?![\w-])`,
  'gu',
);

/**
 * Welsh and Irish streets, the street word first and the name after its article: `14 Heol y Coed, Cardiff CF14 6HR`,
 * `2 Ffordd yr Afon`, `14 Bóthar na Trá, Gaillimh H91 X2K7`; only with the house number before, read on over the
 * town and postcode.
 */
const CELTIC_WORDS = String.raw`(?:Heol|Ffordd|Stryd|Lôn|Rhodfa|Cilgant|Bóthar|Bothar|Sráid|Sraid|Ascaill|Lána)`;
const CELTIC = new RegExp(
  String.raw`(?<![\w/-])\d{1,4}[A-Za-z]?,?\s${CELTIC_WORDS}\s(?:(?:y|yr|’r|'r|na|an|an\st-?|[Nn]a\sh-?)\s?)?${CAP}(?:\s${CAP}){0,2}(?![\w-])`,
  'gu',
);
const CELTIC_HINT = new RegExp(String.raw`\d,?\s${CELTIC_WORDS}\s`);

/**
 * Low Countries addresses: the house number first, as English writes it, before a Dutch street and its postcode
 * (`44 Prinsengracht, 1015 DV Amsterdam`), or the street word first (`Laan van Meerdervoort 233-B, 2563 AB Den Haag`); a Belgian box number after the house number (`Meir 48 bus 3, 2000
 * Antwerpen`). Only with the postcode and town after, the town ending the part.
 */
const DUTCH_NUMBER_FIRST = new RegExp(
  String.raw`(?<![\w/-])\d{1,4}[a-z]?\s${CAP}(?:gracht|straat|laan|weg|plein|kade|singel|dijk|steeg)(?:\s\d{1,4}[a-z]?)?,\s\d{4}\s?[A-Z]{2}\s${CAP}(?![\w-])`,
  'gu',
);
/** `Laan van Meerdervoort 233-B, 2563 AB Den Haag`, `Kade van Eeden 4`: the street word first, then `van` and the name. */
const DUTCH_WORD_FIRST = new RegExp(
  String.raw`(?<![\w-])(?:Laan|Plein|Kade|Weg|Dreef|Singel|Gracht|Burgwal|Dijk)\s(?:van|der|de|den|het|ten|ter)\s(?:(?:de|der|den|het)\s)?${CAP}(?:\s${CAP})?\s\d{1,4}(?:-?[A-Za-z]|-\d{1,3})?,\s\d{4}\s?[A-Z]{2}\s${CAP}(?:\s${CAP})?(?![\w-])`,
  'gu',
);
const BELGIAN_BOX = new RegExp(
  String.raw`(?<![\w-])${CAP}(?:\s${CAP}){0,2}\s\d{1,4}[a-zA-Z]?\sbus\s\d{1,4}[A-Za-z]?,\s\d{4}\s${CAP}(?:[\s-]${CAP})?(?=[,.;)\n]|\s*$)`,
  'uy',
);
// Found from its ` bus ` (a capital starts it anywhere): the street and house number before lie in these.
const BUS_ANCHOR = /\sbus\s/g;
const BUS_BEFORE = new RegExp(String.raw`[${L}'’\s\d-]`, 'u');

/** Ukrainian and Persian streets romanised, Spanish street names in US addresses; each read on over its tail. */
export function detectStreetWordFirst(text: string): Span[] {
  const spans: Span[] = [];
  if (/\b(?:vul|prov|prosp|bulv|ploshcha|naberezhna|vulytsi?y?a|provulok|bulvar)\b/.test(text)) {
    for (const m of text.matchAll(UKRAINIAN)) {
      spans.push({ start: m.index, end: extendAddress(text, m.index + m[0].length), type: 'ADDRESS' });
    }
  }
  if (/-y?e\s/.test(text)) {
    for (const m of text.matchAll(PERSIAN)) {
      const coreEnd = m.index + m[0].length;
      const end = extendAddress(text, coreEnd);
      const numbered = new RegExp(PERSIAN_NUMBER).test(m[0]) || /\d{5}-?\d{5}/.test(text.slice(coreEnd, end));
      if (numbered) spans.push({ start: m.index, end, type: 'ADDRESS' });
    }
  }
  if (/\d\s(?:Calle|Camino|Caminito|Avenida|Paseo|Via|Vía|Rancho|Plaza|Alameda)\s/.test(text)) {
    for (const m of text.matchAll(US_SPANISH)) {
      spans.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
    }
  }
  if (CELTIC_HINT.test(text)) {
    for (const m of text.matchAll(CELTIC)) {
      spans.push({ start: m.index, end: extendAddress(text, m.index + m[0].length), type: 'ADDRESS' });
    }
  }
  if (/,\s\d{4}\s?[A-Z]{2}\s/.test(text)) {
    for (const m of [...text.matchAll(DUTCH_NUMBER_FIRST), ...text.matchAll(DUTCH_WORD_FIRST)]) {
      spans.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
    }
  }
  if (text.includes(' bus ')) {
    for (const m of anchoredMatches(text, BUS_ANCHOR, BELGIAN_BOX, BUS_BEFORE)) {
      spans.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
    }
  }
  return spans;
}
