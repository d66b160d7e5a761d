import { describe, expect, it } from 'vitest';
import { mergeSpans } from '../spans.js';
import { detectAddresses } from './address.js';

const found = (text: string) =>
  mergeSpans(detectAddresses(text)).map((span) => text.slice(span.start, span.end));

describe('Ukrainian streets romanised', () => {
  it('reads vul., prov., prosp. with the flat and city after', () => {
    expect(found('now Dmytro Kovalenko, vul. Khreshchatyk 22, kv. 15, Kyiv 01001')).toEqual([
      'vul. Khreshchatyk 22, kv. 15, Kyiv 01001',
    ]);
    expect(found('ship to prosp. Peremohy 37, Kyiv')).toEqual(['prosp. Peremohy 37, Kyiv']);
  });

  it('needs a house number', () => {
    expect(found('we walked down vul. Khreshchatyk yesterday')).toEqual([]);
  });
});

describe('Persian streets romanised', () => {
  it('reads kuche and khiaban with a house number or postcode', () => {
    expect(found('letter to Parisa, No. 18, Kuche-ye Golha, Khiaban-e Vali-Asr, Tehran 1966733511')).toEqual([
      'No. 18, Kuche-ye Golha, Khiaban-e Vali-Asr, Tehran 1966733511',
    ]);
    expect(found('Khiaban-e Enghelab, Kuche-ye Bahar, Pelak 7, Tehran')).toEqual([
      'Khiaban-e Enghelab, Kuche-ye Bahar, Pelak 7, Tehran',
    ]);
  });

  it('leaves a street named without a number alone', () => {
    expect(found('the protest moved to Meydan-e Azadi, Tehran')).toEqual([]);
  });
});

describe('Spanish street words in US addresses', () => {
  it('reads the street with its city, state and ZIP code', () => {
    expect(found('Showing at 3180 Calle Ocho, Miami, FL 33135, client')).toEqual([
      '3180 Calle Ocho, Miami, FL 33135',
    ]);
    expect(found('1200 Camino del Rio, San Diego, CA 92108')).toEqual([
      '1200 Camino del Rio, San Diego, CA 92108',
    ]);
  });

  it('needs the state and ZIP code', () => {
    expect(found('we ate at 3 Calle Ocho restaurants, Miami style')).toEqual([]);
  });
});

describe('the tail of an address', () => {
  it('stops before a phone number written after the postcode', () => {
    expect(found('24 Adeola Odeku Street, Victoria Island, Lagos 101241, 0803 742 1165')).toEqual([
      '24 Adeola Odeku Street, Victoria Island, Lagos 101241',
    ]);
  });

  it('reads an office after the number', () => {
    expect(found('dirección Av. Providencia 1760, of. 1203, Providencia, Santiago')).toEqual([
      'Av. Providencia 1760, of. 1203, Providencia, Santiago',
    ]);
  });
});

describe('Welsh and Irish streets, the street word first', () => {
  it('reads the house number, street, town and postcode', () => {
    expect(found('Caller: 14 Heol y Coed, Cardiff CF14 6HR.')).toEqual(['14 Heol y Coed, Cardiff CF14 6HR']);
    expect(found('current address 9 Heol y Wern, Aberystwyth SY23 3JJ.')).toEqual([
      '9 Heol y Wern, Aberystwyth SY23 3JJ',
    ]);
    expect(found('tionónta Darragh, 14 Bóthar na Trá, Gaillimh H91 X2K7.')).toEqual([
      '14 Bóthar na Trá, Gaillimh H91 X2K7',
    ]);
  });

  it('leaves the street word without a house number alone', () => {
    expect(found('We walked down Heol y Coed after the match.')).toEqual([]);
    expect(found('Chapter 3 Heol and its meaning in Welsh')).toEqual([]);
  });
});
