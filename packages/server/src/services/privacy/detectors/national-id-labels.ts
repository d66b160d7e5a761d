import { validDate } from './national-id-checks.js';
import { END, type Row } from './national-id-row.js';

/**
 * The JMBG of former Yugoslavia (Serbia, Bosnia and Herzegovina, Montenegro, North Macedonia;
 * DDMMYYYRRBBBK): the birth date with the year's last three digits, region, serial, and a check:
 * weights 7 6 5 4 3 2 7 6 5 4 3 2, eleven minus the remainder, 10 and 11 giving 0.
 */
export function jmbgValid(digits: string): boolean {
  if (!/^\d{13}$/.test(digits)) return false;
  const year = Number(digits.slice(4, 7));
  const fullYear = year >= 800 ? 1000 + year : 2000 + year;
  if (!validDate(`${String(fullYear).slice(2)}${digits.slice(2, 4)}${digits.slice(0, 2)}`)) return false;
  const weights = [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  const check = 11 - (sum % 11);
  return (check > 9 ? 0 : check) === Number(digits[12]);
}

const line = (label: string) => new RegExp(label, 'iu');

/**
 * National identity numbers added in round 10 (eleventh batch): the JMBG by its birth date and check after its label
 * earlier on the line, and the labels of Afghanistan, Jamaica, North and West Africa, Iran, South and
 * Central Asia and the Caucasus, after which any number is taken.
 */
export const MORE_LABELS: Row[] = [
  {
    country: 'Serbia, Bosnia, Montenegro, North Macedonia JMBG/EMBG (birth date, weighted mod 11)',
    pattern: new RegExp(String.raw`[0-3]\d[01]\d[089]\d{8}${END}`, 'y'),
    example: '2106983710069',
    valid: jmbgValid,
    plain: true,
    near: line(String.raw`jmbg|јмбг|ембг|embg|matični broj`),
    cues: ['jmbg', 'јмбг', 'ембг', 'embg', 'mati[čc]ni broj(?: gra[đd]ana)?'],
  },
  {
    // Seven capitals and digits, shorter than any value a label is otherwise taken with: only right after its label.
    country: 'Azerbaijan FIN (personal identification code on the ID card)',
    pattern: new RegExp(String.raw`(?=[A-Z\d]{0,6}\d)(?=\d{0,6}[A-Z])[A-Z\d]{7}${END}`, 'y'),
    example: '5ZK8QMA',
    near: new RegExp(
      String.raw`(?:\bF[Iİ]N(?:[- ]?kodu?)?|\b[Ff]in[- ]?kodu?)[\s:#.-]{1,3}(?:$|(?=[A-Z\d]{7}(?![\w-])))`,
      'u',
    ),
    cues: [],
  },
  { country: 'Afghanistan tazkira', cues: ['e-?tazkira', 'tazkera', 'taskira', 'tazkira', 'تذکره', 'تذکرې'] },
  {
    // After its label a codice fiscale is one whatever its check letter says (a form filled in by hand, a typo).
    country: 'Italy codice fiscale after its label (any check letter)',
    pattern: new RegExp(String.raw`[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z]${END}`, 'y'),
    example: 'RSSGPP52C10F205X',
    near: /\b(?:CF|C\.F\.|[Cc]odice [Ff]iscale)\b/u,
    cues: [],
  },
  {
    country: 'Mexico RFC (taxpayer register) after its label',
    pattern: new RegExp(String.raw`[A-ZÑ&]{3,4}\d{6}[A-Z\d]{3}${END}`, 'y'),
    example: 'GOMI850317HX2',
    near: /\bRFC\b/u,
    cues: [],
  },
  { country: 'Mexico and Spain social security (NSS)', cues: ['nss', 'n[úu]mero de seguridad social'] },
  {
    country:
      'Tax and identity numbers by their labels: Germany, Norway, Sweden, Greece, Iran, Taiwan, UK, US, India',
    cues: [
      'st-?nr',
      'steuernummer',
      'steuer-?id',
      'fødselsnummer(?:et)?',
      'personnummer(?:et)?',
      'αφμ',
      'کد ملی(?:\u200cام)?',
      '身分證字號',
      '身份證字號',
      '身分證號碼',
      'unique taxpayer reference',
      'utr',
      'a-number',
      'alien (?:registration )?number',
      'uan',
      'tax (?:number|no\\.?|id)',
    ],
  },
  { country: 'Jamaica TRN', cues: ['trn', 'taxpayer registration number'] },
  {
    country: 'Morocco, Tunisia, Algeria, Senegal, Côte d’Ivoire, Cameroon, DRC national ID cards',
    cues: [
      'cin',
      'cnie',
      'cni',
      'cnib',
      "carte (?:nationale )?d['’]identit[ée](?: nationale)?",
      "num[ée]ro d['’]identification national",
      'البطاقة الوطنية',
    ],
  },
  { country: 'Iran code melli', cues: ['code[- ]?melli', 'kod[- ]?melli', 'melli'] },
  {
    // Round 20 (thirty-second batch): health, tax and driving-licence numbers and ID cards, labelled as identity numbers.
    country: 'Health cards and insurance, tax numbers, driving licences and ID cards of many countries',
    cues: [
      'abha(?: (?:no\\.?|number|id))?',
      'health card(?: (?:number|no\\.?))?',
      'ohip',
      'health member (?:no\\.?|number)',
      'medical aid(?: (?:number|no\\.?))?',
      'cart[ãa]o nacional de sa[úu]de',
      'sns',
      'identifica[çc][ãa]o civil',
      'bilhete de identidade',
      'afiliaci[óo]n(?: ss| a la seguridad social)?',
      'bpjs(?: kesehatan| ketenagakerjaan)?',
      'bhyt',
      'kwsp',
      'pag-?ibig(?: mid)?',
      'nit',
      'nip',
      'npwp',
      'mã số thuế(?: cá nhân)?',
      'cnh',
      'permis(?: de conduire)?',
      // (Not Chile's `patente`, a plate.)
      'patente di guida',
      'patente(?= n\\.)',
      'dow[óo]d(?:em|u)? osobist\\p{L}*',
      'id-картк\\p{L}*',
      'بطاقة وطنية',
      'διαβατηρίου',
      'ፋይዳ',
    ],
  },
  {
    country: 'Uzbekistan PINFL, Armenia, Azerbaijan',
    cues: ['pinfl', 'jshshir', 'пинфл', 'жшшир', 'public service number', 'social card(?: number)?'],
  },
];
