import { canadianSinsInRecords } from './national-id-canadian-sin-records.js';
import type { Span } from '../types.js';
import type { NameLexicon } from './name-lexicon.js';
import { EUROPE } from './national-id-europe.js';
import { nearLabelIn, type Row } from './national-id-row.js';
import { NORDIC_ASIAN_AFRICAN_IDS } from './national-id-nordic-asia-africa.js';
import { BALTIC_BALKAN_PACIFIC_IDS } from './national-id-baltic-balkan-pacific.js';
import { PASSPORTS_AND_BIRTH_NUMBERS } from './national-id-passports-birth-numbers.js';
import {
  mongolianRegisterNumbers,
  SAUDI_NHI_MONGOLIAN_IDS,
  trunkPhoneAt,
} from './national-id-saudi-nhi-mongolia.js';
import { TAXPAYER_AND_AFRICAN_IDS } from './national-id-taxpayer-and-africa.js';
import { RUSSIA_BOLIVIA } from './national-id-russia-bolivia.js';
import { MORE_LABELS } from './national-id-labels.js';
import { referenceNumber } from './national-id-references.js';
import { WORLD } from './national-id-world.js';
import { PHONE_CUE } from './phone.js';
import { anyOf, before, codeStarts, digitsOf, mayHaveLetterIn, ONE_ENTRY, REFERENCE_CUE } from './util.js';

export { verhoeffValid } from './national-id-checks.js';

/** Every country's row (national-id-row.ts says what a row holds). */
const COUNTRIES: Row[] = [
  ...WORLD,
  ...EUROPE,
  ...NORDIC_ASIAN_AFRICAN_IDS,
  ...BALTIC_BALKAN_PACIFIC_IDS,
  ...MORE_LABELS,
  ...RUSSIA_BOLIVIA,
  ...PASSPORTS_AND_BIRTH_NUMBERS,
  ...SAUDI_NHI_MONGOLIAN_IDS,
  ...TAXPAYER_AND_AFRICAN_IDS,
];

/** Labels of no one country. */
const GENERAL_CUES = [
  'national (?:id(?:entity|entification)?|insurance)(?: card)?',
  'id(?:entity)? (?:card|number|no\\.?)',
  'passport',
  'passeport',
  'pasaporte',
  'reisepass',
  'id no\\.?',
];

/** What may stand between a label and its number: `number`, `is`, and "your", "my", "also" (`ΑΦΜ σας 0482…`, `کد ملی‌ام هم 0074…`). */
const CONNECTORS = String.raw`(?:(?:number|numero|número|numer|nummer|numarası|no|nr|n°|n\.[º°o]|#|is|of|σας|μου|هم|අංකය|رقم)\.?[^\p{L}\p{N}\n]{0,3}){0,2}$`;
/** `National ID (Kenya): …`, `Greek ID (AMKA) …`: a word or two in brackets after the label. */
const ASIDE = String.raw`(?: ?\([^()\n]{1,24}\))?`;
const ALL_CUES = [...GENERAL_CUES, ...COUNTRIES.flatMap((row) => row.cues)];
/**
 * Labels that make a plain number an identity number; matched against the text just before it, in lower case. The
 * label patterns read lower-cased text rather than take the `i` flag: under `iu` V8 compiled each ~200 KB larger
 * (ADR 0019); the cues are written in lower case, and `\p{Ll}` stands for any cased letter.
 */
const LABEL_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])${ONE_ENTRY}(?:${ALL_CUES.join('|')})${ASIDE}[^\p{L}\p{N}\n]{0,4}${CONNECTORS}`,
  'gu',
);
/**
 * Labels that are no ordinary word (not `pan`, `sin`, `run`, `ci`, `nie`) may have up to four
 * words before the number: `PESEL pacjenta: …`, `BSN van de klant is …`, `my BSN? It's …`,
 * `NIN na Adebayo Ogunlesi ni …`.
 */
