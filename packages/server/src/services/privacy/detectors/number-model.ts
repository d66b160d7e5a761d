import { overlapsAny } from '../spans.js';
import type { EntityType, Span } from '../types.js';
import { charKind, charShape, OTHER } from './char-kinds.js';
import {
  bucketOf,
  featureHashes,
  hashOf,
  signsBefore,
  lazyWeights,
  wordsAfter,
  wordsAroundBuckets,
  wordsBefore,
} from './feature-hash.js';
import { ibanValid } from './iban.js';
import { luhnValid } from './national-id-checks.js';
import { NUMBER_MODEL } from './number-model-weights.js';

/**
 * A learned second reader for numbers (ADR 0020): a number no rule took (`Rek. BCA 2840193756`, `Flota: WX 48213`,
 * `n° de sécu 2 54 11 75 …`) is typed by its shape and the words before it, or left alone. Trained with the name
 * model by `scripts/train-models.ts` on the tuning lines only.
 */

/** What the model tells apart; `NONE` is an order number, a price, a reference: no finding. */
export const NUMBER_CLASSES = ['NONE', 'PLATE', 'SSN', 'IBAN', 'PHONE', 'CARD'] as const satisfies readonly (
  EntityType | 'NONE'
)[];
/** 2^14 buckets per class: as good as 2^18 on the blind batches, and 96 KB of weights. */
export const NUMBER_MODEL_BITS = 14;
/** A number needs this many digits: fewer are times, amounts and house numbers. */
const MIN_DIGITS = 4;

/** A number: runs of letters and digits joined by single separators (`WX 48213`, `12-3045-0678912-00`). */
export interface NumberChunk {
  start: number;
  end: number;
  value: string;
}

const DIGIT_RUN = /\d+/g;
const DIGIT = /\d/;
const DIGITS = /\d/g;
const isLetterOrDigit = (code: number) => charKind(code) !== OTHER;
/** Signs that join the groups of one number. */
const isSeparator = (char: string | undefined) =>
  char === ' ' || char === '-' || char === '/' || char === '.';

/** A group with digits and no two lower-case letters together, or a code of up to three capitals (`PIS`, `NBC`). */
const NUMBER_GROUP = (group: string) =>
  DIGIT.test(group) ? !charShape(group).includes('aa') : /^[A-Z]{1,3}$/.test(group);
/** A date or a year: the date readers' business. */
const DATE_OR_YEAR = /^(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|(?:19|20)\d\d)$/;

const digitCount = (value: string) => value.match(DIGITS)?.length ?? 0;

/** The group of letters and digits around `at`: [start, end). */
function groupAround(text: string, at: number): [number, number] {
  let start = at;
  let end = at;
  while (start > 0 && isLetterOrDigit(text.charCodeAt(start - 1))) start--;
  while (end < text.length && isLetterOrDigit(text.charCodeAt(end))) end++;
  return [start, end];
}

/**
 * The numbers of a text that the model reads: from each run of digits, the groups a single separator joins to it
 * on either side while each is a number's group (`Rek. BCA 2840193756` → `BCA 2840193756`), with four digits at
 * least, and no date or year.
 */
export function numberChunks(text: string): NumberChunk[] {
  const chunks: NumberChunk[] = [];
  let covered = 0;
  for (const digits of text.matchAll(DIGIT_RUN)) {
    if (digits.index < covered) continue;
    let [start, end] = groupAround(text, digits.index);
    covered = end;
    if (!NUMBER_GROUP(text.slice(start, end))) continue;
    while (isSeparator(text[start - 1]) && start > 1 && isLetterOrDigit(text.charCodeAt(start - 2))) {
      const [before] = groupAround(text, start - 2);
      if (!NUMBER_GROUP(text.slice(before, start - 1))) break;
      start = before;
    }
    while (isSeparator(text[end]) && isLetterOrDigit(text.charCodeAt(end + 1))) {
      const [, after] = groupAround(text, end + 1);
      if (!NUMBER_GROUP(text.slice(end + 1, after))) break;
      end = after;
    }
    covered = end;
    const value = text.slice(start, end);
    if (digitCount(value) >= MIN_DIGITS && !DATE_OR_YEAR.test(value)) chunks.push({ start, end, value });
  }
  return chunks;
}

