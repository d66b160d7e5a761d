import type { Span } from '../types.js';
import { alternation } from './util.js';

/**
 * A form's address field: `Address: …`, `住所：…`, `주소: …`, `पता: …`, `כתובת: …`, `ที่อยู่ 99/12 …`. Whatever
 * the country's shape, the value after the label is the address, up to where the field ends. This catches
 * shapes no street pattern knows (a Riyadh district, a Noida sector, a Bangkok soi).
 */
const LABELS = [
  'address',
  'home address',
  'postal address',
  'mailing address',
  'street address',
  'residential address',
  'delivery address',
  'billing address',
  'adresse',
  'anschrift',
  'wohnadresse',
  'lieferadresse',
  'dirección',
  'direccion',
  'domicilio',
  'endereço',
  'morada',
  'indirizzo',
  'adres',
  'adresa',
  'adresas',
  'adrese',
  'aadress',
  'osoite',
  'cím',
  'lakcím',
  'adressi',
  'διεύθυνση',
  'адрес',
  'адреса',
  'адрас',
  'địa chỉ',
  'alamat',
  'tirahan',
  'anwani',
  'العنوان',
  'عنوان',
  'آدرس',
  'نشانی',
  'پتہ',
  'כתובת',
  'पता',
  'ठेगाना',
  'ঠিকানা',
  'முகவரி',
  'చిరునామా',
  'ವಿಳಾಸ',
  'വിലാസം',
  'સરનામું',
  'ਪਤਾ',
  'လိပ်စာ',
  'អាសយដ្ឋាន',
  'አድራሻ',
  '住所',
  '地址',
  '住址',
  '주소',
];

/** Labels of the next field: an address read on stops at a comma before one of these. */
const NEXT_FIELDS = [
  'tel',
  'tél',
  'phone',
  'mobile',
  'mob',
  'cell',
  'fax',
  'e-?mail',
  'telefon',
  'telefone',
  'teléfono',
  'telefono',
  'téléphone',
  'móvil',
  'celular',
  'handy',
  'gsm',
  'puhelin',
  'тел',
  'телефон',
  'моб',
  'τηλ',
  'τηλέφωνο',
  'κιν',
  'κινητό',
  'geb',
  'born',
  'né',
  'née',
  'sđt',
  'điện thoại',
  'telp',
  'hp',
  'whatsapp',
  'kontakt',
  'contact',
  'contacto',
  'contato',
  'contatto',
  'kontak',
  'mobil',
  'mobiel',
  'tlf',
  'اسم',
  'الاسم',
  'المستلم',
  'המקבל',
  'המקבלת',
  'שם',
  'recipient',
  'получатель',
  'отримувач',
  'телефон',
  'тел',
  'attn',
  'nom',
  'nombre',
  'cel',
  'celu',
  'simu',
  'gari',
  'na',
  'alizaliwa',
  'lambar',
  'waya',
  'iban',
  'dob',
  'טלפון',
  'נייד',
  'هاتف',
  'جوال',
  'موبايل',
  'الاتصال',
  'تلفن',
  'موبایل',
  'فون',
  'मोबाइल',
  'फोन',
  'फ़ोन',
  'ফোন',
  'মোবাইল',
  'โทร',
  '電話',
  '电话',
  '手机',
  '手機',
  '携帯',
  '전화',
  '휴대폰',
  '연락처',
  '받는 ?분',
  '받는 ?사람',
  '수령인',
  '비번',
  '비밀번호',
];

/**
 * Labels that may stand before the value with only a space: those of the scripts above without a colon habit
 * (`ที่อยู่ 99/12 …`, `முகவரி 12, …`, `አድራሻ ቦሌ …`), and `my/his address`, `lives at` words (`عنواني شارع …`,
 * `anaishi Nyumba 12, …`, Hausa `adireshinsa`, Mongolian `хаяг`).
 */
const SPACED_ONLY = [
  'ที่อยู่จัดส่ง',
  'ที่อยู่ปัจจุบัน',
  'ที่อยู่',
  'ທີ່ຢູ່',
  'عنواني',
  'عنوانه',
  'عنوانها',
  'آدرسم',
  'כתובתי',
  'הכתובת',
  'anaishi',
  'anakaa',
  'adireshinsa',
  'adireshinta',
  'adireshina',
  'хаяг',
  'адресою',
  'адресу',
  'адресе',
  'helbidea',
  'manzil',
  'navnîşan',
  'мекенжай',
  'հասցե',
  'àdírẹ́sì',
  'bor på',
  'wohnt in der',
  'ঠিকানা',
  'მისამართი',
  'पत्ता',
];
const ALPHABETIC = String.raw`\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}`;
/** Every label but English `address` may stand before its value with a space (`lakcím 1067 Budapest, …`). */
const SPACED_LABELS = [...LABELS.filter((label) => !label.endsWith('address')), ...SPACED_ONLY];

