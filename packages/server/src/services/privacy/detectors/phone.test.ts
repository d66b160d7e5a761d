import { describe, expect, it } from 'vitest';
import { detectPhones } from './phone.js';

const found = (text: string) => detectPhones(text).map((span) => text.slice(span.start, span.end));

describe('phone numbers (round 5)', () => {
  it('takes an area code in brackets before a grouped local number, without a phone word', () => {
    expect(found('Pode ligar (11) 98765-4321 depois das 18h.')).toEqual(['(11) 98765-4321']);
    expect(found('Su número (55) 1234 5678, gracias.')).toEqual(['(55) 1234 5678']);
    expect(found('Step (3) 2024 1234 and (12) 3456')).toEqual([]);
  });
});

describe('phone numbers (round 8)', () => {
  it('takes an Indian mobile in five and five, and a number after a contact verb and a name', () => {
    expect(found('bhai Arjun ka number save kar le: 98203 55417, kal')).toEqual(['98203 55417']);
    expect(found('contactar con Jordi al 655 55 21 90.')).toEqual(['655 55 21 90']);
    expect(found('chiama Marco al 347 123 4567')).toEqual(['347 123 4567']);
  });

  it('leaves the digit groups of a tracking code and a hotel confirmation alone', () => {
    expect(found('Tracking 1Z 999 AA1 01 2345 6784 shows Out for Delivery')).toEqual([]);
    expect(found('Hotel confirmation 88421337: Deluxe King')).toEqual([]);
  });

  it('reads call words of more languages before a local number', () => {
    expect(found('llámame al 612 34 56 78')).toEqual(['612 34 56 78']);
    expect(found('zadzwoń 601 234 567 po 17')).toEqual(['601 234 567']);
    expect(found('nipigie kwa simu 0712 345 678')).toEqual(['0712 345 678']);
  });

  it('takes a Russian or Kazakh number with the trunk 8 and the area code in brackets, without a phone word', () => {
    expect(found('бухгалтер, тел. 8 (727) 355-18-42')).toEqual(['8 (727) 355-18-42']);
    expect(found('звоните 8 (495) 123-45-67 или 8 (7172) 55-18-42')).toEqual([
      '8 (495) 123-45-67',
      '8 (7172) 55-18-42',
    ]);
    expect(found('see note 8 (727) on page 355-18')).toEqual([]);
  });
});

describe('a phone word further back in the sentence', () => {
  it('labels a national number a few words after the word', () => {
    expect(found('O telemóvel continua a ser o 913 482 076?')).toEqual(['913 482 076']);
    expect(found('El celu de ella es 11 5634-2871. Ojo que la llave')).toEqual(['11 5634-2871']);
    expect(found('prosi o telefon od lekarza: 601 442 817. Sala 5')).toEqual(['601 442 817']);
  });

  it('not across another number’s word, and a + number is no booking reference', () => {
    expect(found('Caller read out her Turkish ID, 27184603988, twice.')).toEqual([]);
    expect(found('Agent: Thank you for calling, your reference number is 4471-209, is there')).toEqual([]);
    expect(found('Contact on booking: +44 7402 881 633, thanks')).toEqual(['+44 7402 881 633']);
    expect(found("Mum's number just in case: +212 661 447 203.")).toEqual(['+212 661 447 203']);
  });
});

describe('phone words of more languages and mobile money', () => {
  const phones = (text: string) => detectPhones(text).map((span) => text.slice(span.start, span.end));

  it('reads the number after them', () => {
    expect(phones('გამარჯობა ნინო, ჩემი ახალი ნომერია 599 12 48 73.')).toEqual(['599 12 48 73']);
    expect(phones("envoie-moi l'argent par Orange Money au 77 482 19 63. Merci")).toEqual(['77 482 19 63']);
    expect(phones('Ring meg på 924 81 336, hilsen Solveig.')).toEqual(['924 81 336']);
    expect(phones('सीता दिदी, मेरो नयाँ नम्बर 9841234567 हो।')).toEqual(['9841234567']);
  });

  it("reads someone else's number and Arabic call words (round 18)", () => {
    expect(phones('le client de Thiès attend sa facture. Son numéro : 77 412 58 03.')).toEqual([
      '77 412 58 03',
    ]);
    expect(phones('وسيتواصل معك المندوب على الرقم 0551234870.')).toEqual(['0551234870']);
    expect(phones('إذا لم تقم بذلك اتصل بـ 920012345.')).toEqual(['920012345']);
    expect(phones('حي الروضة، جدة 23435، الاتصال على 0551234409')).toEqual(['0551234409']);
    expect(phones('رقم الطلب 44821 تم استلامه')).toEqual([]);
  });
});

describe('phone numbers (round 19)', () => {
  it('keeps the extension with its number', () => {
    expect(found('reach the front desk at (212) 555-0187 ext. 342')).toEqual(['(212) 555-0187 ext. 342']);
    expect(found('Switchboard +44 20 7946 0958 x2214, ask for Dispatch.')).toEqual([
      '+44 20 7946 0958 x2214',
    ]);
    expect(found('Call (212) 555-0187 x 3 times if busy')).toEqual(['(212) 555-0187 x 3']);
    expect(found('Tel. (02) 8482 7316 loc. 214')).toEqual(['(02) 8482 7316 loc. 214']);
    expect(found('טלפון 03-6482731 שלוחה 214')).toEqual(['03-6482731 שלוחה 214']);
    expect(found('Tel. 030 48273160-214')).toEqual(['030 48273160-214']);
    expect(found('cep: 0532 418 27 93')).toEqual(['0532 418 27 93']);
    expect(found('invoice to company, HP 9155 0327, deliver')).toEqual(['9155 0327']);
    expect(found('On 03/12/2026 09:15, Priscilla Tan wrote: > Hi')).toEqual([]);
  });
});

describe('phone numbers after texting words (round 19)', () => {
  it('reads a number after text or sms, single digits spaced too', () => {
    expect(found("text 9 8 2 0 1 4 7 3 6 5 on whatsapp, that's my cousin's phone")).toEqual([
      '9 8 2 0 1 4 7 3 6 5',
    ]);
    expect(found('sms 0803 447 2190 when you land')).toEqual(['0803 447 2190']);
  });
});

describe('phone words of round 19', () => {
  it('reads a number after reached at and the phone words of Hebrew, Tamil and Nepali', () => {
    expect(found('He can be reached at 9418 2736 after six')).toEqual(['9418 2736']);
    expect(found('נא לחזור אליי בטלפון 052-4182736')).toEqual(['052-4182736']);
    expect(found('தொலைபேசி: 94440 18273')).toEqual(['94440 18273']);
    expect(found('सम्पर्क: 9841-418273')).toEqual(['9841-418273']);
  });
});
