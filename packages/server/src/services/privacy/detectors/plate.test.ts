import { describe, expect, it } from 'vitest';
import { detectPlates } from './plate.js';

const found = (text: string) => detectPlates(text).map((span) => text.slice(span.start, span.end));

describe('licence plates', () => {
  it('finds Russian plates in their Cyrillic letters', () => {
    expect(found('Автомобиль с номером А123ВС 77 заблокирован.')).toEqual(['А123ВС 77']);
    expect(found('Отдел А12 на третьем этаже')).toEqual([]);
  });

  it('reads a plate after Polish, Swedish and Turkish labels', () => {
    expect(found('Numer rejestracyjny WA 6812K, kierowca')).toEqual(['WA 6812K']);
    expect(found('Registreringsnummer ABC 123 i Solna')).toEqual(['ABC 123']);
    expect(found('Plaka 34 ABC 123')).toContain('34 ABC 123');
  });

  it('takes no plate-shaped code after a product cue', () => {
    expect(found('The model number is KX-TG7872.')).toEqual([]);
    expect(found('Halter des Wagens KX-TG 7872')).toEqual(['KX-TG 7872']);
  });
});

describe('licence plates of more countries (round 5)', () => {
  it('finds Turkish, Danish, Swiss, Belgian and Polish plates without a label', () => {
    expect(found('white Doblo, 35 E 1923, left')).toEqual(['35 E 1923']);
    expect(found('delivered by AB 12 345 today')).toEqual(['AB 12 345']);
    expect(found('the rental had VD 512 883 on it')).toEqual(['VD 512 883']);
    expect(found('seen leaving: 2-KLM-482')).toEqual(['2-KLM-482']);
    expect(found('seen at KR 4G721 and WA 6812K')).toEqual(['KR 4G721', 'WA 6812K']);
  });

  it('leaves sizes, times and plain numbers that share those shapes', () => {
    expect(found('It has 12 GB 1024 blocks, opens 10 AM 0900, route 34 ABC bus')).toEqual([]);
    expect(found('Postcode KR 12345 and case WA 12345')).toEqual([]);
  });

  it('finds Chinese plates and a plate after a US state', () => {
    expect(found('车牌号 京A·12345，司机')).toEqual(['京A·12345']);
    expect(found('电动车 沪A D12345 在监控里')).toEqual(['沪A D12345']);
    expect(found('Silver Camry, NY HWL-2210, double parked')).toEqual(['HWL-2210']);
    expect(found('Texas plate LMN-4829')).toContain('LMN-4829');
    expect(found('Austin, TX 78701 and NY 10001')).toEqual([]);
    expect(found('Illinois tag CT 48291 at the dock')).toEqual(['CT 48291']);
    expect(found('Austin TX 78701 AND NY 10001')).toEqual([]);
    expect(found('NACIDA EL 3 DE MAYO DE 1987 EN SEVILLA')).toEqual([]);
  });

  it('takes no plate of a shape that references share after a reference word', () => {
    expect(found('Invoice 2-TRK-904 was sent twice; order KR 4G721 too.')).toEqual([]);
    expect(found('Parking ticket: 8KTR219 (California)')).toEqual(['8KTR219']);
  });

  it('reads a plate after a vehicle word in other languages', () => {
    expect(found('Samochód WA 12345 stał pod bramą')).toEqual(['WA 12345']);
    expect(found('Nummerplade CX 4821, ejer')).toEqual(['CX 4821']);
    expect(found('Polish truck KR 4G721 blocked the ramp')).toEqual(['KR 4G721']);
  });

  it('finds Kenyan motorcycle, South African and romanised Japanese plates, and plates after more vehicle words', () => {
    expect(found('Boda boda KMEK 227L, Gauteng HX 19 PL GP, Polo CY 204-881')).toEqual([
      'KMEK 227L',
      'HX 19 PL GP',
      'CY 204-881',
    ]);
    expect(found('Taxi wa Nerima 500 ta 44-12 desu. Min bil KPT 71A står här.')).toEqual([
      'Nerima 500 ta 44-12',
      'KPT 71A',
    ]);
    expect(found('Order CA 482-117 was refunded; meet in Shinjuku at 10-30.')).toEqual([]);
  });
});

