import type { Span } from '../types.js';
import { anchorStarts, anyOf, fromAnchors, matchSpansAt } from './util.js';
import { listedAfterCues } from './anchored-matches.js';

/**
 * Round 14's secrets: access codes in more forms (`alarm code for the back door still 4471`, `código del portón
 * es 7319`, `digicode B2749`, `Schlüsselbox-Code 0381`), a PIN in a key's name (`guest_pin=480217`), a one-time
 * code later in its sentence (`my OTP … came through as 739104`), a login's `pass` without a colon, a Wi-Fi's name
 * and password (`wifi is CasaAzul / mango2024`), recovery codes in Spanish, French, German and Portuguese, and the
 * password words of Korean, Persian and Arabic.
 */

/** What a door or a box code opens, in English, Spanish, French, German and Portuguese. */
const ACCESS_THINGS = String.raw`(?:front |back |main |side |garage |entrance |building )?(?:gate|door|alarm|garage|entrance|building|lockbox|key ?safe|key ?box|safe|locker|padlock|shed|flat|apartment|house|portón|porton|portal|puerta|entrada|edificio|alarma|caja fuerte|porte|portail|immeuble|entrée|coffre|portão|portao|cadeado|tür|haustür|tor)`;
/** `alarm code for the back door still 4471`, `código del portón es 7319`, `code de la porte : 4821`. */
const CODE_OF_THING = new RegExp(
  String.raw`(?:(?:gate|door|alarm|garage|lockbox|key ?safe|key ?box|safe)[ -]?code(?:\s(?:for|of|to|at)\s(?:the |my |our |your )?${ACCESS_THINGS})?|c[oó]digo\s(?:del?|da|do|de la)\s${ACCESS_THINGS}|code\s(?:de\s(?:la\s|l['’])?|du\s)${ACCESS_THINGS})(?:\s(?:is|was|es|era|est|é|ist|still|now|todavía|sigue siendo|toujours))*\s?[:=]?\s?["'“]?([#*]?\d{4,8}[#*]?)(?![\w-])`,
  'diy',
);
const CODE_WORD = /c[oó]d(?:e|igo)/gi;

