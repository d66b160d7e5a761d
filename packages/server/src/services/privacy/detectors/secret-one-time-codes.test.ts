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

describe('more door codes and a card security code', () => {
  it('reads them', () => {
    expect(found('Gate code *2741, then lift to 6th floor')).toEqual(['*2741']);
    expect(found('Rua Augusta, 1508 – interfone 72#')).toEqual(['72#']);
    expect(found('kapı şifresi 1453*. – Burak')).toEqual(['1453*']);
    expect(found('το κλειδί είναι στο γραμματοκιβώτιο, κωδικός 3719.')).toEqual(['3719']);
    expect(found('din nye kode til cykelkælderen er 7741. Hilsen')).toEqual(['7741']);
    expect(found('Discover card, exp 09/27, CVV 418. Please delete after booking.')).toEqual(['418']);
  });

  it("leaves a test card's CVC", () => {
    expect(found('Sandbox only: Visa test card, any future expiry, CVC 123.')).toEqual([]);
  });
});

describe('verification codes in more languages (round 19)', () => {
  it('reads the code after the word for a verification code', () => {
    expect(found('Ваш код подтверждения: 582914. Никому его не сообщайте.')).toEqual(['582914']);
    expect(found('인증번호 [736204]를 입력해 주세요.')).toEqual(['736204']);
    expect(found('您的验证码是 482913,5分钟内有效。')).toEqual(['482913']);
    expect(found('Ihr Bestätigungscode lautet 482 913.')).toEqual(['482 913']);
    expect(found('Doğrulama kodunuz: 482913')).toEqual(['482913']);
    expect(found('Mã xác nhận của bạn là 482913')).toEqual(['482913']);
  });
});
