import type { Span } from '../types.js';
import { luhnValid } from './national-id-checks.js';
import { nextWord, readAnyLanguage } from './number-reader.js';
import { beyondLatinRuns } from './util.js';

/**
 * Phone and identity numbers, PINs and codes read out in words after a word that names them, in any language the
 * number words know (`¿Y un teléfono? — Seis, uno, cero; cuarenta y dos; …`, `kimlik numaram kırk,
 * yetmiş altı, …`, `номер: восемь девятьсот двенадцать, …`, `Steuer-ID … ist eins zwei drei …`).
 *
 * The cue words are whole words, or stems (ending in `*`) that take any ending (`Telefonunuz`,
 * `llámame`, `позвоните`). Those in the Latin script are looked for without Unicode case folding, the
 * others only in the stretches of their scripts (both several times cheaper than one pattern for all).
 */
const LATIN_CUES = {
  // English, Spanish, Portuguese, Italian, French, German, Dutch, Turkish, Polish, Indonesian and Malay, Swahili
  PHONE:
    'number numbers phone phones mobile cell call calling callback ring reach text whatsapp contact landline tel ' +
    'número numero teléfono telefono móvil movil celular línea linea llam* telefone contato ligue ligar liga ' +
    'cellulare recapito chiam* numéro téléphone portable joindre appel* rappel* nummer telefon* handy* mobil* ' +
    'rufnummer festnetz* erreichbar anrufen telefoon mobiel bellen gsm numara* cep aray* numer* komórk* zadzwo* ' +
    'dzwo* nomor nombor telepon hubungi namba nambari simu',
  SSN:
    'ssn social sin cpf nif nie dni curp rut cuil cuit cnic nicop cccd cmnd aadhaar aadhar nin bvn nric mykad ' +
    'kimlik* sécu secu insee versichertennummer steuer-id steueridentifikationsnummer steuernummer ausweis* ' +
    'passport* pasaporte passaporte passeport reisepass identity identidad identidade id cédula cedula pesel bsn ' +
    'personnummer fødselsnummer henkilötunnus nhs medicare ird tfn cpr huduma ktp nid',
  SECRET:
    'code codes pin pins passcode otp password código codigo clave contraseña senha kod kodu kode koden koodi ' +
    'codice pincode şifre* parola passwort kennwort',
};
const SCRIPT_CUES = {
  // Russian, Ukrainian, Greek, Arabic, Persian, Hindi, Bengali
  PHONE:
    'номер* телефон* мобильн* мобільн* звон* позвон* дзвон* сотов* αριθμ* τηλέφων* τηλεφων* κινητ* ' +
    'رقم* موبايل* جوال* هاتف* تلفون* تليفون* واتس* اتصل* شماره* تلفن* موبایل* नंबर नम्बर फ़ोन फोन मोबाइल',
  SSN:
    'паспорт* инн снилс іпн рнокпп ідентифікаційн* ταυτότητ* αμκα αφμ هوية* الهوية* والهوية* هويتي* الإقامة* ' +
    'إقامة* ملی آدھار आधार पहचान* পরিচয়*',
  SECRET: 'код* пароль* пин رمز* كود*',
};
type Kind = keyof typeof LATIN_CUES;

function cuePattern(cues: Record<Kind, string>, letter: string, flags: string): RegExp {
  const alternatives = (words: string) =>
    words
      .split(' ')
      .map((word) => (word.endsWith('*') ? `${word.slice(0, -1)}${letter}*` : `${word}(?!${letter})`))
      .join('|');
  return new RegExp(
    `(?<SSN>${alternatives(cues.SSN)})|(?<SECRET>${alternatives(cues.SECRET)})|(?<PHONE>${alternatives(cues.PHONE)})`,
    flags,
  );
}
const LATIN_CUE = cuePattern(LATIN_CUES, '[a-zà-ɏ]', 'gi');
const SCRIPT_CUE = cuePattern(SCRIPT_CUES, '[\\p{L}\\p{M}]', 'giu');

interface Cue {
  start: number;
  end: number;
  kind: Kind;
}

/** Each cue word of the text, in text order. */
function cuesIn(text: string): Cue[] {
  const found: Cue[] = [];
  const collect = (pattern: RegExp, stretch: string, offset: number) => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(stretch); m; m = pattern.exec(stretch)) {
      // (A cue starts a word: `cell`, not `excellent`.)
      if (/[\p{L}\p{M}]/u.test(stretch[m.index - 1] ?? '')) continue;
      const start = offset + m.index;
      const kind = m.groups?.SSN ? 'SSN' : m.groups?.SECRET ? 'SECRET' : 'PHONE';
      found.push({ start, end: start + m[0].length, kind });
    }
  };
  collect(LATIN_CUE, text, 0);
  for (const [from, to] of beyondLatinRuns(text)) collect(SCRIPT_CUE, text.slice(from, to), from);
  return found.sort((a, b) => a.start - b.start);
}

/** `account number`, `order ID`, `Caller ID`: the number of something else. */
const OTHER_THINGS =
  'account|order|reference|ref|policy|case|ticket|invoice|tracking|member|card|iban|id|session|' +
  'transaction|cuenta|pedido|póliza|conta|ordine|conto|commande|compte|konto|bestell|sipariş|hesap|счёт|счет|заказ|' +
  'zip|postal|post|area|country|sort|swift|promo|discount|voucher|coupon|product|error|status';
const OTHER_BEFORE = new RegExp(`(?<![\\p{L}])(?:${OTHER_THINGS})[\\s-]*$`, 'iu');
const OTHER_WORD = new RegExp(`^(?:${OTHER_THINGS})$`, 'iu');
/** How far after the cue the number may start: `teléfono? Paciente: Seis, …`. */
const REACH = 48;
/** How many digits (and spelled capitals) each kind of number has. */
const LENGTHS: Record<Kind, [number, number]> = { PHONE: [9, 13], SSN: [8, 18], SECRET: [4, 8] };
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
function fits(text: string, cue: Cue, start: number, digits: string): boolean {
  const [fewest, most] = LENGTHS[cue.kind];
  if (digits.length < fewest || digits.length > most) return false;
  const word = text.slice(cue.start, cue.end);
  const check = cue.kind === 'SSN' ? CHECKED.find(([checked]) => checked.test(word))?.[1] : undefined;
  return check === undefined || (LABEL_ONLY.test(text.slice(cue.end, start)) && check(digits));
}

export function spokenNumbersAfterCues(text: string): Span[] {
  const spans: Span[] = [];
  let resumeAt = 0;
  for (const cue of cuesIn(text)) {
    if (cue.start < resumeAt || OTHER_BEFORE.test(text.slice(Math.max(0, cue.start - 12), cue.start)))
      continue;
    const limit = Math.min(text.length, cue.end + REACH);
    for (let m = nextWord(text, cue.end, limit); m; m = nextWord(text, m.end, limit)) {
      if (OTHER_WORD.test(m.word)) break;
      const reading = readAnyLanguage(text, m, cue.kind === 'SSN');
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