/** `digicode B2749`, `Schlüsselbox-Code 0381`, `Türcode: 4711`: a French door code (digits, perhaps a letter) or a German compound code. */
const DIGICODE =
  /(?:digicode|(?:schlüssel(?:box|safe|kasten|tresor)|tresor|tür|haustür|tor|garagen|alarm|safe|box)-?code)\s?(?:est\s|ist\s|lautet\s)?[:=]?\s?((?=[A-Z]?\d)[A-Z]?\d{3,6}[A-Z]?[#*]?)(?![\w-])/diy;

// (Both without `u`: nothing here needs it, and its case folding compiled them ~250 KB larger, ADR 0019.)
const CODES = anyOf([CODE_OF_THING, DIGICODE]);

/** Both readings of a code, tried in one pass from up to two words before each `code` (rare); the first group found is the secret. */
function fromCodeWord(text: string): Span[] {
  return fromAnchors(text, CODE_WORD, CODES, 2).flatMap((m): Span[] => {
    const range = m.indices?.[1] ?? m.indices?.[2];
    return range ? [{ start: range[0], end: range[1], type: 'SECRET' }] : [];
  });
}

/** `guest_pin=480217`, `door-pin: 2580`: a key that ends in a PIN before its digits. */
const PIN_KEY = /[_-](?:pin|pincode|pin_code|passcode)\s?[:=]\s?["']?(\d{4,8})(?![\w-])/diy;
const PIN_KEY_WORD = /[_-](?:pin|passcode)/gi;

/** `my OTP for the bank just came through as 739104`: six to eight digits later in the one-time code's sentence. */
const OTP_LATER =
  /\b(?:otp|one-time (?:code|password|passcode))\b[^\n.?!:\d]{1,60}?\s["'“]?(\d{6,8})(?![\w-]|[.,]\d)/diy;

/** `user is admin, pass raspberry-k9v2`: after a login's name on the line, `pass` and letters with digits. */
const PASS_AFTER_USER =
  /\b(?:user(?:name)?|login)\b[^\n]{1,30}?[,;/|]\s?pass\s+["'“]?((?=[^\s"']*\d)(?=[^\s"']*[A-Za-z])[A-Za-z0-9][\w!@#$%&*.-]{5,63}?)["'”]?(?=[\s,;)]|[.!?](?:\s|$)|$)/diy;
const USER_WORD = /user|login/gi;

/** `wifi is CasaAzul / mango2024`: a network's name, a slash, then its password (letters and a digit; not `2.4GHz`). */
const WIFI_NAME_PASS =
  /\bwi-?fi\b(?:\s(?:is|es|est|ist|é))?\s?:?\s[\w.-]{2,32}\s?\/\s?((?=[^\s"']*\d)(?=[^\s"']*[A-Za-z])(?!\d+(?:\.\d+)?[A-Za-z]{0,4}(?=[\s,;)]|$))[^\s"',;/]{6,64}?[!?]*)(?=[\s,;)"'”]|[.!?](?:\s|$)|$)/diy;

/** `Código de recuperación de la cuenta: 83hf-k29q p4mz-77xr`, `codes de secours :`, `Wiederherstellungscodes:`. */
const RECOVERY_CUE =
  /(?:c[oó]digos?\sde\s(?:recuperaci[oó]n|respaldo|backup|recupera[cç][aã]o|seguran[cç]a)|codes?\sde\s(?:r[ée]cup[ée]ration|secours)|wiederherstellungs-?codes?|backup-codes?)(?:[^\n:]{0,40}?:|\s(?:son|sont|sind|são):?)/iy;
const RECOVERY_CODE =
  /[\s,;]+(\d{4} \d{4}|(?=[\w-]*\d)(?=[\w-]*[a-z])[a-z0-9]{4,6}(?:-[a-z0-9]{4,6}){0,2})(?![\w-])/diy;
const RECOVERY_WORD = /c[oó]digo|codes? de|wiederherstellungs|backup-code/gi;

/** Where a recovery cue may start: a cue word after no letter or digit. */
function recoveryCueStarts(text: string): number[] {
  return anchorStarts(text, RECOVERY_WORD).filter((at) => !/[\p{L}\d]/u.test(text[at - 1] ?? ''));
}

/**
 * `공동현관 비번 #7291*`, `비밀번호: 4821`, `رمز وای‌فای: Khoone1402!`, `كلمة المرور: …`: the Korean, Persian and Arabic
 * password words (the Persian one with what it opens), then a value with a digit in it.
 */
const NON_LATIN_PASSWORD = new RegExp(
  String.raw`(?:비번|비밀번호|암호|رمز(?:\s?(?:عبور|ورود|وای[\u200c ]?فای|وایفای|وای-فای|wifi|wi-fi|اینترنت|مودم))?|كلمة (?:المرور|السر)|كلمة مرور|رقم سري|الرقم السري)\s?(?:은|는|:|=)?\s?(?:은|는)?\s?((?=[^\s"',;،]*\d)[^\s"',;،]{4,64}?[!?]*)(?=[\s,;)،]|[.!?](?:\s|$)|$)`,
  'duy',
);
const NON_LATIN_WORD = /비번|비밀번호|암호|رمز|كلمة|رقم سري|الرقم السري/g;

/** `Password hints: Netflix = m0ngoose&Tea, router admin = …`: after ` = ` on a password's line, a chosen password's shape. */
const LISTED_VALUE =
  /\s=\s["'“]?((?=[^\s"']*\d)(?=[^\s"']*[A-Za-z])(?=[^\s"']*[!@#$%^&*?~+])[^\s"',;]{6,64}?)["'”]?(?=[\s,;)]|[.!?](?:\s|$)|$)/dy;
const PASSWORD_ON_LINE =
  /\b(?:passwords?|passwd|pw|pwds?|logins?|credentials|passwort|mots? de passe|contraseñas?|senhas?)\b/i;

function listedPasswords(text: string): Span[] {
  const spans: Span[] = [];
  for (let i = text.indexOf(' = '); i >= 0; i = text.indexOf(' = ', i + 3)) {
    LISTED_VALUE.lastIndex = i;
    const range = LISTED_VALUE.exec(text)?.indices?.[1];
    if (!range) continue;
    const lineStart = text.lastIndexOf('\n', i) + 1;
    if (PASSWORD_ON_LINE.test(text.slice(Math.max(lineStart, i - 120), i)))
      spans.push({ start: range[0], end: range[1], type: 'SECRET' });
  }
  return spans;
}

const notInWord = (wordChar: RegExp) => (text: string, at: number) => !wordChar.test(text[at - 1] ?? '');
const notInLatinWord = notInWord(/[\p{L}\d_]/u);
const notInKoreanOrArabicWord = notInWord(/[\uac00-\ud7af\u0600-\u06ff]/);

function at(
  text: string,
  anchor: RegExp,
  pattern: RegExp,
  startOk: (text: string, at: number) => boolean = notInLatinWord,
): Span[] {
  const starts = anchorStarts(text, anchor).filter((i) => startOk(text, i));
  return matchSpansAt(text, starts, pattern, 'SECRET', undefined, 1);
}

/** `cues`: where secret.ts's PASSWORD_CUE matched (`otp`, `one-time`, `wi…` among its words), so no pass of their own. */
export function accessCodesPinsOtps(text: string, cues: readonly number[]): Span[] {
  return [
    ...fromCodeWord(text),
    ...at(text, PIN_KEY_WORD, PIN_KEY, () => true),
    ...matchSpansAt(text, cues, OTP_LATER, 'SECRET', undefined, 1),
    ...at(text, USER_WORD, PASS_AFTER_USER),
    ...matchSpansAt(text, cues, WIFI_NAME_PASS, 'SECRET', undefined, 1),
    ...listedAfterCues(text, recoveryCueStarts(text), RECOVERY_CUE, RECOVERY_CODE, 'SECRET'),
    ...listedPasswords(text),
    ...at(text, NON_LATIN_WORD, NON_LATIN_PASSWORD, notInKoreanOrArabicWord),
  ];
}
