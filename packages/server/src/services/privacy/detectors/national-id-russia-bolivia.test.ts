import { describe, expect, it } from 'vitest';
import { detectNationalIds } from './national-id.js';
import { snilsValid } from './national-id-russia-bolivia.js';

const found = (text: string) => detectNationalIds(text).map((span) => text.slice(span.start, span.end));

describe('Russian, Bolivian and Colombian identity numbers, passports', () => {
  it('checks a СНИЛС: weights 9..1, sum mod 101, 100 and 101 giving 00', () => {
    expect(snilsValid('112-233-445 95')).toBe(true); // 9+8+14+12+15+12+12+8+5 = 95
    expect(snilsValid('112-233-445 96')).toBe(false);
    expect(snilsValid('100-356-355 00')).toBe(true); // sum 100
    expect(snilsValid('100-079-190 00')).toBe(true); // sum 101
    expect(snilsValid('123-456-789 64')).toBe(true); // sum 165, mod 101 = 64
  });

  it('takes a valid СНИЛС anywhere and leaves an invalid one', () => {
    expect(found('Дата рождения: 14.03.1991, СНИЛС 112-233-445 95.')).toEqual(['112-233-445 95']);
    expect(found('номер 112-233-445 95 в анкете')).toEqual(['112-233-445 95']);
    expect(found('номер 112-233-445 96 не тот')).toEqual([]);
  });

  it('takes a Russian passport series and number after паспорт', () => {
    expect(found('Отправитель: Кузнецов, паспорт 45 17 683920, адрес: Москва')).toEqual(['45 17 683920']);
    expect(found('копия паспорта 4517 683920')).toEqual(['4517 683920']);
  });

  it('takes a Bolivian CI with its department after its label, not without', () => {
    expect(found('Nombre: Juan | CI: 4829173 LP | Tel: +591 71234567')).toEqual(['4829173 LP']);
    expect(found('carnet 6021334 SC emitido en Santa Cruz')).toEqual(['6021334 SC']);
    expect(found('C.I. 6021334-CB')).toEqual(['6021334-CB']);
    expect(found('pedido 4829173 LP enviado')).toEqual([]);
  });

  it('takes a dotted cédula, which an IP address pattern no longer hides', () => {
    expect(found('Su cédula es 1.020.457.338 y vive en Medellín.')).toEqual(['1.020.457.338']);
  });

  it('takes two letters and digits after Passaporte, Pasaporte, Reisepass, passport', () => {
    expect(found('Passaporte FZ482193 em nome de Luana')).toEqual(['FZ482193']);
    expect(found('Pasaporte XD123456, vence en 2030')).toEqual(['XD123456']);
    expect(found('passport FZ482193 expires soon')).toEqual(['FZ482193']);
  });
});
