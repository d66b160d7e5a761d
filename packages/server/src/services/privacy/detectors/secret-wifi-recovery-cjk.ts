import type { Span } from '../types.js';
import { fromAnchors } from './util.js';

/** A chosen password of words or letters joined by `-`, `_`, `#`…, with a digit in it (`Kyiv-Office#2024`). */
const JOINED_VALUE = String.raw`((?=[\w.@#$%&*!-]*\d)[A-Za-z][A-Za-z0-9]*(?:[_.@#$%&*!-][A-Za-z0-9]+)+[!#$%&*]*)`;

/**
 * `WPA2 key Kyiv-Office#2024`, `Wi-Fi: Guest-5G / key sunflower-harbour-91`: on a Wi-Fi line, the value
 * right after its key or password word.
 */
const WIFI_WORD = /wi-?fi|wlan|wpa|ssid/gi;
const WIFI_KEY = new RegExp(
  String.raw`(?:wi-?fi|wlan|wpa[23]?|ssid)\b[^\n.;?]{0,40}?\b(?:key|pw|psk|pass(?:word|phrase|wort)?|kennwort|schlüssel|clave|contraseña|mot de passe|wachtwoord|senha)\b(?:\s+(?:is|was))?\s*[:=]?\s*["'“]?${JOINED_VALUE}["'”]?(?![\w@#$%&*!-])`,
  'diy',
);

function wifiKeys(text: string): Span[] {
  const spans: Span[] = [];
  WIFI_WORD.lastIndex = 0;
  for (let m = WIFI_WORD.exec(text); m; m = WIFI_WORD.exec(text)) {
    WIFI_KEY.lastIndex = m.index;
    const key = WIFI_KEY.exec(text);
    const range = key?.indices?.[1];
    if (!key || !range) continue;
    spans.push({ start: range[0], end: range[1], type: 'SECRET' });
    WIFI_WORD.lastIndex = key.index + key[0].length;
  }
  return spans;
}

/**
 * `kode pemulihan lama 7f3k-9q2m 4x8w-1z6p`, `códigos de recuperación: …`, `Wiederherstellungscodes …`:
 * recovery codes named in other languages; without a colon only codes in the two-part shape are taken.
 */
const RECOVERY_WORD =
  /pemulihan|cadangan|récupération|recuperación|recuperação|respaldo|wiederherstellungscode|herstelcode|sicherungscode/gi;
const RECOVERY_CUE =
  /(?:(?:kode?|c[oó]digos?|codes?)\s+(?:de\s+)?(?:pemulihan|cadangan|récupération|recuperación|recuperação|respaldo)|(?:wiederherstellungs|herstel|sicherungs)codes?)(?:\s+\p{L}{2,12})?(?:\s*:)?/iuy;
const RECOVERY_CODE = /[\s,;]+((?=[\w-]*\d)[A-Za-z0-9]{4,6}-[A-Za-z0-9]{4,6})(?![\w-])/dy;

function foreignRecoveryCodes(text: string): Span[] {
  const spans: Span[] = [];
  for (const cue of fromAnchors(text, RECOVERY_WORD, RECOVERY_CUE, 2)) {
    RECOVERY_CODE.lastIndex = cue.index + cue[0].length;
    for (let code = RECOVERY_CODE.exec(text); code; code = RECOVERY_CODE.exec(text)) {
      const range = code.indices?.[1];
      if (range) spans.push({ start: range[0], end: range[1], type: 'SECRET' });
    }
  }
  return spans;
}

/**
 * `my netflix login is jonno.b88@hotmail.co.uk / chelsea2019!`: after a login's e-mail and a slash, a
 * password-shaped value (a letter, a digit and a symbol), with a word about logging in just before.
 */
const SLASH = / \/ /g;
const EMAIL_BEFORE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;
const LOGIN_BEFORE =
  /\b(?:login|log-?in|logon|sign[ -]?in|credentials?|creds|account|konto|compte|cuenta|conta)\b/i;
const CHOSEN_AFTER =
  /["'“]?((?=[^\s"']*\d)(?=[^\s"']*[A-Za-z])(?=[^\s"']*[!@#$%^&*?~+])[^\s"',;@]{6,64}?[!?]*)(?=["'”]?(?:[\s,;)]|[.!?](?:\s|$)|$))/dy;

function passwordsAfterLoginEmails(text: string): Span[] {
  const spans: Span[] = [];
  SLASH.lastIndex = 0;
  for (let m = SLASH.exec(text); m; m = SLASH.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 100), m.index);
    const email = EMAIL_BEFORE.exec(before);
    if (!email || !LOGIN_BEFORE.test(before.slice(Math.max(0, email.index - 40), email.index))) continue;
    CHOSEN_AFTER.lastIndex = m.index + m[0].length;
    const range = CHOSEN_AFTER.exec(text)?.indices?.[1];
    if (range) spans.push({ start: range[0], end: range[1], type: 'SECRET' });
  }
  return spans;
}

/**
 * `密码已重置为 Zl#48217Qx`, `パスワードは Sakura#2024`, `비밀번호: Seoul!4821`: after the word for password in
 * Chinese, Japanese or Korean and a few characters of its sentence, a value with a letter and a digit.
 */
const CJK_PASSWORD_WORD = /密码|密碼|口令|パスワード|비밀번호/g;
const CJK_PASSWORD =
  /(?:密码|密碼|口令|パスワード|비밀번호)[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}：:= ]{0,8}?[：:= ]?\s*((?=[\w!@#$%^&*.-]*\d)(?=[\w!@#$%^&*.-]*[A-Za-z])[A-Za-z0-9!@#$%^&*._-]{6,64})(?![\w!@#$%^&*-])/duy;

function cjkPasswords(text: string): Span[] {
  const spans: Span[] = [];
  CJK_PASSWORD_WORD.lastIndex = 0;
  for (let m = CJK_PASSWORD_WORD.exec(text); m; m = CJK_PASSWORD_WORD.exec(text)) {
    CJK_PASSWORD.lastIndex = m.index;
    const range = CJK_PASSWORD.exec(text)?.indices?.[1];
    if (range) spans.push({ start: range[0], end: range[1], type: 'SECRET' });
  }
  return spans;
}

/** Wi-Fi keys, recovery codes named in other languages, a password after a login e-mail or a CJK password word. */
export function keysCodesAndLoginPasswords(text: string): Span[] {
  return [
    ...wifiKeys(text),
    ...foreignRecoveryCodes(text),
    ...passwordsAfterLoginEmails(text),
    ...cjkPasswords(text),
  ];
}
