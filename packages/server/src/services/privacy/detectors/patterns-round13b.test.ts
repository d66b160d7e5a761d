import { describe, expect, it } from 'vitest';
import { detectPlates } from './plate.js';

const plates = (text: string) => detectPlates(text).map((span) => text.slice(span.start, span.end));

describe('round 13b plate labels', () => {
  it('reads a plate after its label in Norwegian, Finnish, Serbian, Malay, Urdu and Chinese', () => {
    expect(plates('bilnummer EL 48213.')).toEqual(['EL 48213']);
    expect(plates('rekisterinumero KLM-482.')).toEqual(['KLM-482']);
    expect(plates('registracija BG 482-KT.')).toEqual(['BG 482-KT']);
    expect(plates('no. pendaftaran WXY 4821.')).toEqual(['WXY 4821']);
    expect(plates('گاڑی نمبر LEA-4821۔')).toEqual(['LEA-4821']);
    expect(plates('張家豪先生的車牌 ABC-1234，明天保養。')).toEqual(['ABC-1234']);
  });

  it('takes no number without letters after a label', () => {
    expect(plates('bilnummer 48213.')).toEqual([]);
    expect(plates('rekisterinumero 2024.')).toEqual([]);
    expect(plates('pendaftaran dibuka esok.')).toEqual([]);
  });
});
