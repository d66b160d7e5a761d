import type { Span } from '../types.js';
import { SCRIPT_TITLES } from './name-scripts.js';
import { lineAround, linesBeyondLatin } from './util.js';

/**
 * A name after its field's label on an identity card or a form, in the label's script (`නම කසුන් ප්‍රියන්ත
 * පෙරේරා,`, `নাম: রুমানা আক্তার,`, `ስም አበበ በቀለ ገብሬ፣`, `பெயர் முருகன் சுப்பிரமணியம் —`, `Нэр Батбаяр,`)
 * or in capitals after a Latin-script label (`Nama DEWI KARTIKA SARI,`, `Adı ELİF NAZ`): one to four
 * words; the label opens a field and the field ends right after the name (a comma, a dash, a bar, the line's
 * end), as a form's do (`के नाम पर खाता खुला है` is "in the name of", no field).
 */
const SCRIPT_LABELS = [
  // Sinhala, Bengali (name, father, mother, husband), Hindi and Nepali, Urdu and Persian, Tamil, Telugu,
  // Kannada, Malayalam, Amharic, Khmer, Myanmar, Georgian, Armenian, Arabic, Hebrew, Greek, Cyrillic.
  'නම',
  'নাম',
  'পিতা',
  'মাতা',
  'স্বামী',
  'नाम',
  'पिता',
  'माता',
  'पति',
  'نام',
  'نام خانوادگی',
  'والد',
  'والدہ',
  'பெயர்',
  'పేరు',
  'ಹೆಸರು',
  'പേര്',
  'ስም',
  'ឈ្មោះ',
  'အမည်',
  'სახელი',
  'გვარი',
  'Անուն',
  'Ազգանուն',
  'الاسم',
  'اسم',
  'שם',
  'Όνομα',
  'Επώνυμο',
  'ФИО',
  'Имя',
  'Фамилия',
  'Прізвище',
  "Ім'я",
  'Ім’я',
  'Нэр',
  'Овог',
  'овог',
];
const LATIN_LABELS = ['Nama', 'Adı', 'Soyadı', 'Ad Soyad', 'İsim', 'Pangalan', 'Jina', 'Họ tên', 'Họ và tên'];
const SCRIPT_WORD = String.raw`(?:(?!\p{Script=Latin})[\p{L}\p{M}\u200c\u200d])+`;
const CAPITALS_WORD = String.raw`\p{Lu}[\p{Lu}'’-]+`;
/** The end of a form's field: a comma or a dash of any script, a bar, a bracket, the line's end. */
const FIELD_END = String.raw`(?=\s*(?:[,،፣;|—–)(]|\s-\s|$))`;
/** A label opens a field: at the line's start, after a separator or a possessive (`شوہر کا نام`), or before a colon. */
const FIELD_START = String.raw`(?:(?<=^|[,،፣;:：|—–(]\s*|(?:کا|کی|का|की) )(?:${SCRIPT_LABELS.join('|')})\s*[:：]?|(?<![\p{L}\p{M}])(?:${SCRIPT_LABELS.join('|')})\s*[:：])`;
const LABELLED = new RegExp(
  String.raw`${FIELD_START}\s+(${SCRIPT_WORD}(?: ${SCRIPT_WORD}){0,3})${FIELD_END}` +
    String.raw`|(?<![\p{L}\p{M}])(?:${LATIN_LABELS.join('|')})\s*:?\s+(${CAPITALS_WORD}(?: ${CAPITALS_WORD}){0,3})${FIELD_END}`,
  'gum',
);
/** A letter of a script with a label above, or a Latin label's first letters. */
const HAS_LABEL =
  /[\u0370-\u03ff\u0400-\u04ff\u0531-\u0587\u05d0-\u05ea\u0600-\u06ff\u0904-\u0dff\u1000-\u109f\u10a0-\u10ff\u1200-\u137f\u1780-\u17ff]/;
const LATIN_LABEL = new RegExp(`(?:${LATIN_LABELS.join('|')})(?![\\p{L}])`, 'gu');

/**
 * The name without a courtesy title before it (`মোছাঃ রুমানা আক্তার`, `श्रीमती कमला देवी`), nor the word
 * whose name the label gives (`اسم المستلم خالد العتيبي`: the recipient's name).
 */
function withoutLead(name: string): string {
  const [first = '', ...rest] = name.split(' ');
  return rest.length > 0 && (SCRIPT_TITLES.includes(first) || /^ال/.test(first)) ? rest.join(' ') : name;
}

export function labelledNames(text: string): Span[] {
  const lines = new Set<number>();
  for (const [start] of linesBeyondLatin(text, HAS_LABEL)) lines.add(start);
  LATIN_LABEL.lastIndex = 0;
  for (let m = LATIN_LABEL.exec(text); m; m = LATIN_LABEL.exec(text)) {
    const [start, end] = lineAround(text, m.index);
    lines.add(start);
    LATIN_LABEL.lastIndex = end;
  }
  const spans: Span[] = [];
  for (const start of lines) {
    const [, end] = lineAround(text, start);
    const line = text.slice(start, end);
    LABELLED.lastIndex = 0;
    for (let m = LABELLED.exec(line); m; m = LABELLED.exec(line)) {
      const name = withoutLead(m[1] ?? m[2] ?? '');
      const at = start + m.index + m[0].length - name.length;
      if (name) spans.push({ start: at, end: at + name.length, type: 'PERSON' });
    }
  }
  return spans;
}