describe('plates of round 8', () => {
  it('reads the Australian and New Zealand rego label', () => {
    expect(found('Van rego BX 42 KL, driver away Thursday')).toEqual(['BX 42 KL']);
    expect(found('my rego is 1ABC 234 for the ute')).toEqual(['1ABC 234']);
  });

  it('leaves a flight number and its airport alone', () => {
    expect(found('flight EK 9851 DXB→NBO, 3 pieces')).toEqual([]);
    expect(found('Matrícula 9851 DXB en Madrid')).toEqual(['9851 DXB']);
  });
});

describe('plates of round 8, Asia and beyond', () => {
  it('reads Indonesian, Vietnamese, Greek, Thai, Nepali and Bangladeshi formats anywhere', () => {
    expect(found('Parking permits: B 2218 SKY, D 4471 ACE and L 1902 MN')).toEqual([
      'B 2218 SKY',
      'D 4471 ACE',
      'L 1902 MN',
    ]);
    expect(found('Xe ô tô 30G-417.82 vượt đèn đỏ; xe máy 59-F1 238.46')).toEqual([
      '30G-417.82',
      '59-F1 238.46',
    ]);
    expect(found('took the car ΙΚΧ-4827 to the garage')).toEqual(['ΙΚΧ-4827']);
    expect(found('The pickup truck 2กต 8817 กรุงเทพมหานคร left')).toEqual(['2กต 8817']);
    expect(found('The van Ba 1 Ja 2217 and the pickup Dhaka Metro-Ga 27-6632')).toEqual([
      'Ba 1 Ja 2217',
      'Dhaka Metro-Ga 27-6632',
    ]);
  });

  it('reads a plate after vehicle words of more languages and ride apps', () => {
    expect(found('kal subah gaari LEA-4392 le kar aaye')).toEqual(['LEA-4392']);
    expect(found('Kereta WVX 8832 tu kereta dia')).toEqual(['WVX 8832']);
    expect(found('el Uber KXTR-48 ya va llegando')).toEqual(['KXTR-48']);
  });

  it('leaves sizes, times and tour codes alone', () => {
    expect(found('A 500 MB file at 9 AM; tour code JP-27-05; bus 3 to town')).toEqual([]);
  });
});

describe('plates of round 10', () => {
  it('reads the Spanish plural label and a corrected plate of the same shape', () => {
    expect(found('Nissan Versa placas NZK-45-78, lo trae su esposo')).toEqual(['NZK-45-78']);
    expect(found("reg no. ABC 123? no sorry it's ABD 128, the Volvo")).toEqual(['ABC 123', 'ABD 128']);
  });

  it('leaves a number of another shape after a correction alone', () => {
    expect(found('plate AB 123, no 12 other cars were there')).toEqual(['AB 123']);
    expect(found('las placas de cerámica, no sorry it is ABD 128')).toEqual([]);
  });
});

describe('plates of round 10b', () => {
  it('reads a Tagalog possessive between the label and the plate', () => {
    expect(found('Boss, plate number ko NCX 4821.')).toEqual(['NCX 4821']);
  });

  it('leaves a label with a possessive and no plate alone', () => {
    expect(found('Boss, plate number ko nawala kahapon')).toEqual([]);
  });
});

describe('a Polish car "with the number"', () => {
  it('reads the plate after samochód o numerze / z numerem', () => {
    expect(found('samochód o numerze WA 58312 zablokował wjazd')).toEqual(['WA 58312']);
  });
});

describe('dates as forms write them', () => {
  it('reads no plate in a day, a month abbreviation and a year', () => {
    expect(found('Date of Issue: 14 MAR 2019  Date of Expiry: 13 MAR 2029')).toEqual([]);
  });
});

describe('plates after Hungarian and French label words with their endings (round 20)', () => {
  it('reads them', () => {
    expect(found('gépjármű rendszáma MKT-482.')).toEqual(['MKT-482']);
    expect(found('véhicule immatriculé GK-418-TZ, conducteur')).toEqual(['GK-418-TZ']);
  });
});

describe('UAE plates with the emirate in English (round 20)', () => {
  it('reads them, not a time', () => {
    expect(found('Car Dubai K 48211 blocking the loading bay')).toEqual(['Dubai K 48211']);
    expect(found('flight to Dubai 2 30 pm')).toEqual([]);
  });
});
