import { describe, expect, it } from 'vitest';
import { addressesFromLocalMarkers } from './address-local-markers.js';

const addresses = (text: string) =>
  addressesFromLocalMarkers(text).map((span) => text.slice(span.start, span.end));

describe('round 13b Swahili addresses', () => {
  const addresses = (text: string) =>
    addressesFromLocalMarkers(text).map((span) => text.slice(span.start, span.end));

  it('takes the house and the street in either order, then the area and the town', () => {
    expect(addresses('Mama Neema wa Nyumba Na. 7, Mtaa wa Uhuru, Arusha anasema bomba linavuja.')).toEqual([
      'Nyumba Na. 7, Mtaa wa Uhuru, Arusha',
    ]);
    expect(addresses('anaishi Mtaa wa Uhuru, Nyumba Na. 14, Kariakoo, Dar es Salaam.')).toEqual([
      'Mtaa wa Uhuru, Nyumba Na. 14, Kariakoo, Dar es Salaam',
    ]);
    expect(addresses('anaishi Nyumba 12, Barabara ya Ngong, Nairobi; simu')).toEqual([
      'Nyumba 12, Barabara ya Ngong, Nairobi',
    ]);
  });

  it('takes no street without a house, nor a house without a place after it', () => {
    expect(addresses('anaishi Mtaa wa Uhuru, Arusha.')).toEqual([]);
    expect(addresses('Nyumba Na. 7 ina bomba linavuja.')).toEqual([]);
  });
});

describe('round 13b Dutch, Basque and Hungarian addresses', () => {
  const addresses = (text: string) =>
    addressesFromLocalMarkers(text).map((span) => text.slice(span.start, span.end));

  it('takes the Dutch postcode and a town of several words after a house number', () => {
    expect(addresses('adres Lange Voorhout 12, 2514 EB Den Haag')).toEqual(['2514 EB Den Haag']);
    expect(addresses('Kamer 12, 2514 EB Den Haag')).toEqual(['2514 EB Den Haag']);
    expect(addresses('artikel 2514 EB Den Haag')).toEqual([]);
  });

  it('takes a Basque street with its floor and side, then the postcode and town', () => {
    expect(addresses('outside Ainhoa Kale Nagusia 12, 3. ezk., 20003 Donostia.')).toEqual([
      'Kale Nagusia 12, 3. ezk., 20003 Donostia',
    ]);
    expect(addresses('Ainhoa Etxeberria 12, 3. ezk., 20003 Donostia.')).toEqual([]);
  });

  it('takes a Hungarian postcode, town, street, number, floor and door', () => {
    expect(addresses('lakcím 1067 Budapest, Teréz krt. 24. II. em. 7.')).toEqual([
      '1067 Budapest, Teréz krt. 24. II. em. 7.',
    ]);
    expect(addresses('1067 darab, Teréz krt.')).toEqual([]);
  });
});

describe('round 13b Irish addresses', () => {
  it('takes a house number, street, areas and the Eircode', () => {
    expect(addresses('new one is 14 Ard na Gréine, Rathfarnham, Dublin 14, D14 X2V8')).toEqual([
      '14 Ard na Gréine, Rathfarnham, Dublin 14, D14 X2V8',
    ]);
    expect(addresses('ship to 3 Main Street, Ennis, V95 X2Y3 today')).toEqual([
      '3 Main Street, Ennis, V95 X2Y3',
    ]);
  });

  it('takes no Eircode-shaped code without a house number and street before it', () => {
    expect(addresses('error code D14 X2V8 again')).toEqual([]);
    expect(addresses('batch 14, D14 X2V8')).toEqual([]);
  });
});

describe('round 13b addresses read out', () => {
  it('takes a house number in words, the street, the town and a postcode digit by digit', () => {
    expect(addresses("Caller: it's eighteen Rosewood Terrace, Dunedin nine zero one six")).toEqual([
      'eighteen Rosewood Terrace, Dunedin nine zero one six',
    ]);
    expect(addresses('she lives at forty-two Wallaby Way, Sydney')).toEqual([
      'forty-two Wallaby Way, Sydney',
    ]);
  });

  it('takes no street without its town, nor a number word starting a sentence', () => {
    expect(addresses('one Direction Road trip')).toEqual([]);
    expect(addresses('Two Rosewood Terrace, Dunedin')).toEqual([]);
  });
});

describe('round 13b Mexican addresses', () => {
  it('takes the street, the colonia, the postcode, the town and the state', () => {
    expect(
      addresses('remolcada desde Calle 5 de Mayo 214, Col. Centro, 68000 Oaxaca de Juárez, Oax..'),
    ).toEqual(['Calle 5 de Mayo 214, Col. Centro, 68000 Oaxaca de Juárez, Oax.']);
    expect(
      addresses('vive en Av. Insurgentes Sur 1602, Col. Crédito Constructor, 03940 Ciudad de México'),
    ).toEqual(['Av. Insurgentes Sur 1602, Col. Crédito Constructor, 03940 Ciudad de México']);
  });

  it('takes no colonia without a street and postcode', () => {
    expect(addresses('la reunión, Col. Centro, mañana')).toEqual([]);
    expect(addresses('Calle 5 de Mayo 214, Col. Centro')).toEqual([]);
  });
});
