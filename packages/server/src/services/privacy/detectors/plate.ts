import type { Span } from '../types.js';
import { isLetterCode } from './name-words.js';
import { cuedPlates } from './plate-cued.js';
import { regionalPlates } from './plate-regional.js';
import { israeliPlates } from './plate-israeli.js';
import { BANGLADESH_CAPITALS, BANGLADESH_CITY, thaiPlates } from './plate-thai-bangladeshi.js';
import { codeStarts, matchSpans, REFERENCE_CUE, searchBeyondLatin, splitScriptWords } from './util.js';

/**
 * Formats of plain letters and digits that a business's references share (`Invoice 2-TRK-904`): anywhere,
 * but not after a reference word.
 */
const SHARED_SHAPES = [
  String.raw`(?:0[1-9]|[1-7]\d|8[01]) (?!(?:[KMGT]B|AM|PM|AD|BC)\b)[A-Z]{1,3} \d{2,4}`, // Turkey: 06 BK 4821 (province 01-81)
  String.raw`[A-Z]{2} \d{2} \d{3}`, // Denmark: AB 12 345
  String.raw`(?:AG|AI|AR|BE|BL|BS|FR|GE|GL|GR|JU|LU|NE|NW|OW|SG|SH|SO|SZ|TG|TI|UR|VD|VS|ZG|ZH) \d{1,3} ?\d{3}`, // Switzerland: ZH 481 223
  String.raw`[1-9]-[A-Z]{3}-\d{3}`, // Belgium: 1-ABC-123
  String.raw`(?:0[1-9]|[1-9]\d)-[A-Z]{2}-\d{3}`, // Azerbaijan: 10-AB-482 (region, series, number)
  String.raw`[BCDEFGKLNOPRSTWZ][A-Z]{1,2} (?=\d{0,4}[A-Z])\d[A-Z\d]{3,4}`, // Poland: KR 4G721 (a letter among the digits)
  String.raw`[CN][A-Z]{1,2} \d{3}-\d{3}`, // South Africa, Western Cape and KwaZulu-Natal: CA 482-117, ND 728-114
  String.raw`[A-Z]{1,2} [1-9]\d{2,3} (?!(?:[KMGT]B|AM|PM|ML|KG|MG|CM|MM|KM|EN|DE|IN|OR|TO|AT|ON|OF|AND|THE|FOR|BY|EL|LA|DU|ET|Y)\b)[A-Z]{1,3}`, // Indonesia: B 1947 TKR
];
const SHARED_SHAPE = new RegExp(`^(?:${SHARED_SHAPES.join('|')})$`);
/** Formats distinctive enough to flag anywhere. */
const DISTINCTIVE = new RegExp(
  [
    String.raw`[A-Z]{2}\d{2}\s?[A-Z]{3}`, // UK: AB12 CDE
    String.raw`\d{2} [A-Z] \d{3} [A-Z]{2}`, // Uzbekistan: 01 A 482 BC (region, letter, number, series)
    String.raw`[A-Z]{2}-\d{3}-[A-Z]{2}`, // France SIV: AB-123-CD
    String.raw`[A-ZÄÖÜ]{1,3}-[A-Z]{1,2}\s?\d{1,4}[EH]?`, // Germany: B-MW 1234
    String.raw`\d{4}\s?[BCDFGHJKLMNPRSTVWXYZ]{3}`, // Spain: 1234 BCD
    String.raw`[A-Z]{2}\s\d{3}\s?[A-Z]{2}`, // Italy: AB 123 CD
    String.raw`(?=[A-Z0-9-]{8}\b)(?=[^\s]*[A-Z])(?=[^\s]*\d)[A-Z0-9]{1,3}-[A-Z0-9]{2,3}-[A-Z0-9]{1,3}`, // Netherlands sidecodes
    String.raw`\d[A-Z]{3}\d{3}`, // California: 7ABC123
    String.raw`[A-Z]{2}[ -]?\d{1,2}[A-Z]?[ -]?[A-Z]{1,3}[ -]?\d{4}`, // India: KA 01 AB 1234, MH12DE1433, DL 3C AB 1234
    String.raw`[A-Z]{3}[ -]?\d{3}[ -]?[A-Z]{2}`, // Nigeria: LND 482 XY, ABC-123XY
    String.raw`KM?[A-Z]{2}[ -]?\d{3}[A-Z]`, // Kenya: KDA 123A, motorcycles KMFB 482C
    String.raw`[A-Z]{2} \d{2} [A-Z]{2} GP|[A-Z]{3} \d{3} (?:MP|NW|FS|EC|NC|L)`, // South Africa: Gauteng JK 73 WX GP, Mpumalanga, …
    String.raw`(?:AS|BA|BT|CR|ER|GR|GT|GN|GE|GS|GW|GX|NR|UE|UW|VR|WR|AE|AW|BF|BE|CS|GC|GM|GY|NE|NT|OT|SV|WN)[ -]\d{1,4}-\d{2}`, // Ghana: GR 1234-20
    String.raw`[A-Z]{3}\d[A-Z]\d{2}`, // Brazil (Mercosur): BRA2E19
    String.raw`\d{2}-?[A-Z]{1,2}\d?[- ]\d{3}\.\d{2}`, // Vietnam: 30G-417.82, 59-F1 238.46
    ...SHARED_SHAPES,
  ]
    .map((p) => `(?:${p})`)
    .join('|'),
  'g',
);
// `IOS-XE 17.9.4a`: digits that go on after a dot are a version's.
const BOUNDED = new RegExp(`(?:${DISTINCTIVE.source})(?![\\w-]|\\.\\d)`, 'y');
/** Where a plate could start: a run of capitals and digits at a word start (among `codeStarts`). */
const START = /\b[A-Z0-9ÄÖÜ](?=[A-Z0-9ÄÖÜ -]{4})/y;

