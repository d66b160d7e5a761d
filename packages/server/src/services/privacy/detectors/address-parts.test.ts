import { describe, expect, it } from 'vitest';
import { detectAddresses } from './address.js';

const found = (text: string) => detectAddresses(text).map((span) => text.slice(span.start, span.end));

describe('addresses outside the street patterns', () => {
  it('starts an address at an ordinal floor or a sector when a numbered tail follows', () => {
    expect(found('The clinic is at 4th Floor, 18 Nyerere Road, Nairobi')).toContain(
      '4th Floor, 18 Nyerere Road, Nairobi',
    );
    expect(found('Site visit at Sector 15, Plot 8, Vashi, Navi Mumbai 400703')).toContain(
      'Sector 15, Plot 8, Vashi, Navi Mumbai 400703',
    );
    expect(found('Sector 7 of the disk failed, the 4th Floor was renovated')).toEqual([]);
  });

  it('takes an Argentine postcode into the address tail', () => {
    expect(found('Oficina: Av. Corrientes 1234, C1043 CABA')).toEqual(['Av. Corrientes 1234, C1043 CABA']);
  });
});

describe('addresses of more countries (round 5)', () => {
  it('reads Austrian staircase and door numbers and an adjective before the street', () => {
    expect(found('Lieferadresse: Mariahilfer Straße 45/3/12, 1060 Wien')).toContain(
      'Mariahilfer Straße 45/3/12, 1060 Wien',
    );
    expect(found('Wohnhaft: Landstraßer Hauptstraße 7/2/14, 1030 Wien')).toContain(
      'Landstraßer Hauptstraße 7/2/14, 1030 Wien',
    );
    expect(found('Josefstädter Straße 21/8, 1080 Wien, SV-Nr. 6298031279')).toContain(
      'Josefstädter Straße 21/8, 1080 Wien',
    );
  });

  it('reads Turkish street, avenue and quarter words with the door number, and a city after a slash', () => {
    expect(found('Adres: Bağdat Caddesi No:123 D:5, 34728 Kadıköy/İstanbul')).toContain(
      'Bağdat Caddesi No:123 D:5, 34728 Kadıköy/İstanbul',
    );
    expect(found('Cumhuriyet Mah. 1203 Sok. No:7, 35220 Konak/İzmir')).toContain(
      'Cumhuriyet Mah. 1203 Sok. No:7, 35220 Konak/İzmir',
    );
    expect(found('Atatürk Cad. No: 45 Daire 3, Çankaya, Ankara')).toContain(
      'Atatürk Cad. No: 45 Daire 3, Çankaya, Ankara',
    );
  });

  it('reads Dutch particles inside a street name, `bis`, and a street word first', () => {
    expect(found('Witte de Withstraat 40-B, 3012 BR Rotterdam')).toContain(
      'Witte de Withstraat 40-B, 3012 BR Rotterdam',
    );
    expect(found('Oudegracht 231 bis, 3511 NK Utrecht')).toContain('Oudegracht 231 bis, 3511 NK Utrecht');
    expect(found('Leveradres: Prinsengracht 263-1, 1016 GV Amsterdam')).toContain(
      'Prinsengracht 263-1, 1016 GV Amsterdam',
    );
    expect(found('Factuur naar Laan van Meerdervoort 152, 2517 AP Den Haag')).toContain(
      'Laan van Meerdervoort 152, 2517 AP Den Haag',
    );
  });

  it('reads Québec forms: boul., app., the province in brackets', () => {
    expect(found('1234, rue Sainte-Catherine Ouest, app. 5, Montréal (Québec) H3G 1P1')).toContain(
      '1234, rue Sainte-Catherine Ouest, app. 5, Montréal (Québec) H3G 1P1',
    );
    expect(found('Livrer au 350, boul. René-Lévesque Est, Québec QC G1R 5S5')).toContain(
      '350, boul. René-Lévesque Est, Québec QC G1R 5S5',
    );
  });

  it('reads a building next to a street, and Ghana Post GPS codes', () => {
    expect(found('Office is on Moi Avenue, Nyali House, 2nd Floor, Mombasa')).toContain(
      'Moi Avenue, Nyali House, 2nd Floor, Mombasa',
    );
    expect(found('Ghana Post GPS: GA-183-8164; AK-039-5028')).toEqual(['GA-183-8164', 'AK-039-5028']);
    expect(found('Part ZZ-183-8164 and the White House, Washington')).toEqual([]);
  });

  it('reads past a line that starts with a building word (it once looped there for ever)', () => {
    expect(found('Dublin 2, D02 P820\nHouse 45-A, Street 7, Gulberg III, Lahore 54660')).toEqual([
      'House 45-A, Street 7, Gulberg III, Lahore 54660',
    ]);
    expect(found('Nyali House, Moi Avenue, Mombasa\nCourt 3 is booked')).toEqual([
      'Nyali House, Moi Avenue, Mombasa',
    ]);
  });

  it('reads Hse, romanised Japanese addresses with the prefecture first and Korean roads in Latin letters', () => {
    expect(found('Deliver to Hse No. 7, Ngong Rd, Kilimani, Nairobi before noon.')).toEqual([
      'Hse No. 7, Ngong Rd, Kilimani, Nairobi',
    ]);
    expect(found('Todokesaki: Tokyo-to Setagaya-ku Sangenjaya 2-chome 14-7.')).toEqual([
      'Tokyo-to Setagaya-ku Sangenjaya 2-chome 14-7',
    ]);
    expect(found('Office: 152 Teheran-ro, Gangnam-gu, Seoul 06236. Also Sejong-daero 110, Jung-gu.')).toEqual(
      ['152 Teheran-ro, Gangnam-gu, Seoul 06236', 'Sejong-daero 110, Jung-gu'],
    );
    expect(found('The ro-ro ferry leaves at 9.')).toEqual([]);
  });
});

