import type { Span } from '../types.js';
import { linesBeyondLatin } from './util.js';

/**
 * Names after a courtesy title or a name label in scripts without capitals, where the title is the
 * only sign that a name follows: Amharic `ወ/ሮ`, `አቶ`; Persian `خانم`, `آقای`; Urdu `محترمہ`, `جناب`;
 * Arabic `السيدة`, `السيد`, `للسيد`, `د.`; Hebrew `מר`, `גב'`, `ד"ר`, `פרופ'` (one word, two before a comma); Hindi `डॉ.`; Armenian `Պարոն`, `Տիկին`; Georgian `ბატონი`; Thai `คุณ`, `นางสาว`, the label
 * `ชื่อ`; Hindi and Nepali `श्री`, `श्रीमती`; Bengali `জনাব`; Tamil `திருமதி`; Telugu `శ్రీమతి`. The name is the one or two words after the
 * title, in the same script, up to punctuation, or three words before a comma (`श्री राम
 * बहादुर गुरुङ,`); the title stays outside it.
 */
export const SCRIPT_TITLES = [
  'ወ/ሮ',
  'ወ/ሪት',
  'አቶ',
  'ዶ/ር',
  'خانم',
  'آقای',
  'محترمہ',
  'محترم',
  'جناب',
  'السيدة',
  'السيد',
  'للسيدة',
  'للسيد',
  'الدكتور',
  'الدكتورة',
  'للدكتور',
  'المهندس',
  'المهندسة',
  'الأستاذ',
  'الأستاذة',
  'الحاج',
  'الحاجة',
  'د.',
  // Hebrew `ע"ש` (in the name of, on a transfer).
  'ע"ש',
  'ע״ש',
  'डॉ.',
  'डॉ',
  'Պարոն',
  'Տիկին',
  'ბატონი',
  'ქალბატონი',
  'श्रीमती',
  'श्री',
  'জনাব',
  'বেগম',
  'திருமதி',
  'திரு.',
  'திரு',
  'శ్రీమతి',
  // Bengali `Mst.` (Mosammat, for women); `মোঃ` (Md.) is short for Mohammad, a name.
  'মোছাঃ',
  'মোসাম্মৎ',
];
/**
 * Titles written straight onto the name or before a space: Thai `คุณ`, `นางสาว`; Khmer `លោក`, `លោកស្រី`;
 * Myanmar `ဦး`, `ဒေါ်`; Lao `ທ່ານ`, `ນາງ`, `ທ້າວ`.
 */
const THAI_TITLES = ['นางสาว', 'คุณ', 'นาย', 'นาง'];
/** (Khmer, Myanmar and Lao titles are no part of a longer word before them, unlike Thai's.) */
const SPACED_SCRIPT_TITLES = ['លោកស្រី', 'អ្នកស្រី', 'លោក', 'ဦး', 'ဒေါ်', 'ທ່ານ', 'ນາງ', 'ທ້າວ'];
/** Words after a one-word name that start the next field: phone, number, and, the genitive. */
const NOT_SECOND = new Set([
  'เลขบัตร',
  'เบอร์',
  'โทร',
  'ที่อยู่',
  'อีเมล',
  'และ',
  'ເບີໂທ',
  'ໂທ',
  'ເບີ',
  'លេខ',
  'លេខទូរស័ព្ទ',
  'ទូរស័ព្ទ',
  'និង',
  'ဖုန်း',
  '၏',
  'နှင့်',
  'ແລະ',
  // Hindi postpositions and "and", "is" (`डॉ. मेहता ने …`).
  'ने',
  'का',
  'की',
  'के',
  'को',
  'से',
  'में',
  'पर',
  'और',
  'है',
]);
const THAI_LABEL = 'ชื่อ';
/** Arabic and Persian offices after a title (`السيد مدير الموارد البشرية`, "Mr Director of HR"): no name follows. */
const OFFICES = /^(?:مدير|مدیر|رئيس|رئیس|وزير|وزیر|سفير|عميد|نائب|مسؤول|محافظ|قاضي|المدير|الرئيس)$/;
/**
 * Hebrew `מר`, `גב'`, `ד"ר`, `פרופ'`: the surname after them, one word (a verb often follows: `מר כהן ביקש`), or two
 * before a comma or a full stop (`מר אורי שטרנברג,`).
 */
