import type { Span } from '../types.js';
import { PARTICLES, VIETNAMESE_MIDDLE } from './name-context.js';
import type { NameEvidence, WordClass } from './name-evidence.js';

/**
 * Names as forms and registers write them: in capitals (`GUADALUPE HERNÁNDEZ SOTO`, `名義 KOBAYASHI HARUTO`,
 * `SURNAME: FITZGERALD`) and family name first with a comma (`LEHMANN, Birgit`, `Hughes, Bronwen |`).
 */

/** Words in capitals, one space or a comma between them (two spaces end a form's field). */
const CAPITALS_RUN =
  /(?<![\p{L}\p{N}])\p{Lu}{2,}(?:[-'’]\p{Lu}{2,})*(?:,? \p{Lu}{2,}(?:[-'’]\p{Lu}{2,})*)*(?![\p{L}\p{N}])/gu;
const HAS_CAPITALS_RUN = /\p{Lu}{3}/u;
/** `LEHMANN, Birgit,`, `Ossei, Kojo |`: a family name, a comma, a given name, then the end of the field. */
const FAMILY_COMMA_GIVEN =
  /(?<![\p{L}\p{N}'’-])((?:\p{Lu}[\p{L}'’-]+ ){0,2}\p{Lu}[\p{L}'’-]+), (\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?(?: \p{Lu}\.)?)(?=\s*(?:$|[\n\t|;,)(—–/]|\s-\s|#\d)|\s+(?:and|y|et|e|und|got|has|was|is)\s|\s+\p{Lu}{2,}(?![\p{L}\p{N}]))/gu;
/**
 * `KABILA MUTOMBO Grâce`, `KOUASSI Yao Serge`: family names in capitals, then the given names, as French
 * and West and Central African registers write them.
 */
const CAPITALS_THEN_GIVEN =
  /(?<![\p{L}\p{N}])((?:\p{Lu}{2,}[-'’]?)+(?: \p{Lu}{2,}){0,2}) (\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?)(?![\p{L}])/gu;
/** A form's field names, in capitals next to the name they label (`SURNAME: FITZGERALD FORENAMES: …`). */
const FIELD_NAMES = new Set(
  'surname surnames forename forenames name names firstname lastname middle initials title holder patient applicant'.split(
    ' ',
  ),
);
/** A name in capitals alone must be this long: shorter ones are as often abbreviations (`NIK`, `SIM`, `RON`). */
const LONE_MIN = 5;

/** Airline passenger names: family name, a slash, the given names, then the title (`MENDOZA/CARLOS ALBERTO MR`). */
const PASSENGER =
  /(?<![\p{L}/])(?=[^/\s]*\p{Lu}{3}|[^/\s]*\/\p{Lu}{3})(\p{Lu}{2,}(?:[ -]\p{Lu}{2,})*\/\p{Lu}{2,}(?: \p{Lu}{2,})*?)(?= (?:MR|MRS|MS|MISS|MSTR|DR|CHD|INF)\b)/gu;
/** A name before an e-mail address in angle brackets, as mail headers write it (`From: Marcus Bell <marcus.bell@…>`). */
const MAILBOX_NAME = /(?<![\p{L}'’-])(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’.-]*){1,3})"? <[^<>@\s]+@/gu;
/** The parties of an English case name (`Hargreaves v Ashworth-Pryce`, `Smith v. Jones`). */
const CASE_PARTIES =
  /(?<![\p{L}'’-])(\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}[\p{Ll}]+)?) v\.? (\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}[\p{Ll}]+)?)(?![\p{L}])/gu;
/** A name spelled out letter by letter in a call (`O-K-O-N-K-W-O`). */
const SPELLING_CUE = /(?:spell|spelt|spelled|spelling|name|that's|that is|it's)\W*(?:\p{L}+\W*){0,3}$/iu;
const SPELLED = /(?<![\p{L}-])(?:\p{Lu}-){3,}\p{Lu}(?![\p{L}-])/gu;
/** Speaker labels of a meeting transcript in brackets (`[Maria Fernanda] can everyone hear me? [Wen] yes`). */
const BRACKET_LABEL = /(?:^|\s)\[(\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2})\](?= )/gu;
/**
 * Balinese names start with a birth-order or caste name after `I` (men) or `Ni` (women): `Ni Luh Putu Sriani`,
 * `I Wayan Sudarsana`, `I Gusti Ayu Made Wirati`.
 */
const BALINESE =
  /(?<![\p{L}])(?:I|Ni) (?:Gusti(?: Ayu| Ngurah| Bagus| Agung)?|Luh|Wayan|Made|Nyoman|Ketut|Putu|Kadek|Komang|Gede|Nengah|Ketut)(?: \p{Lu}\p{Ll}+){1,3}/gu;
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

/** The words of a run of capitals that may be a name: a listed one among them, none an ordinary word. */
function namesInRun(words: CapitalWord[]): Span[] {
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
    if (first && last && !alone && segment.some((w) => LISTED.has(w.wordClass))) {
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

/** Every first group of `pattern` as a name. */
function pushAll(text: string, pattern: RegExp, spans: Span[]): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const name = m[1] ?? '';
    const start = m.index + m[0].indexOf(name);
    spans.push({ start, end: start + name.length, type: 'PERSON' });
  }
}

export function detectFormNames(text: string, evidence: NameEvidence): Span[] {
  const spans: Span[] = [];
  if (HAS_CAPITALS_RUN.test(text)) {
    CAPITALS_RUN.lastIndex = 0;
    for (let m = CAPITALS_RUN.exec(text); m; m = CAPITALS_RUN.exec(text)) {
      const words: CapitalWord[] = [];
      for (const w of m[0].matchAll(/[^, ]+/g)) {
        const start = m.index + (w.index ?? 0);
        const word = titleCase(w[0]);
        const lower = word.toLowerCase();
        const field = FIELD_NAMES.has(lower);
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
      spans.push(...namesInRun(words));
    }
  }
  if (text.includes('I ') || text.includes('Ni ')) {
    BALINESE.lastIndex = 0;
    for (let m = BALINESE.exec(text); m; m = BALINESE.exec(text)) {
      spans.push({ start: m.index, end: m.index + m[0].length, type: 'PERSON' });
    }
  }
  if (text.includes('-')) {
    SPELLED.lastIndex = 0;
    for (let m = SPELLED.exec(text); m; m = SPELLED.exec(text)) {
      const word = m[0].replace(/-/g, '');
      const wordClass = evidence.classOfText(titleCase(word));
      // A listed name, or any word after a request to spell (`U-S-B-C port` is neither).
      const asked = SPELLING_CUE.test(text.slice(Math.max(0, m.index - 40), m.index));
      if (LISTED.has(wordClass) || (asked && NAME_CLASSES.has(wordClass)))
        spans.push({ start: m.index, end: m.index + m[0].length, type: 'PERSON' });
    }
  }
  if (text.includes('/')) pushAll(text, PASSENGER, spans);
  if (text.includes(' <')) pushAll(text, MAILBOX_NAME, spans);
  if (text.includes(' v')) {
    CASE_PARTIES.lastIndex = 0;
    for (let m = CASE_PARTIES.exec(text); m; m = CASE_PARTIES.exec(text)) {
      const parties = [m[1] ?? '', m[2] ?? ''];
      if (!parties.every((party) => NAME_CLASSES.has(evidence.classOfText(party)) || /-/.test(party)))
        continue;
      let from = m.index;
      for (const party of parties) {
        const start = text.indexOf(party, from);
        spans.push({ start, end: start + party.length, type: 'PERSON' });
        from = start + party.length;
      }
    }
  }
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
  if (text.includes(', ')) {
    FAMILY_COMMA_GIVEN.lastIndex = 0;
    for (let m = FAMILY_COMMA_GIVEN.exec(text); m; m = FAMILY_COMMA_GIVEN.exec(text)) {
      // `Smith, John P.`, `KHAN, Imran Ali`, `BIN SALEM, KHALID`, `Quispe Mamani, Wilber`.
      const families = (m[1] ?? '').split(' ').map((word) => evidence.classOfText(titleCase(word)));
      const givens = (m[2] ?? '').split(' ').filter((word) => !word.endsWith('.'));
      const first = evidence.classOfText(titleCase(givens[0] ?? ''));
      const familyWords = (m[1] ?? '').split(' ');
      const familyLike =
        familyWords.every(
          (word, i) => PARTICLES.has(word.toLowerCase()) || NAME_CLASSES.has(families[i] ?? 'common'),
        ) && families.at(-1) !== 'ambiguousGiven';
      if (first === 'given' && familyLike) {
        spans.push({ start: m.index, end: m.index + m[0].length, type: 'PERSON' });
      } else if (familyWords.length > 1) {
        // `Patient LEHMANN, Birgit`: try again from the next word (a role or a label may come first).
        FAMILY_COMMA_GIVEN.lastIndex = m.index + (familyWords[0]?.length ?? 0) + 1;
      }
    }
  }
  if (HAS_CAPITALS_RUN.test(text)) {
    CAPITALS_THEN_GIVEN.lastIndex = 0;
    for (let m = CAPITALS_THEN_GIVEN.exec(text); m; m = CAPITALS_THEN_GIVEN.exec(text)) {
      const words = (m[1] ?? '').split(' ');
      const families = words.map((word) => evidence.classOfText(titleCase(word)));
      const givens = (m[2] ?? '').split(' ').map((word) => evidence.classOfText(word));
      const listed =
        families.some((c) => LISTED.has(c)) || givens.some((c) => LISTED.has(c) || c === 'ambiguousGiven');
      // Abbreviations in capitals (`IBAN Thomas`, `NHS Maria`) are short: a family name here has five letters or more.
      const long = words.some((word) => word.length >= 5) && words.every((word) => word.length >= 4);
      const familyLike = families.every((c) => NAME_CLASSES.has(c) && c !== 'ambiguousGiven');
      if (long && familyLike && listed && givens.every((c) => NAME_CLASSES.has(c)))
        spans.push({ start: m.index, end: m.index + m[0].length, type: 'PERSON' });
    }
  }
  return spans;
}
