import { listedAfterCues } from './anchored-matches.js';
import { detectLoginPasswords } from './secret-login.js';
import { loginAndSeedSecrets } from './secret-user-pass-totp-answers.js';
import { cyrillicPasswords, polishPasswords } from './secret-polish-cyrillic-passwords.js';
import { secretsAfterCredentialWords } from './secret-after-credential-words.js';
import { oneTimeAndDoorCodes } from './secret-one-time-codes.js';
import { secretsInNextTurn } from './next-turn-answers.js';
import { accessCodesPinsOtps } from './secret-access-codes-pins-otps.js';
import { doorCodes, quotedPassphrases } from './secret-codes-in-prose.js';
import type { Span } from '../types.js';
import {
  anchorStarts,
  codeTable,
  fromAnchors,
  indexesBeforeRuns,
  lineAround,
  matchSpans,
  matchSpansAt,
  matchSpansWhere,
  onceEach,
} from './util.js';
import { securityAnswers } from './secret-security-answers.js';
import { tokensAfterCue } from './secret-token.js';
import { keysCodesAndLoginPasswords } from './secret-wifi-recovery-cjk.js';

const KNOWN_KEYS = new RegExp(
  [
    'sk-(?:proj-|ant-(?:api\\d\\d-)?)?[A-Za-z0-9_-]{20,}',
    'gh[pousr]_[A-Za-z0-9]{36,}',
    'github_pat_[A-Za-z0-9_]{22,}',
    'gl(?:pat|rt|dt|ft|cbt|ptt|imt|soat|agent)-[A-Za-z0-9_-]{20,}',
    'xox[abprs]-[A-Za-z0-9-]{10,}',
    '(?:AKIA|ASIA)[0-9A-Z]{16}',
    'AIza[0-9A-Za-z_-]{35}',
    'nvapi-[A-Za-z0-9_-]{20,}',
    'hf_[A-Za-z0-9]{30,}',
    'npm_[A-Za-z0-9]{36}',
    '(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{16,}',
    'whsec_[A-Za-z0-9]{16,}',
    'SG\\.[\\w-]{16,}\\.[\\w-]{16,}',
    'sc_[A-Za-z0-9_-]{40,}',
    'eyJ[\\w-]{8,}\\.eyJ[\\w-]{8,}\\.[\\w-]{8,}',
    'do[opr]_v1_[a-f0-9]{64}',
    'shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}',
    'AGE-SECRET-KEY-1[0-9A-Z]{58}',
    '\\d{8,10}:AA[\\w-]{33}',
    '(?:dckr_pat|lin_api|figd|sntrys|gsk|pplx|xai)[_-][A-Za-z0-9_-]{24,}',
    'hvs\\.[A-Za-z0-9_-]{24,}',
    'sq0(?:atp|csp)-[\\w-]{22,}',
    'ya29\\.[\\w-]{30,}',
  ].join('|'),
  'g',
);
/** Versioned dotted tokens (`rt.v1.…`, `at.v2.…`: refresh and access tokens of many services), found from `.v1.`. */
const DOTTED_VERSION = /\.v\d{1,2}\./g;
const DOTTED_TOKEN = /[a-z]{1,8}\.v\d{1,2}\.[A-Za-z0-9_-]{16,}(?:\.[A-Za-z0-9_-]{8,})?(?![\w-])/y;

function dottedTokens(text: string): Span[] {
  const spans: Span[] = [];
  DOTTED_VERSION.lastIndex = 0;
  for (let m = DOTTED_VERSION.exec(text); m; m = DOTTED_VERSION.exec(text)) {
    let start = m.index;
    while (start > 0 && m.index - start < 8 && /[a-z]/.test(text[start - 1] ?? '')) start--;
    if (start === m.index || /[\w.-]/.test(text[start - 1] ?? '')) continue;
    DOTTED_TOKEN.lastIndex = start;
    const token = DOTTED_TOKEN.exec(text);
    if (token) spans.push({ start, end: start + token[0].length, type: 'SECRET' });
  }
  return spans;
}
/** Every key starts with a letter: `\b` there and no `-` before stand for `(?<![\w-])` (see `matchSpansWhere`). */
const BOUNDED_KEYS = new RegExp(`\\b(?:${KNOWN_KEYS.source})(?![\\w-])`, 'g');
const notAfterHyphen = (text: string) => (index: number) => text[index - 1] !== '-';
const PEM_BEGIN = /-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----/g;
const PEM_END = /-----END [A-Z ]{0,20}PRIVATE KEY-----/g;