const DISTINCT_CUES = ALL_CUES.filter(
  (cue) => /^[^(?\\]{4}/.test(cue) || /^(?:bsn|nif|dni|cpf|nin|rrn|nik|ktp|psn)$/.test(cue),
);
const LABEL_WORDS_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])${ONE_ENTRY}(?:${DISTINCT_CUES.join('|')})(?:[?,.]? \p{L}[\p{Ll}\p{Lo}'’]{1,11}|(?: \(?\p{Ll}[\p{L}'’.-]{1,17}\)?){1,3}){1,6}[^\p{L}\p{N}\n]{0,4}${CONNECTORS}`,
  'gu',
);
/**
 * A short label written in capitals is an acronym, not the word (`SIN`, not `sin`; `NIE`, `RRN`; not
 * `RUN`, `CI`, `PAN`, which are also shouted words):
 * up to six words, names among them, may stand between it and the number
 * (`SIN for the new hire Mathieu Tremblay-Gagnon: 712 966 985`).
 */
const ACRONYM_CUES = ALL_CUES.filter(
  (cue) => /^[a-z]{2,4}$/.test(cue) && !/^(?:run|pan|fin|tin|ci)$/.test(cue),
).map((cue) => cue.toUpperCase());
const ACRONYM_WORDS_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])${ONE_ENTRY}(?:${ACRONYM_CUES.join('|')})(?:[?,.]? \(?\p{L}[\p{L}'’-]{0,15}\)?){1,6}[^\p{L}\p{N}\n]{0,4}$`,
  'u',
);

/** A label anywhere in a window: both label patterns above start so; most windows hold none. */
const ANY_LABEL = new RegExp(String.raw`(?:^|[^\p{L}])${ONE_ENTRY}(?:${ALL_CUES.join('|')})`, 'u');

/** Long enough for a label, a few words and a name (`PhilSys number of the applicant Ma. Cristina Villanueva-Lacson is `). */
const LABEL_WINDOW = 72;

/** Does an identity-number label end right before `at` (`PESEL: `, `BSN van de klant is `)? */
export function labelledAsId(text: string, at: number): boolean {
  const window = text.slice(Math.max(0, at - LABEL_WINDOW), at);
  // Most windows hold no label at all; a cheap look for letters (a letter and a vowel sign in Sinhala: `ජා.හැ.අ.`),
  // then for a label, spares the long patterns.
  if (!/\p{L}[\p{L}\p{M}]/u.test(window)) return false;
  const lower = window.toLowerCase();
  const first = ANY_LABEL.exec(lower);
  if (!first) return false;
  // The two label patterns start as ANY_LABEL does (same flags): tried from its first match on, not
  // at every character before it. (ACRONYM_WORDS_BEFORE reads capitals, so it reads the window as written.)
  if (matchesFrom(LABEL_BEFORE, lower, first.index)) return true;
  // `passport photo, then order 4411…`: a reference word nearer the number takes it back.
  return (
    (matchesFrom(LABEL_WORDS_BEFORE, lower, first.index) || ACRONYM_WORDS_BEFORE.test(window)) &&
    !REFERENCE_CUE.test(window)
  );
}

/** Does `label` (the words before a number) name an identity number, by any label or a country's own? */
export const namesAnId = (label: string) =>
  labelledAsId(label, label.length) || NEAR_LABEL.some(({ near }) => near.test(label));

/** Does the global `pattern` match in `text` at or after `from`? */
function matchesFrom(pattern: RegExp, text: string, from: number): boolean {
  pattern.lastIndex = from;
  return pattern.test(text);
}

/**
 * `206724329 is het BSN van …`, `111312701 NIF empresa?`, `verify 70219384657 on NIMC`: a distinct
 * label a few words after the number, with no other number between or right after it (read in lower case).
 */
