import type { Span } from '../types.js';
import { lineAround, matchSpans } from './util.js';

/**
 * One-time codes as services text them (`use code 771902 to reset your password`, `Your WhatsApp code: 381-446`, `Your
 * Barclays verification code is 482 016`, `G-583021 is your Google verification code`, `رمز التحقق الخاص بك هو 904712`, `رمز یکبار مصرف ۸۴۲۱۹۳`,
 * `הקוד שקיבלת בסמס: 739204`) and door codes in Finnish, Scandinavian and Catalan (`ovikoodi on 1947`, `el codi de la
 * porta és 3108`, `interfone 72#`, `kapı şifresi 1453*`, `κωδικός 3719`), and a card's `CVV 418`.
 */

/** A line of a message about signing in: its code is a secret, not an order's or an error's. */
const SIGN_IN_WORDS =
  /verif|one-time|\botp\b|reset|log ?in|sign ?in|\bshare\b|expire|security|2fa|authenticat|passcode|تحقق|التفعيل|یکبار|تایید|تأیید|סמס|אימות/i;
/** Found from `code` (rare), then the words before it are read: `use code`, `your (WhatsApp|verification) code`. */
const CODE_IN_MESSAGE = /\bcode(?:\s(?:is|was))?\s?:?\s(\d{3}[ -]\d{3}|\d{4,8})(?![\w-]|[.,]\d)/dgi;
const CODE_OWNER = /\b(?:use|enter|your|the|this)\s(?:[\p{L}-]+\s){0,3}$/iu;
const GOOGLE_CODE = /(?<![\w-])G-(\d{6})(?![\w-])/dg;
const ARABIC_CODE =
  /(?:رمز (?:التحقق|التفعيل|الدخول|یکبار مصرف)|کد (?:تایید|تأیید|یکبار مصرف))[^\d٠-٩۰-۹\n]{0,30}?([0-9٠-٩۰-۹]{4,8})(?![0-9٠-٩۰-۹])/dg;
const HEBREW_CODE = /(?:ה)?קוד[^\d\n]{0,40}?:?\s?(\d{4,8})(?!\d)/dg;
const DOOR_CODE_WORDS =
  /(?:ovikoodi|porttikoodi|dørkode(?:n)?|portkod(?:en)?|dörrkod(?:en)?|codi de la porta|codi del portal|codice del portone|codice del cancello|interfone|kapı şifresi|κωδικός|kode(?:n)? til (?:\p{L}+ ){0,2}?\p{L}+ er)\s?(?:on|er|är|és|è|=|:)?\s?([*#]?\d{3,8}[#*]?|\d{2}[#*])(?![\w-])/dgiu;
/**
 * `Ваш код подтверждения: 582914`, `인증번호 [736204]`, `您的验证码是 482913`, `Ihr Bestätigungscode lautet 482913`: the word
 * for a verification code in a language, a few characters, then the code. Each word names a code sent to sign in, nothing else.
 */
const VERIFICATION_CODE =
  /(?:[Кк]од(?:ом)? подтверждения|[Пп]роверочный код|[Оо]дноразовый код|[Кк]од из смс|[Кк]од підтвердження|인증 ?번호|인증 ?코드|認証コード|確認コード|验证码|驗證碼|校验码|[Bb]estätigungscode|[Vv]erifizierungscode|[Ss]icherheitscode|[Ee]inmalcode|[Cc]ode de (?:vérification|confirmation|sécurité)|[Cc]ódigo de (?:verificación|verificação|confirmación|confirmação|seguridad|segurança)|[Cc]odice di (?:verifica|conferma)|verificatiecode|bevestigingscode|[Kk]od (?:weryfikacyjny|potwierdzający|sms)|[Dd]oğrulama kodu\S*|[Oo]nay kodu\S*|[Mm]ã (?:xác nhận|xác thực|OTP)|[Kk]ode (?:verifikasi|OTP)|รหัส ?OTP|รหัสยืนยัน|सत्यापन कोड)[^\d\n]{0,30}?\[?(\d{3}[ -]\d{3}|\d{4,8})(?!\d)/dg;
/** `CVV 418`: a card's security code (not a test card's, `Sandbox only: … CVC 123`). */
const TEST_CARD_WORDS = /sandbox|test card|example|dummy|sample/i;
const CARD_SECURITY_CODE = /\b(?:CVV2?|CVC2?|CID|card security code)\s?:?\s?(\d{3,4})(?![\w-])/dgi;

/** The line around `at`. */
const lineAt = (text: string, at: number) => text.slice(...lineAround(text, at));

export function oneTimeAndDoorCodes(text: string): Span[] {
  const inSignInMessage = (m: RegExpExecArray) => SIGN_IN_WORDS.test(lineAt(text, m.index));
  const owned = (m: RegExpExecArray) =>
    CODE_OWNER.test(text.slice(Math.max(0, m.index - 48), m.index)) && inSignInMessage(m);
  return matchSpans(text, CODE_IN_MESSAGE, 'SECRET', owned, 1)
    .concat(
      [GOOGLE_CODE, ARABIC_CODE, HEBREW_CODE].flatMap((pattern) =>
        matchSpans(text, pattern, 'SECRET', inSignInMessage, 1),
      ),
    )
    .concat(matchSpans(text, VERIFICATION_CODE, 'SECRET', () => true, 1))
    .concat(matchSpans(text, DOOR_CODE_WORDS, 'SECRET', () => true, 1))
    .concat(
      matchSpans(text, CARD_SECURITY_CODE, 'SECRET', (m) => !TEST_CARD_WORDS.test(lineAt(text, m.index)), 1),
    );
}
