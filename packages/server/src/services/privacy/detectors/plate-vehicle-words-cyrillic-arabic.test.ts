import { describe, expect, it } from 'vitest';
import { detectPlates } from './plate.js';

const plates = (text: string) => detectPlates(text).map((span) => text.slice(span.start, span.end));

describe('round 12 plates', () => {
  it('reads a plate after the Malay, Czech, Swiss German and Finnish vehicle words', () => {
    expect(plates('Tuntutan insurans: kenderaan WXY 4821, pemandu Ahmad.')).toEqual(['WXY 4821']);
    expect(plates('Pojistná událost: vozidlo 5AK 2184, řidička paní Nováková.')).toEqual(['5AK 2184']);
    expect(plates('Schadenmeldung: Kontrollschild ZH 482193, Versicherungsnummer folgt.')).toEqual([
      'ZH 482193',
    ]);
    expect(plates('Auto ABC-482 palautettiin myöhässä.')).toEqual(['ABC-482']);
  });

  it('leaves those words alone without a plate after them', () => {
    expect(plates('Auto-renew is on; automatic backups run at 2.')).toEqual([]);
    expect(plates('vozidlo stálo před domem, kenderaan itu baru')).toEqual([]);
  });

  it('reads Uzbek plates and Bulgarian plates in Cyrillic letters', () => {
    expect(plates('a white Chevrolet Cobalt, 01 A 482 BC.')).toEqual(['01 A 482 BC']);
    expect(plates('Щета: автомобил СА 4821 ВК, собственик Иван.')).toEqual(['СА 4821 ВК']);
    expect(plates('ТЕЦ 4821 МВ е мощност')).toEqual([]);
    expect(plates('Order 01 A 482 shipped.')).toEqual([]);
  });

  it('reads a UAE plate after the emirate name in Arabic', () => {
    expect(plates('سائقك في الطريق، رقم اللوحة دبي T 48213.')).toEqual(['دبي T 48213']);
    expect(plates('رحلة من دبي 3 مرات في السنة')).toEqual([]);
  });
});

describe('Korean plates with their region, Arabic plates after the car’s number word', () => {
  it('reads them', () => {
    expect(plates('오토바이(서울강남가1234)와 충돌하였습니다.')).toEqual(['서울강남가1234']);
    expect(plates('رقم السيارة ط ر ب 4826، والحادث وقع')).toEqual(['ط ر ب 4826']);
    expect(plates('شاهدت السيارة رقم ر س ط ٤٨٢٧ تصطدم بالرصيف')).toEqual(['ر س ط ٤٨٢٧']);
    expect(plates('السيارة في الموقف منذ ٣ ساعات')).toEqual([]);
  });
});
