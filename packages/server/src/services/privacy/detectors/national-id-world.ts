import {
  chineseIdValid,
  cpfValid,
  cuitValid,
  hkidValid,
  koreanRrnValid,
  luhnValid,
  myNumberValid,
  nhsNumberValid,
  nricValid,
  taiwanIdValid,
  thaiIdValid,
  validDate,
  verhoeffValid,
} from './national-id-checks.js';
import { END, type Row } from './national-id-row.js';
import { digitsOf } from './util.js';

/** National identity numbers of the Americas, Africa, Asia and Oceania: one row per country or format. */
export const WORLD: Row[] = [
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
    // (`my number` alone is a phone number in English, `my number 07412 553 019`; after a possessive it is the card's,
    // `Takahashi Ren's My Number …`, read from the `s` after the apostrophe.)
    cues: ['my ?number card', 's my ?number', 'mynumber', 'マイナンバー', '個人番号'],
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
    country: 'South Korea resident registration number',
    pattern: new RegExp(String.raw`\d{6}-[1-8]\d{6}${END}`, 'y'),
    example: '900101-1234568',
    valid: (value) => validDate(value) && koreanRrnValid(digitsOf(value)),
    cues: ['rrn', 'resident registration', '주민등록번호'],
  },
  {
    country: 'South Africa ID (YYMMDD SSSS C A Z, Luhn)',
    pattern: new RegExp(String.raw`\d{6}\d{4}[01]\d{2}${END}`, 'y'),
    example: '8801015009080',
    valid: (value) => validDate(value) && luhnValid(value),
    cues: ['south african id', 'sa id', 'rsa id'],
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
  { country: 'Nigeria', cues: ['bvn', 'nin', 'nin slip', 'nimc'] },
  { country: 'Kenya', cues: ['huduma(?: number)?', 'kra pin'] },
  { country: 'Malaysia, Hong Kong', cues: ['mykad', 'hkid'] },
  { country: 'Indonesia', cues: ['ktp', 'nik'] },
  {
    // The prefix says who holds it (20, 23, 24, 27 people, 30, 33, 34 companies); mod-11 check digit.
    country: 'Argentina CUIL and CUIT',
    pattern: new RegExp(String.raw`(?:2[0347]|3[034])-\d{8}-\d${END}`, 'y'),
    example: '20-31482716-4',
    valid: (value) => cuitValid(digitsOf(value)),
    cues: ['cuil', 'cuit'],
  },
  {
    // Written with dots in thousands and without a check digit: taken only after its label on the line.
    country: 'Argentina DNI',
    pattern: new RegExp(String.raw`\d{1,2}\.\d{3}\.\d{3}${END}`, 'y'),
    example: '33.187.766',
    near: /\bD\.?N\.?I\b/i,
    nearWords: /dni|d\.n\.i/i,
    cues: [],
  },
  {
    // (Hyphens or, as the card prints it, spaces: `2 4761 72720 07 7`.)
    country: 'Thailand citizen ID (1-2345-67890-12-1, mod-11 check)',
    pattern: new RegExp(String.raw`[1-8]([- ])\d{4}\1\d{5}\1\d{2}\1\d${END}`, 'y'),
    example: '1-1020-00123-45-4',
    valid: (value) => thaiIdValid(digitsOf(value)),
    cues: ['thai id', 'บัตรประชาชน', 'เลขประจำตัวประชาชน', 'เลขบัตรประชาชน'],
  },
  {
    country: 'Taiwan national ID and resident certificate (letter, sex or resident digit, mod-10 check)',
    pattern: new RegExp(String.raw`[A-Z][1289]\d{8}${END}`, 'y'),
    example: 'A123456789',
    valid: taiwanIdValid,
    cues: ['統一編號', '身分證', '國民身分證'],
  },
  {
    // Born in 19YY on day DDD of the year (500 added for women), a serial, then V (a voter). (Not X, which
    // also ends an ISBN-10.)
    country: 'Sri Lanka NIC, old format (YYDDDSSSSV: day of the year and sex, then V)',
    pattern: new RegExp(String.raw`\d{2}(?:[0-3]\d\d|[5-8]\d\d)\d{4}[Vv]${END}`, 'y'),
    example: '881452370V',
    valid: (value) => {
      const day = Number(value.slice(2, 5)) % 500;
      return day >= 1 && day <= 366;
    },
    cues: ['nic', 'ජාතික හැඳුනුම්පත', 'தேசிய அடையாள அட்டை'],
  },
  {
    country: 'Hong Kong identity card (check digit in brackets)',
    pattern: new RegExp(String.raw`[A-Z]{1,2}\d{6}\([\dA]\)(?![\w-])`, 'y'),
    example: 'A123456(3)',
    valid: hkidValid,
    cues: [],
  },
  {
    country: 'Vietnam citizen identity card (CCCD, 12 digits) and the older CMND',
    cues: ['cccd', 'cmnd', 'căn cước(?: công dân)?', 'chứng minh nhân dân', 'số định danh(?: cá nhân)?'],
  },
  { country: 'Philippines PhilSys', cues: ['philsys(?: card)?', 'philid', 'psn', 'pcn'] },
  { country: 'Latin America', cues: ['curp', 'cédula', 'cedula', 'dpi', 'rut', 'run', 'ci'] },
  { country: 'United Kingdom NHS, Australia Medicare', cues: ['nhs(?: number)?', 'medicare(?: number)?'] },
  {
    // `The NHS number on the referral (485 777 3457)`: in its 3-3-4 groups, checked, on a line that names it.
    country: "United Kingdom NHS number (modulus 11) on its label's line",
    pattern: new RegExp(String.raw`\d{3}[ -]?\d{3}[ -]?\d{4}${END}`, 'y'),
    example: '485 777 3457',
    valid: nhsNumberValid,
    near: /\bNHS\b/,
    cues: [],
  },
  {
    country: 'Canada, Australia, United States',
    cues: ['sin', 'social insurance', 'tin', 'itin', 'tfn', 'ssn', 'social security'],
  },
  {
    // Dashed in threes, unlike any phone number; Luhn, and never starting 0 or 8.
    country: 'Canada SIN in dashed threes',
    pattern: new RegExp(String.raw`[1-79]\d{2}-\d{3}-\d{3}${END}`, 'y'),
    example: '534-005-715',
    valid: (value) => luhnValid(digitsOf(value)),
    plain: true,
    cues: [],
  },
  { country: 'Sri Lanka, Bangladesh', cues: ['nic', 'nid'] },
  { country: 'Israel', cues: ['teudat zehut', 'zehut', 'תעודת זהות'] },
  { country: 'Egypt national number', cues: ['الرقم القومي', 'الرقم القومى', 'رقم قومي'] },
];
