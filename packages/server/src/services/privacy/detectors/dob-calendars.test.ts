import { describe, expect, it } from 'vitest';
import { detectBirthDates } from './dob.js';

const found = (text: string) => detectBirthDates(text).map((span) => text.slice(span.start, span.end));

describe('birth dates of other calendars and abbreviated cues', () => {
  it('keeps the Ethiopian or Hijri calendar written after the date', () => {
    expect(found('her daughter (DOB 12 Meskerem 2008 E.C.).')).toEqual(['12 Meskerem 2008 E.C.']);
    expect(found('DOB 1410/05/12 H (hijri)')).toEqual(['1410/05/12 H']);
    expect(found('تاريخ الميلاد 1410/05/12 هـ')).toEqual(['1410/05/12 هـ']);
  });

  it('reads abbreviated birth cues', () => {
    expect(found('CPF 382.917.465-91, nasc. 23/07/1958.')).toEqual(['23/07/1958']);
    expect(found('fecha nac. 03/04/1985')).toEqual(['03/04/1985']);
    expect(found('Иванов И.И., род. 12.03.1985')).toEqual(['12.03.1985']);
  });

  it('leaves other dates and words after a date alone', () => {
    expect(found('Invoice 12 Meskerem 2008 E.C. paid')).toEqual([]);
    expect(found('DOB 12 May 1990, EC approved')).toEqual(['12 May 1990']);
    expect(found('Meeting on 1445/03/10 H at the office')).toEqual([]);
  });
});
