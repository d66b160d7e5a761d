import { describe, expect, it } from 'vitest';
import { spokenNumbersAfterCues } from './spoken-numbers.js';

const found = (text: string) => spokenNumbersAfterCues(text).map((span) => text.slice(span.start, span.end));

describe('phone numbers read out in words after a phone word (round 18)', () => {
  it('reads each group as one number: tens joined to units, hundreds, a digit times a hundred', () => {
    expect(
      found(
        'OPERADORA: ¿Me confirma su teléfono? CLIENTE: Sí, es cincuenta y cinco, veintitrés, cuarenta y ocho, noventa y uno, doce.',
      ),
    ).toEqual(['cincuenta y cinco, veintitrés, cuarenta y ocho, noventa y uno, doce']);
    expect(
      found('dar de baja la línea nueve ochenta y siete, seiscientos cuarenta y dos, ciento quince. Gracias'),
    ).toEqual(['nueve ochenta y siete, seiscientos cuarenta y dos, ciento quince']);
    expect(found('Telefonunuz? Hasta: Sıfır beş yüz otuz iki, altı yüz on iki, kırk beş, otuz üç.')).toEqual([
      'Sıfır beş yüz otuz iki, altı yüz on iki, kırk beş, otuz üç',
    ]);
    expect(
      found(
        'Продиктуйте номер. Клиент: восемь девятьсот двенадцать, триста сорок, пятьдесят шесть, семьдесят восемь.',
      ),
    ).toEqual(['восемь девятьсот двенадцать, триста сорок, пятьдесят шесть, семьдесят восемь']);
    expect(
      found('Vous pouvez me joindre au zéro six, soixante et onze, quatre-vingt-dix-huit, douze, trente.'),
    ).toEqual(['zéro six, soixante et onze, quatre-vingt-dix-huit, douze, trente']);
  });

  it('reads digits one by one in Italian, Portuguese, German, Arabic, and English with double and hyphens', () => {
    expect(
      found('mi lascia un recapito? Cliente: tre tre nove, quattro otto due, sette sette uno cinque.'),
    ).toEqual(['tre tre nove, quattro otto due, sette sette uno cinque']);
    expect(
      found('pode confirmar o celular? Cliente: onze, nove sete quatro um dois, oito três cinco zero.'),
    ).toEqual(['onze, nove sete quatro um dois, oito três cinco zero']);
    expect(found('Meine Nummer ist null eins fünf sieben, drei drei zwei, vier vier acht null.')).toEqual([
      'null eins fünf sieben, drei drei zwei, vier vier acht null',
    ]);
    expect(found('رقم الموبايل؟ المريض: صفر واحد واحد، ستة ستة أربعة، تسعة صفر ستة سبعة، اتنين.')).toEqual([
      'صفر واحد واحد، ستة ستة أربعة، تسعة صفر ستة سبعة، اتنين',
    ]);
    expect(found('Ring me back on zero seven seven double-zero, nine eight three, four one two.')).toEqual([
      'zero seven seven double-zero, nine eight three, four one two',
    ]);
    expect(
      found('And a callback number? Caller: Seven-seven-three, five-five-two, oh-one-eight-nine.'),
    ).toEqual(['Seven-seven-three, five-five-two, oh-one-eight-nine']);
  });

  it('leaves numbers of other things, counts, short numbers and numbers far from the phone word', () => {
    expect(found('account number is one two three four five six seven eight nine zero')).toEqual([]);
    expect(found('call the order number in: four five six seven eight nine one two three')).toEqual([]);
    expect(found('llámame cuando tengas dos o tres minutos, son las cinco y diez')).toEqual([]);
    expect(found('call me, I have two cats and three dogs')).toEqual([]);
    expect(found('Telefon: siebzehn Uhr, zwei Termine')).toEqual([]);
    expect(
      found(
        'the phone was on the table and later, much later in the evening, someone said one two three four five six seven eight nine',
      ),
    ).toEqual([]);
    // `excellent` holds `cell`, `Textil` holds `text`: a phone word starts a word.
    expect(found('excellent: nine eight seven six five four three two one')).toEqual([]);
  });
});

