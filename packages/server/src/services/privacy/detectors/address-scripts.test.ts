import { describe, expect, it } from 'vitest';
import { detectAddresses } from './address.js';

const found = (text: string) => [
  ...new Set(detectAddresses(text).map((span) => text.slice(span.start, span.end))),
];

describe('round 12 addresses in other scripts', () => {
  it('reads Chinese addresses with spaced numbers and Hong Kong addresses', () => {
    expect(found('地址 上海市浦东新区世纪大道 1200 号 2 栋 1803 室。')).toEqual([
      '上海市浦东新区世纪大道 1200 号 2 栋 1803 室',
    ]);
    expect(found('請寄去香港九龍旺角彌敦道688號12樓B室，電話')).toEqual(['香港九龍旺角彌敦道688號12樓B室']);
    expect(found('第 3 号 文件已经发出，共 12 页。')).toEqual([]);
    expect(found('香港今日有 688 號巴士停駛。')).toEqual([]);
  });

  it('reads Vietnamese addresses ending in a city without `số`', () => {
    expect(found('nhận hàng tại 25 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội.')).toEqual([
      '25 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội',
    ]);
    expect(found('địa chỉ 12 Ngõ 45 Hào Nam, Ô Chợ Dừa, Đống Đa, Hà Nội.')).toEqual([
      '12 Ngõ 45 Hào Nam, Ô Chợ Dừa, Đống Đa, Hà Nội',
    ]);
    expect(found('Chuyến bay đến Hà Nội lúc 9 giờ.')).toEqual([]);
    expect(found('Có 25 người, ở Hà Nội.')).toEqual([]);
  });

  it('reads Arabic streets and Persian plate numbers', () => {
    expect(found('المستأجر سامي، العنوان شارع الرينبو 14، جبل عمان، عمّان 11181.')).toEqual([
      'شارع الرينبو 14، جبل عمان، عمّان 11181',
    ]);
    expect(found('نشانی تهران، خیابان ولیعصر، کوچه نهم، پلاک ۲۱، واحد ۴.')).toEqual([
      'تهران، خیابان ولیعصر، کوچه نهم، پلاک ۲۱، واحد ۴',
    ]);
    expect(found('الشارع مزدحم اليوم.')).toEqual([]);
    expect(found('پلاک خودرو ثبت شد.')).toEqual([]);
  });

  it('reads Hindi flats to the PIN code and Bulgarian quoted streets', () => {
    expect(found('पता फ्लैट 402, साई कृपा अपार्टमेंट, अंधेरी पूर्व, मुंबई 400069.')).toEqual([
      'फ्लैट 402, साई कृपा अपार्टमेंट, अंधेरी पूर्व, मुंबई 400069',
    ]);
    expect(found('Наемател, ул. „Граф Игнатиев“ 48, ет. 3, ап. 7, 1000 София.')).toEqual([
      'ул. „Граф Игнатиев“ 48, ет. 3, ап. 7, 1000 София',
    ]);
    expect(found('फ्लैट 402 की चाबी दी गई।')).toEqual([]);
    expect(found('Книгата „Граф Игнатиев“ 48 страници.')).toEqual([]);
  });

  it("ends a Hindi address at a table's or a subject line's bar", () => {
    const lease = found(
      'विषय: किरायानामा – मकान नं. 47 | यह किरायानामा मकान मालिक श्री रमेश, निवासी 47, शिवाजी नगर, सेक्टर 5, भोपाल, मध्य प्रदेश 462016, तथा',
    );
    expect(lease.some((address) => address.endsWith('भोपाल, मध्य प्रदेश 462016'))).toBe(true);
    expect(lease.filter((address) => address.includes('|'))).toEqual([]);
  });

  it('reads a building with tower, floor and flat (Caracas) and a Dakar street corner', () => {
    expect(
      found(
        'apartamento en Av. Francisco de Miranda, Edif. Parque Cristal, Torre Este, Piso 8, Apto 8-B, Chacao, Caracas 1060.',
      ),
    ).toEqual([
      'Av. Francisco de Miranda, Edif. Parque Cristal, Torre Este, Piso 8, Apto 8-B, Chacao, Caracas 1060',
    ]);
    expect(found("n'a pas trouvé le Rue 10 x Rue Carnot, Dakar-Plateau, BP 4102; rappeler")).toEqual([
      'Rue 10 x Rue Carnot, Dakar-Plateau, BP 4102',
    ]);
    expect(found('La reunión es en el Piso 8 con Ana.')).toEqual([]);
    expect(found('Rue 10 x 12 mètres, surface')).toEqual([]);
  });
});

describe('round 12 named houses and Japanese buildings', () => {
  it('reads a British house name only with a lane, a village and a postcode after it', () => {
    // The postcode alone is found too; the longer span wins when findings merge.
    expect(found('letter to The Vicarage, Church Lane, Little Snoring, Norfolk NR21 0AY.')).toContain(
      'The Vicarage, Church Lane, Little Snoring, Norfolk NR21 0AY',
    );
    expect(found('Send it to Rose Cottage, Mill Lane, Ashford, Kent TN24 8QP today')).toContain(
      'Rose Cottage, Mill Lane, Ashford, Kent TN24 8QP',
    );
    expect(found('We met at The Vicarage, Church Lane, Little Snoring last week.')).toEqual([]);
    expect(found('The Vicarage, Church Lane and Norfolk NR21 0AY')).toEqual(['NR21 0AY']);
  });

  it('reads a Japanese building with its number before the floor', () => {
    expect(found('東京都渋谷区神南1-19-11 パークウェースクエア2 4階 にお届けします。')).toEqual([
      '東京都渋谷区神南1-19-11 パークウェースクエア2 4階',
    ]);
    expect(found('東京都渋谷区道玄坂1-2-3 アジアビル5F')).toEqual(['東京都渋谷区道玄坂1-2-3 アジアビル5F']);
  });
});

describe('Korean road-name addresses, Chinese and Japanese buildings after the door number', () => {
  it('reads the districts, the road and the number, with floor, unit and postcode', () => {
    expect(found('본인 정태윤은 서울 강남구 테헤란로 152 앞에서 오토바이')).toEqual([
      '서울 강남구 테헤란로 152',
    ]);
    expect(found('경기도 성남시 분당구 판교역로 235, 12층 1203호 (13494)로 보내주세요')).toContain(
      '경기도 성남시 분당구 판교역로 235, 12층 1203호 (13494)',
    );
    expect(found('친구 버스로 3시에 만나')).toEqual([]);
  });

  it('reads a building and its room after 号 and after 丁目', () => {
    expect(found('寄到广东省广州市天河区天河路385号太古汇二座1806室，谢谢')).toContain(
      '广东省广州市天河区天河路385号太古汇二座1806室',
    );
    expect(found('〒460-0008 愛知県名古屋市中区栄3丁目5-12 サンハイツ栄502 までお願いします')).toContain(
      '〒460-0008 愛知県名古屋市中区栄3丁目5-12 サンハイツ栄502',
    );
  });
});
