import type { Span } from '../types.js';

/**
 * A code or a password given in the next turn of a chat, after a question that asks for it
 * (`what's the code for the building? Avi: 1948, …`, `ofis wifi şifresi neydi ya? [09:13] Ayşe:
 * Kahve_2024!ofis`, `¿cuál era la clave del wifi? — gaviota1983, …`): the answer's first word that
 * has a code's or a chosen password's shape, a word or two after the speaker at most.
 */
const SECRET_WORD = new RegExp(
  [
    String.raw`(?:(?:pass)?codes?|passcode|password|token|api[ -]?key|passwort|kennwort|wachtwoord|mot de passe|lösenord`,
    String.raw`pin|otp|2fa|clave|contraseña|senha|c[óo]digo|codice|koden?|kodu|heslo|şifre\p{L}*|parola\p{L}*`,
    String.raw`пароль\p{L}*|код\p{L}*|סיסמה|كلمة (?:ال)?سر|رمز)(?![\p{L}\d])|비번|비밀번호|암호|暗証番号|パスワード|密码|密碼`,
  ].join('|'),
  'giu',
);
/** `promo code`, `zip code`, `error code`: codes that open nothing. */
const OTHER_CODE =
  /(?:promo|discount|voucher|coupon|gift|referral|invite|zip|post(?:al)?|area|country|tracking|error|product|source|qr|bar|dress|colou?r|sort|swift|booking|confirmation|order|reference|status)\s*$/i;
/** How far after the secret word the answer's turn may start. */
const REACH = 120;
/**
 * The next speaker's turn: a timestamp in brackets or a WhatsApp export's date, then a name and a colon;
 * or a dash opening a line of dialogue; after the question's end.
 */
const NEXT_TURN = new RegExp(
  String.raw`(?:^|(?<=\s))(?<lead>[?？؟]?\s*(?:/\s*)?(?:\[[^\]\n]{1,30}\]\s*|\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[ap]m)?\s+-\s+)?)` +
    String.raw`(?:(?<name>\p{L}[\p{L}\p{M}.'’-]*(?: \p{L}[\p{L}\p{M}.'’-]*){0,2}):|[—–-](?=\s))\s+`,
  'gu',
);
/** A speaker in lower case (`jules:`) only after a question mark, a timestamp or a slash; `aisle three:` is none. */
const isTurn = (turn: RegExpExecArray) =>
  turn.groups?.lead?.trim() !== '' || !/^\p{Ll}/u.test(turn.groups?.name ?? '');
/** A few short words the answer may start with (`it's`, `use`, `evet yenisi`, `Sí,`). */
const LEAD_WORDS = /(?:(?:\p{L}\p{Ll}*(?:['’]\p{Ll}+)?),?\s+){0,2}/uy;
/** The answer's first word, up to a space, a comma or full stop before a space, or CJK text after it. */
const ANSWER_WORD = /[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}、，。]+/uy;
/**
 * A keypad code (`1948`, `4-1-7-7`, `*2580#`) or a chosen password: a letter with a digit or a sign (a hyphen
 * or a dot alone joins words: `after-school`).
 */
const CODE = /^[*#]?\d(?:-?\d){3,7}[*#]?$/;
const PASSWORD = /^(?=.*\p{L})(?=.*[\d!@#$%^&*_+~?])[^\s:/@]{6,40}$/u;

/** The code or password at the start of the turn that begins at `at`, if the answer gives one. */
function answerAt(text: string, at: number): Span | undefined {
  LEAD_WORDS.lastIndex = at;
  LEAD_WORDS.exec(text);
  for (const start of [LEAD_WORDS.lastIndex, at]) {
    ANSWER_WORD.lastIndex = start;
    const raw = ANSWER_WORD.exec(text)?.[0] ?? '';
    // `— dima_k: Dacha_2023!`: a word before a colon names the speaker; the answer comes after it.
    if (raw.endsWith(':') && start === at) return answerAt(text, start + raw.length + 1);
    const word = raw.replace(/[,.;:)]+$/, '');
    if (CODE.test(word) || (PASSWORD.test(word) && !/^\p{L}+[.!?]*$/u.test(word))) {
      return { start, end: start + word.length, type: 'SECRET' };
    }
  }
  return undefined;
}

export function secretsInNextTurn(text: string): Span[] {
  const spans: Span[] = [];
  SECRET_WORD.lastIndex = 0;
  for (let m = SECRET_WORD.exec(text); m; m = SECRET_WORD.exec(text)) {
    // (A secret word starts a word: `pin`, not `spin`; `code`, not `barcode`. CJK writes no spaces.)
    const cjk = /^[\p{Script=Han}\p{Script=Katakana}\p{Script=Hangul}]/u.test(m[0]);
    if (!cjk && /[\p{L}\d]/u.test(text[m.index - 1] ?? '')) continue;
    if (OTHER_CODE.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
    const from = m.index + m[0].length;
    const question = text.slice(from, from + REACH);
    // The question ends at its mark; the next turn is the first one after it.
    const mark = Math.max(0, question.search(/[?？؟]/));
    const rest = question.slice(mark);
    NEXT_TURN.lastIndex = 0;
    let turn = NEXT_TURN.exec(rest);
    while (turn && !isTurn(turn)) turn = NEXT_TURN.exec(rest);
    if (!turn) continue;
    const answer = answerAt(text, from + mark + turn.index + turn[0].length);
    if (answer) {
      spans.push(answer);
      SECRET_WORD.lastIndex = answer.end;
    }
  }
  return spans;
}
