import type { Span } from '../types.js';
import { NUMBER_WORDS, type NumberWords } from './number-words.js';
import { beyondLatinRuns } from './util.js';

/**
 * Phone numbers read out in words after a phone word, in any language the number words know
 * (`¿Y un teléfono? — Seis, uno, cero; cuarenta y dos; …`, `Telefonunuz? — Sıfır beş yüz otuz iki, …`,
 * `номер: восемь девятьсот двенадцать, …`): each group of words is one number (`ciento quince` is 115),
 * the groups' digits are the phone's, nine to thirteen of them.
 *
 * The phone words are whole words, or stems (ending in `*`) that take any ending (`Telefonunuz`,
 * `llámame`, `позвоните`). Those in the Latin script are looked for without Unicode case folding, the
 * others only in the stretches of their scripts (both several times cheaper than one pattern for all).
 */
const LATIN_PHONE_WORDS =
  // English, Spanish, Portuguese, Italian, French, German, Dutch, Turkish, Polish, Indonesian and Malay, Swahili
  'number numbers phone phones mobile cell call calling callback ring reach text whatsapp contact landline tel ' +
  'número numero teléfono telefono móvil movil celular línea linea llam* telefone contato ligue ligar liga ' +
  'cellulare recapito chiam* numéro téléphone portable joindre appel* rappel* nummer telefon* handy* mobil* ' +
  'rufnummer festnetz erreichbar anrufen telefoon mobiel bellen gsm numara* cep aray* numer* komórk* zadzwo* dzwo* ' +
  'nomor nombor telepon hubungi namba nambari simu';
const SCRIPT_PHONE_WORDS =
  // Russian, Ukrainian, Greek, Arabic, Persian, Hindi
  'номер* телефон* мобильн* мобільн* звон* позвон* дзвон* сотов* αριθμ* τηλέφων* τηλεφων* κινητ* ' +
  'رقم* موبايل* جوال* هاتف* تلفون* تليفون* واتس* اتصل* شماره* تلفن* موبایل* नंबर नम्बर फ़ोन फोन मोबाइल';
const phoneWordPattern = (words: string, letter: string, flags: string) =>
  new RegExp(
    `(?:${words
      .split(' ')
      .map((word) => (word.endsWith('*') ? `${word.slice(0, -1)}${letter}*` : `${word}(?!${letter})`))
      .join('|')})`,
    flags,
  );
const LATIN_PHONE_WORD = phoneWordPattern(LATIN_PHONE_WORDS, '[a-zà-ɏ]', 'gi');
const SCRIPT_PHONE_WORD = phoneWordPattern(SCRIPT_PHONE_WORDS, '[\\p{L}\\p{M}]', 'giu');

/** Where each phone word of the text starts and ends, in text order. */
function phoneWords(text: string): [number, number][] {
  const found: [number, number][] = [];
  LATIN_PHONE_WORD.lastIndex = 0;
  for (let m = LATIN_PHONE_WORD.exec(text); m; m = LATIN_PHONE_WORD.exec(text)) {
    // (A phone word starts a word: `cell`, not `excellent`.)
    if (!/[\p{L}\p{M}]/u.test(text[m.index - 1] ?? '')) found.push([m.index, m.index + m[0].length]);
  }
  for (const [from, to] of beyondLatinRuns(text)) {
    const stretch = text.slice(from, to);
    SCRIPT_PHONE_WORD.lastIndex = 0;
    for (let m = SCRIPT_PHONE_WORD.exec(stretch); m; m = SCRIPT_PHONE_WORD.exec(stretch)) {
      if (!/[\p{L}\p{M}]/u.test(stretch[m.index - 1] ?? ''))
        found.push([from + m.index, from + m.index + m[0].length]);
    }
  }
  return found.sort((a, b) => a[0] - b[0]);
}
/** `account number`, `order number`, `Kontonummer`: the number of something else. */
const OTHER_THINGS =
  'account|order|reference|ref|policy|case|ticket|invoice|tracking|member|card|iban|id|cuenta|pedido|póliza|conta|ordine|conto|commande|compte|konto|bestell|sipariş|hesap|счёт|счет|заказ';
