import type { Span } from '../types.js';
import { secretsAtWordStarts } from './secret-user-pass-totp-answers.js';

/**
 * A value shaped like a chosen password a few words after a password word of any language: `reset pw to temp
 * Welcome2024!Fb`, `şifre Gs1905!aslan`, `رمز عبور موقت Tehran#2024kq`, `the jenkins token is 11a9f3e0…`. Up to three
 * words may stand between (`to temp`, `for the router is`; four before a colon: `token for the SMS reminders:`), none with a digit; the value has letters and digits,
 * six characters or more, or is a long hexadecimal token.
 */
const CREDENTIAL_WORDS =
  'password|passwd|pwd|pw|token|пароль\\p{L}*|passwort|kennwort|wachtwoord|contraseña|senha|şifre(?:si|m|niz)?|sifre|parola|lozinka|lozinku|heslo|jelszó|jelszava|κωδικός|salasana|lösenord|passord|adgangskode|lykilorð\\p{L}*|رمز عبور|کلمه عبور|رمز|پسورد|كلمة المرور|כלמת|סיסמה|סיסמא|密码|密碼|비밀번호|비번|パスワード';
/** Printable ASCII with a digit and a Latin letter (not `482019야`: a Korean particle after the digits). */
const VALUE = String.raw`(?=[!-~]*\d)(?=[!-~]*[A-Za-z])(?:(?!["',;])[!-~]){6,64}?[!?]*`;
const CREDENTIAL_THEN_VALUE = new RegExp(
  String.raw`(?:${CREDENTIAL_WORDS})(?![\p{L}])(?:\s(?:is|was|to|=|:|est|ist|es|é|är|er)?(?:\s?[^\s\d:=]{1,20}){0,4})?\s?[:=]?\s["'“]?(${VALUE})["'”]?(?=[\s,;)]|[.!?](?:\s|$)|$)`,
  'diuy',
);
const CREDENTIAL_WORD = new RegExp(CREDENTIAL_WORDS, 'giu');
/** The password word or its `is` right before a value. */
const RIGHT_AFTER_WORD = new RegExp(
  `(?:${CREDENTIAL_WORDS}|\\s(?:is|was|to|est|ist|es|é|är|er))\\s?[:=]?\\s["'“]?$`,
  'iu',
);

/** `locker 114 combination 3-19-27`: a lock's combination, its numbers joined by dashes. */
const COMBINATION =
  /(?:combination|combo|combinación|combinação|kombination|kombinacja)\s(?:is\s|:\s?)?((?:\d{1,2}-){2,3}\d{1,2})(?![\w-])/diy;
const COMBINATION_WORD = /combina|combo|kombina/gi;

/**
 * A value right after the word or its `is`, or one with a symbol or both cases (`password reset for user2024` names a user);
 * no link, e-mail address or host name.
 */
function chosen(text: string, span: Span): boolean {
  const value = text.slice(span.start, span.end);
  if (/:\/\/|@[^.]*\.|^[\w-]+(?:\.[\w-]+){2,}$/.test(value)) return false;
  // (`password reset, laptop LT-JDOYLE-04`: a clause's end or a word about the password between them says the value is
  // something else.)
  const window = text.slice(Math.max(0, span.start - 64), span.start);
  let between = window;
  for (const m of window.matchAll(CREDENTIAL_WORD)) between = window.slice(m.index + m[0].length);
  if (/[,.;!?]\s|\b(?:reset|policy|manager|expired?|changed?|hint|requirements?|rules)\b/i.test(between))
    return false;
  if (/[^\p{L}\d]/u.test(value) || (/\p{Lu}/u.test(value) && /\p{Ll}/u.test(value))) return true;
  // A long token (`5ccd8099ee02cab83bb43e451f9ab284`) is a key whatever words stand between.
  if (/^(?=.*\d)(?=.*[a-z])[a-z0-9]{20,}$/i.test(value)) return true;
  const before = text.slice(Math.max(0, span.start - 24), span.start);
  return RIGHT_AFTER_WORD.test(before);
}

export function secretsAfterCredentialWords(text: string): Span[] {
  return [
    ...secretsAtWordStarts(text, CREDENTIAL_WORD, CREDENTIAL_THEN_VALUE, /[\p{L}\d_]/u).filter((span) =>
      chosen(text, span),
    ),
    ...secretsAtWordStarts(text, COMBINATION_WORD, COMBINATION, /[\p{L}\d_]/u),
  ];
}
