import { describe, expect, it } from 'vitest';
import { detectBirthDates } from './dob.js';

const found = (text: string) => detectBirthDates(text).map((span) => text.slice(span.start, span.end));

describe('dates of birth', () => {
  it('reads Finnish, Czech, Hungarian and Vietnamese dates after their birth cues', () => {
    expect(found('syntynyt 4. toukokuuta 1980 Tampereella')).toEqual(['4. toukokuuta 1980']);
    expect(found('narozena 3. května 1982 v Brně')).toEqual(['3. května 1982']);
    expect(found('született 1985. március 12.')).toEqual(['1985. március 12.']);
    expect(found('sinh ngày 12 tháng 5 năm 1990')).toEqual(['12 tháng 5 năm 1990']);
  });

  it('takes the Polish `ur.` as a birth cue, and no date without a cue', () => {
    expect(found('Katarzyna Wiśniewska, ur. 5 listopada 1992')).toEqual(['5 listopada 1992']);
    expect(found('Termin płatności 5 listopada 1992.')).toEqual([]);
    expect(found('Határidő 1985. március 12.')).toEqual([]);
  });
});