/** The base64 lines of a key pasted without its END line: runs of 16+ such characters, or a last short one (`=` or two capitals). */
const PEM_BODY =
  /(?:\s+(?:[A-Za-z0-9+/]{16,}={0,2}|[A-Za-z0-9+/]{2,15}={1,2}|(?=[a-z0-9+/]*[A-Z][a-z0-9+/]*[A-Z])[A-Za-z0-9+/]{8,15})(?![^\s.,;)]))+/y;

/**
 * PEM private-key blocks; the next END is searched once per END, so hostile input stays linear. A
 * block cut off before its END (pasted in part) still ends with its base64 lines.
 */
function pemBlocks(text: string): Span[] {
  const spans: Span[] = [];
  let close: RegExpExecArray | null | undefined;
  PEM_BEGIN.lastIndex = 0;
  for (let m = PEM_BEGIN.exec(text); m; m = PEM_BEGIN.exec(text)) {
    if (close === undefined || (close && close.index < m.index)) {
      PEM_END.lastIndex = m.index;
      close = PEM_END.exec(text);
    }
    const bodyStart = m.index + m[0].length;
    PEM_BODY.lastIndex = bodyStart;
    const end = close ? close.index + close[0].length : bodyStart + (PEM_BODY.exec(text)?.[0].length ?? 0);
    // `-----BEGIN PRIVATE KEY----- is how it starts`: a header alone is no key.
    if (end === bodyStart) continue;
    spans.push({ start: m.index, end, type: 'SECRET' });
    PEM_BEGIN.lastIndex = end;
  }
  return spans;
}
const BEARER = /\b(?:Bearer|Token|Basic)\s+([A-Za-z0-9._~+/-]{16,}=*)/dg;
/**
 * `api_key: …`, `password=…`, `PGPASSWORD=…`, `BACKUP_PASS=…`, PHP's `'DB_PASSWORD' => '…'`: the key before a `:` or `=`,
 * read back from the sign (rare) instead of tried everywhere.
 */
