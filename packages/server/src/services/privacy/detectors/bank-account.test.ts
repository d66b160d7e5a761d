import { describe, expect, it } from 'vitest';
import { detectBankAccounts } from './bank-account.js';

const found = (text: string) => detectBankAccounts(text).map((span) => text.slice(span.start, span.end));

describe('domestic bank account numbers', () => {
  it('reads the account beside a bank code of several countries', () => {
    expect(found('Sort code 20-04-15, account 73849216 — or use the IBAN from abroad.')).toEqual([
      '73849216',
    ]);
    expect(found('Routing 021000021, checking account 4829103756, name on account M. Vega.')).toEqual([
      '4829103756',
    ]);
    expect(found('ABA 122000661 / acct no. 000123458871 for the wire')).toEqual(['000123458871']);
    expect(found('BSB 062-000, account 1048 2297 (Liam)')).toEqual(['1048 2297']);
    expect(found('IFSC SBIN0001234, A/c 38472910563')).toEqual(['38472910563']);
  });

  it("reads `acc`, Vietnam's `stk`, a CLABE, a bank's name ending in `bank`, and tithes paid in", () => {
    expect(found('abeg send the 15k to my gtbank acct 0247719385 name na chiamaka')).toEqual(['0247719385']);
    expect(found('chuyen khoan vao stk 0071000823416 vietcombank nhe')).toEqual(['0071000823416']);
    expect(found('te mando mi clabe 012180004471829368 de BBVA')).toEqual(['012180004471829368']);
    expect(found('Tithes via EcoCash, or CABS account 1002648813')).toEqual(['1002648813']);
    expect(found('sort code 20-44-91 acc 53118820 name Callum McLeod')).toEqual(['53118820']);
  });

  it('reads a bank named in three words, a CBU, a Russian счёт, a Japanese 普通 and a Korean 계좌 with its bank', () => {
    expect(found('a su cuenta de ahorros Bancolombia 04827316095 por servicios')).toEqual(['04827316095']);
    expect(found('acreditar haberes en CBU 0720482573160491527380.')).toEqual(['0720482573160491527380']);
    expect(found('зарплата перечисляется на счёт 40817810538048273160 в ПАО Сбербанк.')).toEqual([
      '40817810538048273160',
    ]);
    expect(found('振込先 三菱UFJ銀行 渋谷支店 普通 4827316、通勤')).toEqual(['4827316']);
    expect(found('급여계좌 국민은행 482701-04-316091, 차량번호')).toEqual(['482701-04-316091']);
    expect(found('Transfer ke BCA rek 8720 331 946 a.n. Agus')).toEqual(['8720 331 946']);
    expect(found('Consignación a Bancolombia ahorros 02385512047 titular')).toEqual(['02385512047']);
    expect(found('payroll: direct deposit to 1049872 at transit 00012')).toEqual(['1049872']);
    expect(found('direct deposit to routing 071000013, account 000293847165')).toEqual(['000293847165']);
  });

  it('leaves an account number on a line without a bank code', () => {
    expect(found('Customer account 12345678 was closed.')).toEqual([]);
    expect(found('Sort code 20-04-15 on file.\nYour account 12345678 is overdue.')).toEqual([]);
  });
});
