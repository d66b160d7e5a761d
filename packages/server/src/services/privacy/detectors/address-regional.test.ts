import { describe, expect, it } from 'vitest';
import { detectAddresses } from './address.js';

const found = (text: string) =>
  detectAddresses(text).map((span) => text.slice(span.start, span.end).replace(/[.,]$/, ''));

describe('Estonian, South Slavic, West African, Ethiopian and Vietnamese addresses', () => {
  it('reads an Estonian street with its abbreviated street word', () => {
    expect(found('Patsient, Pärnu mnt 22-5, 10141 Tallinn')).toContain('Pärnu mnt 22-5, 10141 Tallinn');
    expect(found('Tartu tn 4')).toContain('Tartu tn 4');
  });

  it('reads a South Slavic street with lower-case words in its name, before a postcode', () => {
    expect(found('adresa Bulevar kralja Aleksandra 73, 11000 Beograd')).toContain(
      'Bulevar kralja Aleksandra 73, 11000 Beograd',
    );
    expect(found('Zagrebačka cesta 145, Zagreb')).toContain('Zagrebačka cesta 145, Zagreb');
  });

  it('reads a cité or quarter before its building, lot or îlot', () => {
    expect(found('not home, Cité Keur Gorgui, Immeuble 14, Appt 3B, Dakar')).toContain(
      'Cité Keur Gorgui, Immeuble 14, Appt 3B, Dakar',
    );
    expect(found('Adresse: Cocody Angré 8e tranche, Ilot 45 Lot 612, Abidjan')).toContain(
      'Cocody Angré 8e tranche, Ilot 45 Lot 612, Abidjan',
    );
  });

  it('reads an Ethiopian sub-city and woreda, and Vietnamese lanes', () => {
    expect(found('Ato Tesfaye, Bole Sub-city, Woreda 03, House No. 1127, Addis Ababa')).toContain(
      'Bole Sub-city, Woreda 03, House No. 1127, Addis Ababa',
    );
    expect(found('Shipper: Số 27 ngõ 85 phố Hạ Đình, Thanh Xuân, Hà Nội')).toContain(
      'Số 27 ngõ 85 phố Hạ Đình, Thanh Xuân, Hà Nội',
    );
  });

  it('leaves ordinary text alone', () => {
    expect(found('Put it on Shelf 3, 10000 units left. Trg is short for trgovina.')).toEqual([]);
    expect(found('Lot 612 was sold; the Ilot team met at 9.')).toEqual([]);
    expect(found('The Sub-city office, Woreda level, opens at 9.')).toEqual([]);
  });
});
