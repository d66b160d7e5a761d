import { describe, expect, it } from 'vitest';
import { spokenDatesOfBirth } from './dob-spoken.js';

const found = (text: string) => spokenDatesOfBirth(text).map((span) => text.slice(span.start, span.end));

describe('dates of birth read out in cardinal numbers (round 10b)', () => {
  it('reads the answer to a date-of-birth question in the next turn', () => {
    expect(found('Agent: Date of birth? Caller: oh-three, seventeen, eighty-eight.')).toEqual([
      'oh-three, seventeen, eighty-eight',
    ]);
    expect(
      found('SPEAKER_02: And your date of birth, madam? SPEAKER_01: twelve July nineteen ninety.'),
    ).toEqual(['twelve July nineteen ninety']);
  });

  it('reads a year first after born, and a month before a cardinal day', () => {
    expect(found('I am Tesfaye, born nineteen eighty-four, January fifteenth.')).toEqual([
      'nineteen eighty-four, January fifteenth',
    ]);
    expect(found('my birthday is July twelve, nineteen ninety')).toEqual(['July twelve, nineteen ninety']);
  });

  it('leaves other dates and numbers read out alone', () => {
    expect(found("Let's meet twelve July twenty twenty-five at the office")).toEqual([]);
    expect(found('born in Leeds, moved here twelve July two thousand and three')).toEqual([]);
    expect(found('birthday party is twelve July twenty twenty-five')).toEqual([]);
    // Not a day and a month, or a phone number going on.
    expect(found('Date of birth? Caller: forty, fifty, eighty-eight')).toEqual([]);
    expect(found('Date of birth? Caller: seven seven, five five five, one two three four')).toEqual([]);
  });
});

describe('a day or a month read digit by digit', () => {
  it('reads `one two` as twelve', () => {
    const text = 'Agent: date of birth? Caller: oh four, one two, nineteen seventy.';
    expect(spokenDatesOfBirth(text).map((span) => text.slice(span.start, span.end))).toEqual([
      'oh four, one two, nineteen seventy',
    ]);
  });
});
