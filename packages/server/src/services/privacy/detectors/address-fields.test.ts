import { describe, expect, it } from 'vitest';
import { mergeSpans } from '../spans.js';
import { detectAddresses } from './address.js';

const found = (text: string) =>
  mergeSpans(detectAddresses(text)).map((span) => text.slice(span.start, span.end));

describe('a form’s address field, whatever the country’s shape', () => {
  it('reads the value after the label up to the next field', () => {
    expect(found('العنوان: شارع الملك فهد، حي العليا، الرياض 12211 — الاتصال على +966 55 123 4567')).toEqual([
      'شارع الملك فهد، حي العليا، الرياض 12211',
    ]);
    expect(
      found('पता: फ्लैट 302, साईं अपार्टमेंट, सेक्टर 15, नोएडा, उत्तर प्रदेश 201301, मोबाइल +91 98765 43210'),
    ).toEqual(['फ्लैट 302, साईं अपार्टमेंट, सेक्टर 15, नोएडा, उत्तर प्रदेश 201301']);
    expect(found('כתובת: רחוב הרצל 45, דירה 3, תל אביב-יפו 6578201, נייד 054-123-4567')).toEqual([
      'רחוב הרצל 45, דירה 3, תל אביב-יפו 6578201',
    ]);
    expect(found('ที่อยู่ 99/12 ซอยสุขุมวิท 21 แขวงคลองเตยเหนือ เขตวัฒนา กรุงเทพฯ 10110 โทร 081 234 5678')).toEqual([
      '99/12 ซอยสุขุมวิท 21 แขวงคลองเตยเหนือ เขตวัฒนา กรุงเทพฯ 10110',
    ]);
  });

  it('reads an address found in the field on to its postcode', () => {
    expect(found('주소: 서울특별시 강남구 테헤란로 152, 12층 (역삼동) 06236 / 담당 이서연')).toEqual([
      '서울특별시 강남구 테헤란로 152, 12층 (역삼동) 06236',
    ]);
  });

  it('does not read a name or a number of another field into the address', () => {
    expect(
      found('Billing address: House B-47, Block 13-D, Gulshan-e-Iqbal, Karachi 75300 (Asif Mehmood)'),
    ).toEqual(['House B-47, Block 13-D, Gulshan-e-Iqbal, Karachi 75300']);
    expect(found('Διεύθυνση: Οδός Ερμού 34, 105 63 Αθήνα, κ. Γιώργος Αντωνίου, κιν. 694 123 4567')).toEqual([
      'Οδός Ερμού 34, 105 63 Αθήνα',
    ]);
  });

  it('leaves fields that hold no address alone', () => {
    expect(found('Address: see the attached form')).toEqual([]);
    expect(found('IP address: 10.0.0.12, gateway 10.0.0.1')).toEqual([]);
    expect(found('MAC address: 3c:22:fb:11:02:9a')).toEqual([]);
    expect(found('Address: 0x7ffe12a0')).toEqual([]);
  });
});
