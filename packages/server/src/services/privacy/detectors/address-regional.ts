import type { Span } from '../types.js';
import { extendAddress } from './address-tail.js';
import { anchoredMatches } from './anchored-matches.js';
import { LETTERS, UPPER_START } from './util.js';

const L = LETTERS;
const CAP = `[${UPPER_START}][${L}'’]*(?:-[${L}]+)*`;

/**
 * Street forms added in round 10 (eleventh batch), each read on over its area, city and postcode by `extendAddress`, and tried
 * only in a text that holds its word:
 * - Estonia, the street word abbreviated: `Pärnu mnt 22-5, 10141 Tallinn`, `Narva mnt 7`, `Tartu tn 4`, `Kadrioru pst 2`;
 * - Serbia, Croatia, Bosnia: the street word first, lower-case words inside the name, a postcode after
 *   (`Bulevar kralja Aleksandra 73, 11000 Beograd`, `Trg bana Jelačića 3, 10000 Zagreb`), or the word after the
 *   name (`Zagrebačka cesta 145`, `Obala Kulina bana 7`);
 * - Senegal and Côte d'Ivoire: a cité or quarter, then a building, a lot or an `îlot`
 *   (`Cité Keur Gorgui, Immeuble 14, Appt 3B, Dakar`, `Cocody Angré 8e tranche, Ilot 45 Lot 612, Abidjan`);
 * - Ethiopia: a sub-city, then its woreda or kebele (`Bole Sub-city, Woreda 03, House No. 1127, Addis Ababa`).
 */
/** Has `text` a match of `pattern` (global) right after a white-space character (`\s` first would be tried everywhere)? */
function afterSpace(text: string, pattern: RegExp): boolean {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.index > 0 && /\s/.test(text[m.index - 1] ?? '')) return true;
    pattern.lastIndex = m.index + 1;
  }
  return false;
}
const SOUTH_SLAVIC_FIRST = /(?:Bulevar|Ulica|Obala|Trg|Cesta|Put|Šetalište|Bul\.|Ul\.)\s/;
const SOUTH_SLAVIC_AFTER = /(?:cesta|ulica|obala|avenija)\s\d/g;

/** The cité or quarter form, found from its building or îlot word after a comma (a capital starts it anywhere). */
const BUILDING_HINT = /\b(?:Immeuble|Villa|Lot|Parcelle|Maison|Bâtiment|Bloc|Ilot|Îlot)\s(?:[Nn][°o]\s?)?\d/;
const BUILDING_ANCHOR = /,\s(?:Immeuble|Villa|Lot|Parcelle|Maison|Bâtiment|Bloc|Ilot|Îlot)\s/g;
const BUILDING_BEFORE = new RegExp(String.raw`[${L}'’\s\d-]`, 'u');
const CITE = new RegExp(
  String.raw`(?<![${L}])(?:(?:Cité|Quartier|Résidence|Lotissement|Zone)\s${CAP}(?:\s${CAP}){0,3},\s(?:Immeuble|Villa|Lot|Parcelle|Maison|Bâtiment|Bloc)|${CAP}(?:\s${CAP}){0,3}(?:\s\d{1,2}(?:e|ème)\stranche)?,\s(?:Ilot|Îlot))\s(?:[Nn][°o]\s?)?\d{1,5}[A-Z]?(?:,?\sLot\s(?:[Nn][°o]\s?)?\d{1,5})?(?![\w/-])`,
  'uy',
);

const FORMS: [{ test(text: string): boolean }, RegExp][] = [
  [
    /\s(?:mnt|tn|pst)\.?\s\d/,
    new RegExp(
      String.raw`(?<![${L}])${CAP}(?:\s${CAP}){0,2}\s(?:mnt|tn|pst)\.?\s\d{1,4}[a-zA-Z]?(?:[-/]\d{1,4})?(?![\w/-])`,
      'gu',
    ),
  ],
  [
    // `/(?:Bulevar|…)\s|\s(?:cesta|…)\s\d/`, its two halves tried apart, the second from its word.
    { test: (text) => SOUTH_SLAVIC_FIRST.test(text) || afterSpace(text, SOUTH_SLAVIC_AFTER) },
    new RegExp(
      String.raw`(?<![${L}])(?:(?:Bulevar|Ulica|Obala|Trg|Cesta|Put|Šetalište|Bul\.|Ul\.)\s(?:\p{Ll}+\s){0,2}${CAP}(?:\s(?:\p{Ll}+\s)?${CAP}){0,2}\s\d{1,4}[a-zA-Z]?(?![\w/-])(?=,\s\d{5}\s\p{Lu})|${CAP}\s(?:cesta|ulica|obala|avenija)\s\d{1,4}[a-zA-Z]?(?![\w/-]))`,
      'gu',
    ),
  ],
  [
    /Sub-?[Cc]ity|[Kk]ifle [Kk]etema/,
    new RegExp(
      String.raw`(?<![${L}])${CAP}(?:\s${CAP}){0,2}\s(?:Sub-?[Cc]ity|[Kk]ifle [Kk]etema),\s(?:Woreda|Kebele)\s\d{1,3}(?![\w/-])`,
      'gu',
    ),
  ],
];

/** Estonian, South Slavic, Senegalese and Ivorian, and Ethiopian addresses (round 10, eleventh batch). */
export function detectRegionalAddresses(text: string): Span[] {
  const spans: Span[] = [];
  for (const [hint, pattern] of FORMS) {
    if (!hint.test(text)) continue;
    for (const m of text.matchAll(pattern)) {
      spans.push({ start: m.index, end: extendAddress(text, m.index + m[0].length), type: 'ADDRESS' });
    }
  }
  if (BUILDING_HINT.test(text)) {
    for (const m of anchoredMatches(text, BUILDING_ANCHOR, CITE, BUILDING_BEFORE)) {
      spans.push({ start: m.index, end: extendAddress(text, m.index + m[0].length), type: 'ADDRESS' });
    }
  }
  return spans;
}
