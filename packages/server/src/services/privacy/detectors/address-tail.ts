import { LETTERS, UPPER_START } from './util.js';

/**
 * The comma-separated tail every address may carry (area, city, state, postcode, a flat or a floor), which
 * `extendAddress` adds to any finding, and where a sentence ends the address (`sentenceEnd`).
 */

const L = LETTERS;
/** A capitalised word of an address (`Lekki`, `St.`, `Saint-Denis`). */
export const CAP = `[${UPPER_START}][${L}'’.]*(?:-[${L}]+)*`;
const ORDINAL = String.raw`\d{1,3}(?:st|nd|rd|th)`;
const POSTCODE = [
  String.raw`[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}`, // UK
  String.raw`[A-Z]\d[A-Z]\s?\d[A-Z]\d`, // Canada
  String.raw`[AC-FHKNPRTV-Y]\d[\dW]\s?[\dAC-FHKNPRTV-Y]{4}`, // Ireland (Eircode)
  String.raw`\d{3}\s\d{2}(?=\s\p{Lu})`, // Greece, Sweden, Czechia, Slovakia
  String.raw`\d{3}-\d{4}`, // Japan
  String.raw`[A-Z]\d{4}(?:[A-Z]{3})?`, // Argentina (CPA)
  String.raw`\d{5}-\d{3}`, // Brazil
  String.raw`\d{4}-\d{3}`, // Portugal
  String.raw`\d{2}-\d{3}`, // Poland
  String.raw`\d{4}\s?[A-Z]{2}(?![${L}])`, // Netherlands
  String.raw`\d{5}(?:-\d{4})?`, // US, Germany, France, Spain, Italy
  String.raw`\d{6}`, // India, Nigeria, China
  String.raw`\d{4}`,
].join('|');
/** `HT6110`, `AZ1000`, `LV-1050`: postcodes written with their country's letters (Haiti, Azerbaijan, St Vincent, Andorra, Barbados, Latvia, Moldova, Lithuania). */
const PREFIXED_POSTCODE = String.raw`(?:HT|AZ|VC)\d{4}|AD\d{3}|BB\d{5}|(?:LV|MD)-\d{4}|LT-\d{5}`;
const WORD = String.raw`(?:${CAP}(?![\d${L}])|${ORDINAL}|[A-Z]{2,4}(?![${L}\d])|\d{1,4}[A-Za-z]?(?![\w-])|(?:de|da|do|di|del|della|des|du|es|la|el|of|am|im|an|upon|sur|tranche)(?![${L}]))`;
/** One comma-separated part of an address: `Lekki Phase 1`, `2nd Cross`, `ON M5H 2N2`, `560038`. */
/** A flat, floor or door: `apto 92`, `conj. 92`, `m. 17`, `bât. C`, `lgh 1203` (Swedish), `H0304` (Norwegian), `3º izq.`, `2º 1ª`, `3.º Esq.`, `3r 2a` (Catalan), `2. th.`, `kv. 15` (a flat, romanised), `of. 1203` (an office), `4 tr` (Swedish floors), `3ος όροφος`, `stan 9` (Serbian). */
const ONE_UNIT = String.raw`(?:(?:apto|apt|app|ap|m|lok|sector|piso|andar|flat|unit|suite|dept|depto|dpto|conj|cj|sala|loja|bloco|bl|int|interno|scala|sc|piano|Whg|Wohnung|Top|Stiege|Stg|esc|escalera|puerta|pta|torre|dto|bât|bat|bâtiment|lgh|lägenhet|кв|квартира|под|эт|офис|оф|корп|стр)\.?\s?(?:[A-Z]?\d{1,4}[A-Za-z]?|[A-Z](?![\w]))|H0\d{3}(?![\w])|\d{1,2}\.?\s?[º°ª]\.?(?:\s?(?:\d{1,2}\s?[º°ª]|[A-Za-z]{1,5}\.?))?|\d{1,2}\.\s?(?:th|tv|mf|sal|OG|Obergeschoss|Etage|Stock|DG|UG)\.?|\d{1,2}\s(?:tr|vån)\.?(?![\w])|\d{1,2}ος\sόροφος|stan\s\d{1,4}|(?:EG|OG|DG|Erdgeschoss|Dachgeschoss|Hochparterre)(?![\w])|\d{1,5}\s?(?:호|층|동)|(?:kv|of|ofic)\.\s?\d{1,4}[A-Za-z]?|oficina\s\d{1,4}[A-Za-z]?|\d{1,2}(?:r|n|t|è)\s\d{1,2}a(?![\w]))`;
/** A flat, floor or door, or several (`piso 6 depto B`, `Stiege 2 Top 14`, `3. OG links`, `502호`). */
const UNIT_PART = String.raw`${ONE_UNIT}(?:\s${ONE_UNIT})*(?:\s(?:links|rechts|izq|izda|dcha)\.?)?`;
/**
 * `…, 67000 Strasbourg, IBAN FR36 …`, `…, Dubai, Tel +971 …`, `…, 10969 Berlin, Kennzeichen …`: a label after the city starts the next
 * field, not another part of the address.
 */
