import { describe, expect, it } from 'vitest';
import { spokenIds } from './spoken-id.js';

const found = (text: string) => spokenIds(text).map((span) => text.slice(span.start, span.end));

describe('identity numbers read out (round 10b)', () => {
  it('reads a CPF in Portuguese digit words after the question', () => {
    expect(
      found('Atendente: Qual seu CPF? Cliente: nove nove quatro, nove zero um, três seis oito, dois quatro.'),
    ).toEqual(['nove nove quatro, nove zero um, três seis oito, dois quatro']);
  });

  it('reads an Aadhaar, a Social and an Emirates ID with two-digit number words', () => {
    expect(
      found(
        'Agent: Can I get your Aadhaar for verification? Caller: five eight one five, nine four four nine, nine three three eight.',
      ),
    ).toEqual(['five eight one five, nine four four nine, nine three three eight']);
    expect(found('Caller: Social is five two four, eight one, three three seven two.')).toEqual([
      'five two four, eight one, three three seven two',
    ]);
    expect(
      found(
        'Yes, Emirates ID is seven eight four, nineteen ninety-one, two five three three two six nine, four.',
      ),
    ).toEqual(['seven eight four, nineteen ninety-one, two five three three two six nine, four']);
  });

  it('leaves numbers that fail the scheme, or have no cue, alone', () => {
    // One digit off: the CPF's check digits and the Aadhaar's Verhoeff digit fail.
    expect(
      found('Qual seu CPF? Cliente: nove nove quatro, nove zero um, três seis oito, dois cinco.'),
    ).toEqual([]);
    expect(
      found('Aadhaar? Caller: five eight one five, nine four four nine, nine three three nine.'),
    ).toEqual([]);
    expect(found('my social media has one two three four five six seven eight nine followers')).toEqual([]);
    expect(found('Order is five two four, eight one, three three seven two.')).toEqual([]);
    expect(found('Social is fine, we sold twenty one tickets and nineteen ninety-one posters')).toEqual([]);
  });
});
