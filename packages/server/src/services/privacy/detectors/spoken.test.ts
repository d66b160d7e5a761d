import { describe, expect, it } from 'vitest';
import { detectSpoken } from './spoken.js';

const found = (text: string) =>
  detectSpoken(text).map((span) => `${span.type}:${text.slice(span.start, span.end)}`);

describe('numbers, postcodes and plates read out (round 10)', () => {
  it('reads a phone number with oh and double, a Luhn-valid card read out', () => {
    expect(
      found('ring dave back his number is oh seven nine one one double three four five six seven about it'),
    ).toEqual(['PHONE:oh seven nine one one double three four five six seven']);
    expect(
      found(
        'her card number is four five two zero four three one three two zero four seven four six zero four expiry',
      ),
    ).toEqual(['CARD:four five two zero four three one three two zero four seven four six zero four']);
  });

  it('spells a UK postcode and a plate in the NATO alphabet', () => {
    expect(found('my postcode is b s six five q t')).toEqual(['ADDRESS:b s six five q t']);
    expect(found('the plate was lima kilo seven two x-ray yankee zulu and he drove off')).toEqual([
      'PLATE:lima kilo seven two x-ray yankee zulu',
    ]);
  });

  it('leaves counting, a card that fails Luhn, an account number and ordinary words alone', () => {
    expect(found('one two three four five six seven eight nine ten, here I come')).toEqual([]);
    expect(
      found('card number is four five two zero four three one three two zero four seven four six zero five'),
    ).toEqual([]);
    expect(found('account number is one two three four five six seven eight nine zero')).toEqual([]);
    expect(found('the postcode is a nice area; the plate was a gift for one of us')).toEqual([]);
  });
});

describe('identity numbers read out (round 10b)', () => {
  it('reports a spoken SSN among the spoken findings', () => {
    expect(found('Caller: Social is five two four, eight one, three three seven two.')).toEqual([
      'SSN:five two four, eight one, three three seven two',
    ]);
  });
});

describe('phone numbers read out with hyphens or a country code', () => {
  const spoken = (text: string) => detectSpoken(text).map((span) => text.slice(span.start, span.end));

  it('reads digit words joined by hyphens, and a number after `plus`', () => {
    expect(
      spoken('AGENT: And your phone number? CALLER: Seven-seven-three, five-five-two, oh-one-eight-nine.'),
    ).toEqual(['Seven-seven-three, five-five-two, oh-one-eight-nine']);
    expect(spoken("it's plus four four seven nine one one, two three four, five six seven")).toEqual([
      'plus four four seven nine one one, two three four, five six seven',
    ]);
  });

  it('leaves an X-ray and a compound number', () => {
    expect(spoken('the X-ray of the knee, twenty-one days later, one-two punch')).toEqual([]);
  });
});
