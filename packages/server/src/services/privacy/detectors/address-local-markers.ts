import type { Span } from '../types.js';
import { anchoredMatches } from './anchored-matches.js';
import { fromAnchors, LETTERS, UPPER_START } from './util.js';

const CAP = `[${UPPER_START}][${LETTERS}'’-]*`;

/**
 * `Nyumba Na. 7, Mtaa wa Uhuru, Arusha`, `Mtaa wa Uhuru, Nyumba Na. 14, Kariakoo, Dar es Salaam`: a Swahili
 * address, the house (`Nyumba Na.`) and the street (`Mtaa wa`) in either order, then the area and the town.
 */
const SW_PART = `(?:Nyumba (?:(?:Na\\.?|Namba|No\\.?) ?)?\\d{1,5}[A-Z]?|(?:Mtaa wa|Barabara ya) ${CAP}(?: ${CAP})?)`;
const SW_PLACE = `${CAP}(?: (?:es|wa|ya|la) ${CAP}| ${CAP}){0,2}`;
const SWAHILI = new RegExp(`${SW_PART}(?:, ${SW_PART})*(?:, ${SW_PLACE}){1,3}`, 'gu');

/**
 * `Lange Voorhout 12, 2514 EB Den Haag`: after a house number, the Dutch postcode (four digits, two capitals)
 * and a town of up to three words (`Den Haag`, `Bergen op Zoom`); the street before it is found by the
 * street rules, and the two spans join.
 */
const DUTCH_TOWN = new RegExp(
  `[1-9]\\d{3} ?[A-Z]{2} (?:'s-)?${CAP}(?: (?:op|aan|de|den|bij|an) ${CAP}| ${CAP}){0,2}`,
  'gu',
);

/**
 * `Kale Nagusia 12, 3. ezk., 20003 Donostia`: a Basque street (`kalea`, `etorbidea`, `plaza`, …), its
 * number, the floor and side (`3. ezk.`, `2. esk.`), then the postcode and the town. Found from the floor.
 */
const EU_FLOOR = /\d{1,2}\. (?:ezk|esk|ezkerra|eskuina)\.?,/g;
const BASQUE = new RegExp(
  `(?:(?:Kale|Plaza|Etorbidea|Pasealekua)(?: ${CAP}){1,2}|${CAP}(?: ${CAP})? (?:kalea|etorbidea|plaza|pasealekua|bidea|hiribidea|enparantza)) \\d{1,4}(?: [A-Z])?, \\d{1,2}\\. (?:ezk|esk|ezkerra|eskuina)\\.?,(?: [A-Z],)? \\d{5} ${CAP}(?: ${CAP})?`,
  'uy',
);

/**
 * `1067 Budapest, Teréz krt. 24. II. em. 7.`: a Hungarian postcode and town, the street with its kind
 * (`utca`, `út`, `krt.`, `tér`), the number with its dot, then the floor in Roman numerals and the door.
 */
const HU = new RegExp(
  `[1-9]\\d{3} ${CAP}, ${CAP}(?: ${CAP})? (?:utca|u\\.|út|útja|körút|krt\\.|tér|tere|sor|köz|fasor|sétány|rakpart) \\d{1,4}(?:/[A-Z])?\\.(?: [IVX]{1,4}\\. (?:em\\.|emelet)(?: \\d{1,3}\\.)?)?`,
  'gu',
);

/** The addresses of the sticky `pattern` that hold a match of `anchor`, read back from it along the line. */
const alongLine = (text: string, anchor: RegExp, pattern: RegExp): Span[] =>
  anchoredMatches(text, anchor, pattern, /[^\n]/).map((m): Span => ({
    start: m.index,
    end: m.index + m[0].length,
    type: 'ADDRESS',
  }));

/**
 * `14 Ard na Gréine, Rathfarnham, Dublin 14, D14 X2V8`: an Irish house number and street (Irish names keep
 * `na`, `an`), its areas, then the Eircode, which finds it.
 */