const FEATURE = featureHashes([
  'bias',
  'shape',
  'runs',
  'digits',
  'length',
  'before',
  'after',
  'luhn',
  'iban',
  'letters',
  'separators',
  'first',
  'last',
  'plus',
  'word before+runs',
  'word before+sign',
]);
const bucket = (feature: number, value: string) => bucketOf(NUMBER_MODEL_BITS, feature, hashOf(value));

/** The buckets of a number's features: its shape and checks, and the words and signs around it on its line. */
export function chunkBuckets(text: string, chunk: NumberChunk): number[] {
  const previous = wordsBefore(text, chunk.start, 4);
  const shape = charShape(chunk.value);
  const runs = shape.replace(/(.)\1+/g, '$1+');
  const digits = chunk.value.replace(/\D/g, '');
  const compact = chunk.value.replace(/[ -]/g, '');
  const sign = signsBefore(text, chunk.start, 2);
  return [
    bucket(FEATURE.bias, ''),
    bucket(FEATURE.shape, shape),
    bucket(FEATURE.runs, runs),
    bucket(FEATURE.digits, String(digits.length)),
    bucket(FEATURE.length, String(chunk.value.length)),
    bucket(FEATURE.before, sign),
    bucket(
      FEATURE.after,
      text
        .slice(chunk.end, chunk.end + 4)
        .replace(/\s+/g, ' ')
        .slice(0, 2),
    ),
    bucket(FEATURE.luhn, String(digits.length >= 13 && luhnValid(digits))),
    bucket(FEATURE.iban, String(/^[A-Z]{2}\d{2}/.test(compact) && ibanValid(compact))),
    bucket(FEATURE.letters, String(/[Aal]/.test(shape))),
    bucket(FEATURE.separators, shape.replace(/[Aal9]/g, '').slice(0, 4)),
    bucket(FEATURE.first, shape.slice(0, 3)),
    bucket(FEATURE.last, shape.slice(-3)),
    bucket(FEATURE.plus, String(sign.includes('+'))),
    bucket(FEATURE['word before+runs'], `${previous[0] ?? '^'}|${runs}`),
    bucket(FEATURE['word before+sign'], `${previous[0] ?? '^'}|${sign}`),
    ...wordsAroundBuckets(previous, wordsAfter(text, chunk.end, 2), bucket),
  ];
}

const weights = lazyWeights(NUMBER_MODEL.weights);

/** The model's probability for each class of `NUMBER_CLASSES`. */
export function numberProbabilities(buckets: readonly number[]): number[] {
  const table = weights();
  const size = 2 ** NUMBER_MODEL_BITS;
  const sums = NUMBER_CLASSES.map((_, k) => {
    let sum = 0;
    for (const at of buckets) sum += table[k * size + at]!;
    return sum * NUMBER_MODEL.scale;
  });
  const top = Math.max(...sums);
  const exps = sums.map((sum) => Math.exp(sum - top));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** Numbers no finding in `taken` touches that the model types past its threshold. */
export function numbersByModel(text: string, taken: readonly Span[]): Span[] {
  const found: Span[] = [];
  for (const chunk of numberChunks(text)) {
    if (overlapsAny(taken, chunk.start, chunk.end)) continue;
    const probabilities = numberProbabilities(chunkBuckets(text, chunk));
    let best = 0;
    probabilities.forEach((p, k) => {
      if (p > probabilities[best]!) best = k;
    });
    const type = NUMBER_CLASSES[best]!;
    if (type !== 'NONE' && probabilities[best]! >= NUMBER_MODEL.threshold)
      found.push({ start: chunk.start, end: chunk.end, type });
  }
  return found;
}