const HEBREW_TITLES = ['מר', 'גברת', "גב'", 'גב׳', 'ד"ר', 'ד״ר', "פרופ'", 'פרופ׳'];
/**
 * Thai words that start with a title but are ordinary words: after `คุณ` quality, value, qualification, virtue,
 * benefit, trait; after `นาย` prime minister, employer, broker, officer, doctor, district chief, police, capitalist,
 * mechanic; after `นาง` nurse, angel, beauty, model, heroine.
 */
const THAI_NOT_NAMES =
  /^(?:ภาพ|ค่า|สมบัติ|ธรรม|ประโยชน์|ลักษณะ|ครู|หญิง|ชาย|ก|จ้าง|หน้า|ทหาร|แพทย์|อำเภอ|ตำรวจ|ทุน|ช่าง|พล|ร้อย|สิบ|ท่า|ด่าน|ตรวจ|ทะเบียน|สถานี|ห้าง|งาน|ประกัน|พยาบาล|ฟ้า|งาม|แบบ|เอก|ใน|รำ|ร้าย|สาว)/;

const WORD = '(?:(?!\\p{Script=Latin})[\\p{L}\\p{M}])+';
const AFTER_TITLE = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:${SCRIPT_TITLES.map((title) => title.replace('.', '\\.')).join('|')})\\s+(${WORD})(?: (${WORD}(?: ${WORD}(?=[,،.;:]))?))?` +
    `|(?:${THAI_TITLES.join('|')}|(?<![\\p{L}\\p{M}])(?:${SPACED_SCRIPT_TITLES.join('|')}))\\s?(${WORD})(?: (${WORD}))?` +
    `|${THAI_LABEL}(?:\\s*:\\s*|\\s+)(${WORD})(?: (${WORD}))?` +
    `|(?<![\\p{L}\\p{M}])(?:${HEBREW_TITLES.join('|')})\\s+(${WORD})(?: (${WORD})(?=[,.;:]))?`,
  'gu',
);
/** A letter of the scripts above (letters only: a class with combining marks would misread). */
const SCRIPTS =
  /[\u0531-\u0587\u05d0-\u05ea\u0621-\u064a\u067e-\u06d3\u0905-\u0939\u0985-\u09b9\u0b85-\u0bb9\u0c05-\u0c39\u0e01-\u0e30\u0e81-\u0eae\u1000-\u102a\u10a0-\u10ff\u1200-\u135a\u1780-\u17b3]/;

/** Read line by line, only the lines with a letter of these scripts (the pattern costs a try at every position). */
export function detectScriptNames(text: string): Span[] {
  const spans: Span[] = [];
  for (const [start, end] of linesBeyondLatin(text, SCRIPTS)) {
    const line = text.slice(start, end);
    AFTER_TITLE.lastIndex = 0;
    for (let m = AFTER_TITLE.exec(line); m; m = AFTER_TITLE.exec(line)) {
      const first = m[1] ?? m[3] ?? m[5] ?? m[7];
      const matchedSecond = m[2] ?? m[4] ?? m[6] ?? m[8];
      if (!first) continue;
      if (m[3] !== undefined && THAI_NOT_NAMES.test(first)) continue;
      if (OFFICES.test(first)) continue;
      const second = matchedSecond && NOT_SECOND.has(matchedSecond) ? undefined : matchedSecond;
      const name = second ? `${first} ${second}` : first;
      const last = start + m.index + m[0].length - (matchedSecond && !second ? matchedSecond.length + 1 : 0);
      spans.push({ start: last - name.length, end: last, type: 'PERSON' });
    }
  }
  return spans;
}
