import type { Span } from '../types.js';
import { before, digitsOf, mayHaveLetterIn, REFERENCE_CUE } from './util.js';

/** `טלפון 052-448-1907, רכב 48-291-07`: a vehicle word between two numbers makes the second a plate's. */
const VEHICLE_WORD = /רכב|\b(?:car|vehicle|plate|reg)\b/i;
// `ב-052-555-7431`: a Hebrew preposition joined by a hyphen still leaves the number whole.
// `电话:138 1742 6690`, `電話:090-…`: a colon right after a word of a script without spaces opens a number; after a Latin word or a digit (`10:30`, `port:8080`) it does not.
const CANDIDATE =
  /(?<![\w.+/@]|[\w/:]:|(?<![\u05d0-\u05ea])-)(?:\+|00)?\(?\d[\d \-.()/]{4,22}\d(?![\w@]|[.\-/]\d)/g;
/** Words that name a phone number (`Tel.`, `call me on`, `Handy:`, `للتواصل`). */
const PHONE_WORDS =
  'phone|tel|mobile|cell|cel|celular|contact|call|fax|whatsapp|text|sms|telefon|handy|ruf|téléphone|portable|appel|teléfono|móvil|llam|llám|zadzwo|dzwoń|dzwoni|komórk|nomor|điện thoại|sđt|cep|hp|simu|namba|telefono|cellulare|chiam|telefone|telemóvel|ligue|телефон|звон|утас|電話|电话|手机|携帯|전화|휴대폰|연락처|मोबाइल|फोन|फ़ोन|bizum|للتواصل|موبائل|موبایل|جوال|טלפון|נייד|தொலைபேசி|கைபேசி|सम्पर्क|संपर्क|reached (?:at|on)|reach (?:me|him|her|them) (?:at|on)|(?:mój|moj|mi|my|meu|mon|mein|mitt|mit|son|votre|ton|su|tu|seu|sua|his|her|their|your) (?:numer|número|numero|number|numéro|nummer)|على الرقم|اتصل|الاتصال|هاتف|تلفون|تليفون|nummeret mitt|numaram|мой номер|ნომერ|ring (?:meg|mig)|ringa mig|(?:मेरो|मेरा)(?: नयाँ| नया)? (?:नम्बर|नंबर)|orange money|m-?pesa|mobile money|momo|gcash|bkash';
/** The end of a text that names a phone number (`Tel.`, `call me on`, `Handy:`). */
export const PHONE_CUE = new RegExp(
  String.raw`(?:${PHONE_WORDS})[^\n\d]{0,12}$|(?:contact|call|llam|chiam|ligue|appel)[A-Za-zÀ-ÿ]*\s(?:[A-Za-zÀ-ÿ]+\s){1,2}(?:at|on|al|au|no|em|a)\s$`,
);
/** Where the words naming the phone number at `at` start (`Tel.`, `موبائل نمبر`), or undefined when none do. */
export function phoneLabelStart(text: string, at: number): number | undefined {
  const window = before(text, at, 24);
  const label = PHONE_CUE.exec(window);
  return label ? at - window.length + label.index : undefined;
}

/**
 * `O telemóvel continua a ser o 913 482 076`, `El celu de ella es 11 5634-2871`: the word further back in the same
 * sentence, with no other number's word between (`Caller read out her Turkish ID, 27184603988`).
 */
const PHONE_CUE_FAR = new RegExp(String.raw`(?:${PHONE_WORDS})[^\n\d.!?]{13,30}$`);
const OTHER_NUMBER_BETWEEN =
  /\b(?:id|iban|account|konto|passport|dni|nif|cpf|ssn|reg|code|pin|number is|reference|ref|confirmation|invoice|order|ticket|re)\b/i;
const NANP = /^(?:\+?1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}$/;
const TRUNK = /^\(?0\d{1,4}\)?(?:[ \-/.]?\d{2,8}){1,4}$/;
/** `(11) 98765-4321`, `(55) 1234 5678`: a two- or three-digit area code in brackets, then a grouped local number. */
const AREA_IN_BRACKETS = /^\(\d{2,3}\)\s?\d{4,5}[ -]\d{4}$/;
/** `612 48 93 07`: a Spanish mobile number (6 or 7, then eight digits) in its usual three, two, two and two. */
const SPANISH_MOBILE = /^[67]\d\d \d\d \d\d \d\d$/;
/** `98203 55417`: an Indian mobile number (first digit 6–9) in its usual five and five. */
const INDIAN_MOBILE = /^[6-9]\d{4} \d{5}$/;
/** `Tracking 1Z 4E8 V91 03 4471 2980`: a group of letters and digits just before makes the digits the rest of a code. */
const CODE_GROUP_BEFORE = /(?:^|\s)(?=[A-Z\d]*[A-Z])(?=[A-Z\d]*\d)[A-Z\d]{2,6} $/;
/** `8 (727) 355-18-42`, `8 (495) 123-45-67`: Russia's and Kazakhstan's trunk 8, the area code in brackets, the number in 3-2-2. */
const RU_TRUNK = /^8 ?\((?:\d{3}\) ?\d{3}|\d{4}\) ?\d{2}|\d{5}\) ?\d)-\d{2}-\d{2}$/;
/** `138 1742 6690`, `159-0217-4483`: a Chinese mobile number (1, then 3–9) in its usual three, four and four. */
const CHINESE_MOBILE = /^1[3-9]\d([ -])\d{4}\1\d{4}$/;
/**
 * `helpline: 0300 200 3310, Monday to Friday 8am to 6pm`, `… on 0800 111 999, open 24 hours`: opening hours
 * after a number make it an organisation's published line, not a person's.
 */