const FIELD_LABEL = String.raw`(?:IBAN|BIC|SWIFT|Tel|Tél|Telefon|Phone|Ph|Mob|Mobile|Cell|Fax|E-?mail|Mail|Web|VAT|TVA|USt-IdNr|SIRET|Account|Acct|Ref|Attn|DOB|SV-Nr|SVNr|SV-Nummer|Steuer-?ID|Steuernummer|St-?Nr|AHV|SSN|NIN|BSN|PESEL|NRIC|CPF|DNI|NIF|CURP|ID|Kennzeichen|Plate|Reg|Registration|Kenteken|Matrícula|Immatriculation|Targa|Fahrzeug|Vehicle)(?![${L}])`;
/** `…, Yamamoto Keiko-sama, tel …`: a name with an honorific suffix after an address is its addressee. */
const ADDRESSEE = String.raw`[^,\n]{1,40}?-(?:san|sama|sensei|kun|chan|dono|ssi|nim)(?![${L}])|(?:Mr|Mrs|Ms|Mx|Miss|Dr|Herr|Frau|Sr|Sra|Mme|M)\.?\s`;
/** `phường Quan Hoa`, `quận 3`, `TP. Hồ Chí Minh`: Vietnamese ward, district, city and province words; `off Thika Road`; Romanian `jud. Cluj`. */
const ADMIN_PART = String.raw`(?:phường|quận|huyện|xã|thị xã|thị trấn|tỉnh|thành phố|TP\.|off|jud\.|județul|judetul|sectorul)\s(?:\d{1,2}(?![\w-])|${CAP}(?:\s${CAP}){0,3})`;
/**
 * `behind Hanuman temple`, `near Bus Stand`, `opposite Lakshmi Stores`: a landmark that places a house in Indian and African
 * addresses, read only where another part follows it.
 */
const LANDMARK_PART = String.raw`(?:behind|near|opp\.|opposite|next to|beside|adjacent to|close to|in front of)\s[^,\n.;:!?]{2,40}?(?=\s*,)`;
/** Iran: ten digits, often written five and five (`Tehran 1966733511`, `19667-33511`); read only after a city's name. */
const IRAN_POSTCODE = String.raw`\d{5}-?\d{5}`;
const SEGMENT = String.raw`(?!${FIELD_LABEL}|${ADDRESSEE})(?:(?:${PREFIXED_POSTCODE})(?![\w-])|${ADMIN_PART}|${LANDMARK_PART}|#\d{1,3}-\d{1,4}|[A-Z]{1,2}-\d{1,3}(?:\/\d{1,2})?(?![\w/-])|${UNIT_PART}(?![\w-])|(?:\d{1,5}[A-Z]?\s+)?(?:${CAP}(?![\d${L}])|${ORDINAL}|[A-Z]{2,4}(?![${L}]))(?:[ /-]${WORD}){0,5}(?:\s\(${CAP}\))?(?:\s(?:-\s)?(?:${POSTCODE}|${IRAN_POSTCODE}|${PREFIXED_POSTCODE})(?![\w-]))?|(?:${POSTCODE})(?![\w-])(?!\s\d)(?:\s${CAP}(?:[ /-]${CAP}){0,2}(?:\s\d{1,2}(?![\w-]))?)?)`;
export const TAIL = new RegExp(String.raw`(?:\s*,\s*|\s+[-–]\s+)(${SEGMENT})`, 'yu');
const MAX_SEGMENTS = 7;
const CITY_AFTER_POSTCODE = new RegExp(
  String.raw`\s(?!${FIELD_LABEL})${CAP}(?:\s${CAP}){0,2}(?![\w${L}-])`,
  'uy',
);
/** A flat right after the house number, without a comma (`ul. Marszałkowska 84/92 m. 17`, Singapore's `Toa Payoh North #08-1142`). */
const INLINE_UNIT = new RegExp(
  String.raw`\s(?:(?:m\.|lok\.|apt\.?|apto\.?|flat|unit|bus|bte\.?|boîte)\s?\d{1,4}[A-Za-z]?|#\d{1,3}-\d{1,5}[A-Z]?)(?![\w-])`,
  'y',
);

