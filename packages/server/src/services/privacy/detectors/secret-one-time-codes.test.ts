import { describe, expect, it } from 'vitest';
import { detectSecrets } from './secret.js';

const found = (text: string) => detectSecrets(text).map((span) => text.slice(span.start, span.end));

describe('one-time codes as services text them, and door codes of more languages', () => {
  it('reads the code of a sign-in message', () => {
    expect(found('Hi Sipho, use code 771902 to reset your password.')).toEqual(['771902']);
    expect(found('Your Barclays verification code is 482 016. Never share it.')).toEqual(['482 016']);
    expect(found("Your WhatsApp code: 381-446. Don't share this code")).toEqual(['381-446']);
    expect(found('G-583021 is your Google verification code.')).toEqual(['583021']);
    expect(found('مرحباً عبدالله، رمز التحقق الخاص بك هو 904712. لا تشاركه')).toEqual(['904712']);
    expect(found('דני, תשלח לי את הקוד שקיבלת בסמס: 739204')).toEqual(['739204']);
  });

  it('reads Finnish and Catalan door codes', () => {
    expect(found('Hei Juha, ovikoodi on 1947 ja avain on postilaatikossa.')).toEqual(['1947']);
    expect(found('el codi de la porta és 3108 i la clau és a la farmàcia')).toEqual(['3108']);
  });

  it('leaves an order code and an error code', () => {
    expect(found('Your order code is 48213, thanks for shopping')).toEqual([]);
    expect(found('error code 5001 on login page')).toEqual([]);
  });
});

describe('a Persian one-time code', () => {
  it('reads the code after رمز یکبار مصرف', () => {
    expect(found('لطفاً رمز یکبار مصرف 842193 را به هیچ‌کس ندهید.')).toEqual(['842193']);
  });
});
