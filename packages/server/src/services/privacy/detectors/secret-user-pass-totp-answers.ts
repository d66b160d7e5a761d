import type { Span } from '../types.js';
import { anchorStarts, matchSpansAt } from './util.js';

/**
 * Round 13's secrets: a password after a login's name and `pass` (`user admin / pass K0ru-Stg-9931`) and a TOTP
 * seed after its label (`TOTP seed: JBSWY3DPEHPK3PXPQ7KZ2MNT`). (A password given in answer to a question about
 * it is `secretsInNextTurn`'s.)
 */

/** `user admin / pass K0ru-Stg-9931`, `login: ops, pw: x7-Rt-22kq`: letters and digits, perhaps joined by symbols. */
const USER_THEN_PASS =
  /\b(?:user(?:name)?|login|usr)\s*[:=]?\s*[\w.@-]{2,40}\s*[/,|;]\s*(?:pass(?:word)?|pwd?)\s*[:=]?\s*["'“]?((?=[^\s"']*\d)(?=[^\s"']*[A-Za-z])[A-Za-z0-9][\w!@#$%^&*.+-]{5,63}?)["'”]?(?=[\s,;)]|[.!?](?:\s|$)|$)/diy;
const USER_WORD = /user|login|usr/gi;

/** The base32 seed of an authenticator app (RFC 4648 letters and 2–7), sixteen characters or more. */
const TOTP_SEED =
  /\b(?:totp|otp|2fa|mfa|authenticator)\s+(?:seed|secret|key)\b[^\n:=]{0,40}[:=]\s*((?=[A-Z2-7]*[2-7])[A-Z2-7]{16,64}=*)(?![\w=])/diy;
const TOTP_WORD = /totp|otp|2fa|mfa|authenticator/gi;

/** Sticky `pattern`'s first group where it matches at a match of `anchor` that starts a word. */
export function secretsAtWordStarts(text: string, anchor: RegExp, pattern: RegExp, wordChar: RegExp): Span[] {
  const starts = anchorStarts(text, anchor).filter((at) => !wordChar.test(text[at - 1] ?? ''));
  return matchSpansAt(text, starts, pattern, 'SECRET', undefined, 1);
}

export function loginAndSeedSecrets(text: string): Span[] {
  return [
    ...secretsAtWordStarts(text, USER_WORD, USER_THEN_PASS, /\w/),
    ...secretsAtWordStarts(text, TOTP_WORD, TOTP_SEED, /\w/),
  ];
}
