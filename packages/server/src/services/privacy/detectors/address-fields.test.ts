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

describe('address fields written without a colon, and streets without a number', () => {
  it('reads a label of a script without a colon habit, or `my address`, `lives at`, before the value', () => {
    expect(found('முகவரி 12, காந்தி தெரு, தி. நகர், சென்னை 600017.')).toEqual([
      '12, காந்தி தெரு, தி. நகர், சென்னை 600017',
    ]);
    expect(found('አድራሻ ቦሌ ክፍለ ከተማ፣ ወረዳ 03፣ የቤት ቁጥር 482፣ አዲስ አበባ።')).toEqual([
      'ቦሌ ክፍለ ከተማ፣ ወረዳ 03፣ የቤት ቁጥር 482፣ አዲስ አበባ',
    ]);
    expect(found('Mteja anaishi Nyumba 12, Barabara ya Ngong, Nairobi; simu +254 712 482 173.')).toEqual([
      'Nyumba 12, Barabara ya Ngong, Nairobi',
    ]);
    expect(found('عنواني شارع الملك عبدالله، حي النزهة، جدة 23545.')).toEqual([
      'شارع الملك عبدالله، حي النزهة، جدة 23545',
    ]);
    expect(found('хаяг Сүхбаатар дүүрэг, 1-р хороо, Улаанбаатар.')).toEqual([
      'Сүхбаатар дүүрэг, 1-р хороо, Улаанбаатар',
    ]);
  });

  it('reads words saying which address before the colon, and stops at the next field', () => {
    expect(found('הכתובת למשלוח: רחוב הרצל 48, דירה 7, תל אביב-יפו 6578123')).toEqual([
      'רחוב הרצל 48, דירה 7, תל אביב-יפו 6578123',
    ]);
    expect(
      found('Adres dostawy: ul. Marszałkowska 84/92 m. 17, 00-514 Warszawa, kontakt +48 601 284 917.'),
    ).toEqual(['ul. Marszałkowska 84/92 m. 17, 00-514 Warszawa']);
  });

  it('reads a street without a number when its district, city and postcode follow', () => {
    expect(found('send it to King Fahd Road, Al Olaya District, Riyadh 12214, attention finance.')).toEqual([
      'King Fahd Road, Al Olaya District, Riyadh 12214',
    ]);
    expect(found('We recorded at Abbey Road, London, in 1969.')).toEqual([]);
  });

  it('reads a Chinese building after the door number', () => {
    expect(found('住北京市朝阳区建国路88号SOHO现代城2号楼1502室。')).toEqual([
      '北京市朝阳区建国路88号SOHO现代城2号楼1502室',
    ]);
  });
});

describe('numbers of other things after `no.`', () => {
  it('leaves a customer, order or policy number alone, and still reads a house number', () => {
    expect(found('Subject access request, customer no. C-44812, email on file')).toEqual([]);
    expect(found('deliver to No. 45, 2nd Cross, 3rd Main, Indiranagar, Bengaluru 560038')).toEqual([
      'No. 45, 2nd Cross, 3rd Main, Indiranagar, Bengaluru 560038',
    ]);
  });
});

describe('a labelled address ends at its sentence (round 19)', () => {
  it('stops at a full stop before more text in a script without capitals', () => {
    expect(found('கவரி: 12, காந்தி தெரு, தி. நகர், சென்னை 600017. தொலைபேசி: 94440 18273')).toEqual([
      '12, காந்தி தெரு, தி. நகர், சென்னை 600017',
    ]);
  });
});
