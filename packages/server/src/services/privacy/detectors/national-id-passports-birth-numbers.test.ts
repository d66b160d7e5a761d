import { describe, expect, it } from 'vitest';
import { detectNationalIds } from './national-id.js';
import {
  luxembourgMatriculeValid,
  pisValid,
  rnokppValid,
  rodneCisloValid,
} from './national-id-passports-birth-numbers.js';

const found = (text: string) => detectNationalIds(text).map((span) => text.slice(span.start, span.end));

describe('round 12 identity numbers', () => {
  it('takes a number after the word for passport in more languages', () => {
    expect(found('签证申请：刘洋，护照号E48217365，出生')).toEqual(['E48217365']);
    expect(found('비자 신청: 최유진, 여권번호 M48217365.')).toEqual(['M48217365']);
    expect(found('Visum: Nguyen Van Minh, paspoort C4821736, geboren')).toEqual(['C4821736']);
    expect(found('Wniosek wizowy: paszport FE482173, data')).toEqual(['FE482173']);
    expect(found('वीज़ा आवेदन: अनीता देवी, पासपोर्ट P4821736, जन्म')).toEqual(['P4821736']);
    expect(found('درخواست ویزا: زهرا کریمی، شماره گذرنامه P48217365.')).toEqual(['P48217365']);
  });

  it('leaves numbers without a passport label alone', () => {
    expect(found('Visum: bestelling C4821736, geboren')).toEqual([]);
    expect(found('paspoortfoto gemaakt, order 48217365 verzonden')).toEqual([]);
  });

  it('checks the Czech and Slovak birth number by its date and mod 11', () => {
    expect(rodneCisloValid('790814/1230')).toBe(true);
    expect(rodneCisloValid('845611/3171')).toBe(true); // a woman: month + 50
    expect(rodneCisloValid('790814/1231')).toBe(false);
    expect(rodneCisloValid('791314/1237')).toBe(false); // month 13
    expect(found('Mzdová účtárna: Petr Dvořák, RČ 910328/1671.')).toEqual(['910328/1671']);
    expect(found('RČ: Petr 910328/1671, Jana 845611/3171')).toEqual(['910328/1671', '845611/3171']);
    expect(found('RČ: Petr 910328/1671, faktura 845611/3172')).toEqual(['910328/1671']);
    expect(found('Faktura 910328/1671 zaplacena')).toEqual([]);
  });

  it("checks Ukraine's РНОКПП", () => {
    expect(rnokppValid('8361394554')).toBe(true);
    expect(rnokppValid('8361394555')).toBe(false);
    expect(found('Зарплата: Олександр Шевченко, РНОКПП 8361394554, рахунок')).toEqual(['8361394554']);
    expect(found('РНОКПП: Олександр 8361394554; замовлення 8361394555')).toEqual(['8361394554']);
    expect(found('Замовлення 8361394554 відправлено')).toEqual([]);
  });

  it("finds Brazil's PIS in its dotted layout by its check", () => {
    expect(pisValid('120.54812.94-5')).toBe(true);
    expect(pisValid('120.54812.94-6')).toBe(false);
    expect(found('Folha de pagamento: Thiago, PIS 120.54812.94-5, conta')).toEqual(['120.54812.94-5']);
    expect(found('Pedido 120.54812.94-6 enviado')).toEqual([]);
  });

  it('takes a number after the isiZulu and isiXhosa words for ID number', () => {
    expect(found('Isicelo se-visa: Nomvula Mthembu, inombolo kamazisi 9211045299397.')).toEqual([
      '9211045299397',
    ]);
    expect(found('inombolo yocingo 0821234567')).toEqual([]);
  });
});

describe('round 12 identity numbers, more labels', () => {
  it("checks Luxembourg's matricule by its date, Luhn and Verhoeff digits after its label", () => {
    expect(luxembourgMatriculeValid('1984072289668')).toBe(true);
    expect(luxembourgMatriculeValid('1984072289669')).toBe(false);
    expect(found('Client Jean-Marc Schmit, matricule 1984072289668, compte')).toEqual(['1984072289668']);
    expect(found('Commande 1984072289668 expédiée')).toEqual([]);
    expect(found('matricule: Jean 1984072289668; commande 1984072289669')).toEqual(['1984072289668']);
  });

  it('takes a number after EMŠO and after Aadhaar in Indian scripts', () => {
    expect(found('Stranka Matej Kovačič, EMŠO 0907988500165, TRR')).toEqual(['0907988500165']);
    expect(found('ಗ್ರಾಹಕ ರಮೇಶ್ ಗೌಡ ಅವರ ಆಧಾರ್ 2399 8990 8097, ಮೊಬೈಲ್')).toEqual(['2399 8990 8097']);
    expect(found('ಗ್ರಾಹಕ ರಮೇಶ್ ಗೌಡ ಅವರ ಆದೇಶ 2399 8990 8097')).toEqual([]);
  });
});

describe('identity labels of round 19', () => {
  it('reads a passport number after the word in more scripts, and the Sinhala and Tunisian ID labels', () => {
    expect(found('(ਜਨਮ ਮਿਤੀ 05-03-1958, ਪਾਸਪੋਰਟ V4827163)')).toEqual(['V4827163']);
    expect(found('ජා.හැ.අ. 198512304871')).toEqual(['198512304871']);
    expect(found('بطاقة التعريف الوطنية 08413927 على')).toEqual(['08413927']);
  });
});
