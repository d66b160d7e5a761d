import { describe, expect, it } from 'vitest';
import { detectPlates } from './plate.js';

const found = (text: string) => detectPlates(text).map((span) => text.slice(span.start, span.end));

describe('Malaysian, Kazakh and Polish plates with their vehicle words', () => {
  it('takes a Malaysian plate with a trailing letter after a ride word', () => {
    expect(found('Grab driver Ahmad Faiz in SJK 4821 T is arriving in 3 mins.')).toEqual(['SJK 4821 T']);
    expect(found('see section A 12 B of the manual')).toEqual([]);
  });

  it('takes a Kazakh plate (digits, letters, region) with a plate or car word on the line', () => {
    expect(found("bro what's ur plate again for the parking pass Aslan: 777 ABA 02")).toEqual(['777 ABA 02']);
    expect(found('Ерлан ағайдың көлігі 123 ABC 02 ма?')).toEqual(['123 ABC 02']);
    expect(found('we sold 100 KGS 05 today')).toEqual([]);
  });

  it('takes a plate right after the car word auto', () => {
    expect(found('Auto WA 71524 należy do Bartosza')).toEqual(['WA 71524']);
    expect(found('Das Auto B 1234X steht vor der Tür')).toEqual(['B 1234X']);
    expect(found('set the TV to auto HDR10 mode')).toEqual([]);
  });
});
