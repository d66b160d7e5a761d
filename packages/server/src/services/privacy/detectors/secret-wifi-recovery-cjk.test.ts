import { describe, expect, it } from 'vitest';
import { detectSecrets } from './secret.js';
import { keysCodesAndLoginPasswords } from './secret-wifi-recovery-cjk.js';

const found = (text: string) =>
  keysCodesAndLoginPasswords(text).map((span) => text.slice(span.start, span.end));

describe('round 12 secrets', () => {
  it('takes the key on a Wi-Fi line', () => {
    expect(found('the Wi-Fi password; it is WPA2 key Kyiv-Office#2024 for SSID CorpGuest.')).toEqual([
      'Kyiv-Office#2024',
    ]);
    expect(found('Wi-Fi: Guest-5G / key sunflower-harbour-91')).toEqual(['sunflower-harbour-91']);
    expect(found('WLAN-Passwort: Garten_Haus_77')).toEqual(['Garten_Haus_77']);
  });

  it('leaves Wi-Fi lines without a key value alone', () => {
    expect(found('Wi-Fi key rotation is due; see the wiki.')).toEqual([]);
    expect(found('SSID Office-5G, key on the fridge')).toEqual([]);
    expect(found('WPA2 key length is 8-63 characters')).toEqual([]);
  });

  it('takes recovery codes named in other languages', () => {
    expect(found('minta reset 2FA, kode pemulihan lama 7f3k-9q2m 4x8w-1z6p m2n8-k4r7. Ditangani')).toEqual([
      '7f3k-9q2m',
      '4x8w-1z6p',
      'm2n8-k4r7',
    ]);
    expect(found('códigos de recuperación: 8h2k-4m9x, 3p7q-6w2z')).toEqual(['8h2k-4m9x', '3p7q-6w2z']);
    expect(found('Wiederherstellungscodes neu erstellt am 2024-03-01')).toEqual([]);
    expect(found('kode pemulihan sudah dikirim lewat email')).toEqual([]);
  });

  it("takes a password after a login's e-mail and a slash", () => {
    expect(found('my netflix login is jonno.b88@hotmail.co.uk / chelsea2019! if you want it')).toEqual([
      'chelsea2019!',
    ]);
    expect(found('contact jonno.b88@hotmail.co.uk / chelsea2019! for tickets')).toEqual([]);
    expect(found('login: jonno.b88@hotmail.co.uk / see vault')).toEqual([]);
  });

  it('is part of detectSecrets', () => {
    const text = 'Wi-Fi: Guest-5G / key sunflower-harbour-91';
    expect(detectSecrets(text).map((span) => text.slice(span.start, span.end))).toContain(
      'sunflower-harbour-91',
    );
  });

  it('takes a password after the word for it in Chinese, Japanese and Korean', () => {
    expect(found('的邮箱 zhaolei@bjhospital.cn 密码已重置为 Zl#48217Qx。 处理人')).toEqual(['Zl#48217Qx']);
    expect(found('비밀번호: Seoul!4821 입니다')).toEqual(['Seoul!4821']);
    expect(found('密码已重置，请查收邮件 2024')).toEqual([]);
  });
});
