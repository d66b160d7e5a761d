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

describe('birth cues of more scripts and the Minguo calendar (round 18)', () => {
  it('reads a date after Portuguese, Sinhala and Khmer birth words, and a Minguo date after 出生', () => {
    expect(found('Carteira: CPF 044.862.228-90, nome Gabriel, nascimento 11/11/2001')).toEqual([
      '11/11/2001',
    ]);
    expect(found('අංකය 881452370V, උපන් දිනය 1988.05.24')).toEqual(['1988.05.24']);
    expect(found('លេខ 010456789 ថ្ងៃកំណើត 05/03/1995')).toEqual(['05/03/1995']);
    expect(found('姓名 林怡君 出生 民國77年6月14日 統一編號')).toEqual(['民國77年6月14日']);
  });
});