function distinctive(text: string): Span[] {
  const spans: Span[] = [];
  let resumeAt = 0;
  for (const at of codeStarts(text)) {
    START.lastIndex = at;
    if (at < resumeAt || !START.test(text) || text[at - 1] === '-') continue;
    BOUNDED.lastIndex = at;
    const plate = BOUNDED.exec(text)?.[0];
    if (!plate) {
      const end = usPlateAt(text, at);
      if (end > 0) {
        spans.push({ start: at, end, type: 'PLATE' });
        resumeAt = end;
      }
      continue;
    }
    // `ISO 9001`, `2024 BMW`: standards and a year before a make are not plates.
    if (!plate || /^(?:ISO|RFC|CVE|ECE|DIN)\b|^(?:19|20)\d\d [A-Z]{3}$/.test(plate)) continue;
    const before = text.slice(Math.max(0, at - 24), at);
    if (
      PRODUCT_CUE.test(before) ||
      FLIGHT_CUE.test(before) ||
      (SHARED_SHAPE.test(plate) && REFERENCE_CUE.test(before))
    ) {
      continue;
    }
    spans.push({ start: at, end: at + plate.length, type: 'PLATE' });
    resumeAt = at + plate.length;
  }
  return spans;
}
/**
 * Russia: letter, three digits, two letters, region (`А123ВС 77`), in the twelve Cyrillic letters
 * that look Latin; found only in text with Cyrillic capitals.
 */
const RUSSIAN = /(?<![\p{L}\d])[АВЕКМНОРСТУХ]\d{3}[АВЕКМНОРСТУХ]{2}\s?\d{2,3}(?![\p{L}\d])/gu;
/** `flight EK 9851 DXB→NBO`, `Flug LH 1234`: a flight number and the airport after it. */
const FLIGHT_CUE =
  /(?:flight|flug|vuelo|vol|volo|voo|lot|vlucht)\s+(?:no\.?\s*|nr\.?\s*)?(?:[A-Z\d]{2}\s?)?$/i;