const LABEL_KEY =
  /(?<![A-Za-z])(?:pg|mysql|redis|mongo|smtp|ldap)?(?:api[_-]?key|apikey|secret|client[_-]?secret|access[_-]?key|access[_-]?token|auth[_-]?token|token|password|passwd|pwd|(?<=_)pass|passphrase|passwort|mot de passe|contraseña|account[_-]?key|shared[_-]?access[_-]?key|sas[_-]?token|private[_-]?key|pre-?shared[_-]?key|psk|signing[_-]?(?:key|secret)|secret[_-]?key|app[_-]?key)\b["']?\s*$/i;
const LABEL_SIGN = /[:=]/g;
/** `password: https://…/reset?token=…`: a link after a password word is a URL, which url.ts judges whole. */
const isUrl = (value: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
const LABELLED_VALUE = />?\s*["']?([^\s"',;]{6,})/dy;
/** WordPress's `define('DB_PASSWORD', 'Joinery#2021wp');`, `define( 'AUTH_KEY', '…' )`: a PHP constant's secret value. */
const PHP_DEFINE =
  /define\(\s*['"]\w*(?:PASSWORD|PASS|SECRET|KEY|SALT|TOKEN)['"]\s*,\s*['"]([^'"\s]{4,})['"]/dg;

function labelledSecrets(text: string): Span[] {
  const spans: Span[] = text.includes('define(') ? matchSpans(text, PHP_DEFINE, 'SECRET', undefined, 1) : [];
  LABEL_SIGN.lastIndex = 0;
  for (let sign = LABEL_SIGN.exec(text); sign; sign = LABEL_SIGN.exec(text)) {
    if (!LABEL_KEY.test(text.slice(Math.max(0, sign.index - 40), sign.index))) continue;
    LABELLED_VALUE.lastIndex = sign.index + 1;
    const value = LABELLED_VALUE.exec(text);
    const range = value?.indices?.[1];
    if (!value || !range || value[1]?.startsWith('[[') || isUrl(value[1] ?? '')) continue;
    spans.push({ start: range[0], end: range[1], type: 'SECRET' });
    LABEL_SIGN.lastIndex = range[1];
  }
  return spans;
}
// The leading character (or the start) anchors each try at a run's start, so the scan stays linear.
/** `password is X`, `Wi-Fi password for the visitors' network this week: X`: a password named in prose. */
const PROSE_PASSWORD =
  /\b(?:password|passwd|passcode|passphrase|pin|pw|wifi key|wi-fi key|(?:pre-?shared|vpn|wpa2?|network|wireless|encryption) key|psk|passwort|kennwort|wachtwoord|mot de passe|contraseña|senha|lösenord|passord|salasana)\b(?:\s+(?:is|was|=|lautet|ist|est|es|är|er|é|on)|(?:[^:=\n.]|\.(?=\S)){0,48}[:=])\s*["'“]?([^\s"'”,;]{6,64}?[!?]*)["'”]?(?=[\s,;)]|[.!?](?:\s|$)|$)/diy;
/**
 * `Guest Wi-Fi password for the show flat is Magnolia-Court-2025`: a few words between the password
 * word and its `is`; then only a value with letters and digits (not `the password policy is stricter`),
 * with a `!` it ends in (`Tulip-Harbour-2291!`).
 */
const PASSWORD_IS_LATER =
  /\b(?:password|passwd|passcode|passphrase|pw|pwd|wi-?fi key|(?:pre-?shared|vpn|wpa2?|network|wireless|encryption) key|passwort|wachtwoord|mot de passe|contraseña)\b(?:(?!\s(?:is|was|ist|est|es)\s)[^:=\n.]){1,48}?\s(?:is|was|ist|est|es)\s+["'“]?((?=[^\s"'”]*\d)(?=[^\s"'”]*[A-Za-z])[^\s"'”,;]{6,64}?[!?]*)["'”]?(?=[\s,;)]|[.!?](?:\s|$)|$)/diy;
/**
 * `the password for the shed is bluebell.`, `Das Passwort für den Router ist Gartenzwerg`, `password
 * sunflowerfield.`: a word of letters only is the password when it ends the clause right after the
 * password word (and its `is`) and says nothing about the password (`is wrong`, `reset`, `manager`).
 */
const PASSWORD_WORD =
  /\b(?:password|passwd|passphrase|passwort|kennwort|wachtwoord|mot de passe|contraseña|senha|lösenord|passord|salasana)\b(?!\s+(?:policy|policies|field|manager|reset|hint|requirements?|rules|strength|length|complexity|expiry|change|history|recovery|generator|prompt|box|form|page|link|protection|attempts?)\b)(?:[^:=\n.!?]{0,40}?\s(?:is|was|ist|war|est|était|es|era|é|är|er))?\s+["'“]?(\p{L}{4,32})["'”]?(?=\s*(?:[.,;!?)]|—|–| - |$))/diuy;
const NOT_A_PASSWORD = new RegExp(
  '^(?:' +
    [
      // what is said about a password, in the languages of PASSWORD_WORD
      'wrong|right|correct|strict|stricter|simple|complex|easy|hard|good|bad|important|obvious|unique|random|default|standard|incorrect|invalid|valid|same|different|required|missing|blank|empty|weak|strong|short|long|secure|insecure|fine|okay|unknown|new|old|there|here|below|above|attached|enclosed|too|not|also|still|now|again|ready|set|safe|hidden|visible|public|private|temporary|mandatory|optional|forgotten|lost|case|sensitive',
      'today|tomorrow|yesterday|tonight|later|soon|first|last|asap|twice|myself|yourself|himself|herself|themselves|ourselves|reset|manager|policy|policies|field|change|changes|expiry|hint|hints|rules|prompt|box|form|page|link|email|mail|recovery|generator|vault|file|list|history|length|complexity|hash|attempts|login|protection|requirements|strength|please|thanks|only|though|anyway|yet|either|again|minimum|maximum|minimal|maximal|mindestens|mínimo|máximo',
      'falsch|richtig|abgelaufen|gesperrt|neu|alt|korrekt|ungültig|gültig|leer|sicher|unsicher|faux|correcte|incorrecte|expiré|valide|nouveau|vide|correcta|incorrecta|caducada|caducado|nueva|vacía|segura|fout|juist|verlopen|nieuw|errada|certa|expirada',
    ].join('|') +
    ')$|(?:ed|ing|able|ible|ly|ert|iert)$',
  'iu',
);
const lettersPassword = (m: RegExpExecArray) => !NOT_A_PASSWORD.test(m[1] ?? '');
/** A value after a password word, unless it is a placeholder (`[[…]]`), a link or a word about the password (`changed`). */
const proseValue = (m: RegExpExecArray) =>
  !/^\[\[/.test(m[1] ?? '') &&
  // `Password hints: Netflix = m0ngoose&Tea`: a word before `=` names what the password is for.
  !/^\s?=/.test(m.input.slice(m.index + m[0].length, m.index + m[0].length + 2)) &&
  !isUrl(m[1] ?? '') &&
  !(/^\p{L}+$/u.test(m[1] ?? '') && NOT_A_PASSWORD.test(m[1] ?? ''));
/**
 * `Gate code is 4821`, `the code for the alarm is 90514`, `Door code: 2580#`, `Gate code for the complex is 2580#`: a number after the code of
 * a door, a gate, an alarm or a safe (not `error code 500` or `the code for the product is 40012`).
 */
const ACCESS_CODE =
  /\b(?:(?:gate|door|front door|alarm|lift|elevator|entry|entrance|building|garage|safe|lockbox|key ?box|locker|padlock|keypad|bike lock|storage|shed|key ?safe|porte|portail|puerta|portón|tür|tor|garagen|deur|poort)[ -]?code(?: (?:for|of|at) [^\n.,;:]{1,40}?(?=\s+(?:is|was)\b))?|code (?:for|to|of) (?:the |my |our |your |his |her )?(?:front |back |main |side )?(?:gate|door|alarm|lift|elevator|entrance|building|garage|safe|lockbox|key ?box|locker|padlock|keypad|shed|storage|flat|apartment|house))\b(?:\s+(?:is|was|=)|\s*[:=])?\s*["'“]?([*#]?\d{4,8}[#*]?)(?![\w-])/diy;
/** `pass: Gr33nT3a!`: after the short `pass:` only a value with letters and digits (not `pass: completed`). */
const PASS_LABEL = /\bpass\s*[:=]\s*["']?((?=[^\s"']*\d)(?=[^\s"']*[A-Za-z])[^\s"',;]{6,64})/diy;
/**
 * `PIN 4821`, `PIN code: 9034`, `the passcode is 739201`, `OTP: 582913`, `verification code 447120`, `PIN for the
 * garage door keypad: 4417`: a short number right after the word for a one-time or personal code, or after its
 * label's colon (`error code 500` and `PIN code entry` are not).
 */
const CODE_AFTER_CUE =
  /\b(?:pin|passcode|otp|one-time (?:code|password|passcode)|(?:verification|security|login|sms|2fa|mfa|auth(?:entication)?|access) code)\b(?:\s+(?:number|code|no\.?))?(?:\s+(?:is|was|=)|\s*[:=#]|(?:\s+(?!(?:sent|send|texted|mailed|emailed|forwarded|delivered|posted|went|goes|came|belongs)\b)[A-Za-zÀ-žа-яё]+){1,4}?\s+(?:is|was|to|jest|ist|es|est|è|é|er|är|on|je|=)|(?:\s+[A-Za-zÀ-žа-яё]+){1,5}?:)?\s*["'“]?(\d{4,8})(?![\w-])/diy;
/** `Welcome@2024!`, `Lekki#Sunset2019`: letters, a symbol and digits in one word, the shape of a chosen password. */
/**
 * `password is Lotus_Garden_2208`, `passphrase correct_horse_battery`: right after a password word,
 * words joined by `_` or letters with digits are the password even without `:` or `is`.
 */
const JOINED_PASSWORD =
  /\b(?:password|passwd|passcode|passphrase|pw|pwd|wachtwoord|passwort|kennwort|contraseña|mot de passe|senha)(?:\s+(?:is|was|=|:))?\s+["'“]?((?=[A-Za-z0-9_.@#$%&*!-]*(?:_|\d))[A-Za-z][A-Za-z0-9]*(?:[_.@#$%&*!-][A-Za-z0-9]+)+[!#$%&*]*|(?=[A-Za-z]*\d)[A-Za-z][A-Za-z0-9]{7,}[!#$%&*]*)["'”]?(?![\w@#$%&*!-])/diy;
/**
 * The start of every cue of the five patterns above, of RECOVERY_CUE and of secret-token.ts (each starts with `\b` and one of these words,
 * matched with the same flags): they are tried only where this matches, not at every letter.
 */
const PASSWORD_CUE =
  /\b(?:pass|pin|pw|wi|kennwort|wachtwoord|mot de passe|contraseña|senha|lösenord|salasana|otp|one-time|verification|security|login|sms|2fa|mfa|auth|access|api|refresh|session|pre|psk|vpn|wpa|network|encryption|recovery|backup|scratch)/gi;
/**
 * `2FA recovery codes for the admin: 642b-sff6 k8xp-mbgy …`, `his recovery codes were …`, `recovery codes 3zqp-pzpa
 * · ggbw-gp7q`: after the cue, each code with a digit in it, apart by spaces, commas or dots; after a code in two
 * parts, one of the same shape without a digit too (`dey3-adtv aekq-drjw`).
 */
const RECOVERY_CUE =
  /\b(?:recovery|backup|scratch|2fa|mfa)(?:[ -][\p{L}]+){0,3}? codes\b(?:[^\n:]{0,80}?:|\s(?:were|are|was|is)\b|(?=\s(?=[\w-]*\d)[A-Za-z0-9]{4,6}-[A-Za-z0-9]{4,6}(?![\w-])))/iuy;
const RECOVERY_CODE =
  /[\s,;·•]+(\d{4} \d{4}|(?=[\w-]*\d)[A-Za-z0-9]{4,10}(?:-[A-Za-z0-9]{4,6}){0,2}|(?<=[A-Za-z0-9]-[A-Za-z0-9]{4,6}[\s,;·•]+)[A-Za-z0-9]{4,6}-[A-Za-z0-9]{4,6})(?![\w-])/dy;

/** Every access code names its `code`: ACCESS_CODE is tried from up to two words before each. */
const CODE_WORD = /code/gi;
function accessCodes(text: string): Span[] {
  return fromAnchors(text, CODE_WORD, ACCESS_CODE, 2).flatMap((m): Span[] => {
    const range = m.indices?.[1];
    return range ? [{ start: range[0], end: range[1], type: 'SECRET' }] : [];
  });
}

/**
 * `Harmattan-Blue-42`, `Winter-Orchard-17`: capitalised words joined by hyphens and ending in a number,
 * the shape of a generated passphrase, on a line that speaks of logging in; found from its `-42` ending.
 */
const PASSPHRASE_END = /-\d{2,4}(?![\w-])/g;
const PASSPHRASE = /[A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,}){1,3}-\d{2,4}(?![\w-])/y;
/** A word of logging in somewhere on the same line makes a passphrase shape a password (`as his new login`). */
const LOGIN_WORD =
  /\b(?:password|passwd|passphrase|pw|pwd|login|log in|logged in|sign in|signed in|credentials?|passwort|kennwort|wachtwoord|mot de passe|contraseña|senha|lösenord|passord|salasana)\b/i;

function passphrases(text: string): Span[] {
  return fromAnchors(text, PASSPHRASE_END, PASSPHRASE, 0)
    .filter((m) => {
      const lineStart = text.lastIndexOf('\n', m.index) + 1;
      const lineEnd = text.indexOf('\n', m.index);
      const near = text.slice(
        Math.max(lineStart, m.index - 100),
        Math.min(lineEnd < 0 ? text.length : lineEnd, m.index + m[0].length + 100),
      );
      return LOGIN_WORD.test(near);
    })
    .map((m) => ({ start: m.index, end: m.index + m[0].length, type: 'SECRET' as const }));
}
const PASSWORD_SHAPE = /^[A-Za-z]{3,}[A-Za-z0-9]*[@#$%&*!][A-Za-z0-9@#$%&*!]*\d{2,}[!@#$%&*]*$/;
/**
 * The commonest chosen password, a capitalised word, a year and a symbol (`Sommer2024!`), is also a
 * slogan's shape: taken quoted or after `=`/`:` (`-p'Sommer2024!'`), or on a line about logging in.
 */
const WORD_YEAR_SYMBOL = /^[A-Z][a-z]{2,}\d{2,4}[!@#$%&*]{1,3}$/;
const PASSWORD_SYMBOL = /[@#$%&*!]/g;
const isTokenCode = (code: number) =>
  (code >= 48 && code <= 57) ||
  (code >= 65 && code <= 90) ||
  (code >= 97 && code <= 122) ||
  '@#$%&*!'.includes(String.fromCharCode(code));

function chosenInContext(text: string, start: number, end: number): boolean {
  if (/['"“=:]/.test(text[start - 1] ?? '')) return true;
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const lineEnd = text.indexOf('\n', end);
  return LOGIN_WORD.test(
    text.slice(Math.max(lineStart, start - 100), Math.min(lineEnd < 0 ? text.length : lineEnd, end + 100)),
  );
}

/** Words shaped like chosen passwords, found from their symbols (rare) rather than tried at every letter. */
function passwordShaped(text: string): Span[] {
  const spans: Span[] = [];
  let resumeAt = 0;
  PASSWORD_SYMBOL.lastIndex = 0;
  for (let m = PASSWORD_SYMBOL.exec(text); m; m = PASSWORD_SYMBOL.exec(text)) {
    if (m.index < resumeAt) continue;
    let start = m.index;
    while (start > 0 && isTokenCode(text.charCodeAt(start - 1))) start--;
    let end = m.index + 1;
    while (end < text.length && isTokenCode(text.charCodeAt(end))) end++;
    resumeAt = end;
    // Part of an e-mail, a URL, a path or a longer token: not a password on its own.
    if (/[\w./-]/.test(text[start - 1] ?? '') || /^[.-]\w|^[\w@/-]/.test(text.slice(end, end + 2))) continue;
    const word = text.slice(start, end);
    if (PASSWORD_SHAPE.test(word) || (WORD_YEAR_SYMBOL.test(word) && chosenInContext(text, start, end))) {
      spans.push({ start, end, type: 'SECRET' });
    }
  }
  return spans;
}
const LONG_RUN = /(?:^|[^\w/+=-])([\w+/-]{32,}={0,2})(?![\w/+=-])/dy;
/** The characters of LONG_RUN's run (`[\w+/-]`): it is tried only before 32 of them in a row. */
const RUN_CHARS = codeTable('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+/-');
/** `SHA256:Qm4rT1…`, `MD5:…`: a key's fingerprint or a file's hash is public, not a secret. */
const HASH_LABEL = /(?:sha\d{0,3}|md5)[:=]$/i;
const MIXED = (value: string) => /\d/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value);
/** `/Users/sofiacosta/Documents/invoices-2026`, `org/en-US/docs/Web/HTTP/Status/429`: a path of words (or acronyms), not a random run. */
const PATH_OF_WORDS = /^\/?(?:(?:[A-Za-z][a-z0-9]*|[A-Z]{2,6})(?:[-_.][A-Za-z0-9]+)*\/)+[A-Za-z0-9][\w.-]*$/;

/**
 * Passwords given to a command on its line: `mysql -h db -u report -p'Tvjx63q3Ci17mG'`, `mysqldump -uroot -pS3cret db`
 * (glued to `-p`), `sshpass -p 'W1nter!sComing' ssh …`, `curl -u deploy:gh_9Xp2… https://…` (after the user's colon),
 * each found from its flag.
 */
const CLI_PASSWORDS: readonly [flag: string, patterns: readonly RegExp[]][] = [
  [
    ' -p',
    [
      /\b(?:mysql|mariadb|mysqldump|mysqladmin|mysqlimport)\b[^\n]*?\s-p(['"]?)([^\s'"]{4,64})\1(?=\s|$)/dg,
      /\bsshpass\s+-p\s?(['"]?)([^\s'"]{4,64})\1(?=\s|$)/dg,
    ],
  ],
  [' -u', [/\b(?:curl|wget)\b[^\n]*?\s(?:-u|--user)\s?(['"]?)[^\s:'"]+:([^\s'"]{4,64})\1(?=\s|$)/dg]],
];
/** Passwords on command lines, read only on the lines that hold a rare flag, each line once for its flag's patterns. */
function commandLinePasswords(text: string): Span[] {
  const spans: Span[] = [];
  for (const [flag, patterns] of CLI_PASSWORDS) {
    for (let at = text.indexOf(flag); at >= 0; at = text.indexOf(flag, at + flag.length)) {
      const [lineStart, lineEnd] = lineAround(text, at);
      const line = text.slice(lineStart, lineEnd);
      for (const m of patterns.flatMap((pattern) => [...line.matchAll(pattern)])) {
        const range = m.indices?.[2];
        if (range) spans.push({ start: lineStart + range[0], end: lineStart + range[1], type: 'SECRET' });
      }
      at = lineEnd;
    }
  }
  return spans;
}

/**
 * API keys and tokens: well-known prefixes (`sk-…`, `ghp_…`, `nvapi-…`, `AKIA…`, JWTs, PEM
 * private keys), `Bearer …`, values after `password=` / `api_key:` and long mixed-case random strings.
 */
export function detectSecrets(text: string): Span[] {
  const cues = anchorStarts(text, PASSWORD_CUE);
  return onceEach([
    ...matchSpansWhere(text, BOUNDED_KEYS, 'SECRET', notAfterHyphen(text)),
    ...dottedTokens(text),
    ...pemBlocks(text),
    ...matchSpans(text, BEARER, 'SECRET', () => true, 1),
    ...labelledSecrets(text),
    ...matchSpansAt(text, cues, PROSE_PASSWORD, 'SECRET', proseValue, 1),
    ...matchSpansAt(text, cues, PASSWORD_IS_LATER, 'SECRET', proseValue, 1),
    ...matchSpansAt(text, cues, CODE_AFTER_CUE, 'SECRET', () => true, 1),
    ...matchSpansAt(text, cues, PASS_LABEL, 'SECRET', () => true, 1),
    ...matchSpansAt(text, cues, JOINED_PASSWORD, 'SECRET', () => true, 1),
    ...matchSpansAt(text, cues, PASSWORD_WORD, 'SECRET', lettersPassword, 1),
    ...tokensAfterCue(text, cues),
    ...accessCodes(text),
    ...listedAfterCues(text, cues, RECOVERY_CUE, RECOVERY_CODE, 'SECRET'),
    ...passphrases(text),
    ...passwordShaped(text),
    ...commandLinePasswords(text),
    ...detectLoginPasswords(text),
    ...keysCodesAndLoginPasswords(text),
    ...loginAndSeedSecrets(text),
    ...polishPasswords(text),
    ...cyrillicPasswords(text),
    ...secretsAfterCredentialWords(text),
    ...secretsInNextTurn(text),
    ...oneTimeAndDoorCodes(text),
    ...accessCodesPinsOtps(text, cues),
    ...doorCodes(text),
    ...quotedPassphrases(text),
    ...securityAnswers(text),
    ...matchSpansAt(
      text,
      indexesBeforeRuns(text, RUN_CHARS, 32),
      LONG_RUN,
      'SECRET',
      (m) =>
        MIXED(m[1] ?? '') &&
        !PATH_OF_WORDS.test(m[1] ?? '') &&
        !HASH_LABEL.test(text.slice(Math.max(0, m.index - 8), m.index + 1)),
      1,
    ),
  ]);
}
