import { describe, expect, it } from 'vitest';
import { detectAddresses } from './address.js';

const found = (text: string) => detectAddresses(text).map((span) => text.slice(span.start, span.end));

describe('addresses of round 10b', () => {
  it('reads Vietnamese, Thai, Romanian and Ukrainian street forms over their tails', () => {
    expect(found('Địa chỉ giao hàng: 45 Lê Thánh Tôn, Phường Bến Nghé, Quận 1, TP.HCM, người nhận')).toEqual([
      '45 Lê Thánh Tôn, Phường Bến Nghé, Quận 1, TP.HCM',
    ]);
    // (Round 18: the ward named without its word.)
    expect(found('Growth @ Saigon Sprouts | 27 Lê Thánh Tôn, Bến Nghé, Quận 1, TP.HCM')).toEqual([
      '27 Lê Thánh Tôn, Bến Nghé, Quận 1, TP.HCM',
    ]);
    expect(
      found('Deliver to 99/123 Soi Sukhumvit 55, Khlong Tan Nuea, Watthana, Bangkok 10110, K. Siriporn'),
    ).toEqual(['99/123 Soi Sukhumvit 55, Khlong Tan Nuea, Watthana, Bangkok 10110']);
    expect(
      found('Adresa: Str. Mihai Eminescu nr. 44, bl. A2, sc. 1, ap. 12, Sector 2, București (Elena Dumitru)'),
    ).toEqual(['Str. Mihai Eminescu nr. 44, bl. A2, sc. 1, ap. 12, Sector 2, București']);
    expect(found('Адреса доставки: вул. Хрещатик, 22, кв. 17, Київ, 01001, отримувач')).toEqual([
      'вул. Хрещатик, 22, кв. 17, Київ, 01001',
    ]);
  });

  it('reads Karachi, Buenos Aires and Abidjan forms', () => {
    expect(
      found('Billing address: House B-47, Block 13-D, Gulshan-e-Iqbal, Karachi 75300 (Asif)').join('|'),
    ).toContain('House B-47');
    expect(found('Mi dirección es Av. Corrientes 1847, piso 3 dto. B, C1045AAB CABA')).toEqual([
      'Av. Corrientes 1847, piso 3 dto. B, C1045AAB CABA',
    ]);
    expect(found('chez ma tante à Lot 45, Îlot 12, Cocody Angré 7e tranche, Abidjan')).toEqual([
      'Lot 45, Îlot 12, Cocody Angré 7e tranche, Abidjan',
    ]);
  });

  it('reads addresses read out in a transcript', () => {
    expect(found("Customer: Yeah, it's flat 3, twenty-seven Brick Lane, London E1 6PU")).toContain(
      'flat 3, twenty-seven Brick Lane, London E1 6PU',
    );
    expect(
      found(
        'The correct one is number one eighteen, twelfth main, fourth block, Koramangala, Bangalore five six zero zero three four.',
      ),
    ).toEqual([
      'number one eighteen, twelfth main, fourth block, Koramangala, Bangalore five six zero zero three four',
    ]);
  });

  it('leaves streets named in a sentence without a number, and numbers read out, alone', () => {
    expect(found('We walked down Soi Sukhumvit last night')).toEqual([]);
    expect(found('Str. Mihai Eminescu is closed for repairs')).toEqual([]);
    expect(found('вул. Хрещатик закрита для руху')).toEqual([]);
    expect(found('I have three Oak Street stores to visit')).toEqual([]);
    expect(found('We met at twenty past four on Brick Lane')).toEqual([]);
    expect(found('the number one, first block of seats is sold')).toEqual([]);
  });
});