describe('addresses of round 8', () => {
  it('reads flats, floors and doors inside the tail, several in one part', () => {
    expect(found('studio in Via Roma 12, scala B, int. 7, 20121 Milano MI')).toContain(
      'Via Roma 12, scala B, int. 7, 20121 Milano MI',
    );
    expect(found('Goethestraße 12, 2. OG links, 60313 Frankfurt am Main')).toContain(
      'Goethestraße 12, 2. OG links, 60313 Frankfurt am Main',
    );
    expect(found('Av. Corrientes 3420, piso 6 depto B, C1193 CABA')).toContain(
      'Av. Corrientes 3420, piso 6 depto B, C1193 CABA',
    );
    expect(found('서울특별시 마포구 월드컵북로12길 34, 502호이야')).toContain(
      '서울특별시 마포구 월드컵북로12길 34, 502호',
    );
  });

  it('reads a direction and an ordinal street name in English addresses', () => {
    expect(found('at 500 W 2nd St, Suite 1900, Austin, TX 78701.')).toContain(
      '500 W 2nd St, Suite 1900, Austin, TX 78701',
    );
  });

  it('reads Philippine puroks, Japanese wards in Latin letters, Chinese lanes and estates', () => {
    expect(found('Purok 3, Brgy. Poblacion, Tagum City, Davao del Norte 8100.')).toContain(
      'Purok 3, Brgy. Poblacion, Tagum City, Davao del Norte 8100',
    );
    expect(found('jūsho wa Tōkyō-to Setagaya-ku Sakurashinmachi 1-14-7 da yo')).toContain(
      'Tōkyō-to Setagaya-ku Sakurashinmachi 1-14-7',
    );
    expect(found('新地址是上海市浦东新区张杨路1288弄5号602室，电话')).toContain(
      '上海市浦东新区张杨路1288弄5号602室',
    );
    expect(found('住址广州市天河区天河北路583号晴川苑7栋1403房。')).toContain(
      '广州市天河区天河北路583号晴川苑7栋1403房',
    );
  });

  it('leaves numbered places that are no street alone', () => {
    expect(found('Das Auto steht auf Stellplatz 14, der Schlüssel liegt am Empfang.')).toEqual([]);
    expect(found('Wir wohnen am Marktplatz 5, 79098 Freiburg')).toContain('Marktplatz 5, 79098 Freiburg');
  });

  it('reads the house, a street without a street word and the town before a UK postcode', () => {
    expect(found('Send it to 18 Whalley Range, Blackburn BB1 6EB please')).toContain(
      '18 Whalley Range, Blackburn BB1 6EB',
    );
    expect(found('12 The Paddocks, Ashford TN23 4QP')).toContain('12 The Paddocks, Ashford TN23 4QP');
    expect(found('Invoice 2024, Dear John, Leeds LS1 4AP')).toEqual(['LS1 4AP']);
  });

  it('joins parts found apart with one comma between, and reads an Italian via in lower case after a preposition', () => {
    expect(found('Caller: 4417 North Kedzie Avenue, apartment 2R, Chicago. My')).toEqual([
      '4417 North Kedzie Avenue, apartment 2R, Chicago',
    ]);
    expect(found('Avviso ai condomini di via Nizza 54, Torino: da lunedì')).toEqual(['via Nizza 54, Torino']);
    expect(found('We flew via Route 66 and via Terminal 2.')).toEqual([]);
  });

  it('reads a Canadian postcode with the route, site and box before it, and a flat, floor or plot word before an address', () => {
    expect(found('Gord and Linda Pelletier, RR 2, Site 5, Box 11, Lacombe, AB T4L 2N2. Gate')).toContain(
      'RR 2, Site 5, Box 11, Lacombe, AB T4L 2N2',
    );
    expect(found('The ON switch and AB testing.')).toEqual([]);
    expect(found('Property: Plot No. 2093/418, Kiambu Road, Ridgeways, Nairobi. Acting')).toContain(
      'Plot No. 2093/418, Kiambu Road, Ridgeways, Nairobi',
    );
    expect(
      found('residing at Flat C, 18/F, Block 2, Lai Kok Estate, Sham Shui Po, Kowloon, report'),
    ).toContain('Flat C, 18/F, Block 2, Lai Kok Estate, Sham Shui Po, Kowloon');
  });

  it("keeps a city's lower-case words but not a date after the city", () => {
    expect(found('Am Schlossberg 3a, 79098 Freiburg im Breisgau')).toEqual([
      'Am Schlossberg 3a, 79098 Freiburg im Breisgau',
    ]);
    // (With `Rue de la Loi 155` from the street word; the scrub merges the two.)
    expect(found('Rue de la Loi 155, boîte 12, 1040 Etterbeek')).toContain(
      'Loi 155, boîte 12, 1040 Etterbeek',
    );
    expect(new Set(found('Lindenstraße 4, 10115 Berlin im Juli'))).toEqual(
      new Set(['Lindenstraße 4, 10115 Berlin']),
    );
    expect(new Set(found('Marktplatz 5, 79098 Freiburg am Montag'))).toEqual(
      new Set(['Marktplatz 5, 79098 Freiburg']),
    );
  });

  it('reads street words written after the name in lower case (Hungarian, Russian, Baltic)', () => {
    expect(found('Andrássy út 60, 1062 Budapest')).toEqual(['Andrássy út 60, 1062 Budapest']);
    expect(found('Nevsky prospekt 28, St Petersburg')).toEqual(['Nevsky prospekt 28, St Petersburg']);
    expect(found('Brīvības iela 55, Rīga')).toEqual(['Brīvības iela 55, Rīga']);
    expect(found('we waited 2 utca? no, 3 iela')).toEqual([]);
  });

  it('reads Thai, Vietnamese, Ethiopian, US rural and Indonesian estate addresses', () => {
    expect(
      found('Deliver to 88/14 Moo 5, Soi Ramkhamhaeng 24, Hua Mak, Bang Kapi, Bangkok 10240, call'),
    ).toContain('88/14 Moo 5, Soi Ramkhamhaeng 24, Hua Mak, Bang Kapi, Bangkok 10240');
    expect(
      found('ở số 27 ngõ 118 Nguyễn Khánh Toàn, phường Quan Hoa, quận Cầu Giấy, Hà Nội, tháng trước'),
    ).toContain('số 27 ngõ 118 Nguyễn Khánh Toàn, phường Quan Hoa, quận Cầu Giấy, Hà Nội');
    expect(
      found('Giao hàng đến 45/12 đường Lê Văn Sỹ, phường 13, quận Phú Nhuận, TP. Hồ Chí Minh, tel'),
    ).toContain('45/12 đường Lê Văn Sỹ, phường 13, quận Phú Nhuận, TP. Hồ Chí Minh');
    expect(found('office at Bole Sub-City, Woreda 03, House No. 1127, Addis Ababa, before')).toContain(
      'Bole Sub-City, Woreda 03, House No. 1127, Addis Ababa',
    );
    expect(found('she lives at HC 61 Box 418, Ganado, AZ 86505.')).toContain(
      'HC 61 Box 418, Ganado, AZ 86505',
    );
    expect(found('Alamat: Perumahan Griya Asri Blok C2 No. 15, Kel. Sumbersari, Jember 68121.')).toContain(
      'Perumahan Griya Asri Blok C2 No. 15, Kel. Sumbersari, Jember 68121',
    );
  });

  it('reads Hungarian, Icelandic, Belgian, Armenian and Chinese tower forms', () => {
    expect(found('lakcím: 1062 Budapest, Andrássy út 61. 2. em. 4.')).toContain(
      '1062 Budapest, Andrássy út 61. 2. em. 4.',
    );
    expect(found('býr á Laugavegur 53b, 101 Reykjavík, segir hún')).toContain(
      'Laugavegur 53b, 101 Reykjavík',
    );
    expect(found('woont in de Kerkstraat 17 bus 3, 9000 Gent, zegt hij')).toContain(
      'Kerkstraat 17 bus 3, 9000 Gent',
    );
    expect(found('lives at Tumanyan St. 12, apt. 34, Yerevan 0002; her')).toContain(
      'Tumanyan St. 12, apt. 34, Yerevan 0002',
    );
    expect(found('住址：北京市朝阳区建国路88号3号楼1205室')).toContain('北京市朝阳区建国路88号3号楼1205室');
    expect(found('Wall Street 2024 was a good year; Moo 5 is a cow')).toEqual([]);
  });
});

