import type { Span } from '../types.js';
import { PARTICLES, VIETNAMESE_MIDDLE } from './name-context.js';
import { ID_ACRONYMS } from './person-words.js';
import type { NameEvidence, WordClass } from './name-evidence.js';

/**
 * Names as forms and registers write them: in capitals (`GUADALUPE HERNÁNDEZ SOTO`, `名義 KOBAYASHI HARUTO`,
 * `SURNAME: FITZGERALD`) and family name first with a comma (`LEHMANN, Birgit`, `Hughes, Bronwen |`).
 */

/** Words in capitals, one space or a comma between them (two spaces end a form's field). */
const CAPITALS_RUN =
  /\p{Lu}(?<![\p{L}\p{N}]\p{Lu})\p{Lu}+(?:[-'’]\p{Lu}{2,})*(?:,? \p{Lu}{2,}(?:[-'’]\p{Lu}{2,})*)*(?![\p{L}\p{N}])/uy;
const HAS_CAPITALS_RUN = /\p{Lu}{3}/u;
/** `LEHMANN, Birgit,`, `Ossei, Kojo |`: a family name, a comma, a given name, then the end of the field. */
const COMMA_CAPITAL = /, (?=\p{Lu})/gu;
const FAMILY_BEFORE_COMMA = /(?<![\p{L}\p{N}'’-])(?:\p{Lu}[\p{L}'’-]+ ){0,2}\p{Lu}[\p{L}'’-]+$/u;
const GIVEN_AFTER_COMMA =
  /\p{Lu}[\p{L}'’-]+(?: (?:(?:de|del|la|las|los|da|dos|di|van|von|bin|binti) )*\p{Lu}[\p{L}'’-]+){0,2}(?: \p{Lu}\.)?(?=\s*(?:$|[\n\t|;,)(—–/"]|\s-\s|#\d)|\s+(?:and|y|et|e|und|got|has|was|is|called|said|asked|wrote|phoned|rang|emailed|paid|signed|left|sent|requested)\s|\s+\p{Lu}{2,}(?![\p{L}\p{N}]))/uy; /**
 * `KABILA MUTOMBO Grâce`, `KOUASSI Yao Serge`: family names in capitals, then the given names, as French
 * and West and Central African registers write them (read after a run of capitals).
 */
const GIVEN_AFTER_CAPITALS = / (\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?)(?![\p{L}])/uy;
/** A form's field names, in capitals next to the name they label (`SURNAME: FITZGERALD FORENAMES: …`). */
const FIELD_NAMES = new Set(
  'surname surnames forename forenames name names firstname lastname middle initials title holder patient applicant'.split(
    ' ',
  ),
);
/** A name's label right before a run of capitals (`NAME: `, `First names: `, `Surname:`). */
const NAME_LABEL_BEFORE =
  /(?:^|[^\p{L}])(?:(?:full|first|given|family|last|middle|sur|fore)\s?)?names?\s?:\s{0,3}$/iu;
const MORE_AFTER_TWO_SPACES = /^ {2}\p{Lu}{2,}(?: \p{Lu}{2,})*(?![\p{L}\p{N}]|\s?:)/u;
/** A name in capitals alone must be this long: shorter ones are as often abbreviations (`NIK`, `SIM`, `RON`). */
const LONE_MIN = 5;

/** Airline passenger names: family name, a slash, the given names, then the title (`MENDOZA/CARLOS ALBERTO MR`). */
/** (Also spaced, `DE LA CRUZ / MARIA ANGELICA MS`, and last in a DOCS record, after the passport's expiry date.) */
const PASSENGER_SLASH = /\/ ?(?=\p{Lu}{2})/gu;
const PASSENGER_FAMILY = /(?:(?<=\/\d{2}[A-Z]{3}\d{2}\/)|(?<![\p{L}/]))\p{Lu}{2,}(?:[ -]\p{Lu}{2,})*$/u;
const PASSENGER_GIVEN =
  / ?\/ ?\p{Lu}{2,}(?: \p{Lu}{2,})*?(?= (?:MR|MRS|MS|MISS|MSTR|DR|CHD|INF)\b| (?:seat|flight|gate|class|zone|group|PNR|SEAT|FLIGHT|GATE)\b|[,;)]|$)/uy;
/** A name before an e-mail address in angle brackets, as mail headers write it (`From: Marcus Bell <marcus.bell@…>`). */
const MAILBOX = / <[^<>@\s]+@/g;
const MAILBOX_NAME = /(?<![\p{L}'’-])\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’.-]*){1,3}(?="?$)/u;
/** The parties of an English case name (`Hargreaves v Ashworth-Pryce`, `Smith v. Jones`). */
const VERSUS = / v\.? (?=\p{Lu})/gu;
const PARTY_BEFORE = /(?<![\p{L}'’-])\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}\p{Ll}+)?$/u;
const PARTY_AFTER = /\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}\p{Ll}+)?(?![\p{L}])/uy;
/** A name spelled out letter by letter in a call (`O-K-O-N-K-W-O`). */
const SPELLING_CUE = /(?:spell|spelt|spelled|spelling|name|that's|that is|it's)\W*(?:\p{L}+\W*){0,3}$/iu;
const SPELLED_ANCHOR = /-\p{Lu}-\p{Lu}-\p{Lu}| [A-Z] [A-Z] [A-Z]/gu;
/** Letters joined by dashes or apart by spaces, the same between each (`O-K-O-N-K-W-O`, `S I O B H A N`). */
const SPELLED = /(?<![\p{L}-])\p{Lu}([- ])(?:\p{Lu}\1){2,}\p{Lu}(?![\p{L}-])/uy;
/** Speaker labels of a meeting transcript in brackets (`[Maria Fernanda] can everyone hear me? [Wen] yes`). */
const BRACKET_LABEL = /(?:^|\s)\[(\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2})\](?= )/gu;
/**
 * Balinese names start with a birth-order or caste name after `I` (men) or `Ni` (women): `Ni Luh Putu Sriani`,
 * `I Wayan Sudarsana`, `I Gusti Ayu Made Wirati`.
 */
const BALINESE =
  /(?:I|Ni) (?:Gusti(?: Ayu| Ngurah| Bagus| Agung)?|Luh|Wayan|Made|Nyoman|Ketut|Putu|Kadek|Komang|Gede|Nengah|Ketut)(?: \p{Lu}\p{Ll}+){1,3}/gu;
const NAME_CLASSES: ReadonlySet<WordClass> = new Set([
  'given',
  'ambiguousGiven',
  'family',
  'shape',
  'unknown',
]);
const LISTED: ReadonlySet<WordClass> = new Set(['given', 'family']);

const titleCase = (word: string) =>
  word.replace(/\p{Lu}+/gu, (part) => (part[0] ?? '') + part.slice(1).toLocaleLowerCase());

interface CapitalWord {
  start: number;
  end: number;
  wordClass: WordClass;
  field: boolean;
  joining: boolean;
}

/**
 * The words of a run of capitals that may be a name: a listed one among them, none an ordinary word; after a name's
 * label (`NAME:`, `First names:`) any that may be a name.
 */
function namesInRun(words: CapitalWord[], labelled: boolean): Span[] {
  const spans: Span[] = [];
  let segment: CapitalWord[] = [];
  const close = () => {
    // `CURP`, `PPSN`, `DOB`: a short unknown word at either end is a form's abbreviation.
    const short = (w: CapitalWord | undefined) => w?.wordClass === 'unknown' && w.end - w.start <= 4;
    while (short(segment[0])) segment.shift();
    while (short(segment.at(-1))) segment.pop();
    const first = segment[0];
    const last = segment.at(-1);
    const alone = first === last && first !== undefined && first.end - first.start < LONE_MIN;
    if (first && last && !alone && (labelled || segment.some((w) => LISTED.has(w.wordClass)))) {
      spans.push({ start: first.start, end: last.end, type: 'PERSON' });
    }
    segment = [];
  };
  for (const word of words) {
    if ((NAME_CLASSES.has(word.wordClass) || word.joining) && !word.field) segment.push(word);
    else close();
  }
  close();
  return spans;
}

/** Capital letters (`\p{Lu}`) of the Basic Multilingual Plane by character code, listed on first use. */
let upperCodes: Uint8Array | undefined;
function upperCaseTable(): Uint8Array {
  if (!upperCodes) {
    upperCodes = new Uint8Array(65536);
    const upper = /\p{Lu}/u;
    for (let code = 0; code < 65536; code++) if (upper.test(String.fromCharCode(code))) upperCodes[code] = 1;
  }
  return upperCodes;
}

/**
 * Where a run of capitals may start: a capital after no capital and before another one (a character
 * beyond the BMP, which the table leaves out, counts as a possible capital). CAPITALS_RUN is tried there
 * only: searched for over the whole text, its `\p{Lu}` and look-behind cost more than all its matches.
 */
function capitalPairStarts(text: string): number[] {
  const upper = upperCaseTable();
  const starts: number[] = [];
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const surrogate = code >= 0xd800 && code <= 0xdbff;
    if (surrogate) starts.push(i);
    else if (upper[code] === 1 && upper[previous] !== 1) {
      const next = text.charCodeAt(i + 1);
      if (upper[next] === 1 || (next >= 0xd800 && next <= 0xdbff)) starts.push(i);
    }
    previous = code;
  }
  return starts;
}

const isLetter = (char: string | undefined) => char !== undefined && /\p{L}/u.test(char);

/** `O-K-O-N-K-W-O`, `S I O B H A N`: found from a dash or a space between capitals, then read whole. */
function spelledNames(text: string, evidence: NameEvidence, spans: Span[]): void {
  if (!text.includes('-') && !/ [A-Z] [A-Z] /.test(text)) return;
  SPELLED_ANCHOR.lastIndex = 0;
  for (let a = SPELLED_ANCHOR.exec(text); a; a = SPELLED_ANCHOR.exec(text)) {
    // (A dash follows the first letter; a space comes before it.)
    const start = text[a.index] === '-' ? a.index - 1 : a.index + 1;
    SPELLED.lastIndex = start;
    const m = SPELLED.exec(text);
    if (!m) {
      SPELLED_ANCHOR.lastIndex = a.index + 1;
      continue;
    }
    SPELLED_ANCHOR.lastIndex = SPELLED.lastIndex;
    const word = m[0].replace(/[- ]/g, '');
    const wordClass = evidence.classOfText(titleCase(word));
    // A listed name, or any word after a request to spell (`U-S-B-C port` is neither).
    const asked = SPELLING_CUE.test(text.slice(Math.max(0, start - 40), start));
    // `I'm Yerlan, Y-E-R-L-A-N`, `O-Y-E-L-A-R-A-N, Oyelaran`: the name said with its spelling, either side.
    const said = saidWithSpelling(text, start, start + m[0].length, titleCase(word));
    if (LISTED.has(wordClass) || said || (asked && NAME_CLASSES.has(wordClass)))
      spans.push({ start, end: start + m[0].length, type: 'PERSON' });
    if (said) spans.push(said);
  }
}

/** The name a spelling spells, written as a word within a few words before or after it. */
function saidWithSpelling(text: string, start: number, end: number, name: string): Span | undefined {
  const before = text.lastIndexOf(name, start);
  if (
    before >= 0 &&
    start - before <= 30 &&
    !isLetter(text[before - 1]) &&
    !isLetter(text[before + name.length])
  )
    return { start: before, end: before + name.length, type: 'PERSON' };
  const after = text.indexOf(name, end);
  if (after >= 0 && after - end <= 30 && !isLetter(text[after - 1]) && !isLetter(text[after + name.length]))
    return { start: after, end: after + name.length, type: 'PERSON' };
  return undefined;
}

/** `MENDOZA/CARLOS ALBERTO MR`: found from the slash. */
function passengers(text: string, spans: Span[]): void {
  if (!text.includes('/')) return;
  PASSENGER_SLASH.lastIndex = 0;
  for (let a = PASSENGER_SLASH.exec(text); a; a = PASSENGER_SLASH.exec(text)) {
    // (The slash is found, then a space before it is taken: a pattern opening with ` ?` is tried everywhere.)
    const slash = text[a.index - 1] === ' ' ? a.index - 1 : a.index;
    const family = PASSENGER_FAMILY.exec(text.slice(Math.max(0, slash - 40), slash))?.[0];
    PASSENGER_GIVEN.lastIndex = slash;
    const given = PASSENGER_GIVEN.exec(text)?.[0];
    if (!family || !given) continue;
    // (`AC/DC MR`: one part of three letters or more.)
    if (!/\p{Lu}{3}/u.test(family) && !/\p{Lu}{3}/u.test(given)) continue;
    spans.push({ start: slash - family.length, end: slash + given.length, type: 'PERSON' });
  }
}

/** `From: Marcus Bell <marcus.bell@…>`: found from the angle bracket. */
function mailboxNames(text: string, spans: Span[]): void {
  if (!text.includes(' <')) return;
  MAILBOX.lastIndex = 0;
  for (let a = MAILBOX.exec(text); a; a = MAILBOX.exec(text)) {
    const before = text.slice(Math.max(0, a.index - 60), a.index);
    const name = MAILBOX_NAME.exec(before);
    if (!name) continue;
    const start = a.index - before.length + name.index;
    spans.push({ start, end: start + name[0].length, type: 'PERSON' });
  }
}

/** `Hargreaves v Ashworth-Pryce`: found from the `v`. */
function caseParties(text: string, evidence: NameEvidence, spans: Span[]): void {
  if (!text.includes(' v')) return;
  VERSUS.lastIndex = 0;
  for (let a = VERSUS.exec(text); a; a = VERSUS.exec(text)) {
    const first = PARTY_BEFORE.exec(text.slice(Math.max(0, a.index - 40), a.index))?.[0];
    PARTY_AFTER.lastIndex = a.index + a[0].length;
    const second = PARTY_AFTER.exec(text)?.[0];
    if (!first || !second) continue;
    const parties = [first, second];
    if (!parties.every((party) => NAME_CLASSES.has(evidence.classOfText(party)) || /-/.test(party))) continue;
    spans.push({ start: a.index - first.length, end: a.index, type: 'PERSON' });
    spans.push({ start: PARTY_AFTER.lastIndex - second.length, end: PARTY_AFTER.lastIndex, type: 'PERSON' });
  }
}

/**
 * `Smith, John P.`, `KHAN, Imran Ali`, `BIN SALEM, KHALID`, `Quispe Mamani, Wilber`, `NGUYEN, Thi Thu Hang`, `GONZÁLEZ, María de
 * los Ángeles`: found from the comma.
 */
function familyCommaGiven(text: string, evidence: NameEvidence, spans: Span[]): void {
  if (!text.includes(', ')) return;
  COMMA_CAPITAL.lastIndex = 0;
  for (let a = COMMA_CAPITAL.exec(text); a; a = COMMA_CAPITAL.exec(text)) {
    GIVEN_AFTER_COMMA.lastIndex = a.index + 2;
    const givenText = GIVEN_AFTER_COMMA.exec(text)?.[0];
    if (!givenText) continue;
    // (`88 Queensway, Admiralty, Hong Kong`: a place after the comma.)
    if (evidence.place(givenText)) continue;
    const givens = givenText.split(' ').filter((word) => !word.endsWith('.'));
    if (ID_ACRONYMS.has(givens[0] ?? '') || evidence.classOfText(titleCase(givens[0] ?? '')) !== 'given')
      continue;
    let familyText = FAMILY_BEFORE_COMMA.exec(text.slice(Math.max(0, a.index - 60), a.index))?.[0];
    // `Patient LEHMANN, Birgit`: a role or a label may come first; the family name is then shorter.
    while (familyText) {
      const familyWords = familyText.split(' ');
      const families = familyWords.map((word) => evidence.classOfText(titleCase(word)));
      const familyLike =
        familyWords.every(
          (word, i) => PARTICLES.has(word.toLowerCase()) || NAME_CLASSES.has(families[i] ?? 'common'),
        ) && families.at(-1) !== 'ambiguousGiven';
      if (familyLike) {
        spans.push({
          start: a.index - familyText.length,
          end: a.index + 2 + givenText.length,
          type: 'PERSON',
        });
        break;
      }
      familyText = familyWords.length > 1 ? familyWords.slice(1).join(' ') : undefined;
    }
  }
}

/** `KABILA MUTOMBO Grâce`: family names in capitals (the end of a run of capitals), then the given names. */
function capitalsThenGiven(text: string, run: RegExpExecArray, evidence: NameEvidence, spans: Span[]): void {
  GIVEN_AFTER_CAPITALS.lastIndex = run.index + run[0].length;
  const given = GIVEN_AFTER_CAPITALS.exec(text)?.[1];
  if (!given) return;
  const words = (run[0].split(',').at(-1) ?? '').trim().split(' ').slice(-3);
  const familyText = words.join(' ');
  const families = words.map((word) => evidence.classOfText(titleCase(word)));
  const givens = given.split(' ').map((word) => evidence.classOfText(word));
  const listed =
    families.some((c) => LISTED.has(c)) || givens.some((c) => LISTED.has(c) || c === 'ambiguousGiven');
  // Abbreviations in capitals (`IBAN Thomas`, `NHS Maria`) are short: a family name here has five letters or more.
  const long = words.some((word) => word.length >= 5) && words.every((word) => word.length >= 4);
  const familyLike = families.every((c) => NAME_CLASSES.has(c) && c !== 'ambiguousGiven');
  if (long && familyLike && listed && givens.every((c) => NAME_CLASSES.has(c))) {
    const end = run.index + run[0].length;
    spans.push({ start: end - familyText.length, end: GIVEN_AFTER_CAPITALS.lastIndex, type: 'PERSON' });
  }
}

export function detectFormNames(text: string, evidence: NameEvidence): Span[] {
  const spans: Span[] = [];
  const starts = capitalPairStarts(text);
  if (starts.length > 0 && HAS_CAPITALS_RUN.test(text)) {
    let from = 0;
    for (const start of starts) {
      if (start < from) continue;
      CAPITALS_RUN.lastIndex = start;
      const m = CAPITALS_RUN.exec(text);
      if (!m) continue;
      from = CAPITALS_RUN.lastIndex;
      // `GPU`, `GB`, `IBAN`: one short word in capitals names no one alone, nor as a family name before a given one.
      if (m[0].length < LONE_MIN && !/[ ,]/.test(m[0])) continue;
      const labelled = NAME_LABEL_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index));
      // (`NAME: ADEBAYO  OLUWASEUN   DOB: …`: a scanned form's name field may hold two spaces between its names.)
      const more = labelled ? (MORE_AFTER_TWO_SPACES.exec(text.slice(from, from + 40))?.[0] ?? '') : '';
      if (
        more &&
        !more
          .trim()
          .split(' ')
          .some((word) => FIELD_NAMES.has(word.toLowerCase()))
      )
        from += more.length;
      const words: CapitalWord[] = [];
      for (const w of text.slice(m.index, from).matchAll(/[^, ]+/g)) {
        const start = m.index + (w.index ?? 0);
        const word = titleCase(w[0]);
        const lower = word.toLowerCase();
        const field = FIELD_NAMES.has(lower) || ID_ACRONYMS.has(w[0]);
        // `NGUYEN VAN AN`, `BIN SALEM`: a particle or a Vietnamese middle name inside a name in capitals.
        const joining = PARTICLES.has(lower) || VIETNAMESE_MIDDLE.has(lower);
        words.push({
          start,
          end: start + w[0].length,
          wordClass: evidence.classOfText(word),
          field,
          joining,
        });
      }
      spans.push(...namesInRun(words, labelled));
      capitalsThenGiven(text, m, evidence, spans);
    }
  }
  if (text.includes('I ') || text.includes('Ni ')) {
    BALINESE.lastIndex = 0;
    for (let m = BALINESE.exec(text); m; m = BALINESE.exec(text)) {
      if (isLetter(text[m.index - 1])) continue;
      spans.push({ start: m.index, end: m.index + m[0].length, type: 'PERSON' });
    }
  }
  spelledNames(text, evidence, spans);
  passengers(text, spans);
  mailboxNames(text, spans);
  caseParties(text, evidence, spans);
  if (text.includes('] ')) {
    BRACKET_LABEL.lastIndex = 0;
    for (let m = BRACKET_LABEL.exec(text); m; m = BRACKET_LABEL.exec(text)) {
      const label = m[1] ?? '';
      const classes = label.split(' ').map((word) => evidence.classOfText(word));
      if (!classes.every((c) => NAME_CLASSES.has(c))) continue;
      const start = m.index + m[0].indexOf('[') + 1;
      spans.push({ start, end: start + label.length, type: 'PERSON' });
    }
  }
  familyCommaGiven(text, evidence, spans);
  return spans;
}