const LABEL_AFTER = new RegExp(
  String.raw`^[^\p{N}\n.!?]{0,24}?(?<![\p{L}])${ONE_ENTRY}(?:${DISTINCT_CUES.join('|')})(?![\p{L}\p{N}]|[^\p{L}\p{N}\n.!?]{1,3}(?:\p{N}|\p{Ll}{1,4}[-/# ]?\p{N}|\p{Ll}+[^\p{L}\p{N}\n.!?]{1,3}\p{N}))`,
  'u',
);
/** `…, Nairobi, ID 28461937`, `her ID 27093315`: a bare `ID` after a comma or a possessive. */
const BARE_ID =
  /(?:^|[,;:(\n—–]|\b(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Yy]our|[Oo]ur|with|\p{L}+['’]s))\s*ID\s*[:#]?\s*$/u;

const VALUE = /[A-Z\d](?:[A-Z\d]|[ .\-/](?=[A-Z\d])){4,22}(?![\w-])/y;
/** Where an identity number could start: a capital or digit at a word start, more such characters after it (among `codeStarts`). */
const START = /\b[A-Z\d](?=[A-Z\d .\-/]{4})/y;

/** One value of every distinctive format (for the tests). */
export const FORMAT_EXAMPLES: readonly string[] = COUNTRIES.flatMap((row) =>
  row.pattern && row.example && !row.near ? [row.example] : [],
);

/** The formats found anywhere; each starts with a digit or a capital, and only the fitting ones are tried. */
const FORMATS = COUNTRIES.filter(
  (row): row is Row & { pattern: RegExp } => row.pattern !== undefined && row.near === undefined,
);
/** The formats taken only after their country's label earlier on the line (`SIN for A: …; for B: …`). */
const NEAR_LABEL = COUNTRIES.filter(
  (row): row is Row & { pattern: RegExp; near: RegExp } =>
    row.pattern !== undefined && row.near !== undefined,
);

/**
 * `near.test(text)` for each row of NEAR_LABEL, over a whole text. Labels made of words and `\b` only
 * (`\btfn\b|tax file number`) with the same flags are looked for together, as their bare words
 * first (the same flags, so the same letters match): V8 finds those far faster than it tries `\b`
 * under `iu` at every character, and one pass serves every such row. Each row's label is then tried
 * only where some row's words are. Any other label is tried as it is.
 */
const WORD_LABEL_FLAGS = 'iu';
const WORD_LABELS = NEAR_LABEL.map(({ near }, row) => ({
  row,
  near,
  words: near.source.replace(/\\b/g, ''),
})).filter(({ near, words }) => near.flags === WORD_LABEL_FLAGS && /^[^\\()[\]{}?*+.^$]+$/.test(words));
const WORD_LABEL_CUE = new RegExp(WORD_LABELS.map(({ words }) => words).join('|'), `${WORD_LABEL_FLAGS}g`);
const WORD_LABEL_AT = WORD_LABELS.map(({ near }) => new RegExp(near.source, `${WORD_LABEL_FLAGS}y`));

/** Which rows of WORD_LABELS have their label somewhere in `text`, by row of NEAR_LABEL. */
function wordLabelsIn(text: string): Set<number> {
  const found = new Set<number>();
  WORD_LABEL_CUE.lastIndex = 0;
  for (
    let m = WORD_LABEL_CUE.exec(text);
    m && found.size < WORD_LABELS.length;
    m = WORD_LABEL_CUE.exec(text)
  ) {
    WORD_LABEL_AT.forEach((at, i) => {
      const row = WORD_LABELS[i]?.row ?? -1;
      if (found.has(row)) return;
      at.lastIndex = m.index;
      if (at.test(text)) found.add(row);
    });
    WORD_LABEL_CUE.lastIndex = m.index + 1;
  }
  return found;
}
const IS_WORD_LABEL = new Set(WORD_LABELS.map(({ row }) => row));

/** Any of NEAR_LABEL's formats at all: most numbers fit none, and one try then says so. */
const ANY_NEAR_LABEL = anyOf(NEAR_LABEL.map((row) => row.pattern));

/**
 * A format of NEAR_LABEL at `at` with its check, when its label stands earlier on the line and somewhere
 * in the text (`inText`, asked only of a row whose format is at `at`: most texts need no row's label
 * looked for in the whole text at all).
 */
function formatAfterLabelAt(text: string, at: number, inText: (index: number) => boolean): number {
  ANY_NEAR_LABEL.lastIndex = at;
  if (!ANY_NEAR_LABEL.test(text)) return -1;
  let line: string | undefined;
  for (let i = 0; i < NEAR_LABEL.length; i++) {
    const { pattern, valid, near } = NEAR_LABEL[i]!;
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (!m || !inText(i)) continue;
    if (line === undefined) {
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      line = text.slice(Math.max(lineStart, at - 200), at);
    }
    if (near.test(line) && (!valid || valid(m[0])) && !numberOfSomethingElse(text, at))
      return at + m[0].length;
  }
  return -1;
}
const startsWithDigit = (row: Row) => /^\d/.test(row.example ?? '');
const DIGIT_FIRST = FORMATS.filter(startsWithDigit);
const LETTER_FIRST = FORMATS.filter((row) => !startsWithDigit(row));
/** Any of the formats at all: most numbers fit none, and one try then says so. */
const ANY_DIGIT_FIRST = anyOf(DIGIT_FIRST.map((row) => row.pattern));
const ANY_LETTER_FIRST = anyOf(LETTER_FIRST.map((row) => row.pattern));

function formatAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  const digit = code >= 48 && code <= 57;
  const any = digit ? ANY_DIGIT_FIRST : ANY_LETTER_FIRST;
  any.lastIndex = at;
  if (!any.test(text)) return -1;
  for (const { pattern, valid, plain } of digit ? DIGIT_FIRST : LETTER_FIRST) {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    // `9400 1118 9922 3856 …`: groups that go on are a longer number (a tracking number), not this one.
    const goesOn = m && /\s/.test(m[0]) && /^\s\d/.test(text.slice(at + m[0].length, at + m[0].length + 2));
    if (!m || goesOn || (valid && !valid(m[0]))) continue;
    // `FedEx shipment 7749 2918 3305`, `HP 0812-5551-9034`: right after a reference's word, or a phone's with no ID
    // label nearer, even checked digits are that number (`PAN on invoice: AKLPR4821M`, with letters, names its holder).
    const reference = plain
      ? numberOfSomethingElse(text, at)
      : /^[\d .-]+$/.test(m[0]) &&
        (REFERENCE_CUE.test(before(text, at, 32)) ||
          (PHONE_LABEL_BEFORE.test(before(text, at, 12)) && !labelledAsId(text, at)));
    if (!reference) return at + m[0].length;
  }
  return -1;
}

/** `HP 0812-…`, `Tel.: 0151 …`: a phone's own label right before a number. */
const PHONE_LABEL_BEFORE =
  /(?:^|[^\p{L}])(?:hp|tel|telefon|phone|mobile|mob|cell|ph|cep|handy|móvil|celular)\.?\s?[:#]?\s?$/u;

/** `Order 38261904744`, `call 38261904744`, `+38261904744`: a plain run of digits that is not an ID. */
function numberOfSomethingElse(text: string, at: number): boolean {
  if (text[at - 1] === '+') return true;
  const window = before(text, at, 32);
  return REFERENCE_CUE.test(window) || PHONE_CUE.test(window);
}

/** `XXXX XXXX 1234`: a masked number still names its holder's last digits; taken after a label only. */
const MASKED = /[Xx*•]{4}[ -]?[Xx*•]{4}[ -]?\d{4}(?![\w-])/y;

/** The farthest a value (VALUE, MASKED) reaches after its start. */
const VALUE_REACH = 23;

/**
 * `expires 2031-06-30`, `DOB 1994-03-17`, `19 JAN 1998`, `run 2026-12`, `(10.0.0.1)`: a date, a month or an address
 * after an ID label is the card's date or something else, not its number.
 */
const NOT_AN_ID =
  /(?:^|\s)(?:\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?|\d{1,2}[ .\-/](?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[ .\-/](?:19|20)?\d\d|\d{1,2}[-/.](?:\d{1,2}[-/.])?(?:19|20)?\d\d|(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})$/;

function labelledAt(text: string, at: number): number {
  // Every label below is made of letters and stands within LABEL_WINDOW characters before the value or 40 after it.
  if (!mayHaveLetterIn(text, at - LABEL_WINDOW, at + VALUE_REACH + 40)) return -1;
  MASKED.lastIndex = at;
  const masked = MASKED.exec(text)?.[0];
  VALUE.lastIndex = at;
  let value = masked ?? VALUE.exec(text)?.[0];
  // Spaced groups must look like one number (`943 476 5919`, Spain's NSS `28 48273160 80`); else the first group
  // alone (`111312701 NIF`).
  if (value && /\s/.test(value) && !/^[\dA-Z]{1,6}(?:[ .\-/](?:[\dA-Z]{1,6}|\d{8}))+$/.test(value)) {
    value = value.slice(0, value.search(/\s/));
  }
  // Five digits or more, or a run of capitals with a few digits (`PMCLRT41L2`, a German ID card).
  if (!value || (!masked && digitsOf(value).length < 5 && !/^(?=(?:\D*\d){2})[A-Z\d]{8,12}$/.test(value))) {
    return -1;
  }
  if (NOT_AN_ID.test(value) || referenceNumber(value)) return -1;
  const end = at + value.length;
  const near = text.slice(Math.max(0, at - 40), at);
  // BARE_ID needs the capitals `ID`: a window without them is not read.
  if (labelledAsId(text, at) || (near.includes('ID') && BARE_ID.test(near))) return end;
  if (trunkPhoneAt(text, at) === end) return -1;
  return LABEL_AFTER.test(text.slice(end, end + 40).toLowerCase()) && !numberOfSomethingElse(text, at)
    ? end
    : -1;
}

/** `СНИЛС 147-263-958 88`: after its label a number is read whole, though its start has another scheme's format. */
function withLabelledDigits(text: string, at: number, end: number): number {
  const labelled = labelledAt(text, at);
  return labelled > end && /^[ -]?\d+$/.test(text.slice(end, labelled)) ? labelled : end;
}

const joinedBefore = (text: string, at: number) =>
  text[at - 1] === '-' || (/[/.]/.test(text[at - 1] ?? '') && /\d/.test(text[at - 2] ?? ''));

/** Identity numbers of many countries: distinctive formats anywhere, plain digits after a label. */
export function detectNationalIds(text: string): Span[] {
  const spans: Span[] = [];
  let resumeAt = 0;
  // Whether each row's label is anywhere in the text: looked for once, and only when its format turns up.
  const labelInText: (boolean | undefined)[] = [];
  let wordLabels: Set<number> | undefined;
  const inText = (i: number) =>
    (labelInText[i] ??= IS_WORD_LABEL.has(i)
      ? (wordLabels ??= wordLabelsIn(text)).has(i)
      : nearLabelIn(text, NEAR_LABEL[i]));
  for (const at of codeStarts(text)) {
    START.lastIndex = at;
    // `30/04/1985`, `9400 1118`: never from the middle of a number joined by a separator.
    if (at < resumeAt || !START.test(text) || joinedBefore(text, at)) continue;
    let end = formatAt(text, at);
    if (end < 0) end = formatAfterLabelAt(text, at, inText);
    if (end < 0) end = labelledAt(text, at);
    else end = withLabelledDigits(text, at, end);
    if (end < 0) {
      // Nor from inside a phone number that was not taken (`0803 456 7890`).
      resumeAt = Math.max(resumeAt, trunkPhoneAt(text, at));
      continue;
    }
    spans.push({ start: at, end, type: 'SSN' });
    resumeAt = end;
  }
  const sins = /\d{3} \d{3} \d{3}/.test(text) ? canadianSinsInRecords(text) : [];
  return spans.concat(
    mongolianRegisterNumbers(text),
    sins.filter((sin) => !spans.some((span) => span.start < sin.end && span.end > sin.start)),
  );
}

/** A bare number right after a name (`Njeri 27093315`, `Mori Takeshi 712134556404`): a record's identity number. */
const NUMBER_AFTER_NAME = / ([1-9]\d{6,12})(?![\w-])/dy;

/** Identity numbers without a label or a check, written right after a person's name as in a register. */
export function idsAfterNames(text: string, persons: readonly Span[]): Span[] {
  return persons.flatMap((person): Span[] => {
    NUMBER_AFTER_NAME.lastIndex = person.end;
    const range = NUMBER_AFTER_NAME.exec(text)?.indices?.[1];
    return range ? [{ start: range[0], end: range[1], type: 'SSN' }] : [];
  });
}

/** `Thai ID 3-5787-79068-01-4 (Kanokwan)`: a name in brackets right after an identity number is its holder. */
const NAME_IN_BRACKETS = /^ ?\((\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2})\)/u;

/** Names in brackets after identity numbers; a word or a place in brackets is no holder. */
export function holdersAfterIds(text: string, ids: readonly Span[], names: NameLexicon): Span[] {
  return ids.flatMap((id): Span[] => {
    const m = NAME_IN_BRACKETS.exec(text.slice(id.end, id.end + 48));
    const name = m?.[1];
    if (!m || !name) return [];
    const plain = name.split(' ').every((word) => {
      const lower = word.toLowerCase();
      return !names.common(lower) && !names.place(lower);
    });
    const start = id.end + m[0].indexOf('(') + 1;
    return plain ? [{ start, end: start + name.length, type: 'PERSON' }] : [];
  });
}