const EIRCODE = /\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W) [0-9AC-FHKNPRTV-Y]{4}\b/g;
const IRISH = new RegExp(
  `\\d{1,4}[A-Za-z]? ${CAP}(?: (?:na|an|de|of|the) ${CAP}| ${CAP}){0,3}(?:, ${CAP}(?: ${CAP})?(?: \\d{1,2}[Ww]?)?){0,4}, (?:[AC-FHKNPRTV-Y]\\d{2}|D6W) [0-9AC-FHKNPRTV-Y]{4}\\b`,
  'uy',
);

/**
 * `eighteen Rosewood Terrace, Dunedin nine zero one six`: an address read out, the house number in words,
 * the street with its kind, the town, then perhaps the postcode digit by digit.
 */
const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
const SPOKEN_NUMBER = `(?:${UNITS}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:${UNITS}))?)(?: hundred(?: and)?(?: (?:${UNITS}))?)?`;
const DIGIT = `(?:zero|oh|${UNITS})`;
const SPOKEN_ADDRESS = new RegExp(
  `${SPOKEN_NUMBER} ${CAP}(?: ${CAP})? (?:Street|Road|Avenue|Terrace|Lane|Drive|Crescent|Place|Close|Way|Grove|Parade), ${CAP}(?: ${CAP})?(?: ${DIGIT}(?:,? ${DIGIT}){3,4})?(?![\\p{L}])`,
  'uy',
);
/** Found from the street word and its comma, then read back over the name and the number said in words. */
const SPOKEN_ANCHOR = / (?:Street|Road|Avenue|Terrace|Lane|Drive|Crescent|Place|Close|Way|Grove|Parade), /g;

/**
 * `Calle 5 de Mayo 214, Col. Centro, 68000 Oaxaca de Juárez, Oax.`: a Mexican street and number, the
 * neighbourhood (`Col.`, which finds it), the postcode and town, perhaps the state's abbreviation.
 */
const COLONIA = /, Col\. /g;
const MEXICAN = new RegExp(
  `(?:Calle|Avenida|Av\\.|Blvd\\.|Bulevar|Calzada|Privada|Cerrada|Andador|Prolongación) [^,\\n]{2,40}? \\d{1,5}(?: (?:Int|int)\\. ?\\d{1,4})?, Col\\. ${CAP}(?: (?:de|del|la|las|los) ${CAP}| ${CAP}){0,3}, (?:C\\.P\\. )?\\d{5} ${CAP}(?: (?:de|del|la) ${CAP}| ${CAP}){0,3}(?:, [A-Z][a-zé]{1,6}\\.?)?`,
  'uy',
);

/**
 * Addresses found from a marker of their country's form: Mexico's `Col.`, an address read out, Ireland's Eircode,
 * a Dutch postcode, a Basque floor, a Hungarian street kind and door, a Swahili house or street word.
 */
export function addressesFromLocalMarkers(text: string): Span[] {
  const spans: Span[] = [];
  if (text.includes(', Col. ')) spans.push(...alongLine(text, COLONIA, MEXICAN));
  for (const m of fromAnchors(text, SPOKEN_ANCHOR, SPOKEN_ADDRESS, 8)) {
    if (!/[\p{L}\d]/u.test(text[m.index - 1] ?? ''))
      spans.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
  }
  if (/\d [0-9AC-FHKNPRTV-Y]{4}\b/.test(text)) spans.push(...alongLine(text, EIRCODE, IRISH));
  if (/\d{4} ?[A-Z]{2} /.test(text)) {
    for (const m of text.matchAll(DUTCH_TOWN)) {
      if (/\d[a-zA-Z]?, $/.test(text.slice(Math.max(0, m.index - 4), m.index)))
        spans.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
    }
  }
  if (/\d\. (?:ezk|esk)/.test(text)) {
    spans.push(...alongLine(text, EU_FLOOR, BASQUE));
  }
  if (/ (?:utca|u\.|út|útja|körút|krt\.|tér|tere|sor|köz|fasor|sétány|rakpart) \d/.test(text)) {
    for (const m of text.matchAll(HU))
      spans.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
  }
  if (text.includes('Nyumba ')) {
    for (const m of text.matchAll(SWAHILI)) {
      if (m[0].includes('Nyumba '))
        spans.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
    }
  }
  return spans;
}