/** `model number KX-TG7872`, `part no. AB-12 CD`: a product's code, not a plate. */
const PRODUCT_CUE =
  /(?:model|part|product|article|art\.?|item|type|modell|artikel|catalog(?:ue)?|code)(?:\s*(?:number|num|no|nr|code|#))?\.?(?:\s+is)?[\s:#]*$/i;

/** Japan: region in kanji or kana, class number, one kana, serial (`品川 300 あ 12-34`, `なにわ 500 あ 77-01`). */
const JAPANESE =
  /[\u4e00-\u9fff\u3040-\u30ff]{1,4}\s?\d{2,3}\s?[\u3040-\u309f]\s?(?:\d{1,2}-\d{2}|[・.]{1,3}\d{1,3})(?!\d)/g;
/** Japan in Latin letters: region, class number, the kana romanised, serial (`Shinagawa 330 sa 12-34`). */
const JAPANESE_LATIN =
  /\b[A-Z][a-z]{2,11} \d{3} (?:shi|chi|tsu|fu|[kstnhmyrwgzdbp]?[aiueo]) \d{1,2}-\d{2}(?!\d)/g;
/** Korea: two or three digits, one of the syllables plates use, four digits (`12가 3456`, `123호 4567`). */
const KOREAN =
  /(?<!\d)(?:\d{2,3}|(?:서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주)[가-힣]{0,2})\s?[가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주바사아자배하허호]\s?\d{4}(?!\d)/g;
/**
 * Egyptian and Saudi plates after the car's number word (`رقم السيارة ط ر ب 4826`, `السيارة رقم ر س ط ٤٨٢٧`): one
 * to three Arabic letters apart, then the digits.
 */
const ARABIC_AFTER_CUE =
  /(?:رقم السيارة|السيارة رقم|رقم اللوحة|لوحة السيارة|لوحة رقم)\s?:?\s?((?:[\u0621-\u064a]\s){1,3}[0-9٠-٩]{1,4})(?![0-9٠-٩])/dg;
/** Ireland: year (and half), county code, serial (`191-D-12345`, `08-KY-1234`). */
const IRISH =
  /(?<![\w-])\d{2,3}-(?:C|CE|CN|CW|D|DL|G|KE|KK|KY|L|LD|LH|LK|LM|LS|MH|MN|MO|OY|RN|SO|T|TN|TS|W|WD|WH|WX|WW)-\d{1,6}(?![\w-])/g;

/** China: province character, city letter, five or six letters and digits (`京A·12345`, `沪A D12345`). */
const CHINESE =
  /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][·•.\s]?(?=[A-Z\d]{5,6}(?![A-Za-z\d]))[A-Z]?\d[A-Z\d]{3,5}/g;

/**
 * A US state's code or name before a plate (`NY HWL-2210`, `Texas LMN-4829`); the codes in capitals
 * only, since `IN`, `OR` and `ME` are words in lower case.
 */
const US_STATE_BEFORE =
  /(?:^|[^\w])(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming) (?:(?:licen[cs]e )?(?:plate|tags?) )?$/;
/** The plate after a state: letters and digits, both, in one or two groups of five to eight characters. */
const US_PLATE = /(?=[A-Z\d -]{5,8}(?![\w-]))[A-Z\d]{2,4}[ -]?[A-Z\d]{2,5}(?![\w-])/y;

/** `NY HWL-2210` at `at`, when a state comes right before. */
function usPlateAt(text: string, at: number): number {
  US_PLATE.lastIndex = at;
  const plate = US_PLATE.exec(text)?.[0];
  if (!plate || !/[A-Z]/.test(plate) || !/\d/.test(plate)) return -1;
  // `MAYO DE 1987 EN SEVILLA`: in capitals, a year and a word after `DE`, `IN`, `OR` are not a plate.
  if (/^(?:19|20)\d\d[ -]?[A-Z]+$/.test(plate)) return -1;
  return US_STATE_BEFORE.test(text.slice(Math.max(0, at - 36), at)) ? at + plate.length : -1;
}

/** Greece, in Greek capitals that look Latin (`ΙΚΧ-4827`). */
/** Bulgaria: a province's one or two letters, four digits, two letters, in the Cyrillic letters Latin also has (`СА 4821 ВК`). */
const BULGARIAN = /(?<![\p{L}\d])[АВЕКМНОРСТУХ]{1,2} \d{4} [АВЕКМНОРСТУХ]{2}(?![\p{L}\d])/gu;
const GREEK = /(?<![\p{L}\d])[ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ]{3}-?\d{4}(?![\p{L}\d])/gu;
/** Nepal (`Ba 3 Pa 4419`: zone, lot, class, number) and Bangladesh (`Dhaka Metro-Ba 15-4418`, `Dhaka Metro Ga 12-3456`). */
const SOUTH_ASIAN =
  /\b(?:(?:Ba|Ja|Ko|Lu|Me|Na|Ga|Bhe|Dha|Ka|Ma|Ra|Sa|Se|Pra|Su) \d{1,2} (?:Pa|Cha|Kha|Ja|Ga|Ha) \d{1,4}|(?:Dhaka|Chattogram|Chatta|Khulna|Rajshahi|Sylhet|Barishal|Rangpur|Mymensingh|Gazipur|Narayanganj)(?:(?: Metro)?-[A-Z][a-z]{0,2}| Metro (?:Ka|Kha|Ga|Gha|Cha|Chha|Ja|Jha|Ta|Tha|Da|Dha|Na|Pa|Ba|Bha|Ma|La|Sa|Ha)) \d{2}-\d{4})(?![\w-])/g;

/** Any letters-and-digits group right after a plate label, read with a sticky pattern. */
const GENERIC = /[A-Z0-9]{1,4}[ -]?[A-Z0-9]{1,4}(?:[ -]?[A-Z0-9]{1,4}){0,2}(?![\w-])/y;
/** Plate and vehicle words, in many languages (`Kennzeichen`, `camión`, `фура`, `tablice`). */
const LABEL_WORDS =
  'plate|nummerpla(?:de|at|te)|numberplate|licen[cs]e|registration|registracij[aie]|rejestracj[aię]|registreringsnummer|rekisterinumero|bilnummer|pendaftaran|گاڑی(?: نمبر)?|車牌|kontrollschild|kenderaan|vozidl[oae]|reg\\.?nr|rego|reg\\.?|vehicle|car|van|truck|lorry|bakkie|matatu|bilen|bil|kennzeichen|samochód|pojazd|araç|fahrzeug|voiture|véhicule|coche|vehículo|carro|veículo|voertuig|immatricul\\p{L}*|plaque|placas?|matrícula|matricula|targa|kenteken|rejestracyjny|rej\\.?|ciągnik|naczepa|rekisteritunnus|plaka|rendszám\\p{L}*|autoturism|spz|gaa?ri|gadi|kereta|mobil|motor(?:bike|cycle)?|bike|taxi|cab|uber|pickup|bus|ute|suv|biển số|nomor polisi|plat(?: nomor)?|номер|cami[óo]n|camioneta|furgoneta|furg[óo]n|lieferwagen|transporter|lkw|pkw|(?:registarske )?tablice|фура|грузовик|машин[аы]|автомобил[ья]|车牌|ナンバー|차량번호|번호판';
const LABEL = new RegExp(
  String.raw`(?:${LABEL_WORDS})[^\p{L}\p{N}\n]{0,3}(?:(?:o numerze|z numerem|no|number|nr|n°|#)\.?[^\p{L}\p{N}\n]{0,2})?(?:(?:ko|mo|niya|namin|natin|nila)\s+)?(?:(?:is|was|reads|of)\s+)?`,
  'iuy',
);
/** `Kennzeichen Lieferwagen`: words that only name a vehicle or its plate are no one's name. */
const VEHICLE_WORDS_ONLY = new RegExp(`^(?:(?:${LABEL_WORDS})(?:\\s+|$))+$`, 'iu');
export const vehicleWordsOnly = (words: string) => VEHICLE_WORDS_ONLY.test(words);
/** Where a label may start (a plain alternation, cheap to scan for): its Latin words, and those of other scripts. */
const LATIN_HINT =
  /nummerpla|numberpla|plate|licen|regist|pendaftaran|kontrollsch|kenderaan|vozidl|reg|vehicle|car|van|truck|lorry|bakkie|matatu|bil|samoch|pojazd|araç|fahrz|voiture|véhic|coche|vehíc|veíc|voertuig|kennz|immat|plaque|placa|matr|targa|kenteken|rej|ciągnik|naczep|rekister|plaka|rendsz|autoturism|spz|gaa|gad|keret|mobil|motor|bike|taxi|cab|uber|pickup|bus|ute|suv|biển|nomor|plat|cami|furg|lieferw|transporter|lkw|pkw|registarske|tablice/gi;
const BEYOND_HINT = /گاڑی|車牌|номер|фура|грузовик|машин|автомобил|车牌|ナンバー|차량번호|번호판/gi;

/** `reg no. ABC 123? no sorry it's ABD 128`: a correction right after a plate, then a value of its shape (only lower-case words between). */
const CORRECTION = /[?,.!;:]?\s+(?:no|nope|sorry|wait|actually|correction|i mean)\b[^\n.A-Z\d]{0,20}/y;
const shapeOf = (plate: string) => plate.replace(/[A-Z]/g, 'A').replace(/\d/g, '9');

function correctedPlate(text: string, end: number, plate: string): Span | undefined {
  CORRECTION.lastIndex = end;
  if (!CORRECTION.exec(text)) return undefined;
  GENERIC.lastIndex = CORRECTION.lastIndex;
  const next = GENERIC.exec(text)?.[0];
  if (!next || next === plate || shapeOf(next) !== shapeOf(plate)) return undefined;
  return { start: GENERIC.lastIndex - next.length, end: GENERIC.lastIndex, type: 'PLATE' };
}

function afterLabel(text: string): Span[] {
  const spans: Span[] = [];
  // Found from the start of a label; the whole label is read there.
  const nextHint = splitScriptWords(text, LATIN_HINT, BEYOND_HINT);
  let from = 0;
  for (let hint = nextHint(0); hint; hint = nextHint(from)) {
    from = hint.index + hint.word.length;
    // A whole word only (`car`, not `card`'s start or `Oscar`'s end); checked here, not with a look-behind at every position.
    const cjk = hint.word.charCodeAt(0) >= 0x4e00;
    if (hint.index > 0 && !cjk && isLetterCode(text.charCodeAt(hint.index - 1))) continue;
    LABEL.lastIndex = hint.index;
    const m = LABEL.exec(text);
    if (!m) continue;
    GENERIC.lastIndex = m.index + m[0].length;
    const plate = GENERIC.exec(text)?.[0];
    if (plate && /\d/.test(plate) && /[A-Z]/.test(plate) && plate.replace(/[ -]/g, '').length >= 4) {
      spans.push({ start: GENERIC.lastIndex - plate.length, end: GENERIC.lastIndex, type: 'PLATE' });
      const corrected = correctedPlate(text, GENERIC.lastIndex, plate);
      if (corrected) spans.push(corrected);
      from = Math.max(from, corrected?.end ?? GENERIC.lastIndex);
    }
  }
  return spans;
}

/** `14 MAR 2019`, `03-OCT-58`: a date as passports and forms write it, not a plate. */
const DATE_SHAPED = /^\d{1,2}[ -]?(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[ -]?(?:19|20)?\d\d$/i;

/**
 * Vehicle licence plates: UK, French, German, Spanish, Italian, Dutch, Californian, Indian,
 * Nigerian, Kenyan, Ghanaian, Brazilian, Turkish, Danish, Swiss, Belgian, Polish, Japanese, Korean,
 * Irish, Russian and Chinese formats anywhere (not after a product cue); after a US
 * state; any letters-and-digits group right after a plate or vehicle label (`plate: 7XYZ 88`).
 */
export function detectPlates(text: string): Span[] {
  const japanese = searchBeyondLatin(text, /[\u3040-\u309f]/) >= 0 ? matchSpans(text, JAPANESE, 'PLATE') : [];
  const korean = searchBeyondLatin(text, /[\uac00-\ud7af]/) >= 0 ? matchSpans(text, KOREAN, 'PLATE') : [];
  const irish = text.includes('-') ? matchSpans(text, IRISH, 'PLATE') : [];
  const japaneseLatin = text.includes('-') ? matchSpans(text, JAPANESE_LATIN, 'PLATE') : [];
  const russian = searchBeyondLatin(text, /[АВЕКМНОРСТУХ]\d/) >= 0 ? matchSpans(text, RUSSIAN, 'PLATE') : [];
  const chinese =
    searchBeyondLatin(text, /[\u4e00-\u9fff][A-Z]/) >= 0 ? matchSpans(text, CHINESE, 'PLATE') : [];
  const bulgarian =
    searchBeyondLatin(text, /[АВЕКМНОРСТУХ] /) >= 0 ? matchSpans(text, BULGARIAN, 'PLATE') : [];
  const greek = searchBeyondLatin(text, /[ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ]/) >= 0 ? matchSpans(text, GREEK, 'PLATE') : [];
  const thai = searchBeyondLatin(text, /[\u0e01-\u0e2e]/) >= 0 ? thaiPlates(text) : [];
  const southAsian = /\b(?:Pa|Cha|Kha|Ja|Ga|Ha) \d|Metro[- ]|-[A-Z][a-z]{0,2} \d\d-/.test(text)
    ? matchSpans(text, SOUTH_ASIAN, 'PLATE')
    : [];
  const bangladeshi = BANGLADESH_CITY.test(text) ? matchSpans(text, BANGLADESH_CAPITALS, 'PLATE') : [];
  const spans = [
    ...distinctive(text),
    ...greek,
    ...bulgarian,
    ...thai,
    ...southAsian,
    ...bangladeshi,
    ...afterLabel(text),
    ...cuedPlates(text),
    ...(text.includes('רכב') ? israeliPlates(text) : []),
    ...(text.includes('السيارة') || text.includes('لوحة')
      ? matchSpans(text, ARABIC_AFTER_CUE, 'PLATE', undefined, 1)
      : []),
    ...regionalPlates(text),
    ...japanese,
    ...korean,
    ...irish,
    ...japaneseLatin,
    ...russian,
    ...chinese,
  ];
  // A label and a format may both read a plate (`WA 6812K` after `rejestracyjny`, `6812K` after the state `WA`).
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let reach = -1;
  return spans.filter((span) => {
    if (span.end <= reach || DATE_SHAPED.test(text.slice(span.start, span.end))) return false;
    reach = span.end;
    return true;
  });
}
