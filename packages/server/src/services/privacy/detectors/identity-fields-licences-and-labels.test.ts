import { describe, expect, it } from 'vitest';
import { detectAll, loadNameLexicon } from './index.js';
import { detectNationalIds } from './national-id.js';
import { ramqValid, ukDrivingLicenceValid } from './national-id-passports-birth-numbers.js';
import { detectPhones } from './phone.js';

const found = (text: string) => detectNationalIds(text).map((span) => text.slice(span.start, span.end));
const phones = (text: string) => detectPhones(text).map((span) => text.slice(span.start, span.end));

describe('round 12 identity fields and phone words', () => {
  it('takes a British driving licence by its layout and birth date', () => {
    expect(ukDrivingLicenceValid('MORGA753116SM9IJ')).toBe(true);
    expect(ukDrivingLicenceValid('LLEWE858147G99TX')).toBe(true); // a woman: month + 50
    expect(ukDrivingLicenceValid('LLEWE813147G99TX')).toBe(false); // month 13
    expect(found('DL number LLEWE803147G99TX, pickup')).toEqual(['LLEWE803147G99TX']);
    expect(found('Licence: JON99751023J99AB')).toEqual(['JON99751023J99AB']);
    expect(found('SKU ABCDE123456XYZ9, batch LLEWE803147G9TX')).toEqual([]);
  });

  it('takes a National Insurance number of any prefix only after NI', () => {
    expect(found('driver Olivia Bennett, NI QQ 12 34 56 C.')).toEqual(['QQ 12 34 56 C']);
    expect(found('driver Olivia Bennett, ref QQ 12 34 56 C.')).toEqual([]);
    expect(found('Nina QQ 12 34 56 C')).toEqual([]);
  });

  it('ends an address at the comma before a labelled identity number', async () => {
    const names = await loadNameLexicon([]);
    const spans = (text: string) =>
      detectAll(text, names).map((span) => `${span.type}:${text.slice(span.start, span.end)}`);
    expect(spans('Locataire: 4821, rue Saint-Denis, Montréal (Québec) H2J 2L6, NAS 424 244 911.')).toContain(
      'SSN:424 244 911',
    );
    // A state or a city before a postcode stays in the address.
    expect(spans('Ship to 1187 Juniper Hollow Rd, Boise, ID 83709 today')).toContain(
      'ADDRESS:1187 Juniper Hollow Rd, Boise, ID 83709',
    );
  });

  it('reads Polish and Mongolian phone words', () => {
    expect(phones('matka dzwoniła z 512 348 907.')).toEqual(['512 348 907']);
    expect(phones('регистрийн дугаар УБ90021473, утас 9911 4821.')).toEqual(['9911 4821']);
    expect(phones('zamówienie 512 348 907 wysłane')).toEqual([]);
  });

  it("reads a business's numbers after an identity label or a reference word as no identity number", () => {
    expect(found('Kontrollschild ZH 482193, Versicherungsnummer POL-88213. Sachbearbeiterin')).toEqual([]);
    expect(found('Versicherungsnummer 1231 150385')).toEqual(['1231 150385']);
    expect(found('Student Nguyen Thi Hoa, ID S2024-1187, email')).toEqual([]);
    expect(found('FedEx shipment 7749 2918 3305 cleared customs')).toEqual([]);
    expect(found('Aadhaar 4967 1234 5673 on file')).toEqual(['4967 1234 5673']);
    expect(found('wants PAN on invoice: AKLPR4821M')).toEqual(['AKLPR4821M']);
  });

  it('reads identity labels in Sinhala, Arabic, Russian, Telugu without its joiner, and Rwanda’s grouped number', () => {
    expect(found('වීසා: නිමල් පෙරේරා, ජාතික හැඳුනුම්පත 198712304821.')).toEqual(['198712304821']);
    expect(found('الموكل خالد العمري، الرقم الوطني 9871048213، هاتف')).toEqual(['9871048213']);
    expect(found('Пациентка Морозова, полис ОМС 7745 1298 3310 4461.')).toEqual(['7745 1298 3310 4461']);
    expect(found('వీసా దరఖాస్తు: పాస్పోర్ట్ Z4821736, పుట్టిన')).toEqual(['Z4821736']);
    expect(found('yishyuye, indangamuntu 1 1992 7 0048213 0 41.')).toEqual(['1 1992 7 0048213 0 41']);
    expect(found('Ticket 1 1992 7 0048213 0 41 closed')).toEqual([]);
    expect(found('Пациентка Морозова, счёт 7745 1298 3310 4461.')).toEqual([]);
  });

  it("takes Québec's health insurance number after its label, with its birth date", () => {
    expect(ramqValid('TREM 6855 1214')).toBe(true); // a woman: month + 50
    expect(ramqValid('TREM 6835 1214')).toBe(false);
    expect(found("numéro d'assurance maladie TREM 6805 1214 à vérifier")).toEqual(['TREM 6805 1214']);
    expect(found('Facture TREM 6805 1214')).toEqual([]);
  });
});