describe('identity numbers read out after their label', () => {
  it('reads a CPF, an Aadhaar, a Social and an Emirates ID', () => {
    expect(
      found('Atendente: Qual seu CPF? Cliente: nove nove quatro, nove zero um, três seis oito, dois quatro.'),
    ).toEqual(['nove nove quatro, nove zero um, três seis oito, dois quatro']);
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

  it("reads any scheme after its label, in the label's language, capitals spelled out included", () => {
    expect(
      found('kimlik numaram kırk, yetmiş altı, sıfır, on sekiz, yetmiş sekiz, elli altı, doğum'),
    ).toEqual(['kırk, yetmiş altı, sıfır, on sekiz, yetmiş sekiz, elli altı']);
    expect(
      found('Die Steuer-ID von ihm ist eins zwei drei vier fünf, sechs sieben acht neun null, eins.'),
    ).toEqual(['eins zwei drei vier fünf, sechs sieben acht neun null, eins']);
    expect(
      found('Versichertennummer ist A einhundertdreiundzwanzig vier fünf sechs sieben acht neun, nicht'),
    ).toEqual(['A einhundertdreiundzwanzig vier fünf sechs sieben acht neun']);
    expect(found('đọc số CCCD không bảy chín, một chín sáu, năm một không, một ba hai')).toEqual([
      'không bảy chín, một chín sáu, năm một không, một ba hai',
    ]);
    // (After the word `number`, the nearer ID word names the number; after an ID word, `number` is its label's.)
    expect(
      spokenNumbersAfterCues('khách đọc số CCCD không bảy chín, một chín sáu, năm một không, một ba hai')[0]
        ?.type,
    ).toBe('SSN');
    expect(
      spokenNumbersAfterCues('kimlik numaram kırk, yetmiş altı, sıfır, on sekiz, yetmiş sekiz, elli altı')[0]
        ?.type,
    ).toBe('SSN');
  });

  it('takes a number after its label even when a digit was misheard (its check fails)', () => {
    expect(
      found('Qual seu CPF? Cliente: nove nove quatro, nove zero um, três seis oito, dois cinco.'),
    ).toEqual(['nove nove quatro, nove zero um, três seis oito, dois cinco']);
    expect(found('आधार नंबर लिख लो तीन पाँच चार नौ, छह सात छह सात, सात दो एक तीन')).toEqual([
      'तीन पाँच चार नौ, छह सात छह सात, सात दो एक तीन',
    ]);
  });

  it('leaves numbers after a word that only may name a scheme unless its check holds, and numbers with no label', () => {
    // `Social` and Spanish `sin` are ordinary words too: a US SSN's or a Canadian SIN's rules must hold.
    expect(found('Social is nine two four, eight one, three three seven two.')).toEqual([]);
    expect(found('my social media has one two three four five six seven eight nine followers')).toEqual([]);
    expect(found('Order is five two four, eight one, three three seven two.')).toEqual([]);
    expect(found('Social is fine, we sold twenty one tickets and nineteen ninety-one posters')).toEqual([]);
    expect(found('vine sin cinco, seis, siete, ocho, nueve, diez ni once amigos')).toEqual([]);
  });
});

describe('PINs and codes read out after their word', () => {
  it('reads four to eight digits in any language the reader knows', () => {
    expect(found('el código del portal es cuatro siete dos nueve almohadilla, las llaves')).toEqual([
      'cuatro siete dos nueve',
    ]);
    expect(found('bro my otp is seven one four, two zero nine please dont share it')).toEqual([
      'seven one four, two zero nine',
    ]);
  });

  it('leaves a postcode, a Hindi PIN code (a postcode) and a count after a code word', () => {
    expect(found('the zip code is nine oh two one oh, thanks')).toEqual([]);
    expect(found('रोहिणी, दिल्ली, पिन एक एक शून्य शून्य आठ पाँच')).toEqual([]);
    expect(found('the code has two or three bugs')).toEqual([]);
  });
});

describe('cards, IBANs and plates read out after their word', () => {
  it('takes a card when its Luhn digit holds, an IBAN when mod 97 holds, a plate with letters and digits', () => {
    expect(
      found(
        'переведи на карту четыре два пять шесть, семь девять семь ноль, один девять пять пять, шесть четыре два шесть, как',
      ),
    ).toEqual([
      'четыре два пять шесть, семь девять семь ноль, один девять пять пять, шесть четыре два шесть',
    ]);
    expect(found('plaka da otuz dört ABC yüz yirmi üç, tamam')).toEqual(['otuz dört ABC yüz yirmi üç']);
    expect(found('Su carro placa P-B-X tres ocho uno ya está listo')).toEqual(['P-B-X tres ocho uno']);
  });

  it('leaves a card number that fails Luhn and a plate without a letter', () => {
    expect(
      found(
        'переведи на карту четыре два пять шесть, семь девять семь ноль, один девять пять пять, шесть четыре два семь',
      ),
    ).toEqual([]);
    expect(found('la placa base tiene tres cuatro cinco seis puertos')).toEqual([]);
  });
});

describe('phone numbers read out in CJK digits written without spaces', () => {
  it('reads Chinese, Sino-Korean and katakana digits a few characters after the phone word', () => {
    expect(
      found('语音转文字：“喂，我是陈晓雯，我的手机号是幺三八，零零一三，八八六九，快递放门卫就行”'),
    ).toEqual(['幺三八，零零一三，八八六九']);
    expect(found('네, 저는 박서연이고요, 번호는 공일공 일이삼사 오육칠팔이에요.')).toEqual([
      '공일공 일이삼사 오육칠팔',
    ]);
    expect(found('電話番号はゼロキュウゼロ、イチニーサンヨン、ゴーロクナナハチとのこと')).toEqual([
      'ゼロキュウゼロ、イチニーサンヨン、ゴーロクナナハチ',
    ]);
  });

  it('leaves a phone word followed by ordinary text with a digit in it', () => {
    expect(found('电话一直占线，三点再打')).toEqual([]);
  });
});
