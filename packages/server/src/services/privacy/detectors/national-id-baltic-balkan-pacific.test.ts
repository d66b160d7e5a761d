import { describe, expect, it } from 'vitest';
import { detectNationalIds } from './national-id.js';
import {
  balticIdValid,
  egnValid,
  irdValid,
  israeliIdValid,
  kazakhIinValid,
  kvnrValid,
  oibValid,
  tfnValid,
} from './national-id-baltic-balkan-pacific.js';

const found = (text: string) => detectNationalIds(text).map((span) => text.slice(span.start, span.end));

describe('identity numbers of round 10: check digits', () => {
  it('checks each scheme with its own algorithm', () => {
    expect(balticIdValid('49006175898')).toBe(true); // Estonia
    expect(balticIdValid('38402096685')).toBe(true); // Lithuania
    expect(balticIdValid('49006175897')).toBe(false);
    expect(balticIdValid('49013175898')).toBe(false); // month 13
    expect(kazakhIinValid('950930451504')).toBe(true); // second weights
    expect(kazakhIinValid('950930451505')).toBe(false);
    expect(egnValid('8105041280')).toBe(true);
    expect(egnValid('8105041281')).toBe(false);
    expect(oibValid('18457134152')).toBe(true);
    expect(oibValid('18457134153')).toBe(false);
    expect(tfnValid('192441898')).toBe(true);
    expect(tfnValid('192441899')).toBe(false);
    expect(irdValid('049091850')).toBe(true);
    expect(irdValid('49091850')).toBe(true);
    expect(irdValid('049091851')).toBe(false);
    expect(israeliIdValid('915854616')).toBe(true);
    expect(israeliIdValid('915854617')).toBe(false);
    expect(kvnrValid('M482159374')).toBe(true);
    expect(kvnrValid('M482159375')).toBe(false);
  });
});

describe('identity numbers of round 10: labels and lists', () => {
  it('reads the Bulgarian, Croatian, Kazakh, Baltic, New Zealand and German labels', () => {
    expect(found('г-н Георгиев, ЕГН 8105041280, моля')).toEqual(['8105041280']);
    expect(found('Vaš OIB 18457134152 je upisan')).toEqual(['18457134152']);
    expect(found('ЖСН: 950930451504, шот')).toEqual(['950930451504']);
    expect(found('asmens kodas 38402096685, sąskaitą')).toEqual(['38402096685']);
    expect(found("Tāne's IRD number is 049-091-850 – can you")).toEqual(['049-091-850']);
    expect(found('geb. 17.09.1963, Versichertennr. M482159374, Überweisung')).toEqual(['M482159374']);
  });

  it('finds an Estonian or Lithuanian code by its birth date and check, not after an order word', () => {
    expect(found('palun saada arve, 49006175898, summa 240 eurot')).toEqual(['49006175898']);
    expect(found('Arve 49006175897 ja 49006175898 tellimus')).toEqual(['49006175898']);
    expect(found('Order 49006175898 shipped')).toEqual([]);
  });

  it('reads words without case, a name in brackets and an inflected label between label and number', () => {
    expect(found('מספר תעודת הזהות של אבי כהן הוא 915854616, חשבון')).toEqual(['915854616']);
    expect(found("G'day, TFN for Bazza (Barry Kowalski) is 192 441 898, ute rego 1HX 4KL")).toEqual([
      '192 441 898',
    ]);
    expect(found('CPR-nummeret til Rasmus Kjærgaard er 111183-1687, og lønnen')).toEqual(['111183-1687']);
  });

  it('takes a second number of a list its label opened only with its check', () => {
    expect(found('SIN for Geneviève Tremblay: 780 510 418; for Jean-François Gagnon: 210 407 326')).toEqual([
      '780 510 418',
      '210 407 326',
    ]);
    expect(found('SIN for A: 780 510 418; call B on 210 407 327')).toEqual(['780 510 418']);
    expect(found('Llame sin falta al 210 407 326')).toEqual([]);
    expect(found('Phone 210 407 326, fax 192 441 898')).toEqual([]);
  });
});
