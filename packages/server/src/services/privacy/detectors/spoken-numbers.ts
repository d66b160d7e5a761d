import type { Span } from '../types.js';
import { ibanValid } from './iban.js';
import { luhnValid } from './national-id-checks.js';
import { nextWord, readAnyLanguage, readGluedDigits } from './number-reader.js';
import { alternation, anchorStarts, beyondLatinRuns } from './util.js';

/**
 * Phone, identity, card and IBAN numbers, plates, PINs and codes read out in words after a word that names
 * them, in any language the number words know (`¿Y un teléfono? — Seis, uno, cero; cuarenta y dos; …`,
 * `kimlik numaram kırk, yetmiş altı, …`, `номер: восемь девятьсот двенадцать, …`, `Steuer-ID … ist eins zwei …`).
 *
 * The cue words are whole words, or stems (ending in `*`) that take any ending (`Telefonunuz`,
 * `llámame`, `позвоните`). Those in the Latin script are looked for without Unicode case folding, the
 * others only in the stretches of their scripts (both several times cheaper than one pattern for all).
 */
/** The word `number` itself, which names no kind of number (`số CCCD …`: the word after it names it). */
const LATIN_NUMBER_WORDS =
  'number numbers número numero numéro nummer numara* numer* nomor nombor namba nambari số';
const SCRIPT_NUMBER_WORDS = 'номер* नंबर नम्बर رقم* شماره*';
const LATIN_CUES = {
  // English, Spanish, Portuguese, Italian, French, German, Dutch, Turkish, Polish, Indonesian and Malay, Swahili
  PHONE:
    `${LATIN_NUMBER_WORDS} phone phones mobile cell call calling callback ring reach text whatsapp contact landline ` +
    'tel teléfono telefono móvil movil celular línea linea llam* telefone contato ligue ligar liga cellulare ' +
    'recapito chiam* téléphone portable joindre appel* rappel* telefon* handy* mobil* rufnummer festnetz* erreichbar ' +
    'anrufen telefoon mobiel bellen gsm cep aray* komórk* zadzwo* dzwo* telepon hubungi simu piga nipigie zap thoại sđt',
  SSN:
    'ssn social sin cpf nif nie dni curp rut cuil cuit cnic nicop cccd cmnd aadhaar aadhar nin bvn nric mykad ' +
    'kimlik* sécu secu insee versichertennummer steuer-id steueridentifikationsnummer steuernummer ausweis* ' +
    'passport* pasaporte passaporte passeport reisepass identity identidad identidade id cédula cedula pesel bsn ' +
    'personnummer fødselsnummer henkilötunnus nhs medicare ird tfn cpr huduma ktp nid',
  SECRET:
    'code codes pin pins passcode otp password código codigo clave contraseña senha kod kodu kode koden koodi ' +
    'codice pincode şifre* parola passwort kennwort',
  CARD: 'card tarjeta cartão cartao carta carte karte kart kaart kortet kortti',
  IBAN: 'iban',
  PLATE:
    'plate plates plaka placa placas patente targa plaque immatriculation kennzeichen nummernschild rego ' +
    'registration kenteken matrícula matricula',
};
const SCRIPT_CUES = {
  // Russian, Ukrainian, Greek, Arabic, Persian, Hindi, Bengali
  PHONE:
    `${SCRIPT_NUMBER_WORDS} телефон* мобильн* мобільн* звон* позвон* дзвон* сотов* αριθμ* τηλέφων* τηλεφων* κινητ* ` +
    'موبايل* جوال* هاتف* تلفون* تليفون* واتس* اتصل* تلفن* موبایل* फ़ोن फोन मोबाइल ' +
    // Chinese, Japanese, Korean: written without spaces, so no stem reaches past the word itself.
    '电话 電話 手机号 手機號 号码 號碼 番号 携帯 전화 번호 연락처 핸드폰',
  SSN:
    'паспорт* инн снилс іпн рнокпп ідентифікаційн* ταυτότητ* αμκα αφμ هوية* الهوية* والهوية* هويتي* الإقامة* ' +
    'إقامة* ملی آدھار आधार पहचान* পরিচয়*',
  SECRET: 'код* пароль* пин رمز* كود*',
  CARD: 'карт* بطاقة* כרטיס*',
  IBAN: 'ايبان',
  PLATE: 'لوحة*',
};
type Kind = keyof typeof LATIN_CUES;
const CJK = /^[\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}]/u;
const KINDS: readonly Kind[] = ['SSN', 'SECRET', 'CARD', 'IBAN', 'PLATE', 'PHONE'];

