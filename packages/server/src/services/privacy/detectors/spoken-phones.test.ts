import { describe, expect, it } from 'vitest';
import { spokenPhones } from './spoken-phones.js';

const phones = (text: string) => spokenPhones(text).map((span) => text.slice(span.start, span.end));

describe('phone numbers read out in words after a phone word (round 18)', () => {
  it('reads each group as one number: tens joined to units, hundreds, a digit times a hundred', () => {
    expect(
      phones(
        'OPERADORA: ¿Me confirma su teléfono? CLIENTE: Sí, es cincuenta y cinco, veintitrés, cuarenta y ocho, noventa y uno, doce.',
      ),
    ).toEqual(['cincuenta y cinco, veintitrés, cuarenta y ocho, noventa y uno, doce']);
    expect(
      phones(
        'dar de baja la línea nueve ochenta y siete, seiscientos cuarenta y dos, ciento quince. Gracias',
      ),
    ).toEqual(['nueve ochenta y siete, seiscientos cuarenta y dos, ciento quince']);
    expect(phones('Telefonunuz? Hasta: Sıfır beş yüz otuz iki, altı yüz on iki, kırk beş, otuz üç.')).toEqual(
      ['Sıfır beş yüz otuz iki, altı yüz on iki, kırk beş, otuz üç'],
    );
    expect(
      phones(
        'Продиктуйте номер. Клиент: восемь девятьсот двенадцать, триста сорок, пятьдесят шесть, семьдесят восемь.',
      ),
    ).toEqual(['восемь девятьсот двенадцать, триста сорок, пятьдесят шесть, семьдесят восемь']);
    expect(
      phones('Vous pouvez me joindre au zéro six, soixante et onze, quatre-vingt-dix-huit, douze, trente.'),
    ).toEqual(['zéro six, soixante et onze, quatre-vingt-dix-huit, douze, trente']);
  });

  it('reads digits one by one in Italian, Portuguese, German, Arabic, and English with double and hyphens', () => {
    expect(
      phones('mi lascia un recapito? Cliente: tre tre nove, quattro otto due, sette sette uno cinque.'),
    ).toEqual(['tre tre nove, quattro otto due, sette sette uno cinque']);
    expect(
      phones('pode confirmar o celular? Cliente: onze, nove sete quatro um dois, oito três cinco zero.'),
    ).toEqual(['onze, nove sete quatro um dois, oito três cinco zero']);
    expect(phones('Meine Nummer ist null eins fünf sieben, drei drei zwei, vier vier acht null.')).toEqual([
      'null eins fünf sieben, drei drei zwei, vier vier acht null',
    ]);
    expect(phones('رقم الموبايل؟ المريض: صفر واحد واحد، ستة ستة أربعة، تسعة صفر ستة سبعة، اتنين.')).toEqual([
      'صفر واحد واحد، ستة ستة أربعة، تسعة صفر ستة سبعة، اتنين',
    ]);
    expect(phones('Ring me back on zero seven seven double-zero, nine eight three, four one two.')).toEqual([
      'zero seven seven double-zero, nine eight three, four one two',
    ]);
    expect(
      phones('And a callback number? Caller: Seven-seven-three, five-five-two, oh-one-eight-nine.'),
    ).toEqual(['Seven-seven-three, five-five-two, oh-one-eight-nine']);
  });

  it('leaves numbers of other things, counts, short numbers and numbers far from the phone word', () => {
    expect(phones('account number is one two three four five six seven eight nine zero')).toEqual([]);
    expect(phones('call the order number in: four five six seven eight nine one two three')).toEqual([]);
    expect(phones('llámame cuando tengas dos o tres minutos, son las cinco y diez')).toEqual([]);
    expect(phones('call me, I have two cats and three dogs')).toEqual([]);
    expect(phones('Telefon: siebzehn Uhr, zwei Termine')).toEqual([]);
    expect(
      phones(
        'the phone was on the table and later, much later in the evening, someone said one two three four five six seven eight nine',
      ),
    ).toEqual([]);
    // `excellent` holds `cell`, `Textil` holds `text`: a phone word starts a word.
    expect(phones('excellent: nine eight seven six five four three two one')).toEqual([]);
  });
});
