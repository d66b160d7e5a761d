import type { Span } from '../types.js';
import {
  amkaValid,
  austrianSvnrValid,
  belgianValid,
  bsnValid,
  chineseIdValid,
  cnpValid,
  codiceFiscaleValid,
  cpfValid,
  dniValid,
  koreanRrnValid,
  luhnValid,
  myNumberValid,
  ean13Valid,
  finnishIdValid,
  nirValid,
  norwegianIdValid,
  peselValid,
  nricValid,
  turkishIdValid,
  validDate,
  verhoeffValid,
} from './national-id-checks.js';
import { PHONE_CUE } from './phone.js';
import { anyOf, before, codeStarts, digitsOf, REFERENCE_CUE } from './util.js';

export { verhoeffValid } from './national-id-checks.js';

/**
 * National identity numbers, reported as `SSN` (the one identity-number type tokens have), one
 * row per country or format. A row with a `pattern` is distinctive enough to be found anywhere,
 * with its check digit where it has one; every row's `cues` are labels after which any plain
 * number of letters and digits is taken (`PESEL 87051412343`, `BSN 111222333`, `NRIC S1234567D`).
 */
interface Row {
  country: string;
  /** Sticky; found anywhere when present. */
  pattern?: RegExp;
  /** A value of the pattern (checked by national-id.test.ts). */
  example?: string;
  /** The check digit or letter of the pattern. */
  valid?: (value: string) => boolean;
  /**
   * A plain run of digits that only its check tells apart from an order or a phone number: not
   * taken after a reference or phone word, nor after `+`.
   */
  plain?: boolean;
  /** Lower-case labels, as regular-expression source. */
  cues: string[];
}