function cuePattern(cues: Record<Kind, string>, letter: string, flags: string): RegExp {
  // Whole words share one look-ahead and stems one run of letters: each class is compiled once per kind, not
  // once per word (V8's compiled regexp code has a limit past which it stops optimising; ADR 0019).
  const alternatives = (list: string) => {
    const words = list.split(' ');
    const whole = words.filter((word) => !word.endsWith('*') && !CJK.test(word));
    const stems = words.filter((word) => word.endsWith('*')).map((word) => word.slice(0, -1));
    const unspaced = words.filter((word) => CJK.test(word));
    return [
      whole.length > 0 ? `(?:${whole.join('|')})(?!${letter})` : '',
      stems.length > 0 ? `(?:${stems.join('|')})${letter}*` : '',
      ...unspaced,
    ]
      .filter(Boolean)
      .join('|');
  };
  // One named group per kind: `card number` is a card's (its `number` is then skipped as `card`'s).
  return new RegExp(KINDS.map((kind) => `(?<${kind}>${alternatives(cues[kind])})`).join('|'), flags);
}

const LATIN_CUE = cuePattern(LATIN_CUES, '[a-zà-ɏ]', 'iy');
/**
 * Where a Latin-script cue may start: the first three letters of a cue word, in lower case, capitalised or in
 * capitals, matched as they are (case folding over the long alternation costs twice the whole search).
 */
const LATIN_CUE_START = new RegExp(
  alternation(
    KINDS.flatMap((kind) => LATIN_CUES[kind].split(' ')).flatMap((word) => {
      const start = word.replace('*', '').slice(0, 3);
      return [start, start[0]?.toUpperCase() + start.slice(1), start.toUpperCase()];
    }),
  ),
  'g',
);
const SCRIPT_CUE = cuePattern(SCRIPT_CUES, '[\\p{L}\\p{M}]', 'giu');

interface Cue {
  start: number;
  end: number;
  kind: Kind;
}

/** Each cue word of the text, in text order. */
function cuesIn(text: string): Cue[] {
  const found: Cue[] = [];
  const push = (m: RegExpExecArray, stretch: string, offset: number) => {
    // (A cue starts a word: `cell`, not `excellent`; CJK writes no spaces between words.)
    if (!CJK.test(m[0]) && /[\p{L}\p{M}]/u.test(stretch[m.index - 1] ?? '')) return;
    const start = offset + m.index;
    const kind = KINDS.find((name) => m.groups?.[name] !== undefined) ?? 'PHONE';
    found.push({ start, end: start + m[0].length, kind });
  };
  let after = 0;
  for (const at of anchorStarts(text, LATIN_CUE_START)) {
    if (at < after) continue;
    LATIN_CUE.lastIndex = at;
    const m = LATIN_CUE.exec(text);
    if (!m) continue;
    push(m, text, 0);
    after = at + m[0].length;
  }
  for (const [from, to] of beyondLatinRuns(text)) {
    const stretch = text.slice(from, to);
    SCRIPT_CUE.lastIndex = 0;
    for (let m = SCRIPT_CUE.exec(stretch); m; m = SCRIPT_CUE.exec(stretch)) push(m, stretch, from);
  }
  return found.sort((a, b) => a.start - b.start);
}

/** `account number`, `order ID`, `Caller ID`: the number of something else. */
const OTHER_THINGS =
  'account|order|reference|ref|policy|case|ticket|invoice|tracking|member|card|iban|id|session|' +
  'transaction|cuenta|pedido|póliza|conta|ordine|conto|commande|compte|konto|bestell|sipariş|hesap|счёт|счет|заказ|' +
  'zip|postal|post|area|country|sort|swift|promo|discount|voucher|coupon|product|error|status';
const OTHER_BEFORE = new RegExp(`(?<![\\p{L}])(?:${OTHER_THINGS})[\\s-]*$`, 'iu');
const OTHER_WORD = new RegExp(`^(?:${OTHER_THINGS})$`, 'iu');
const NUMBER_WORD = new RegExp(
  `^(?:${`${LATIN_NUMBER_WORDS} ${SCRIPT_NUMBER_WORDS}`
    .split(' ')
    .map((word) => (word.endsWith('*') ? `${word.slice(0, -1)}\\p{L}*` : word))
    .join('|')})$`,
  'iu',
);
/** How far after the cue the number may start: `teléfono? Paciente: Seis, …`. */
const REACH = 48;
/**
 * What each kind of number is read out as: how many digits (and capitals spelled out, where `letters`)
 * and the check it must pass (a card's Luhn digit, an IBAN's mod 97, a plate's letters and digits).
 */
