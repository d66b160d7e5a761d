import type { Span } from '../types.js';
import { namesAnId } from './national-id.js';
import { phoneLabelStart } from './phone.js';

const FIELD_MARKS = [',', ';', '،', '，', '、'];
/**
 * `… cod 030033. Sună-l pe …`, `… 해줘. 번호는 …`: a full stop after a number, a lower-case word or a letter of a
 * script without capitals, then a capital or such a letter, ends a sentence (`Str. Lipscani`, `вул. Хрещатик`
 * are abbreviations).
 */
const CASELESS = String.raw`\u0590-\u08ff\u0900-\u0dff\u0e00-\u0eff\u10a0-\u10ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af`;
const SENTENCE_END = new RegExp(
  String.raw`(?<=\d|[a-zà-ÿ]{4}|[${CASELESS}])[.。۔]\s*(?=[A-ZÀ-ÞА-Я${CASELESS}])`,
);

/** Where the field before `end` in `between` starts: after its last comma or semicolon, or -1. */
const lastMark = (between: string) => Math.max(...FIELD_MARKS.map((mark) => between.lastIndexOf(mark)));

/**
 * `…, Montréal (Québec) H2J 2L6, NAS 424 244 911`: an address read on over a later field ends at the
 * comma or semicolon before the identity number and its label that it ran into.
 */
export function addressesBeforeIds(text: string, addresses: readonly Span[], ids: readonly Span[]): Span[] {
  if (ids.length === 0) return [...addresses];
  return addresses.map((address) => {
    const id = ids.find(
      (span) => span.start > address.start && span.start < address.end && span.end >= address.end,
    );
    if (!id) return address;
    const between = text.slice(address.start, id.start);
    const cut = lastMark(between);
    // (`Calle Mayor 5, 2º B, 28013 Madrid, DNI …`: only a field that names an ID is cut off.)
    if (cut <= 0 || !namesAnId(between.slice(cut + 1))) return address;
    return { ...address, end: address.start + between.slice(0, cut).trimEnd().length };
  });
}

/**
 * `Getreidegasse 9, 5020 Salzburg, Schlüsselbox-Code 0381, …`: an address read on over a door code or a password
 * ends where the sentence does before it, else at the comma before the field that holds it.
 */
export function addressesBeforeSecrets(
  text: string,
  addresses: readonly Span[],
  secrets: readonly Span[],
): Span[] {
  return addressesBefore(text, addresses, secrets, (between) => {
    const sentence = SENTENCE_END.exec(between);
    return sentence ? sentence.index : lastMark(between);
  });
}

/**
 * `Số 18 ngõ 42 Trần Duy Hưng, Hà Nội, SĐT 0912 345 678`, `… لاہور ہے اور موبائل نمبر 0300 4418273`: an address
 * read on over a phone number ends where the sentence does before it, else before the number's label; a number
 * with neither (`Osaka 542-0076`, a postcode read as one) leaves it whole.
 */
export function addressesBeforePhones(
  text: string,
  addresses: readonly Span[],
  phones: readonly Span[],
): Span[] {
  return addressesBefore(text, addresses, phones, (between, field) => {
    const sentence = SENTENCE_END.exec(between);
    if (sentence) return sentence.index;
    const label = phoneLabelStart(text, field.start);
    return label === undefined ? -1 : label - (field.start - between.length);
  });
}

/**
 * `… الرياض 12214، البريد rizwan.chaudhry88@gmail.com`, `…12樓B室，電郵 kayan.wong@…`: an address read on over an e-mail
 * address, an IP or a MAC address ends where the sentence does before it, else at the comma before it; a finding
 * where the address starts (`с адреса 95.24.182.73`, "from the address" of a log in) was no address.
 */
export function addressesBeforeMachineFields(
  text: string,
  addresses: readonly Span[],
  fields: readonly Span[],
): Span[] {
  const starts = new Set(fields.map((field) => field.start));
  return addressesBefore(
    text,
    addresses.filter((address) => !starts.has(address.start)),
    fields,
    (between) => SENTENCE_END.exec(between)?.index ?? lastMark(between),
  );
}

/** Each address that a later field starts inside or right after, cut where `cutIn` says in the text between them (-1: whole). */
function addressesBefore(
  text: string,
  addresses: readonly Span[],
  fields: readonly Span[],
  cutIn: (between: string, field: Span) => number,
): Span[] {
  if (fields.length === 0) return [...addresses];
  return addresses.map((address) => {
    // (`… Hà Nội, SĐT 0912 345 678`: an address that takes in the label ends right before the number.)
    const field = fields.find((span) => span.start > address.start && span.start <= address.end + 1);
    if (!field) return address;
    const between = text.slice(address.start, field.start);
    const cut = cutIn(between, field);
    if (cut <= 0) return address;
    const kept = between.slice(0, cut).replace(/[\s,;،，、]+$/, '');
    return { ...address, end: address.start + kept.length };
  });
}