/** Where an address found up to `end` really ends: over its area, city, state and postcode. */
export function extendAddress(text: string, end: number): number {
  INLINE_UNIT.lastIndex = end;
  let cursor = INLINE_UNIT.test(text) ? INLINE_UNIT.lastIndex : end;
  // `77 Jalan Bukit Bintang, 55100 Kuala Lumpur`: a postcode read as the last number takes its city after it.
  if (/,\s\d{4,5}$/.test(text.slice(Math.max(0, end - 8), end))) {
    CITY_AFTER_POSTCODE.lastIndex = cursor;
    if (CITY_AFTER_POSTCODE.test(text)) cursor = CITY_AFTER_POSTCODE.lastIndex;
  }
  for (let count = 0; count < MAX_SEGMENTS; count++) {
    TAIL.lastIndex = cursor;
    const m = TAIL.exec(text);
    if (!m?.[1]) break;
    cursor = TAIL.lastIndex;
  }
  return sentenceEnd(text, end, cursor);
}

/** Abbreviations of addresses whose dot ends no sentence (`Brgy. Poblacion`, `Av. Paulista`). */
const ADDRESS_ABBREVIATIONS = new Set(
  'jud brgy blvd bldg apto dept depto dpto dto prov dist distt conj nte ave rue str sec blk hse appt apt esq izq dcha bis lok col carr tte gral pres cnel ing kel kec kab jln perum avda pza pje psje pso ctra urb edif sto sra srta vul prosp mnt pst sub cad mah sok bulv boul daire kat bât bat ags bcs camp coah chis chih cdmx dgo gto gro hgo jal mich mor nay oax pue qro slp sin son tab tamps tlax ver yuc zac вул ул просп пров пер наб бульв кв буд корп стр λεωφ'.split(
    ' ',
  ),
);
const FULL_STOP = /(\p{L}{3,})\.\s+(?=\p{Lu})/gu;
const FINAL_STOP = /(\p{L}{3,})\.$/u;

/**
 * `…, Accra. Landlord Mrs. Adjoa Owusu`, `…, 10115 Berlin. Driver Hans will call`: a full stop after a
 * word that is no address abbreviation, and a capital after it, end the sentence and the address (the
 * dot is left out).
 */
export function sentenceEnd(text: string, from: number, to: number): number {
  const tail = text.slice(from, to);
  // (`…, 411 19 Göteborg.` at the end of the text: the full stop is the sentence's.)
  const last = FINAL_STOP.exec(tail)?.[1];
  if (last && !ADDRESS_ABBREVIATIONS.has(last.toLowerCase())) return to - 1;
  if (!tail.includes('. ')) return to;
  FULL_STOP.lastIndex = 0;
  for (let m = FULL_STOP.exec(tail); m; m = FULL_STOP.exec(tail)) {
    const word = m[1] ?? '';
    if (!ADDRESS_ABBREVIATIONS.has(word.toLowerCase())) return from + m.index + word.length;
  }
  return to;
}