const KIND_RULES: Record<
  Kind,
  { lengths: [number, number]; letters?: boolean; valid?: (value: string) => boolean }
> = {
  PHONE: { lengths: [9, 13] },
  SSN: { lengths: [8, 18], letters: true },
  SECRET: { lengths: [4, 8] },
  CARD: { lengths: [13, 19], valid: luhnValid },
  IBAN: {
    lengths: [15, 34],
    letters: true,
    valid: (value) => /^[A-Z]{2}\d{2}/.test(value) && ibanValid(value),
  },
  PLATE: { lengths: [4, 9], letters: true, valid: (value) => /\d/.test(value) && /\p{Lu}/u.test(value) },
};
/** The US social security number: no area 000, 666 or 9xx, no group 00, no serial 0000. */
const usSsn = (d: string) => /^(?!000|666|9)\d{3}(?!00)\d{2}(?!0000)\d{4}$/.test(d);
/**
 * Cue words that are also ordinary words (`social media`, Spanish `sin` "without"): only the label's own
 * words may stand between them and the number, which must pass its scheme's check. Any other identity
 * word is the label of whatever number follows (a digit misread or misheard is still the holder's number).
 */
const LABEL_ONLY = /^(?:\s+(?:security|insurance))?(?:\s+(?:number|no\.?|#))?(?:\s+(?:is|was|'s))?[\s:,-]*$/i;
const CHECKED: [RegExp, (digits: string) => boolean][] = [
  [/^social$/i, usSsn],
  [/^sin$/i, (d) => d.length === 9 && luhnValid(d)],
];
function fits(text: string, cue: Cue, start: number, value: string): boolean {
  const { lengths, valid } = KIND_RULES[cue.kind];
  if (value.length < lengths[0] || value.length > lengths[1] || (valid && !valid(value))) return false;
  const word = text.slice(cue.start, cue.end);
  const check = cue.kind === 'SSN' ? CHECKED.find(([checked]) => checked.test(word))?.[1] : undefined;
  return check === undefined || (LABEL_ONLY.test(text.slice(cue.end, start)) && check(value));
}

/** Where a phone number read out in glued CJK digits starts, a few characters after its word (`号码是…`). */
function gluedPhone(text: string, cue: Cue): Span | undefined {
  for (let at = cue.end; at < Math.min(text.length, cue.end + 8); at++) {
    const reading = readGluedDigits(text, at);
    if (reading.words === 0) continue;
    const [fewest, most] = KIND_RULES.PHONE.lengths;
    return reading.digits.length >= fewest && reading.digits.length <= most
      ? { start: at, end: reading.end, type: 'PHONE' }
      : undefined;
  }
  return undefined;
}

export function spokenNumbersAfterCues(text: string): Span[] {
  const spans: Span[] = [];
  let resumeAt = 0;
  const cues = cuesIn(text);
  for (const [i, cue] of cues.entries()) {
    if (cue.start < resumeAt || OTHER_BEFORE.test(text.slice(Math.max(0, cue.start - 12), cue.start)))
      continue;
    // `đọc số CCCD không bảy chín …`: after the word `number`, a nearer cue names what the number is (an ID);
    // `kimlik numaram …`, `Aadhaar number …`: after an ID's name, `number` is part of its label.
    const next = cues[i + 1];
    const named = next && next.kind !== 'PHONE' && NUMBER_WORD.test(text.slice(cue.start, cue.end));
    const nextCue = named ? next.start : Infinity;
    if (CJK.test(text[cue.start] ?? '')) {
      const glued = gluedPhone(text, cue);
      if (glued) {
        spans.push(glued);
        resumeAt = glued.end;
      }
      continue;
    }
    const limit = Math.min(text.length, cue.end + REACH, nextCue);
    for (let m = nextWord(text, cue.end, limit); m; m = nextWord(text, m.end, limit)) {
      if (OTHER_WORD.test(m.word)) break;
      const reading = readAnyLanguage(text, m, KIND_RULES[cue.kind].letters);
      if (!reading || reading.words < 3) continue;
      if (fits(text, cue, m.start, reading.digits)) {
        spans.push({ start: m.start, end: reading.end, type: cue.kind });
        resumeAt = reading.end;
      }
      break;
    }
  }
  return spans;
}