const OTHER_BEFORE = new RegExp(`(?<![\\p{L}])(?:${OTHER_THINGS})[\\s-]*$`, 'iu');
const OTHER_WORD = new RegExp(`^(?:${OTHER_THINGS})$`, 'iu');
const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’ʼ]*(?:-[\p{L}\p{M}][\p{L}\p{M}'’ʼ]*)*/uy;
/** Between two words of a number: spaces, one comma or semicolon (Arabic's too), or a hyphen. */
const BETWEEN = /-|[ \t]*[,;،؛]?[ \t]*/y;
/** How far after the phone word the number may start: `teléfono? Paciente: Seis, …`. */
const REACH = 48;

interface Reading {
  digits: string;
  words: number;
  end: number;
}

/** One word at `at` of `words`: its value (a repeat or a hundred as its own marker), where it ends. */
function wordAt(
  text: string,
  at: number,
  words: NumberWords,
): { value: number | string; end: number } | undefined {
  WORD.lastIndex = at;
  const m = WORD.exec(text);
  if (!m) return undefined;
  const whole = m[0].toLowerCase();
  const value = words.values.get(whole);
  if (value !== undefined) return { value, end: at + m[0].length };
  if (whole === words.joiner || whole === words.hundred || words.repeats?.[whole] !== undefined)
    return { value: whole, end: at + m[0].length };
  // `double-zero`, `oh-seven-nine`: hyphenated digits are words of their own.
  const first = whole.split('-')[0] ?? '';
  const part = words.values.get(first) ?? (words.repeats?.[first] !== undefined ? first : undefined);
  return part !== undefined && first !== whole ? { value: part, end: at + first.length } : undefined;
}

/** The languages a number may start in, by its first word (or a hyphenated word's first part). */
const LANGUAGES_OF = new Map<string, NumberWords[]>();
for (const words of NUMBER_WORDS) {
  const starts = [
    ...words.values.keys(),
    ...Object.keys(words.repeats ?? {}),
    ...(words.hundred ? [words.hundred] : []),
  ];
  for (const word of starts) LANGUAGES_OF.set(word, [...(LANGUAGES_OF.get(word) ?? []), words]);
}

/** The number read out from `at` in one language: its digits, how many words, where the last one ends. */
function readNumber(text: string, at: number, words: NumberWords): Reading {
  let digits = '';
  let count = 0;
  let end = at;
  let group: { total: number; room: number } | undefined;
  let repeat = 1;
  let joined = false;
  const close = () => {
    if (group) digits += String(group.total);
    group = undefined;
  };
  for (let i = at; ;) {
    const word = wordAt(text, i, words);
    if (!word) break;
    const { value } = word;
    if (typeof value === 'string') {
      if (value === words.joiner) {
        // `cincuenta y cinco`: a joiner only inside a number that takes more.
        if (!group || group.room === 0 || joined) break;
        joined = true;
      } else if (value === words.hundred) {
        // `beş yüz`: a digit times a hundred; `yüz` alone is a hundred.
        if (group && group.total < 10 && group.room === 0) group = { total: group.total * 100, room: 99 };
        else {
          close();
          group = { total: 100, room: 99 };
        }
        count++;
      } else repeat = words.repeats?.[value] ?? 1;
    } else if (repeat > 1 && value < 10) {
      close();
      digits += String(value).repeat(repeat);
      repeat = 1;
      count++;
    } else {
      if (group && value > 0 && value <= group.room) {
        group = { total: group.total + value, room: roomAfter(value, words) };
      } else {
        if (joined) break;
        close();
        group = { total: value, room: value === 0 ? 0 : roomAfter(value, words) };
      }
      joined = false;
      count++;
    }
    if (!joined) end = word.end;
    BETWEEN.lastIndex = word.end;
    BETWEEN.exec(text);
    i = BETWEEN.lastIndex;
    if (i === word.end && text[i] !== undefined && /[\p{L}\p{N}]/u.test(text[i] ?? '')) break;
  }
  close();
  return { digits, words: count, end };
}

/** What may still be added to a number that has just taken `value`: units after round tens, tens after hundreds. */
function roomAfter(value: number, words: NumberWords): number {
  if (value % 100 === 0 && value >= 100) return 99;
  if (value % 10 !== 0 || value === 0) return 0;
  if (words.tensTakeTeens?.has(value)) return 19;
  return value >= 20 || words.tenTakesUnits ? 9 : 0;
}

/** The longest number read out from `word` on, in any language that knows its first word. */
function readAnyLanguage(text: string, word: { start: number; word: string }): Reading | undefined {
  const lower = word.word.toLowerCase();
  const languages = LANGUAGES_OF.get(lower) ?? LANGUAGES_OF.get(lower.split('-')[0] ?? '') ?? [];
  let best: Reading | undefined;
  for (const words of languages) {
    const reading = readNumber(text, word.start, words);
    if (!best || reading.words > best.words) best = reading;
  }
  return best;
}

export function spokenPhones(text: string): Span[] {
  const spans: Span[] = [];
  let resumeAt = 0;
  for (const [start, from] of phoneWords(text)) {
    if (start < resumeAt || OTHER_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue;
    const limit = Math.min(text.length, from + REACH);
    for (let m = nextWord(text, from, limit); m; m = nextWord(text, m.end, limit)) {
      if (OTHER_WORD.test(m.word)) break;
      const reading = readAnyLanguage(text, m);
      if (!reading || reading.words < 3) continue;
      if (reading.digits.length >= 9 && reading.digits.length <= 13) {
        spans.push({ start: m.start, end: reading.end, type: 'PHONE' });
        resumeAt = reading.end;
      }
      break;
    }
  }
  return spans;
}

/** The next word from `from` on the same line, starting before `limit`. */
const WORD_OR_LINE_END = /[\p{L}\p{M}][\p{L}\p{M}'’ʼ]*(?:-[\p{L}\p{M}][\p{L}\p{M}'’ʼ]*)*|\n/gu;
function nextWord(
  text: string,
  from: number,
  limit: number,
): { start: number; end: number; word: string } | undefined {
  WORD_OR_LINE_END.lastIndex = from;
  const m = WORD_OR_LINE_END.exec(text);
  if (!m || m[0] === '\n' || m.index >= limit) return undefined;
  return { start: m.index, end: m.index + m[0].length, word: m[0] };
}