describe('an address ends with its sentence', () => {
  it('stops at a full stop after a word that is no abbreviation, before a capital', async () => {
    const { detectAddresses } = await import('./address.js');
    const found = (text: string) => detectAddresses(text).map((span) => text.slice(span.start, span.end));
    expect(found('Paid at Plot 12, Spintex Road, Accra. Landlord Mrs. Adjoa Owusu.')).toContain(
      'Plot 12, Spintex Road, Accra',
    );
    expect(found('Ship to Hauptstraße 5, 10115 Berlin. Driver Hans will call.')).toContain(
      'Hauptstraße 5, 10115 Berlin',
    );
    expect(found('Lot 4, Blk 18, Sampaguita St., Brgy. Pasong Tamo, Quezon City 1107')).toContain(
      'Lot 4, Blk 18, Sampaguita St., Brgy. Pasong Tamo, Quezon City 1107',
    );
  });
});

describe('numbered lists (round 19)', () => {
  it('reads no address in a roster of numbered names, and still one after a lone house number', () => {
    expect(found('U12 roster: #4 Liam Byrne, #7 Noah Achterberg, #9 Yusuf Karaca')).toEqual([]);
    expect(found('#45, 2nd Main Road, Indiranagar, Bengaluru 560038')).toContain(
      '#45, 2nd Main Road, Indiranagar, Bengaluru 560038',
    );
  });
});

