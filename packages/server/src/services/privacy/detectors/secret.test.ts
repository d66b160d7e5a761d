import { describe, expect, it } from 'vitest';
import { detectSecrets } from './secret.js';

const found = (text: string) => [
  ...new Set(detectSecrets(text).map((span) => text.slice(span.start, span.end))),
];

describe('secrets after a cue, and passphrases (round 5)', () => {
  it('takes a password of letters only when it ends the clause after the password word', () => {
    expect(found('The password for the shed is bluebell.')).toEqual(['bluebell']);
    expect(found('Das Passwort für den Router ist Gartenzwerg.')).toEqual(['Gartenzwerg']);
    expect(found('passphrase dolphin — she will change it')).toEqual(['dolphin']);
    expect(found('Wi-Fi: password sunflowerfield.')).toEqual(['sunflowerfield']);
  });

  it('leaves words about a password', () => {
    expect(found('The password is wrong, sorry.')).toEqual([]);
    expect(found('The password was changed on Monday.')).toEqual([]);
    expect(found('Our password policy is strict.')).toEqual([]);
    expect(found('I will change my password tomorrow.')).toEqual([]);
    expect(found('Use a password manager.')).toEqual([]);
  });

  it('takes the code of a gate, a door or an alarm', () => {
    expect(found('Gate code is 4821, the lift code is 7730.')).toEqual(['4821', '7730']);
    expect(found('the code for the alarm is 90514')).toEqual(['90514']);
    expect(found('Door code: 2580#')).toEqual(['2580#']);
    expect(found('the code for the product is 40012, error code 500')).toEqual([]);
  });

  it('takes a hyphenated passphrase ending in a number on a line about logging in', () => {
    expect(found('He pasted Harmattan-Blue-42 into the chat as his new login.')).toEqual([
      'Harmattan-Blue-42',
    ]);
    expect(found('Galaxy-Note-10 and Black-Friday-2024 are on sale.')).toEqual([]);
  });
});
