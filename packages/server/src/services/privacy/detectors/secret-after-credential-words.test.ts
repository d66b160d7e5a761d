import { describe, expect, it } from 'vitest';
import { detectSecrets } from './secret.js';

const found = (text: string) => detectSecrets(text).map((span) => text.slice(span.start, span.end));

describe('a chosen password a few words after a password word of any language', () => {
  it('reads the value after the word, its `is` or a few words', () => {
    expect(found('reset pw to temp Welcome2024!Fb, force change at next login')).toEqual(['Welcome2024!Fb']);
    expect(found('Chat: ahmet abi şifre Gs1905!aslan, modeme yapıştır')).toEqual(['Gs1905!aslan']);
    expect(found('آقای کریمی گفتند رمز عبور موقت Tehran#2024kq کار نمی‌کند.')).toEqual(['Tehran#2024kq']);
    expect(found('the jenkins token is 11a9f3e0c7d2b84e5a6f1c09d3b7e2a4f8, rotate it')).toEqual([
      '11a9f3e0c7d2b84e5a6f1c09d3b7e2a4f8',
    ]);
    expect(found('Gym: locker 114 combination 3-19-27, member')).toEqual(['3-19-27']);
  });

  it('leaves what a password is for: a user, a link, an address, a host, its policy', () => {
    expect(found('password reset for user2024 done')).toEqual([]);
    expect(found('password reset link: https://sso.example/reset?id=7 sent')).not.toContain(
      'https://sso.example/reset?id=7',
    );
    expect(found('token sent to liam.oconnor82@hotmail.com')).toEqual([]);
    expect(found('password policy requires 12 characters')).toEqual([]);
  });
});

describe('Russian password words and long tokens after four words (round 18)', () => {
  it('takes the value after пароль and a long token after a longer description', () => {
    expect(found('Алексей, пароль от админки сайта: Zima_2024!vologda. Логин admin.')).toEqual([
      'Zima_2024!vologda',
    ]);
    expect(
      found('Twilio auth token for the SMS reminders: 5ccd8099ee02cab83bb43e451f9ab284 (owner)'),
    ).toEqual(['5ccd8099ee02cab83bb43e451f9ab284']);
    expect(found('the token for the new intern: pending approval')).toEqual([]);
  });
});
