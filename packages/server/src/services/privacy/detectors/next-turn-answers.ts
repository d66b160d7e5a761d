import type { Span } from '../types.js';

/**
 * A code, a password or an identity number given in the next turn of a chat, after a question that asks for
 * it (`what's the code for the building? Avi: 1948, …`, `ofis wifi şifresi neydi ya? [09:13] Ayşe:
 * Kahve_2024!ofis`, `دکتر گفت کد ملی رو بفرستیم 04/04/24, 10:12 - Reza: 0082146373`): the answer's first word
 * that has the shape asked for, a word or two after the speaker at most.
 */
const SECRET_WORD = new RegExp(
  [
    String.raw`(?:(?:pass)?codes?|passcode|password|token|api[ -]?key|passwort|kennwort|wachtwoord|mot de passe|lösenord`,
    String.raw`pin|otp|2fa|clave|contraseña|senha|c[óo]digo|codice|koden?|kodu|heslo|şifre\p{L}*|parola\p{L}*`,
    String.raw`пароль\p{L}*|код\p{L}*|סיסמה|كلمة (?:ال)?سر|رمز)(?![\p{L}\d])|비번|비밀번호|암호|暗証番号|パスワード|密码|密碼`,
  ].join('|'),
  'giu',
);
/** Identity numbers' names, in the languages of the national-ID labels (a question may name one alone). */
const ID_WORD = new RegExp(
  [
    String.raw`(?:ssn|social security(?: number)?|nin|bvn|cpf|dni|nif|nie|curp|rut|cnic|aadhaa?r|nric|mykad|ktp|nik|cccd`,
    String.raw`iin|иин|жсн|снилс|инн|рнокпп|kimlik(?: no| numaran[ıi]z)?|pesel|bsn|personnummer|fødselsnummer|codice fiscale`,
    String.raw`passport(?: number| no\.?)?|pasaporte|passaporte|reisepass|паспорт\p{L}*|teudat zehut|national id(?: number)?)(?![\p{L}\d])`,
    String.raw`کد ?ملی|شماره ملی|رقم الهوية|الرقم القومي|תעודת זהות|주민번호|주민등록번호|身份证号?|身分證字號|マイナンバー`,
  ].join('|'),
  'giu',
);
/** An identity number's shape: eight digits or more, perhaps grouped, a few letters at either end. */
const ID_NUMBER = /^[A-Z]{0,3}(?=(?:\D*\d){8})\d[\d ./-]{6,22}\d[A-Z]?$/;
/** A date answers a question about a birth, not about an ID (`and Tobi? Mum: 17/02/2013`). */
const DATE = /^\d{1,4}[./-]\d{1,2}[./-]\d{2,4}$/;

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
/**
 * A speaker in lower case (`jules:`) only after a question mark, a timestamp or a slash (`aisle three:` is
 * none); for an identity number also one in a script without capitals (`رقم الهاتف:` is the next field).
 */
const isTurn = (turn: RegExpExecArray, caseless: boolean) => {
  const name = turn.groups?.name;
  if (turn.groups?.lead?.trim() !== '' || name === undefined) return true;
  return caseless ? !/^\p{Ll}/u.test(name) : /^\p{Lu}/u.test(name);
};
/**
 * The first speaker's turn in `rest` (what follows a question's mark): where its label starts, and where the turn's
 * words start after it.
 */
export function firstTurn(
  rest: string,
  caselessSpeakers: boolean,
): { index: number; end: number } | undefined {
  NEXT_TURN.lastIndex = 0;
  let turn = NEXT_TURN.exec(rest);
  while (turn && !isTurn(turn, caselessSpeakers)) turn = NEXT_TURN.exec(rest);
  return turn ? { index: turn.index, end: turn.index + turn[0].length } : undefined;
}

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

const isSecret = (word: string) => CODE.test(word) || (PASSWORD.test(word) && !/^\p{L}+[.!?]*$/u.test(word));

/** What the turn that begins at `at` answers, if its first word has the shape asked for. */
function answerAt(
  text: string,
  at: number,
  shape: (word: string) => boolean,
  type: Span['type'],
): Span | undefined {
  LEAD_WORDS.lastIndex = at;
  LEAD_WORDS.exec(text);
  for (const start of [LEAD_WORDS.lastIndex, at]) {
    ANSWER_WORD.lastIndex = start;
    const raw = ANSWER_WORD.exec(text)?.[0] ?? '';
    // `— dima_k: Dacha_2023!`: a word before a colon names the speaker; the answer comes after it.
    if (raw.endsWith(':') && start === at) return answerAt(text, start + raw.length + 1, shape, type);
    const word = raw.replace(/[,.;:)]+$/, '');
    if (shape(word)) return { start, end: start + word.length, type };
  }
  return undefined;
}

/** The answers in the next turn to the questions `question` finds. */
function answersInNextTurn(
  text: string,
  question: RegExp,
  shape: (word: string) => boolean,
  type: Span['type'],
  caselessSpeakers: boolean,
): Span[] {
  const spans: Span[] = [];
  question.lastIndex = 0;
  for (let m = question.exec(text); m; m = question.exec(text)) {
    // (A question's word starts a word: `pin`, not `spin`; `code`, not `barcode`. CJK writes no spaces.)
    const cjk = /^[\p{Script=Han}\p{Script=Katakana}\p{Script=Hangul}]/u.test(m[0]);
    if (!cjk && /[\p{L}\d]/u.test(text[m.index - 1] ?? '')) continue;
    if (OTHER_CODE.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
    const from = m.index + m[0].length;
    const rest0 = text.slice(from, from + REACH);
    // The question ends at its mark; the next turn is the first one after it.
    const mark = Math.max(0, rest0.search(/[?？؟]/));
    const rest = rest0.slice(mark);
    const turn = firstTurn(rest, caselessSpeakers);
    if (!turn) continue;
    const answer = answerAt(text, from + mark + turn.end, shape, type);
    if (answer) {
      spans.push(answer);
      question.lastIndex = answer.end;
    }
  }
  return spans;
}

export const secretsInNextTurn = (text: string): Span[] =>
  answersInNextTurn(text, SECRET_WORD, isSecret, 'SECRET', true);
export const idsInNextTurn = (text: string): Span[] =>
  answersInNextTurn(text, ID_WORD, (word) => ID_NUMBER.test(word) && !DATE.test(word), 'SSN', false);
