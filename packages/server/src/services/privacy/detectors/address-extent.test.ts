import { describe, expect, it } from 'vitest';
import { mergeSpans } from '../spans.js';
import { detectAddresses } from './address.js';

const found = (text: string) =>
  mergeSpans(detectAddresses(text)).map((span) => text.slice(span.start, span.end));

describe('round 12 addresses', () => {
  it('reads a Catalan floor and door and a Uruguayan bulevar', () => {
    expect(found('domicili Carrer de Mallorca 401, 3r 2a, 08013 Barcelona')).toEqual([
      'Carrer de Mallorca 401, 3r 2a, 08013 Barcelona',
    ]);
    expect(found('Envío a Bulevar Artigas 1443, apto 702, 11200 Montevideo')).toEqual([
      'Bulevar Artigas 1443, apto 702, 11200 Montevideo',
    ]);
    expect(found('El Bulevar Artigas és llarg; 3r 2a de la classificació')).toEqual([]);
  });

  it('reads a Dutch street with the number first and a Belgian box number, only with the postcode and town', () => {
    expect(found('Viewing booked for 44 Prinsengracht, 1015 DV Amsterdam; agent Ruud')).toEqual([
      '44 Prinsengracht, 1015 DV Amsterdam',
    ]);
    expect(found('cliënt Jan Peeters, Meir 48 bus 3, 2000 Antwerpen.')).toEqual([
      'Meir 48 bus 3, 2000 Antwerpen',
    ]);
    expect(found('We took Route 9 bus 4, then walked along 44 Prinsengracht.')).toEqual([]);
    expect(found('Line 48 bus 3, 2000 Passengers daily')).toEqual([]);
  });

  it('reads a Bucharest sector and a Haitian postcode written against its letters as parts of the address', () => {
    expect(found('Chiriaș: Str. Lipscani nr. 21, ap. 4, sector 3, București 030031.')).toEqual([
      'Str. Lipscani nr. 21, ap. 4, sector 3, București 030031',
    ]);
    expect(found('envoyer à 12, Rue Lamarre, Pétion-Ville, Haïti HT6140.')).toEqual([
      '12, Rue Lamarre, Pétion-Ville, Haïti HT6140',
    ]);
    expect(found('Growth in sector 3 was flat; HT6140 is a part number.')).toEqual([]);
  });

  it('takes no street ending in -ring before a decimal for an address', () => {
    expect(found('Course CS-201 moved to room Turing 3.14; lab grades due 12/05.')).toEqual([]);
    expect(found('Kaiserring 3, 68161 Mannheim')).toEqual(['Kaiserring 3, 68161 Mannheim']);
  });

  it('takes a British surgery named before its street address into it', () => {
    expect(found('her GP is Dr Patel at Brook Lane Surgery, 3 Brook Lane, Bromley BR1 4PX.')).toEqual([
      'Brook Lane Surgery, 3 Brook Lane, Bromley BR1 4PX',
    ]);
    expect(found('Brook Lane Surgery, 3 patients waiting; Dr Patel is late.')).toEqual([]);
  });

  it('takes the city written first after г. into a Russian address', () => {
    expect(found('адрес: г. Москва, ул. Тверская, д. 12, кв. 48, 125009.')).toEqual([
      'г. Москва, ул. Тверская, д. 12, кв. 48, 125009',
    ]);
    expect(found('Встреча: г. Москва. Офис на ул. Тверская, д. 12.')).toEqual(['ул. Тверская, д. 12']);
  });

  it('takes the country written first and a пр. avenue into a Russian-style address (round 18)', () => {
    expect(found('Адрес доставки: Россия, 620014, г. Екатеринбург, ул. Малышева, д. 31, кв. 12')).toEqual([
      'Россия, 620014, г. Екатеринбург, ул. Малышева, д. 31, кв. 12',
    ]);
    expect(found('Казахстан, 050000, г. Алматы, пр. Абая, д. 52, кв. 17')).toEqual([
      'Казахстан, 050000, г. Алматы, пр. Абая, д. 52, кв. 17',
    ]);
    expect(found('Мы живём в России, г. Москва большая.')).toEqual([]);
    expect(
      found('С уважением, бухгалтер, ул. Малая Садовая, д. 6, офис 12, Санкт-Петербург, 191023, тел.'),
    ).toEqual(['ул. Малая Садовая, д. 6, офис 12, Санкт-Петербург, 191023']);
  });

  it('takes the city after a postcode read as the last number (round 18)', () => {
    expect(found('Ship to 77 Jalan Bukit Bintang, 55100 Kuala Lumpur. Thanks')).toEqual([
      '77 Jalan Bukit Bintang, 55100 Kuala Lumpur',
    ]);
  });

  it('reads a Dutch street whose word comes first (round 18)', () => {
    expect(
      found('Huurder meldt schimmel in de badkamer van Laan van Meerdervoort 233-B, 2563 AB Den Haag.'),
    ).toEqual(['Laan van Meerdervoort 233-B, 2563 AB Den Haag']);
    expect(found('De Laan van de Mensenrechten is lang.')).toEqual([]);
  });
});
