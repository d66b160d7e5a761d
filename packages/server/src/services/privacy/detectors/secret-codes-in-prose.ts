import type { Span } from '../types.js';
import { anchorStarts } from './util.js';

/**
 * Door, gate, box and card codes in running text, in any of the languages below: a code word (`code`,
 * `combo`, `код`, `kapukód`, `codice`, `PIN`, `รหัส`, `密碼`), a few words, then the digits (`Lockbox on the side gate: 2580`,
 * `the new code is 1204#`, `Код домофона 2580`, `codice del portone è 3381`, `Gate combo is 7-3-1`, `Keypad for the bike shed: 1 9 0 6`). The
 * words around the code must name what it opens (a gate, a key box, an intercom, a card), so that an error,
 * area or postal code stays a number.
 */
const CODE_WORD =
  /(?:(?:codes?|code)(?!\s(?:review|base|snippet|block|sample|of conduct|freeze)\b)|combo|combination|passcode|pin|keypad|digicode|lockbox|lock box|key ?safe|key ?box|kód|kod|kodu|kodi|код|кода|kapukód|kapukódja|codice|código|codigo|codul|cijfercode|رمز|पिन|कोड)(?![\p{L}\p{N}_])|(?:รหัส|密碼|密码|暗証番号|ロック番号|비밀번호)/iuy;
/** Where a code word may start (one cheap pass; CODE_WORD then reads it). */
const CODE_ANCHOR =
  /co[dm]|cód|pin|passc|keypad|digic|lock ?box|key ?(?:safe|box)|kód|kod|код|kapuk|cijferc|رمز|पिन|कोड|รหัส|密[碼码]|暗証番号|ロック番号|비밀번호/gi;
/** Code words of scripts written without spaces between words (Thai, CJK): no word boundary before them. */
const UNSPACED = /^(?:รหัส|密[碼码]|暗証番号|ロック番号|비밀번호)/;

/** From the code word: up to six short words (no sentence end), then the code. */
const CODE_AFTER_WORD =
  /[\p{L}\p{M}]+(?:[\s:'’(→=-]{1,3}[\p{L}\p{M}.]{1,14}){0,6}?[\s:'’(→=-]{1,4}["'“]?((?:\d-){2,7}\d|(?:\d ){3,7}\d|[#*]?[A-Z]?\d{4,8}[A-Z]?[#*]?|\d{1,3}[A-Z]\d{1,3}|[٠-٩۰-۹]{4,8}|[०-९]{4,8})(?![\p{L}\p{N}_]|[.,]\d)/duy;

/** What a code opens, in the languages above; one must stand within the code's sentence. */
const OPENS =
  /gate|door|lock ?box|key ?safe|key ?box|keybox|key cabinet|keypad|alarm|garage|safe\b|padlock|locker|intercom|buzzer|entry|entrance|porch|shed|front|back door|building|barrier|bollard|combo|card|atm|bank|sim\b|barrera|schranke|домофон|двер|подъезд|калитк|ворот|сейф|карт|kapu|ajtó|kaputelefon|portón|porton|puerta|portal|portão|portao|porta\b|portone|cancello|citofono|porte\b|portail|boîte à clés|boite a cles|digicode|tür|tor\b|schlüssel|sleutel|kluis|deur|poort|brama|domofon|drzwi|furtk|karty|kapı|pintu|pagar|cổng|cửa|cardul|कार्ड|एटीएम|गेट|दरवाज|باب|بوابة|العمارة|ประตู|門|门|ドア|玄関|オートロック|대문|현관|도어/iu;

/** Code words that name something else: `error code 1204`, `PIN code 560034` (an Indian postcode), `area code`. */
const NOT_A_SECRET_BEFORE =
  /(?:error|status|exit|area|postal|post|zip|country|dial(?:ling)?|product|item|hs|tax|sku|discount|promo|voucher|coupon|booking|reference|tracking|course|class|sort|branch|swift|iata|airport|station|diagnosis|icd|billing|reason|fault|tariff|qr|bar|source|colour|color|sales|order|event|ticket|verification|confirmation)[\s-]$/i;

/** Sentence ends a code word looks no further back than. */
const SENTENCE_END = /[.!?。\n](?=\s)|\n/g;

function sentenceStart(text: string, at: number): number {
  const from = Math.max(0, at - 90);
  let start = from;
  SENTENCE_END.lastIndex = from;
  for (let m = SENTENCE_END.exec(text); m && m.index < at; m = SENTENCE_END.exec(text)) start = m.index + 1;
  return start;
}

export function doorCodes(text: string): Span[] {
  const spans: Span[] = [];
  for (const at of anchorStarts(text, CODE_ANCHOR)) {
    if (/[\p{L}\p{N}_]/u.test(text[at - 1] ?? '') && !UNSPACED.test(text.slice(at, at + 4))) continue;
    CODE_WORD.lastIndex = at;
    if (!CODE_WORD.test(text)) continue;
    const before = text.slice(Math.max(0, at - 16), at);
    if (NOT_A_SECRET_BEFORE.test(before)) continue;
    CODE_AFTER_WORD.lastIndex = at;
    const m = CODE_AFTER_WORD.exec(text);
    const range = m?.indices?.[1];
    if (!m || !range) continue;
    const between = text.slice(at, range[0]);
    // (The code's own sentence: no full stop between the word and the code.)
    if (/[.!?。](?:\s|$)/.test(between)) continue;
    if (!OPENS.test(text.slice(sentenceStart(text, at), range[0]))) continue;
    // `PIN code 560034`: six digits after a PIN code are an Indian postcode; `at 2000` is a time.
    const lead = text.slice(Math.max(0, at - 4), range[0]);
    if (/\bpin[\s-]?(?:code)?\W*$/i.test(lead) && /^\d{6}$/.test(m[1] ?? '')) continue;
    if (/\s(?:at|um|à|a las|alle|om|в)\s$/i.test(between) && /^\d{4}$/.test(m[1] ?? '')) continue;
    spans.push({ start: range[0], end: range[1], type: 'SECRET' });
  }
  return spans;
}

/**
 * `picked up by Grandma Pat (password 'blue giraffe')`, `the passphrase is "correct horse"`: a password in
 * quotes right after its word, whatever its shape (a family's safe word is plain words).
 */
const QUOTED_PASSPHRASE =
  /(?<![\p{L}_])(?:password|passphrase|passwort|safe ?word|code ?word|mot de passe|contraseña|senha|wachtwoord|hasło|пароль)(?:\s(?:is|was|ist|est|es|é|is now))?\s?[:=]?\s?(['"“‘])((?=[^'"”’\n]*\p{L})[^'"”’\n]{3,40}?)['"”’]/diuy;
const PASSWORD_WORD =
  /password|passphrase|passwort|safe ?word|code ?word|mot de passe|contraseña|senha|wachtwoord|hasło|пароль/giu;

export function quotedPassphrases(text: string): Span[] {
  const spans: Span[] = [];
  for (const at of anchorStarts(text, PASSWORD_WORD)) {
    QUOTED_PASSPHRASE.lastIndex = at;
    const range = QUOTED_PASSPHRASE.exec(text)?.indices?.[2];
    if (range) spans.push({ start: range[0], end: range[1], type: 'SECRET' });
  }
  return spans;
}