/**
 * The label (not inside a word, and before a colon not after another word: `IP address:`, `e-mail address:`), up
 * to two words saying which address (`Address for delivery:`, `הכתובת למשלוח:`), its colon, and up to 160
 * characters of the line; the value ends at `;`, a pipe, a CJK comma or full stop, a danda or an Ethiopic full
 * stop, a spaced dash or slash, or the next field's label. The labels are found first (one pass of literals),
 * the rest is read from each.
 */
const LABEL = new RegExp(alternation([...LABELS, ...SPACED_ONLY]), 'gi');
const SPACED = new Set(SPACED_LABELS.map((label) => label.toLowerCase()));
const NOT_AFTER = new RegExp(`[${ALPHABETIC}\\p{M}\\d@.-]`, 'u');
const WORD_BEFORE = new RegExp(`[${ALPHABETIC}][ -]$`, 'u');
const COLON_AFTER = /(?: [\p{Ll}\p{Lo}\p{M}]+){0,2}\s?[:：]\s*/uy;
const SPACE_AFTER = /\s(?!MAC|IP|e-?mail|mail|web|URL|http)/iy;
const VALUE = /[^\n;|、，。।॥።]{4,160}/y;

/** `je vous adresse M. Haddad`, `nous lui adressons`: the French verb `to send`, after its pronoun. */
const FRENCH_VERB_BEFORE = /(?:^|\s)(?:je|j'|vous|nous|te|me|lui|leur|les)\s$/i;

/** Where the value after the label found at `m` starts, or -1. */
function valueStart(text: string, m: RegExpExecArray): number {
  if (NOT_AFTER.test(text[m.index - 1] ?? '')) return -1;
  if (/^adresse$/i.test(m[0]) && FRENCH_VERB_BEFORE.test(text.slice(Math.max(0, m.index - 6), m.index)))
    return -1;
  const end = m.index + m[0].length;
  COLON_AFTER.lastIndex = end;
  if (COLON_AFTER.test(text) && !WORD_BEFORE.test(text.slice(Math.max(0, m.index - 2), m.index)))
    return COLON_AFTER.lastIndex;
  SPACE_AFTER.lastIndex = end;
  return SPACED.has(m[0].toLowerCase()) && SPACE_AFTER.test(text) ? SPACE_AFTER.lastIndex : -1;
}
const FIELD_END = new RegExp(
  String.raw`\s[—–/|-]\s|(?<=\d{5,6}),\s+(?=\p{Ll}{2,}\s)|(?<=\d|[\p{L}\p{M}]{3})[.!?](?=\s+\p{Lo})|(?:[,،]\s*|\s+)(?:${NEXT_FIELDS.join('|')})(?![\p{L}\p{M}])(?<!tel(?=\s+aviv))`,
  'iu',
);
/**
 * A value with no number (`see attached`, `same as above`) or of one word (`0x7ffe12a0`) is none; Chinese and
 * Japanese write a whole address without a space.
 */
const DIGIT = /\d/;
/** `… काठमाडौं हो।`, `… አዲስ አበባ ነው።`: the verb `is` closing the sentence is no part of the address. */
const COPULA = /\s(?:हो|है|छ|आहे|ነው|ነበር)$/u;
const SEVERAL_PARTS = /[\s,،]|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{3}/u;

export function detectLabelledAddresses(text: string): Span[] {
  const spans: Span[] = [];
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    const start = valueStart(text, m);
    if (start < 0) continue;
    VALUE.lastIndex = start;
    const value = VALUE.exec(text)?.[0] ?? '';
    const cut = FIELD_END.exec(value);
    const kept = (cut ? value.slice(0, cut.index) : value).replace(/[\s,.،]+$/u, '').replace(COPULA, '');
    if (!DIGIT.test(kept) || !SEVERAL_PARTS.test(kept) || kept.length < 6) continue;
    spans.push({ start, end: start + kept.length, type: 'ADDRESS' });
  }
  return spans;
}
