import type { Span } from '../types.js';

/**
 * A person's record as a row of a table or an export (`14 | Adebayo | Oluwaseun | M | 1990-07-04 | A09283341 | NG`,
 * `20261204;KOROLEVA;ANASTASIA;19880321;RU;…`): guest lists, passenger manifests and hotel exports put the
 * date of birth and the passport number next to the names, with the sex or the nationality. In a row with a
 * name, and a sex or a country code beside the value:
 * - a date a few cells after the name is the date of birth (not one before it: `20261204` is the export's date);
 * - a passport-shaped number (one or two letters, six to eight digits) right before a country code is a passport.
 * A contact list's row (`Emily Carter,emily.carter82@yahoo.com,+1 415-555-0198,1982-05-14,94110`) holds a
 * person's e-mail address or phone number instead: a date there is a date of birth when it lies more than
 * `MIN_AGE` years back (a sign-up or order date is recent).
 */

/** ISO 3166-1 alpha-2 country codes (nationality columns of passenger and guest lists). */
const COUNTRIES = new Set(
  `AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
  CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
  GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO
  JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR
  MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO
  RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV
  TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW UK`.split(/\s+/),
);
const SEX = /^(?:M|F|W|X|male|female|männlich|weiblich|masculino|femenino|masculin|féminin|homme|femme)$/i;
const MONTH = '(?:0[1-9]|1[0-2])';
const DAY = '(?:0[1-9]|[12]\\d|3[01])';
const DATE = new RegExp(
  `^(?:(?:19|20)\\d\\d-${MONTH}-${DAY}|(?:19|20)\\d\\d${MONTH}${DAY}|${DAY}[./-]${MONTH}[./-](?:19|20)\\d\\d)$`,
);
const PASSPORT = /^[A-Z]{1,2}\d{6,8}$/;
/** How many cells after the last name a date of birth may stand (the sex, a middle name between). */
const REACH = 3;
const CONTACT = /^(?:[^\s@]+@[^\s@]+\.\p{L}{2,}|\+?[\d ()./-]{7,})$/u;
const MIN_AGE = 12;
const SEPARATORS = ['|', ';', '\t', ','];

interface Cell {
  start: number;
  end: number;
  value: string;
}

/** The cells of a row, a quoted cell unquoted (a CSV export quotes a cell that holds the separator). */
function cellsOf(lineStart: number, line: string, separator: string): Cell[] {
  const cells: Cell[] = [];
  let from = 0;
  while (from <= line.length) {
    let to = from;
    let quoted = false;
    for (; to < line.length && (quoted || line[to] !== separator); to++)
      if (line[to] === '"') quoted = !quoted;
    const raw = line.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    let value = raw.trim();
    let start = lineStart + from + lead;
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
      value = value.slice(1, -1);
      start++;
    }
    cells.push({ start, end: start + value.length, value });
    from = to + 1;
  }
  return cells;
}

/** Does `char` stand at least `times` times in `line`? */
function standsTimes(line: string, char: string, times: number): boolean {
  let at = -1;
  for (let found = 0; found < times; found++) {
    at = line.indexOf(char, at + 1);
    if (at < 0) return false;
  }
  return true;
}

/** The row's separator: one that stands at least three times outside quotes. */
function separatorOf(line: string): string {
  // Most lines hold no separator three times at all: their quotes need not be read.
  if (!SEPARATORS.some((separator) => standsTimes(line, separator, 3))) return '';
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && SEPARATORS.includes(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  return SEPARATORS.find((separator) => (counts.get(separator) ?? 0) >= 3) ?? '';
}

export function recordRowFindings(text: string, persons: readonly Span[]): Span[] {
  if (persons.length === 0 || !SEPARATORS.some((separator) => text.includes(separator))) return [];
  const spans: Span[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const separator = separatorOf(line);
    if (separator) readRow(cellsOf(lineStart, line, separator), persons, spans);
    lineStart += line.length + 1;
  }
  return spans;
}

function readRow(cells: Cell[], persons: readonly Span[], spans: Span[]): void {
  const named = cells.map(
    (cell) =>
      cell.value.length > 0 &&
      /^[\p{L}' /.,-]+$/u.test(cell.value) &&
      persons.some((person) => person.start < cell.end && person.end > cell.start),
  );
  if (!named.includes(true)) return;
  const country = (index: number) => COUNTRIES.has(cells[index]?.value ?? '');
  const hasSex = cells.some((cell) => SEX.test(cell.value));
  const hasContact = cells.some(
    (cell) => CONTACT.test(cell.value) && !DATE.test(cell.value) && /\d{3}|@/.test(cell.value),
  );
  let dated = false;
  cells.forEach((cell, index) => {
    if (!DATE.test(cell.value)) return;
    const nameBefore = named.slice(Math.max(0, index - REACH), index).includes(true);
    const old = Number(/(?:19|20)\d\d/.exec(cell.value)?.[0]) <= new Date().getFullYear() - MIN_AGE;
    if (nameBefore && (hasSex || country(index + 1) || country(index + 2) || (hasContact && old))) {
      spans.push({ start: cell.start, end: cell.end, type: 'DOB' });
      dated = true;
    }
  });
  if (!hasSex && !dated) return;
  cells.forEach((cell, index) => {
    if (PASSPORT.test(cell.value) && country(index + 1) && named.slice(0, index).includes(true)) {
      spans.push({ start: cell.start, end: cell.end, type: 'SSN' });
    }
  });
}
