import { digitsOf } from './util.js';
import { luhnValid, validDate, verhoeffValid } from './national-id-checks.js';
import { END, type Row } from './national-id-row.js';

/**
 * The Czech and Slovak rodné číslo (YYMMDD/SSSC, since 1954): the birth date, with 50 added to the
 * month for women (20 or 70 more from 2004 on), and ten digits that are a multiple of 11 (or whose first
 * nine leave 10, the check digit then 0).
 */
export function rodneCisloValid(value: string): boolean {
  const digits = digitsOf(value);
  if (!/^\d{10}$/.test(digits)) return false;
  const month = Number(digits.slice(2, 4)) % 50;
  const realMonth = month > 20 ? month - 20 : month;
  if (!validDate(`${digits.slice(0, 2)}${String(realMonth).padStart(2, '0')}${digits.slice(4, 6)}`))
    return false;
  if (BigInt(digits) % 11n === 0n) return true;
  return BigInt(digits.slice(0, 9)) % 11n === 10n && digits[9] === '0';
}

/** Ukraine's РНОКПП (taxpayer card number, ІПН): ten digits, weights -1 5 7 9 4 6 10 5 7, mod 11 then mod 10. */
export function rnokppValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const weights = [-1, 5, 7, 9, 4, 6, 10, 5, 7];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  return (((sum % 11) + 11) % 11) % 10 === Number(digits[9]);
}