const END = String.raw`(?![\w-])`;
const COUNTRIES: Row[] = [
  {
    country: 'United Kingdom National Insurance number (never-issued prefixes excluded)',
    pattern: new RegExp(
      String.raw`(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]${END}`,
      'y',
    ),
    example: 'AB 12 34 56 C',
    cues: ['national insurance(?: number)?', 'ni number', 'nino'],
  },
  {
    country: 'India PAN (the fourth letter says who holds it)',
    pattern: new RegExp(String.raw`[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]${END}`, 'y'),
    example: 'ABCPK1234F',
    cues: ['pan(?: card)?', 'permanent account number'],
  },
  {
    country: 'India Aadhaar (Verhoeff; masked `XXXX XXXX 1234` after the cue)',
    pattern: new RegExp(String.raw`[2-9]\d{3}[ -]\d{4}[ -]\d{4}${END}`, 'y'),
    example: '4967 1234 5673',
    valid: (value) => verhoeffValid(digitsOf(value)),
    cues: ['aadhaa?r(?: card)?', 'uidai'],
  },
  {
    // Four-four-four like Aadhaar, but any first digit and a mod-11 check digit; grouped only, so a
    // bare run of twelve digits (an order or a tracking number) is left alone.
    country: 'Japan My Number (check digit; grouped in fours)',
    pattern: new RegExp(String.raw`\d{4}([ -])\d{4}\1\d{4}${END}`, 'y'),
    example: '5606 8831 0674',
    valid: (value) => myNumberValid(digitsOf(value)),
    cues: ['my ?number(?: card)?', 'マイナンバー', '個人番号'],
  },
  {
    country: 'Italy codice fiscale (check letter)',
    pattern: new RegExp(String.raw`[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z]${END}`, 'y'),
    example: 'RSSMRA85T10A562S',
    valid: codiceFiscaleValid,
    cues: ['codice fiscale', 'c\\.f\\.'],
  },
  {
    country: 'Spain DNI (mod-23 letter)',
    pattern: new RegExp(String.raw`\d{8}-?[A-Z]${END}`, 'y'),
    example: '12345678Z',
    valid: dniValid,
    cues: ['dni', 'nif'],
  },
  {
    country: 'Spain NIE (mod-23 letter)',
    pattern: new RegExp(String.raw`[XYZ]-?\d{7}-?[A-Z]${END}`, 'y'),
    example: 'X1234567L',
    valid: dniValid,
    cues: ['nie'],
  },
  {
    country: 'China resident identity card (birth date inside, check character)',
    pattern: new RegExp(String.raw`\d{6}(?:19|20)\d{9}[\dXx]${END}`, 'y'),
    example: '11010519491231002X',
    valid: (value) => chineseIdValid(value) && validDate(value.slice(8, 14)),
    cues: ['身份证(?:号码?)?'],
  },
  {
    country: 'Brazil CPF (two check digits)',
    pattern: new RegExp(String.raw`\d{3}\.\d{3}\.\d{3}-\d{2}${END}`, 'y'),
    example: '529.982.247-25',
    valid: (value) => cpfValid(digitsOf(value)),
    cues: ['cpf', 'rg'],
  },
  {
    country: 'Sweden personnummer (YYMMDD-NNNN, Luhn)',
    pattern: new RegExp(String.raw`(?:19|20)?\d{6}[-+]\d{4}${END}`, 'y'),
    example: '850709-9805',
    valid: (value) => validDate(digitsOf(value).slice(-10)) && luhnValid(digitsOf(value).slice(-10)),
    cues: ['personnummer', 'personnr'],
  },
  {
    country: 'South Korea resident registration number',
    pattern: new RegExp(String.raw`\d{6}-[1-8]\d{6}${END}`, 'y'),
    example: '900101-1234568',
    valid: (value) => validDate(value) && koreanRrnValid(digitsOf(value)),
    cues: ['rrn', '주민등록번호'],
  },
  {
    country: 'France NIR (key = 97 - number mod 97)',
    pattern: new RegExp(
      String.raw`[12] ?\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\d) ?\d{2} ?\d{3} ?\d{3} ?\d{2}${END}`,
      'y',
    ),
    example: '1 84 12 76 451 089 46',
    valid: (value) => nirValid(digitsOf(value)),
    cues: ['nir', 'sécurité sociale'],
  },
  {
    country: 'South Africa ID (YYMMDD SSSS C A Z, Luhn)',
    pattern: new RegExp(String.raw`\d{6}\d{4}[01]\d{2}${END}`, 'y'),
    example: '8801015009080',
    valid: (value) => validDate(value) && luhnValid(value),
    cues: ['south african id', 'sa id', 'rsa id'],
  },
  {
    country: 'Romania CNP (check digit)',
    pattern: new RegExp(String.raw`[1-8]\d{12}${END}`, 'y'),
    example: '2900412409263',
    valid: (value) => validDate(value.slice(1, 7)) && cnpValid(value),
    cues: ['cnp'],
  },
  {
    country: 'Belgium national number (YY.MM.DD-SSS.CC, mod 97)',
    pattern: new RegExp(String.raw`\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}${END}`, 'y'),
    example: '85.07.30-033.28',
    valid: (value) => validDate(digitsOf(value)) && belgianValid(digitsOf(value)),
    cues: ['rijksregisternummer', 'numéro national', 'national register number', 'insz', 'niss'],
  },
  {
    country: 'Belgium national number in one run (birth date, mod 97)',
    pattern: new RegExp(String.raw`\d{11}${END}`, 'y'),
    example: '87062408396',
    valid: (value) => validDate(value) && belgianValid(value),
    plain: true,
    cues: ['national number', 'rijksregister'],
  },
  {
    country: 'Turkey T.C. kimlik numarası (two check digits)',
    pattern: new RegExp(String.raw`[1-9]\d{10}${END}`, 'y'),
    example: '38261904744',
    valid: turkishIdValid,
    plain: true,
    cues: ['t\\.?c\\.? kimlik', 'kimlik', 'tckn', 'tc (?:no|number)'],
  },
  {
    country: 'Greece AMKA (birth date DDMMYY, Luhn)',
    pattern: new RegExp(String.raw`\d{11}${END}`, 'y'),
    example: '05039012348',
    valid: amkaValid,
    plain: true,
    cues: ['amka', 'αμκα'],
  },
  {
    country: 'Poland PESEL (birth date, check digit)',
    pattern: new RegExp(String.raw`\d{11}${END}`, 'y'),
    example: '87061412344',
    valid: peselValid,
    plain: true,
    cues: ['pesel'],
  },
  {
    country: 'Norway fødselsnummer (birth date, two mod-11 check digits)',
    pattern: new RegExp(String.raw`\d{6} ?\d{5}${END}`, 'y'),
    example: '120385 49837',
    valid: (value) => norwegianIdValid(digitsOf(value)),
    plain: true,
    cues: ['fødselsnummer', 'fodselsnummer', 'f\\.nr\\.?'],
  },
  {
    country: 'Finland henkilötunnus (DDMMYY, century sign, check character)',
    pattern: new RegExp(String.raw`\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]${END}`, 'y'),
    example: '131052-308T',
    valid: finnishIdValid,
    cues: ['henkilötunnus', 'hetu'],
  },
  {
    country: 'Switzerland AHV/AVS number (756, EAN-13 check digit)',
    pattern: new RegExp(String.raw`756(?:\.\d{4}\.\d{4}\.\d{2}|\d{10})${END}`, 'y'),
    example: '756.1234.5678.97',
    valid: (value) => ean13Valid(digitsOf(value)),
    cues: ['ahv(?:-?(?:nr|nummer))?', 'avs', 'sozialversicherungsnummer'],
  },
  {
    country: 'Austria social insurance number (NNNC DDMMYY, mod-11 check)',
    pattern: new RegExp(String.raw`[1-9]\d{3} ?\d{6}${END}`, 'y'),
    example: '1231 150385',
    valid: (value) => austrianSvnrValid(digitsOf(value)),
    plain: true,
    cues: ['versicherungsnummer', 'sv-?(?:nr|nummer)', 'svnr'],
  },
  {
    country: 'Netherlands BSN written in groups (1234.56.789, eleven-test)',
    pattern: new RegExp(String.raw`\d{4}\.\d{2}\.\d{3}${END}`, 'y'),
    example: '2293.10.667',
    valid: (value) => bsnValid(digitsOf(value)),
    cues: ['citizen service number'],
  },
  {
    country: 'Pakistan CNIC',
    pattern: new RegExp(String.raw`\d{5}-\d{7}-\d${END}`, 'y'),
    example: '35202-1234567-1',
    cues: ['cnic', 'nicop'],
  },
  {
    country: 'Philippines SSS',
    pattern: new RegExp(String.raw`\d{2}-\d{7}-\d${END}`, 'y'),
    example: '34-1234567-8',
    cues: ['sss', 'umid', 'philhealth'],
  },
  {
    country: 'Ghana Card',
    pattern: new RegExp(String.raw`GHA-\d{9}-\d${END}`, 'y'),
    example: 'GHA-123456789-0',
    cues: ['ghana card'],
  },
  {
    country: 'Mexico CURP',
    pattern: new RegExp(String.raw`[A-Z]{4}\d{6}[HM][A-Z]{5}[A-Z\d]\d${END}`, 'y'),
    example: 'GOMJ850101HDFRRN09',
    cues: ['curp'],
  },
  {
    country: 'Singapore NRIC and FIN (check letter)',
    pattern: new RegExp(String.raw`[STFGM]\d{7}[A-Z]${END}`, 'y'),
    example: 'S1234567D',
    valid: nricValid,
    cues: ['nric', 'fin', 'singapore ic'],
  },
  {
    country: 'UAE Emirates ID',
    pattern: new RegExp(String.raw`784-?(?:19|20)\d\d-?\d{7}-?\d${END}`, 'y'),
    example: '784-1985-1234567-1',
    cues: ['emirates id'],
  },
  {
    country: 'Uganda NIN',
    pattern: new RegExp(String.raw`C[MF][A-Z\d]{12}${END}`, 'y'),
    example: 'CM12345678ABCD',
    cues: ['nin'],
  },
  // A plain run of 9 digits anywhere is as often a phone or an order number, and the BSN's eleven-test
  // passes one in eleven: taken after its label only, and then even with a wrong check digit (a typo is
  // still the number). PESEL and the fødselsnummer above carry a birth date as well as their checks.
  { country: 'Netherlands BSN', cues: ['bsn', 'burgerservicenummer'] },
  { country: 'Denmark CPR', cues: ['cpr(?:-?(?:nr|nummer))?'] },
  { country: 'Germany', cues: ['steuer-?id', 'steuer-?identifikationsnummer', 'personalausweis(?:nummer)?'] },
  { country: 'Nigeria', cues: ['bvn', 'nin', 'nin slip'] },
  { country: 'Greece tax number', cues: ['afm', 'αφμ'] },
  { country: 'Portugal', cues: ['contribuinte', 'nipc', 'cartão de cidadão'] },
  { country: 'Kenya', cues: ['huduma(?: number)?', 'kra pin'] },
  { country: 'Malaysia, Hong Kong', cues: ['mykad', 'hkid'] },
  { country: 'Indonesia', cues: ['ktp', 'nik'] },
  { country: 'Latin America', cues: ['curp', 'cédula', 'cedula', 'dpi', 'rut', 'run', 'ci'] },
  { country: 'Ireland', cues: ['pps(?: number)?', 'ppsn'] },
  { country: 'United Kingdom NHS, Australia Medicare', cues: ['nhs(?: number)?', 'medicare(?: number)?'] },
  {
    country: 'Canada, Australia, United States',
    cues: ['sin', 'social insurance', 'tin', 'tfn', 'ssn', 'social security'],
  },
  { country: 'Sri Lanka, Bangladesh', cues: ['nic', 'nid'] },
  { country: 'Israel', cues: ['teudat zehut', 'zehut', 'תעודת זהות'] },
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

const CONNECTORS = String.raw`(?:(?:number|numero|número|numer|nummer|numarası|no|nr|n°|n\.[º°o]|#|is|of)\.?[^\p{L}\p{N}\n]{0,3}){0,2}$`;
/** `National ID (Kenya): …`, `Greek ID (AMKA) …`: a word or two in brackets after the label. */
const ASIDE = String.raw`(?: ?\([^()\n]{1,24}\))?`;
const ALL_CUES = [...GENERAL_CUES, ...COUNTRIES.flatMap((row) => row.cues)];
/** Labels that make a plain number an identity number; matched against the text just before it. */
const LABEL_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:${ALL_CUES.join('|')})${ASIDE}[^\p{L}\p{N}\n]{0,3}${CONNECTORS}`,
  'iu',
);
/**
 * Labels that are no ordinary word (not `pan`, `sin`, `run`, `ci`, `nie`) may have up to three
 * words before the number: `PESEL pacjenta: …`, `BSN van de klant is …`, `my BSN? It's …`.
 */