const OPENING_HOURS =
  /^[,;]?\s?[(–-]?\s?(?:open\b|lines open|24\/7|24 hours|(?:mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)(?:\s?(?:-|–|to)\s?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)?,?\s\d{1,2}(?::\d\d)?\s?(?:am|pm|h|[-–]))/i;
const SSN_SHAPE = /^\d{3}-\d{2}-\d{4}$/;
/**
 * `(212) 555-0187 ext. 342`, `+44 20 7946 0958 x2214`, `poste 12`, `loc. 214`, `שלוחה 214`, German `030 48273160-214`:
 * the extension belongs to the number.
 */
const EXTENSION =
  /^(?:,? ?(?:ext\.?|extn\.?|extension|x|poste|durchwahl|anexo|ramal|interno|int\.|loc\.?|local|שלוחה|内线|分机|내선)\s?|-(?=\d{2,3}(?![\w-])))\d{1,6}(?![\w-])/i;
/** A date, perhaps with the hour after it (`On 03/12/2026 09:15, … wrote`). */
const DATE_LIKE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})(?: \d{1,2})?$/;
/** A date, an SSN, or brackets not around an area code. */
const refused = (candidate: string) =>
  DATE_LIKE.test(candidate) ||
  SSN_SHAPE.test(candidate) ||
  (/[()]/.test(candidate) && !/^(?:\+?\d{1,3}[ .-]?)?\(\d{1,5}\)[ .-]?\d/.test(candidate));