describe('addresses of round 20', () => {
  const distinct = (text: string) => [...new Set(found(text))];

  it('reads a tower named before the street and a unit before it, and a house number with a hyphened letter', () => {
    expect(
      found('drop at guardhouse, Unit 12-3A, Menara Ampang, Jalan Ampang, 50450 Kuala Lumpur, say'),
    ).toEqual(['Unit 12-3A, Menara Ampang, Jalan Ampang, 50450 Kuala Lumpur']);
    expect(
      distinct(
        'portaria do Edifício Atlântico, Rua Barata Ribeiro 370, apto 802, Copacabana, Rio de Janeiro',
      ),
    ).toEqual(['Edifício Atlântico, Rua Barata Ribeiro 370, apto 802, Copacabana, Rio de Janeiro']);
    expect(distinct('handa ang sukli po, 45-B Kamuning Rd, Brgy. Obrero, Quezon City tapos')).toEqual([
      '45-B Kamuning Rd, Brgy. Obrero, Quezon City',
    ]);
    expect(distinct('The Menara Ampang view, Jalan Ampang is busy')).toEqual([]);
    expect(distinct('Rose Cottage, 3 Mill Lane, Hathersage, S32 1BA')).toContain(
      'Rose Cottage, 3 Mill Lane, Hathersage, S32 1BA',
    );
    expect(distinct('home Ty Newydd, 8 Heol y Felin, Aberystwyth SY23 1PR')).toContain(
      'Ty Newydd, 8 Heol y Felin, Aberystwyth SY23 1PR',
    );
  });

  it('reads a unit before the street in Spanish and French, Latvian iela, a Dutch compound boulevard, Swedish floors', () => {
    expect(distinct('enviar a Casa 7, Calle 84 #11-32, Bogotá por favor')).toContain(
      'Casa 7, Calle 84 #11-32, Bogotá',
    );
    expect(distinct('Livraison: Bât. B, 4 allée Jean Jaurès, 31000 Toulouse')).toContain(
      'Bât. B, 4 allée Jean Jaurès, 31000 Toulouse',
    );
    expect(distinct('Brīvības iela 144-12, Rīga, LV-1012')).toEqual(['Brīvības iela 144-12, Rīga, LV-1012']);
    expect(distinct('Maasboulevard 87-B, 3011 TX Rotterdam')).toEqual([
      'Maasboulevard 87-B, 3011 TX Rotterdam',
    ]);
    expect(distinct('Södermannagatan 22, 4 tr, 116 23 Stockholm')).toEqual([
      'Södermannagatan 22, 4 tr, 116 23 Stockholm',
    ]);
  });

  it('reads an American street with a particle in its name', () => {
    expect(distinct('781 Ponce de Leon Ave NE, Unit 1204, Atlanta, GA 30306')).toContain(
      '781 Ponce de Leon Ave NE, Unit 1204, Atlanta, GA 30306',
    );
    expect(distinct('meet at 42 5th Avenue, New York')).toContain('42 5th Avenue, New York');
  });

  it('reads a street of one word ending in way before its area', () => {
    expect(distinct('deliver to 17 Kingsway, Durban North, 4051 asap')).toEqual([
      '17 Kingsway, Durban North, 4051',
    ]);
    expect(distinct('3307 Kingsway, Unit 1104, Vancouver BC V5R 5K7')).toContain(
      '3307 Kingsway, Unit 1104, Vancouver BC V5R 5K7',
    );
    expect(distinct('version 2 Highway, Route 9')).toEqual([]);
  });

  it("reads an Uzbek street with its city written first or after, and an Indonesian road's kilometre and number", () => {
    expect(distinct("order — Amir Temur ko'chasi 108, Toshkent 100084 — 3rd floor")).toEqual([
      "Amir Temur ko'chasi 108, Toshkent 100084",
    ]);
    expect(distinct("manzil Toshkent sh., Amir Temur ko'chasi 108, 27-xonadon.")).toEqual([
      "Toshkent sh., Amir Temur ko'chasi 108, 27-xonadon",
    ]);
    expect(distinct('taruh di Jl. Kaliurang Km 5 No. 23, Sleman, Yogyakarta ya')).toEqual([
      'Jl. Kaliurang Km 5 No. 23, Sleman, Yogyakarta',
    ]);
  });
});