const DISTINCT_CUES = ALL_CUES.filter((cue) => /^[^(?\\]{4}/.test(cue) || /^(?:bsn|nif|dni|cpf)$/.test(cue));
const LABEL_WORDS_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:${DISTINCT_CUES.join('|')})(?:[?,]? \p{L}[\p{Ll}'’]{1,11}){1,3}[^\p{L}\p{N}\n]{0,3}${CONNECTORS}`,
  'iu',
);

/** A label anywhere in a window: both label patterns above start so; most windows hold none. */
const ANY_LABEL = new RegExp(String.raw`(?:^|[^\p{L}])(?:${ALL_CUES.join('|')})`, 'iu');

/** Does an identity-number label end right before `at` (`PESEL: `, `BSN van de klant is `)? */
export function labelledAsId(text: string, at: number): boolean {
  const window = text.slice(Math.max(0, at - 48), at);
  // Most windows hold no label at all; a cheap look for letters, then for a label, spares the long patterns.
  if (!/\p{L}{2}/u.test(window) || !ANY_LABEL.test(window)) return false;
  if (LABEL_BEFORE.test(window)) return true;
  // `passport photo, then order 4411…`: a reference word nearer the number takes it back.
  return LABEL_WORDS_BEFORE.test(window) && !REFERENCE_CUE.test(window);
}

const VALUE = /[A-Z\d](?:[A-Z\d]|[ .\-/](?=[A-Z\d])){4,22}(?![\w-])/y;
/** Where an identity number could start: a capital or digit at a word start, more such characters after it (among `codeStarts`). */
const START = /\b[A-Z\d](?=[A-Z\d .\-/]{4})/y;

/** One value of every distinctive format (for the tests). */
export const FORMAT_EXAMPLES: readonly string[] = COUNTRIES.flatMap((row) =>
  row.pattern && row.example ? [row.example] : [],
);

/** The formats found anywhere; each starts with a digit or a capital, and only the fitting ones are tried. */
const FORMATS = COUNTRIES.filter((row): row is Row & { pattern: RegExp } => row.pattern !== undefined);
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
    if (m && (!valid || valid(m[0])) && !(plain && numberOfSomethingElse(text, at))) return at + m[0].length;
  }
  return -1;
}

