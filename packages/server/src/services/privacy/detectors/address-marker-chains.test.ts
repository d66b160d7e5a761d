import { describe, expect, it } from 'vitest';
import { detectAddresses } from './address.js';
import { detectMarkedScriptAddresses } from './address-marker-chains.js';

const chains = (text: string) =>
  detectMarkedScriptAddresses(text).map((span) => text.slice(span.start, span.end));
const found = (text: string) => [
  ...new Set(detectAddresses(text).map((span) => text.slice(span.start, span.end))),
];

describe('addresses in scripts without capitals, by their street and unit words', () => {
  it('reads Hindi, Tamil, Bengali and Marathi addresses from the house number to the PIN code', () => {
    expect(chains('मेरा पता म.नं. 118, सेक्टर 15, रोहिणी, दिल्ली 110089 है।')).toEqual([
      'म.नं. 118, सेक्टर 15, रोहिणी, दिल्ली 110089',
    ]);
    expect(chains('நான் இருக்கும் எண் 7, காமராஜர் சாலை, மதுரை 625009 வீட்டின் உரிமையாளர்')).toEqual([
      'எண் 7, காமராஜர் சாலை, மதுரை 625009',
    ]);
    expect(chains('ঠিকানা ২৭/৩ গড়িয়াহাট রোড, কলকাতা ৭০০০২৯, ফোন পরে দেব')).toEqual([
      '২৭/৩ গড়িয়াহাট রোড, কলকাতা ৭০০০২৯',
    ]);
    expect(chains('पत्ता फ्लॅट ७, साई कृपा सोसायटी, कोथरूड, पुणे ४११०३८')).toEqual([
      'फ्लॅट ७, साई कृपा सोसायटी, कोथरूड, पुणे ४११०३८',
    ]);
  });

  it('reads Arabic and Hebrew addresses with the area and city after the street', () => {
    expect(chains('أمام مبنى رقم ٢٢١٤، طريق الملك فهد، حي العليا، الرياض.')).toEqual([
      'مبنى رقم ٢٢١٤، طريق الملك فهد، حي العليا، الرياض',
    ]);
    expect(chains('والحادث وقع أمام 15 شارع جامعة الدول العربية، المهندسين، الجيزة')).toEqual([
      '15 شارع جامعة الدول العربية، المهندسين، الجيزة',
    ]);
    expect(chains('כתובת: רחוב הרצל 45, דירה 3, תל אביב-יפו 6578201, נייד 054-123-4567')).toEqual([
      'רחוב הרצל 45, דירה 3, תל אביב-יפו 6578201',
    ]);
  });

  it('reads Thai addresses, whose parts are parted by spaces, to the postcode', () => {
    expect(chains('ถูกขโมยหน้าบ้านเลขที่ 55/3 ซอยลาดพร้าว 71 แขวงลาดพร้าว เขตลาดพร้าว กรุงเทพฯ 10230 เมื่อคืน')).toEqual([
      'บ้านเลขที่ 55/3 ซอยลาดพร้าว 71 แขวงลาดพร้าว เขตลาดพร้าว กรุงเทพฯ 10230',
    ]);
    expect(chains('99/12 ซอยสุขุมวิท 21 แขวงคลองเตยเหนือ เขตวัฒนา กรุงเทพฯ 10110 โทร 081 234 5678')).toEqual([
      '99/12 ซอยสุขุมวิท 21 แขวงคลองเตยเหนือ เขตวัฒนา กรุงเทพฯ 10110',
    ]);
  });

  it('stops at the next field and at the end of the clause', () => {
    // A date of birth before the address, a phone and an identity number after it stay out.
    expect(chains('تاريخ الميلاد ١٢/٠٣/١٩٨٧، العنوان شارع الملك فهد، حي العليا، الرياض 12214.')).toEqual([
      'شارع الملك فهد، حي العليا، الرياض 12214',
    ]);
    expect(chains('पता: फ्लैट 302, सेक्टर 15, नोएडा 201301, मोबाइल +91 98765 43210')).toEqual([
      'फ्लैट 302, सेक्टर 15, नोएडा 201301',
    ]);
    expect(chains('میرا پتہ مکان 42، گلی 7، جوہر ٹاؤن بلاک ایف۔ موبائل نمبر 0300 4418273')).toEqual([
      'مکان 42، گلی 7، جوہر ٹاؤن بلاک ایف',
    ]);
  });

  it('leaves a street named in a sentence, an order number and a room in a building', () => {
    expect(chains('كنا في طريق الملك فهد أمس، الزحمة كانت 3 ساعات')).toEqual([]);
    expect(chains('عيادة جديدة في شارع الملكة رانيا، رقم الطلب 48213.')).toEqual([]);
    expect(chains('শেখ মুজিব সড়ক ও ঢাকা মেডিকেল কলেজ হাসপাতাল বন্ধ থাকবে; চালান নং ৪৪৮২।')).toEqual([]);
    expect(chains('ประชุมที่ห้อง 3 ชั้น 2 อาคาร B ตอนบ่ายสองโมง')).toEqual([]);
  });
});

describe('French street words', () => {
  it('take a capitalised name only: `place of birth` is no street', () => {
    expect(found('Date of birth 8 October 1992, place of birth Hai Phong')).toEqual([]);
    expect(found('12, rue de la Paix, 75002 Paris')).toEqual(['12, rue de la Paix, 75002 Paris']);
    expect(found('Livraison au 8 RUE DU BAC')).toEqual(['8 RUE DU BAC']);
  });
});
