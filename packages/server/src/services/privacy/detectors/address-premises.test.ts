import { describe, expect, it } from 'vitest';
import { mergeSpans } from '../spans.js';
import { detectAddresses } from './address.js';

const found = (text: string) =>
  mergeSpans(detectAddresses(text)).map((span) => text.slice(span.start, span.end));

describe('Turkish industrial zones', () => {
  it('reads the zone, its street and door number, then the district and city', () => {
    expect(found('pickup Organize Sanayi Bölgesi 4. Cad. No: 18, Nilüfer, Bursa 16140')).toEqual([
      'Organize Sanayi Bölgesi 4. Cad. No: 18, Nilüfer, Bursa 16140',
    ]);
    expect(found('Küçük Sanayi Sitesi 12. Sokak No: 7, Çankaya')).toEqual([
      'Küçük Sanayi Sitesi 12. Sokak No: 7, Çankaya',
    ]);
  });

  it('needs a door number', () => {
    expect(found('Organize Sanayi Bölgesi 2024 yılında büyüdü')).toEqual([]);
    expect(found('OSB yönetimi toplantısı')).toEqual([]);
  });
});

describe('a care home or clinic before the street', () => {
  it('takes the building and room into the address', () => {
    expect(found('Oma: Seniorenresidenz Am Park, Zimmer 12, Parkallee 5, 28209 Bremen — bitte')).toEqual([
      'Seniorenresidenz Am Park, Zimmer 12, Parkallee 5, 28209 Bremen',
    ]);
    expect(found('Pflegeheim St. Anna, Hauptstraße 3, 10115 Berlin')).toEqual([
      'Pflegeheim St. Anna, Hauptstraße 3, 10115 Berlin',
    ]);
  });

  it('leaves a bare building word before the street alone', () => {
    expect(found('Sie liegt im Krankenhaus, Hauptstraße 5, 10115 Berlin')).toEqual([
      'Hauptstraße 5, 10115 Berlin',
    ]);
  });
});