/** `Order 38261904744`, `call 38261904744`, `+38261904744`: a plain run of digits that is not an ID. */
function numberOfSomethingElse(text: string, at: number): boolean {
  if (text[at - 1] === '+') return true;
  const window = before(text, at, 32);
  return REFERENCE_CUE.test(window) || PHONE_CUE.test(window);
}

/** `XXXX XXXX 1234`: a masked number still names its holder's last digits; taken after a label only. */
const MASKED = /[Xx*•]{4}[ -]?[Xx*•]{4}[ -]?\d{4}(?![\w-])/y;

function labelledAt(text: string, at: number): number {
  MASKED.lastIndex = at;
  const masked = MASKED.exec(text)?.[0];
  VALUE.lastIndex = at;
  const value = masked ?? VALUE.exec(text)?.[0];
  if (!value || (!masked && digitsOf(value).length < 5)) return -1;
  // `expires 2031-06-30`: a date after an ID label is the card's date, not its number.
  if (/^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/.test(value)) return -1;
  // Spaced groups must look like one number (`943 476 5919`), not a number and a word.
  if (/\s/.test(value) && !/^[\dA-Z]{1,6}(?:[ .\-/][\dA-Z]{1,6})+$/.test(value)) return -1;
  return labelledAsId(text, at) ? at + value.length : -1;
}

/** Identity numbers of many countries: distinctive formats anywhere, plain digits after a label. */
export function detectNationalIds(text: string): Span[] {
  const spans: Span[] = [];
  let resumeAt = 0;
  for (const at of codeStarts(text)) {
    START.lastIndex = at;
    if (at < resumeAt || !START.test(text) || text[at - 1] === '-') continue;
    let end = formatAt(text, at);
    if (end < 0) end = labelledAt(text, at);
    if (end < 0) continue;
    spans.push({ start: at, end, type: 'SSN' });
    resumeAt = end;
  }
  return spans;
}
