import type { Span } from '../types.js';
import { anchorStarts, matchSpansAt } from './util.js';

/**
 * Round 13's secrets: a password after a login's name and `pass` (`user admin / pass K0ru-Stg-9931`), a TOTP
 * seed after its label (`TOTP seed: JBSWY3DPEHPK3PXPQ7KZ2MNT`), and a chosen password given in answer to a
 * question about it (`who has the Netflix password? Chipo: it's Harare#2019love`).
 */

/** `user admin / pass K0ru-Stg-9931`, `login: ops, pw: x7-Rt-22kq`: letters and digits, perhaps joined by symbols. */
const USER_THEN_PASS =
  /\b(?:user(?:name)?|login|usr)\s*[:=]?\s*[\w.@-]{2,40}\s*[/,|;]\s*(?:pass(?:word)?|pwd?)\s*[:=]?\s*["'“]?((?=[^\s"']*\d)(?=[^\s"']*[A-Za-z])[A-Za-z0-9][\w!@#$%^&*.+-]{5,63}?)["'”]?(?=[\s,;)]|[.!?](?:\s|$)|$)/diy;
const USER_WORD = /user|login|usr/gi;

/** The base32 seed of an authenticator app (RFC 4648 letters and 2–7), sixteen characters or more. */
const TOTP_SEED =
  /\b(?:totp|otp|2fa|mfa|authenticator)\s+(?:seed|secret|key)\b[^\n:=]{0,40}[:=]\s*((?=[A-Z2-7]*[2-7])[A-Z2-7]{16,64}=*)(?![\w=])/diy;
const TOTP_WORD = /totp|otp|2fa|mfa|authenticator/gi;

/** A chosen password's shape: a letter, a digit and a symbol in one word. */
const CHOSEN = String.raw`(?=[^\s"']*\d)(?=[^\s"']*[A-Za-z])(?=[^\s"']*[!@#$%^&*?~+])[^\s"',;]{6,64}?`;
/** `password? … it's Harare#2019love`: on the password word's line, the answer `it's` and a chosen password. */
const ANSWER = new RegExp(
  String.raw`\bit(?:['’]s|\sis)\s+["'“]?(${CHOSEN})["'”]?(?=[\s,;)]|[.!?](?:\s|$)|$)`,
  'd',
);
const PASSWORD_WORD = /password|passwort|contraseña|senha|wachtwoord|mot de passe|lösenord/gi;

function answeredPasswords(text: string): Span[] {
  const spans: Span[] = [];
  PASSWORD_WORD.lastIndex = 0;
  for (let m = PASSWORD_WORD.exec(text); m; m = PASSWORD_WORD.exec(text)) {
    const from = m.index + m[0].length;
    const line = text.slice(from, from + 100).split('\n')[0] ?? '';
    const answer = ANSWER.exec(line);
    const range = answer?.indices?.[1];
    if (!answer || !range) continue;
    spans.push({ start: from + range[0], end: from + range[1], type: 'SECRET' });
    PASSWORD_WORD.lastIndex = from + range[1];
  }
  return spans;
}

/** Sticky `pattern`'s first group where it matches at a match of `anchor` that starts a word. */
export function secretsAtWordStarts(text: string, anchor: RegExp, pattern: RegExp, wordChar: RegExp): Span[] {
  const starts = anchorStarts(text, anchor).filter((at) => !wordChar.test(text[at - 1] ?? ''));
  return matchSpansAt(text, starts, pattern, 'SECRET', undefined, 1);
}

export function loginAndSeedSecrets(text: string): Span[] {
  return [
    ...secretsAtWordStarts(text, USER_WORD, USER_THEN_PASS, /\w/),
    ...secretsAtWordStarts(text, TOTP_WORD, TOTP_SEED, /\w/),
    ...answeredPasswords(text),
  ];
}
