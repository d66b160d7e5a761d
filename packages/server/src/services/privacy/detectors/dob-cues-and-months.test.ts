import { describe, expect, it } from 'vitest';
import { detectBirthDates } from './dob.js';

const found = (text: string) => detectBirthDates(text).map((span) => text.slice(span.start, span.end));

describe('round 12 birth cues and months', () => {
  it('reads Catalan months after `nascut el`', () => {
    expect(found('Inscripció al club de rem: Martí, nascut el 19 de febrer de 2009.')).toEqual([
      '19 de febrer de 2009',
    ]);
    expect(found('Factura del 19 de febrer de 2009, pagada.')).toEqual([]);
  });

  it('reads Hindi months after `जन्म`', () => {
    expect(found('वीज़ा आवेदन: अनीता देवी, जन्म 5 जनवरी 1986.')).toEqual(['5 जनवरी 1986']);
    expect(found('बैठक 5 जनवरी 2026 को है।')).toEqual([]);
  });

  it('reads dates after Armenian, Telugu and Igbo birth cues', () => {
    expect(found('Թեկնածու Արմեն, ծնվ. 14.05.1991.')).toEqual(['14.05.1991']);
    expect(found('పాస్‌పోర్ట్ Z4821736, పుట్టిన తేదీ 19-07-1987.')).toEqual(['19-07-1987']);
    expect(found('Visa: Chukwuemeka Eze, a mụrụ ya na 12/01/1994.')).toEqual(['12/01/1994']);
    expect(found('Թեկնածու Արմեն, հեռ. 14.05.1991.')).toEqual([]);
  });
});
