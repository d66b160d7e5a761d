import type { Span } from '../types.js';

/** Thailand's 77 provinces (and Bangkok's short forms), as a plate's lower line names them. */
const THAI_PROVINCES = [
  'กรุงเทพมหานคร',
  'กรุงเทพฯ',
  'กทม\\.?',
  'กระบี่',
  'กาญจนบุรี',
  'กาฬสินธุ์',
  'กำแพงเพชร',
  'ขอนแก่น',
  'จันทบุรี',
  'ฉะเชิงเทรา',
  'ชลบุรี',
  'ชัยนาท',
  'ชัยภูมิ',
  'ชุมพร',
  'เชียงราย',
  'เชียงใหม่',
  'ตรัง',
  'ตราด',
  'ตาก',
  'นครนายก',
  'นครปฐม',
  'นครพนม',
  'นครราชสีมา',
  'นครศรีธรรมราช',
  'นครสวรรค์',
  'นนทบุรี',
  'นราธิวาส',
  'น่าน',
  'บึงกาฬ',
  'บุรีรัมย์',
  'ปทุมธานี',
  'ประจวบคีรีขันธ์',
  'ปราจีนบุรี',
  'ปัตตานี',
  'พระนครศรีอยุธยา',
  'พะเยา',
  'พังงา',
  'พัทลุง',
  'พิจิตร',
  'พิษณุโลก',
  'เพชรบุรี',
  'เพชรบูรณ์',
  'แพร่',
  'ภูเก็ต',
  'มหาสารคาม',
  'มุกดาหาร',
  'แม่ฮ่องสอน',
  'ยโสธร',
  'ยะลา',
  'ร้อยเอ็ด',
  'ระนอง',
  'ระยอง',
  'ราชบุรี',
  'ลพบุรี',
  'ลำปาง',
  'ลำพูน',
  'เลย',
  'ศรีสะเกษ',
  'สกลนคร',
  'สงขลา',
  'สตูล',
  'สมุทรปราการ',
  'สมุทรสงคราม',
  'สมุทรสาคร',
  'สระแก้ว',
  'สระบุรี',
  'สิงห์บุรี',
  'สุโขทัย',
  'สุพรรณบุรี',
  'สุราษฎร์ธานี',
  'สุรินทร์',
  'หนองคาย',
  'หนองบัวลำภู',
  'อ่างทอง',
  'อำนาจเจริญ',
  'อุดรธานี',
  'อุตรดิตถ์',
  'อุทัยธานี',
  'อุบลราชธานี',
];

/** Thailand: a digit, two consonants, up to four digits (`2กต 8817`), then perhaps its province. */
const THAI = new RegExp(
  String.raw`(?<![\d\u0e00-\u0e7f])\d?[\u0e01-\u0e2e]{2}\s?\d{1,4}(?!\d)(\s?(?:${THAI_PROVINCES.join('|')}))?`,
  'dg',
);
/** `ทะเบียนรถ`, `ทะเบียน`: the Thai registration word. */
const THAI_REGISTRATION = /ทะเบียน[^\n]{0,12}$/;

/**
 * Thai plates; the province is part of the plate as written after the registration word
 * (`ทะเบียนรถ กข 4821 กรุงเทพมหานคร`), and only a place the plate was seen in elsewhere.
 */
export function thaiPlates(text: string): Span[] {
  const spans: Span[] = [];
  THAI.lastIndex = 0;
  for (let m = THAI.exec(text); m; m = THAI.exec(text)) {
    const registered = THAI_REGISTRATION.test(text.slice(Math.max(0, m.index - 24), m.index));
    const end = registered ? m.index + m[0].length : (m.indices?.[1]?.[0] ?? m.index + m[0].length);
    spans.push({ start: m.index, end, type: 'PLATE' });
  }
  return spans;
}

const BANGLADESH_CITIES =
  'DHAKA|CHATTOGRAM|CHATTA|KHULNA|RAJSHAHI|SYLHET|BARISHAL|RANGPUR|MYMENSINGH|GAZIPUR|NARAYANGANJ';
/** `DHAKA METRO GA 12-3456`: Bangladesh's plate in capitals, as typed from the plate itself. */
export const BANGLADESH_CAPITALS = new RegExp(
  String.raw`\b(?:${BANGLADESH_CITIES})(?: METRO)?[- ](?:KA|KHA|GA|GHA|CHA|CHHA|JA|JHA|TA|THA|DA|DHA|NA|PA|BA|BHA|MA|LA|SA|HA) \d{2}-\d{4}(?![\w-])`,
  'g',
);
/** A city of BANGLADESH_CAPITALS in the text: a plain alternation, cheap to look for first. */
export const BANGLADESH_CITY = new RegExp(BANGLADESH_CITIES);