function acceptable(candidate: string, labelled: boolean): boolean {
  // Unlabelled and not opening with `+`, `0` or `(`, only the NANP and mobile shapes are left to accept
  // it: a long run of digit groups (`1 1 1 1 …`), shortened a group at a time, is refused without the tests below.
  if (!labelled && !/^[+0(]/.test(candidate)) {
    return (
      (NANP.test(candidate) ||
        INDIAN_MOBILE.test(candidate) ||
        SPANISH_MOBILE.test(candidate) ||
        RU_TRUNK.test(candidate) ||
        CHINESE_MOBILE.test(candidate)) &&
      !refused(candidate)
    );
  }
  if (refused(candidate)) return false;
  const digits = digitsOf(candidate);
  if (candidate.startsWith('+')) return digits.length >= 8 && digits.length <= 15;
  // `00` + country code + a subscriber number; `00448213` alone is an order number with leading zeros.
  if (candidate.startsWith('00')) return digits.length >= 11 && digits.length <= 17;
  if (NANP.test(candidate)) return true;
  if (AREA_IN_BRACKETS.test(candidate)) return true;
  if (INDIAN_MOBILE.test(candidate)) return true;
  if (TRUNK.test(candidate) && digits.length >= 9 && digits.length <= 12 && /[ \-/.()]/.test(candidate))
    return true;
  return labelled && digits.length >= 7 && digits.length <= 13;
}

/** Candidate minus its last separator-delimited group, or undefined when nothing is left to try. */
function shorten(candidate: string): string | undefined {
  // Read from the end, as `candidate.search(/[ \-./]+\d+\)?$/)` would find it, without trying every index.
  const end = candidate.endsWith(')') ? candidate.length - 1 : candidate.length;
  let digits = end;
  while (digits > 0 && isDigitCode(candidate.charCodeAt(digits - 1))) digits--;
  let cut = digits;
  while (cut > 0 && SEPARATORS.includes(candidate[cut - 1] ?? '')) cut--;
  return digits < end && cut < digits && cut > 0 ? candidate.slice(0, cut) : undefined;
}

const SEPARATORS = ' -./';
const isDigitCode = (code: number) => code >= 48 && code <= 57;

/**
 * International numbers (`+49 30 1234567`, `0044 20 7946 0958`), North American
 * (`(555) 123-4567`), national trunk formats (`030 1234567`, `06 12 34 56 78`) and, after a
 * phone label, shorter local numbers (`Tel. 555-1234`).
 */
export function detectPhones(text: string): Span[] {
  const spans: Span[] = [];
  let lastEnd = -1;
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match; match = CANDIDATE.exec(text)) {
    // A number right after another one in a list (`… or 91 123 45 67`) shares its label.
    const gap = lastEnd >= 0 ? text.slice(lastEnd, match.index) : '';
    const listed =
      lastEnd >= 0 && match.index - lastEnd <= 12 && !/[.\n]/.test(gap) && !VEHICLE_WORD.test(gap);
    // Both cues are words: without a letter before the number neither can be there.
    const cued = mayHaveLetterIn(text, match.index - 44, match.index);
    const far = cued ? before(text, match.index, 44) : '';
    const labelled =
      listed ||
      (cued && PHONE_CUE.test(before(text, match.index, 24))) ||
      (PHONE_CUE_FAR.test(far) && !OTHER_NUMBER_BETWEEN.test(far.slice(far.search(PHONE_CUE_FAR))));
    // (`Contact on booking: +44 7402 881 633`: a number in international form is no booking's reference.)
    const international = text[match.index] === '+';
    if (!labelled && !international && cued && REFERENCE_CUE.test(before(text, match.index, 24))) continue;
    if (!labelled && CODE_GROUP_BEFORE.test(text.slice(Math.max(0, match.index - 8), match.index))) continue;
    let candidate: string | undefined = match[0].replace(/[ \-./(]+$/, '');
    // `(0321-4567890)`: the bracket around a number is not part of it.
    const opened = candidate.startsWith('(') && !candidate.includes(')') ? 1 : 0;
    candidate = candidate.slice(opened);
    while (candidate && !acceptable(candidate, labelled)) candidate = shorten(candidate);
    if (
      candidate &&
      OPENING_HOURS.test(text.slice(match.index + candidate.length, match.index + candidate.length + 40))
    )
      continue;
    if (candidate) {
      const start = match.index + opened;
      const end = start + candidate.length;
      const extension = EXTENSION.exec(text.slice(end, end + 24))?.[0].length ?? 0;
      spans.push({ start, end: end + extension, type: 'PHONE' });
      lastEnd = end + extension;
    }
  }
  return spans;
}

/** `Sr. Nuno Teixeira, 936 118 402`, `Tenant Chan Siu Ming, 9123 4478`: a grouped number right after a name. */
const NUMBER_AFTER_NAME =
  /(?:, ?| [–—-] |: ?| \(| (?:on|at|fuq|pod) )(\+?\d{2,5}(?:[ .-]\d{2,5}){1,4})(?![\w%€$£/]|[.-]\d)/dy;
const TWO_YEARS = /^(?:19|20)\d\d[ .-](?:19|20)\d\d$/;

/** Phone numbers without a label, written right after a person's name as in a contact list. */
export function phonesAfterNames(text: string, persons: readonly Span[]): Span[] {
  return persons.flatMap((person): Span[] => {
    NUMBER_AFTER_NAME.lastIndex = person.end;
    const range = NUMBER_AFTER_NAME.exec(text)?.indices?.[1];
    if (!range) return [];
    const number = text.slice(range[0], range[1]);
    const digits = digitsOf(number).length;
    if (digits < 8 || digits > 13 || refused(number) || TWO_YEARS.test(number)) return [];
    return [{ start: range[0], end: range[1], type: 'PHONE' }];
  });
}
