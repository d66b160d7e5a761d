import type { Span } from '../types.js';
import { cpfValid, luhnValid, verhoeffValid } from './national-id-checks.js';
import { anchorStarts } from './util.js';

/**
 * Identity numbers read out in a voice transcript after their name (`Qual seu CPF? Cliente: nove nove
 * quatro, nove zero um, …`, `Emirates ID is seven eight four, nineteen ninety-one, …`): digit words in
 * English, Portuguese and Spanish, and English numbers from ten to ninety-nine, mapped to digits and
 * taken only when the digits make a number of the scheme the cue names.
 */
const WORD_DIGITS: Record<string, string> = {
  zero: '0',
  oh: '0',
  nought: '0',
  cero: '0',
  one: '1',
  um: '1',
  uma: '1',
  uno: '1',
  una: '1',
  two: '2',
  dois: '2',
  duas: '2',
  dos: '2',
  three: '3',
  três: '3',
  tres: '3',
  four: '4',
  quatro: '4',
  cuatro: '4',
  five: '5',
  cinco: '5',
  six: '6',
  seis: '6',
  // Brazilians read a six as `meia` (half a dozen) in numbers.
  meia: '6',
  seven: '7',
  sete: '7',
  siete: '7',
  eight: '8',
  oito: '8',
  ocho: '8',
  nine: '9',
  nove: '9',
  nueve: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
};
const TENS: Record<string, string> = {
  twenty: '2',
  thirty: '3',
  forty: '4',
  fifty: '5',
  sixty: '6',
  seventy: '7',
  eighty: '8',
  ninety: '9',
};
const UNIT = /^(?:one|two|three|four|five|six|seven|eight|nine)$/;

const WORD = /[ \t]*,?[ \t]*(\p{L}+(?:-\p{L}+)?)(?![\p{L}\d'’-])/uy;

/** The digits of the spoken run from `at` and where its last word ends. */
function readDigits(text: string, at: number): { value: string; end: number } {
  let value = '';
  let end = at;
  let repeat = 1;
  let afterTens = false;
  WORD.lastIndex = at;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const word = (m[1] ?? '').toLowerCase();
    const [tens, unit] = word.split('-');
    let digits: string | undefined;
    if (word === 'double' || word === 'triple') {
      if (repeat !== 1) break;
      repeat = word === 'double' ? 2 : 3;
      continue;
    } else if (tens && TENS[tens] && unit && UNIT.test(unit)) {
      digits = TENS[tens] + (WORD_DIGITS[unit] ?? '');
    } else if (TENS[word]) {
      digits = `${TENS[word]}0`;
    } else if (afterTens && UNIT.test(word) && !m[0].includes(',')) {
      // `ninety one`: the unit fills the tens' nought.
      value = value.slice(0, -1) + (WORD_DIGITS[word] ?? '');
      afterTens = false;
      end = WORD.lastIndex;
      continue;
    } else {
      digits = WORD_DIGITS[word];
    }
    if (digits === undefined) break;
    value += digits.repeat(repeat);
    afterTens = Boolean(TENS[word]) && repeat === 1;
    repeat = 1;
    end = WORD.lastIndex;
  }
  return { value, end };
}

interface Scheme {
  cue: RegExp;
  valid: (digits: string) => boolean;
}
/** The US social security number: no area 000, 666 or 9xx, no group 00, no serial 0000. */
const usSsn = (d: string) => /^(?!000|666|9)\d{3}(?!00)\d{2}(?!0000)\d{4}$/.test(d);
const SCHEMES: Scheme[] = [
  { cue: /^(?:ssn|social(?: security)?(?: number| no\.?)?)$/i, valid: usSsn },
  { cue: /^(?:sin|social insurance(?: number)?)$/i, valid: (d) => d.length === 9 && luhnValid(d) },
  { cue: /^cpf$/i, valid: (d) => d.length === 11 && cpfValid(d) },
  { cue: /^aadhaa?r/i, valid: (d) => /^[2-9]\d{11}$/.test(d) && verhoeffValid(d) },
  // The Emirates ID: 784 (the UAE's country code), the holder's year of birth, seven digits, a Luhn check digit.
  { cue: /^emirates id/i, valid: (d) => /^784(?:19|20)\d{10}$/.test(d) && luhnValid(d) },
];
/**
 * The scheme's name, then `is`, a colon, or a question and the next speaker's label (`Aadhaar for
 * verification? Caller:`), on the same line.
 */
const CUE_WORDS =
  /\b(ssn|social(?: security| insurance)?(?: number| no\.?)?|sin|cpf|aadhaa?r(?: card| number| no\.?)?|emirates id(?: number| no\.?)?)(?![\p{L}\d])(?:[^\n.!;?]{0,40}\?\s*\p{L}+(?:[ _]\d+)?:|\s(?:is|was|é|es)(?![\p{L}])|\s?:)?\s*/iuy;
/** Where a cue may start: the sticky cue is tried only there, not at every word of the text. */
const CUE_START = /ssn|social|sin|cpf|aadha|emirates id/giu;

/** Identity numbers read out in words after the name of their scheme. */
export function spokenIds(text: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const at of anchorStarts(text, CUE_START)) {
    if (at < from) continue;
    CUE_WORDS.lastIndex = at;
    const m = CUE_WORDS.exec(text);
    if (!m) continue;
    from = at + m[0].length;
    const start = m.index + m[0].length;
    const { value, end } = readDigits(text, start);
    if (value.length < 9 || !text.slice(start, end).includes(' ')) continue;
    const cue = m[1] ?? '';
    if (SCHEMES.some((scheme) => scheme.cue.test(cue) && scheme.valid(value))) {
      spans.push({ start, end, type: 'SSN' });
    }
  }
  return spans;
}
