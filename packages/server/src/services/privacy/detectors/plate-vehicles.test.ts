import { describe, expect, it } from 'vitest';
import { detectAddresses } from './address.js';
import { detectPlates, vehicleWordsOnly } from './plate.js';

const plates = (text: string) => detectPlates(text).map((span) => text.slice(span.start, span.end));

describe('plates after vehicle words of more languages', () => {
  it('reads the plate after a truck, van or car word', () => {
    expect(plates('Camión ABC-123 del chofer salió de Arequipa')).toEqual(['ABC-123']);
    expect(plates('тел. +998 90 123 45 67, фура 01 A 123 BC.')).toEqual(['01 A 123 BC']);
    expect(plates('Vozač Dragan, tablice BG 123-AB.')).toEqual(['BG 123-AB']);
    expect(plates('Kennzeichen Lieferwagen B-KM 4172.')).toEqual(['B-KM 4172']);
    expect(plates('der LKW HH-AB 1234 steht vorne')).toEqual(['HH-AB 1234']);
  });

  it('reads a Bangladeshi plate with Metro and its series written apart', () => {
    expect(plates("Shafiqul's van, Dhaka Metro Ga 12-3456, broke down")).toEqual(['Dhaka Metro Ga 12-3456']);
    expect(plates('Dhaka Metro rail ran 12-3456 trips')).toEqual([]);
  });

  it('leaves vehicle words without a plate alone', () => {
    expect(plates('Die LKW-Fahrer kommen um 8. Der Transporter ist voll.')).toEqual([]);
    expect(plates('машина 2 часа стояла')).toEqual([]);
  });

  it('tells vehicle words from names', () => {
    expect(vehicleWordsOnly('Kennzeichen Lieferwagen')).toBe(true);
    expect(vehicleWordsOnly('Karl Lieferwagen')).toBe(false);
  });

  it('ends an address before a plate label', () => {
    const text = 'Lindenstraße 14, 10969 Berlin, Kennzeichen Lieferwagen B-KM 4172.';
    const found = detectAddresses(text).map((span) => text.slice(span.start, span.end));
    expect(found).toContain('Lindenstraße 14, 10969 Berlin');
    expect(found.some((address) => address.includes('Kennzeichen'))).toBe(false);
  });
});
