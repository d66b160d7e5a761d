import { describe, expect, it } from 'vitest';
import { detectAddresses } from './address.js';

const found = (text: string) => detectAddresses(text).map((span) => text.slice(span.start, span.end));

describe('addresses outside the street patterns', () => {
  it('starts an address at an ordinal floor or a sector when a numbered tail follows', () => {
    expect(found('The clinic is at 4th Floor, 18 Nyerere Road, Nairobi')).toContain(
      '4th Floor, 18 Nyerere Road, Nairobi',
    );
    expect(found('Site visit at Sector 15, Plot 8, Vashi, Navi Mumbai 400703')).toContain(
      'Sector 15, Plot 8, Vashi, Navi Mumbai 400703',
    );
    expect(found('Sector 7 of the disk failed, the 4th Floor was renovated')).toEqual([]);
  });

  it('takes an Argentine postcode into the address tail', () => {
    expect(found('Oficina: Av. Corrientes 1234, C1043 CABA')).toEqual(['Av. Corrientes 1234, C1043 CABA']);
  });
});
