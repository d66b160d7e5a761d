import { describe, expect, it } from 'vitest';
import { detectNationalIds } from './national-id.js';
import { detectPlates } from './plate.js';

const ids = (text: string) => detectNationalIds(text).map((span) => text.slice(span.start, span.end));
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

  it('takes no version number for a plate, but a plate before a full stop', () => {
    expect(plates('switch core-sw-01, IOS-XE 17.9.4a; owner Network Ops.')).toEqual([]);
    expect(plates('Lieferwagen B-MW 1234.')).toEqual(['B-MW 1234']);
  });

  it('takes no number without letters after a label', () => {
    expect(plates('bilnummer 48213.')).toEqual([]);
    expect(plates('rekisterinumero 2024.')).toEqual([]);
    expect(plates('pendaftaran dibuka esok.')).toEqual([]);
  });
});

describe('round 13b identity numbers', () => {
  it('leaves a value whose later label has its own value after a word (`WA 12345, PESEL kierowcy …`)', () => {
    expect(ids('Rejestracja WA 12345, PESEL kierowcy 02270815537')).toEqual(['02270815537']);
    expect(ids('run PR-2026-11 fine, NINO JT 48 27 61 C')).toEqual(['JT 48 27 61 C']);
  });

  it('still takes a value whose label follows it without its own', () => {
    expect(ids('206724329 is het BSN van de klant')).toEqual(['206724329']);
  });

  it('takes no payroll run named by its month after `run`', () => {
    expect(ids('paid twice in run PR-2026-11; recover next cycle')).toEqual([]);
    expect(ids('RUN 12.345.678-5')).toEqual(['12.345.678-5']);
  });
});