describe('landmarks and blocks (round 19)', () => {
  it('reads the landmarks that place a house in Indian and Nigerian addresses, and a Chinese letter block', () => {
    expect(
      found('Flat 4B, Sai Krupa Apartments, behind Hanuman temple, near Bus Stand, Dharwad 580001'),
    ).toContain('Flat 4B, Sai Krupa Apartments, behind Hanuman temple, near Bus Stand, Dharwad 580001');
    expect(found('come to Plot 27, off Ahmadu Bello Way, behind Total filling station, Kaduna')).toContain(
      'Plot 27, off Ahmadu Bello Way, behind Total filling station, Kaduna',
    );
    expect(found('收货地址:上海市浦东新区张杨路500号华润时代广场18楼B座')).toContain(
      '上海市浦东新区张杨路500号华润时代广场18楼B座',
    );
  });

  it('ends a labelled address at its postcode before a clause in lower case', () => {
    expect(
      found(
        "address: 2nd lane after the petrol pump, opposite Lakshmi Stores, Kottayam 686001, ask for Joseph's house",
      ),
    ).toContain('2nd lane after the petrol pump, opposite Lakshmi Stores, Kottayam 686001');
  });
});

describe('addresses of round 19', () => {
  it('reads the numbers before a numbered street and a Glasgow flat, Icelandic datives, Greek Λεωφ., a Russian city without г.', () => {
    expect(found('CUSTOMER (00:18): 7841 128 Street, Surrey, BC V3W 4E6')).toContain(
      '7841 128 Street, Surrey, BC V3W 4E6',
    );
    expect(found('residing at 2/1, 48 Dumbarton Road, Glasgow G11 6RA')).toContain(
      '2/1, 48 Dumbarton Road, Glasgow G11 6RA',
    );
    expect(found('Við búum á Laugavegi 118, 105 Reykjavík')).toContain('Laugavegi 118, 105 Reykjavík');
    expect(found('Λεωφ. Αλεξάνδρας 56, 114 73 Αθήνα')).toContain('Λεωφ. Αλεξάνδρας 56, 114 73 Αθήνα');
    expect(found('ремонт по адресу Екатеринбург, ул. Малышева, 71, кв. 56')).toContain(
      'Екатеринбург, ул. Малышева, 71, кв. 56',
    );
  });
});

describe('no house number with a leading zero (round 19)', () => {
  it('reads no street in a surname ending like a street word before a phone number', () => {
    expect(found('Whānau contact: Mere Ngata 021 448 3190')).toEqual([]);
  });
});
