import { describe, expect, it } from 'vitest';
import type { Span } from '../types.js';
import { recordRowFindings } from './record-rows.js';

/** The rows' names given as PERSON spans, as the person detector would find them. */
function found(text: string, names: string[]): string[] {
  const persons: Span[] = names.map((name) => {
    const start = text.indexOf(name);
    return { start, end: start + name.length, type: 'PERSON' };
  });
  return recordRowFindings(text, persons).map((span) => `${span.type} ${text.slice(span.start, span.end)}`);
}

describe('dates of birth and passports in a person record row', () => {
  it('reads the date after the names with the sex, and a passport before the nationality', () => {
    expect(
      found('14 | Adebayo | Oluwaseun | M | 1990-07-04 | A09283341 | NG', ['Adebayo', 'Oluwaseun']),
    ).toEqual(['DOB 1990-07-04', 'SSN A09283341']);
  });

  it('reads a compact date before a country code, not the export date before the names', () => {
    expect(found('20261204;KOROLEVA;ANASTASIA;19880321;RU;a.koroleva@mail.ru', ['ANASTASIA'])).toEqual([
      'DOB 19880321',
    ]);
  });

  it('leaves a row without a name, or without a sex or country, alone', () => {
    expect(found('| 2024-05-01 | M | A09283341 | NG |', [])).toEqual([]);
    expect(found('| Alice | 2024-05-01 | approved | 3 |', ['Alice'])).toEqual([]);
    expect(found('| Alice | AB123456 | OK | done |', ['Alice'])).toEqual([]);
  });

  it('reads an older date in a contact list row, quoted cells and all, not a recent one', () => {
    expect(
      found('Emily Carter,emily.carter82@yahoo.com,+1 415-555-0198,1982-05-14,94110', ['Emily Carter']),
    ).toEqual(['DOB 1982-05-14']);
    expect(
      found('"Schmidt, Anna-Lena","al.schmidt@web.de","0176 4829 3310","03.07.1995"', ['Schmidt, Anna-Lena']),
    ).toEqual(['DOB 03.07.1995']);
    expect(
      found('Emily Carter,emily@example.org,+1 415-555-0198,2024-05-14,94110', ['Emily Carter']),
    ).toEqual([]);
    expect(found('Emily Carter,Sales,Berlin,1982-05-14,approved', ['Emily Carter'])).toEqual([]);
  });

  it('leaves a sentence with semicolons alone', () => {
    expect(found('Alice; she came on 2024-05-01; US', ['Alice'])).toEqual([]);
  });
});