/** Brazil's PIS/PASEP/NIT: eleven digits, weights 3 2 9 8 7 6 5 4 3 2, eleven minus the remainder (10 and 11 giving 0). */
export function pisValid(value: string): boolean {
  const digits = digitsOf(value);
  if (!/^\d{11}$/.test(digits)) return false;
  const weights = [3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  const check = 11 - (sum % 11);
  return (check > 9 ? 0 : check) === Number(digits[10]);
}

/**
 * Luxembourg's matricule (YYYYMMDDXXX C1 C2): the birth date, three digits, a Luhn and a Verhoeff check
 * digit, each over the first eleven.
 */
export function luxembourgMatriculeValid(digits: string): boolean {
  if (!/^\d{13}$/.test(digits) || !validDate(digits.slice(2, 8))) return false;
  const first = digits.slice(0, 11);
  return luhnValid(first + digits[11]) && verhoeffValid(first + digits[12]);
}

/**
 * A British driving licence number's middle (DVLA): the decade digit of the birth year, the month (plus
 * 50 for a woman), the day and the year's last digit.
 */
export function ukDrivingLicenceValid(value: string): boolean {
  const month = Number(value.slice(6, 8)) % 50;
  const day = Number(value.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Québec's health insurance number (RAMQ): the birth date in its digits, the month plus 50 for a woman. */
export function ramqValid(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  const month = Number(digits.slice(2, 4)) % 50;
  const day = Number(digits.slice(4, 6));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

const line = (label: string) => new RegExp(label, 'iu');

/**
 * Identity numbers added in round 12 (thirteenth and fourteenth batches): the word for passport in more
 * languages (a passport number has no check of its own: it is taken after its label only), the Czech and
 * Slovak birth number and Ukraine's taxpayer number with their checks, Brazil's PIS in its own layout.
 */
export const PASSPORTS_AND_BIRTH_NUMBERS: Row[] = [
  {
    country: 'Passport, in more languages',
    cues: [
      'paspoort',
      'paszport(?:u)?',
      'pasaport',
      'paspor',
      'pasipoti',
      'passaporto',
      'fasfo',
      'baasaboor',
      'hộ chiếu',
      'جواز(?: ال)?سفر',
      'گذرنامه',
      '护照号?(?:码)?',
      '護照號?(?:碼)?',
      '旅券(?:番号)?',
      '여권(?:번호)?',
      'पासपोर्ट',
      'ਪਾਸਪੋਰਟ',
      'পাসপোর্ট',
      'પાસપોર્ટ',
      'பாஸ்போர்ட்',
      'පාස්පෝට්',
      'پاسپورٹ',
      'διαβατήριο',
      'דרכון',
      'राहदानी',
      'ፓስፖርት',
      'పాస్\u200c?పోర్ట్',
      'លិខិតឆ្លងដែន',
      'နိုင်ငံကူးလက်မှတ်',
    ],
  },
  {
    country: 'Czech Republic and Slovakia rodné číslo (birth date, multiple of 11)',
    pattern: new RegExp(String.raw`\d{6}/\d{4}${END}`, 'y'),
    example: '790814/1230',
    valid: rodneCisloValid,
    near: new RegExp(String.raw`[Rr]odn[éeý] [čc][íi]sl|R[ČC](?!\p{L})|r\. ?č\.`, 'u'),
    cues: ['rodn[éeý] [čc][íi]sl[oa]'],
  },
  {
    country: 'Ukraine РНОКПП / ІПН (weighted mod 11)',
    pattern: new RegExp(String.raw`\d{10}${END}`, 'y'),
    example: '8361394554',
    valid: (value) => rnokppValid(value),
    plain: true,
    near: line(String.raw`рнокпп|ідентифікаційний код|ідентифікаційний номер`),
    cues: ['рнокпп', 'іпн'],
  },
  {
    country: 'Brazil PIS/PASEP/NIT (weighted mod 11), in its dotted layout',
    pattern: new RegExp(String.raw`\d{3}\.\d{5}\.\d{2}-\d${END}`, 'y'),
    example: '120.54812.94-5',
    valid: pisValid,
    cues: ['pis/pasep', 'pis-pasep'],
  },
  {
    country: 'Luxembourg matricule (birth date, Luhn and Verhoeff)',
    pattern: new RegExp(String.raw`(?:19|20)\d\d[01]\d[0-3]\d{6}${END}`, 'y'),
    example: '1984072289668',
    valid: luxembourgMatriculeValid,
    plain: true,
    near: line(String.raw`matricule|identifiant national|identifikationsnummer`),
    cues: [],
  },
  {
    country: 'Slovenia EMŠO (the JMBG by its Slovenian name)',
    cues: ['em[šs]o'],
  },
  {
    country: 'India Aadhaar, its name in Indian scripts',
    cues: ['आधार', 'ಆಧಾರ್', 'ఆధార్', 'ஆதார்', 'আধার', 'ആധാർ', 'આધાર'],
  },
  {
    country: 'South Africa, the words for ID number in isiZulu and isiXhosa',
    cues: ['inombolo kamazisi', 'inombolo yesazisi'],
  },
  {
    country: 'United Kingdom driving licence (surname padded with 9, birth date, initials, check characters)',
    pattern: new RegExp(
      String.raw`[A-Z](?:[A-Z]{4}|[A-Z]{3}9|[A-Z]{2}99|[A-Z]999|9999)\d[0156]\d[0-3]\d\d[A-Z][A-Z9]\d[A-Z\d]{2}${END}`,
      'y',
    ),
    example: 'MORGA753116SM9IJ',
    valid: ukDrivingLicenceValid,
    cues: [],
  },
  {
    // HMRC's own examples (`QQ 12 34 56 C`) use a prefix never issued: after the `NI` acronym earlier on the line
    // the shape alone is taken.
    country: 'United Kingdom National Insurance number after its acronym, any prefix',
    pattern: new RegExp(String.raw`[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]${END}`, 'y'),
    example: 'QQ 12 34 56 C',
    near: /\bNI\b/,
    cues: [],
  },
  {
    country:
      "National identity labels: Sinhala and Tamil (Sri Lanka's NIC, `ජා.හැ.අ.`), Arabic national number and Tunisia's card, Russia's OMS policy",
    cues: [
      'ජාතික හැඳුනුම්පත්?(?: අංකය)?',
      'ජා\\.හැ\\.අ\\.?',
      'தேசிய அடையாள அட்டை(?: எண்)?',
      'الرقم الوطني',
      'بطاقة التعريف(?: الوطنية)?',
      'полис(?:а)? омс',
    ],
  },
  {
    country: 'Rwanda indangamuntu (citizen digit, birth year, sex digit, serial, issue, check) in its groups',
    pattern: new RegExp(String.raw`[1-3] (?:19|20)\d\d [78] \d{7} \d \d\d${END}`, 'y'),
    example: '1 1992 7 0048213 0 41',
    near: line(String.raw`indangamuntu|\bnid\b|national id`),
    cues: ['indangamuntu'],
  },
  {
    country: 'Québec health insurance number (RAMQ: name letters, birth date, two digits)',
    pattern: new RegExp(String.raw`[A-Z]{4} ?\d{4} ?\d{4}${END}`, 'y'),
    example: 'TREM 6805 1214',
    valid: ramqValid,
    near: line(String.raw`assurance[ -]maladie|\bramq\b|carte soleil`),
    nearWords: line('maladie|ramq|carte soleil'),
    cues: [],
  },
];
