import { describe, expect, it } from 'vitest';
import { detectAddresses } from './address.js';

/** The addresses as merged: spans inside a longer one are dropped. */
const found = (text: string) => {
  const spans = detectAddresses(text);
  return spans
    .filter(
      (s) =>
        !spans.some(
          (o) => o !== s && o.start <= s.start && o.end >= s.end && o.end - o.start > s.end - s.start,
        ),
    )
    .map((span) => text.slice(span.start, span.end));
};

describe('Colombian, Singaporean, Haitian and Czech addresses', () => {
  it('takes a Colombian door number south or east of the axis', () => {
    expect(found('vive en Carrera 43A # 1 Sur-100, El Poblado, Medellín y trabaja')).toEqual([
      'Carrera 43A # 1 Sur-100, El Poblado, Medellín',
    ]);
    expect(found('Calle 10 # 5-20 Este')).toEqual(['Calle 10 # 5-20 Este']);
  });

  it('takes a Singapore HDB unit right after the street, and stops at the NRIC label', () => {
    expect(found('ship to Blk 203 Toa Payoh North #08-1142, Singapore 310203, NRIC S1395518B.')).toEqual([
      'Blk 203 Toa Payoh North #08-1142, Singapore 310203',
    ]);
  });

  it('takes a postcode written with its country letters', () => {
    expect(found('voye adrès la: 18 Rue Capois, Port-au-Prince, HT6110')).toEqual([
      '18 Rue Capois, Port-au-Prince, HT6110',
    ]);
    expect(found('18 Rue Capois, Port-au-Prince, HT12 is the model')).toEqual([
      '18 Rue Capois, Port-au-Prince, HT',
    ]);
  });

  it('takes a Czech street with its descriptive/orientation number, postcode and city district', () => {
    expect(found('Jana Horáková, Vinohradská 1511/230, 100 00 Praha 10, tel. +420 602 418 377')).toEqual([
      'Vinohradská 1511/230, 100 00 Praha 10',
    ]);
    expect(found('Step 3/4, 100 00 Nodes failed')).toEqual([]);
  });
});
