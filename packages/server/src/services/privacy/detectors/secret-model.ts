import { overlapsAny } from '../spans.js';
import type { Span } from '../types.js';
import { charShape } from './char-kinds.js';
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
import { SECRET_MODEL } from './secret-model-weights.js';

/**
 * A learned second reader for secrets (ADR 0020): a word shaped like a password no finding took
 * (`mot de passe provisoire Roche!2025avr`, `la clave del wifi es Oficina_Goya_77`) is judged by its shape and the
 * words before it on its line, in any language the tuning lines spoke. Trained with the other models by
 * `scripts/train-models.ts` on the tuning lines only.
 */

/** A word the model reads: what stands between spaces, without the quotes and stops around it. */
export interface SecretCandidate {
  start: number;
  end: number;
  value: string;
}

/** 2^15 buckets: the candidates are few and their features short. */
export const SECRET_MODEL_BITS = 15;
const MIN_LENGTH = 6;
const MAX_LENGTH = 64;
/** A digit or a sign passwords are made with; every candidate has one. */
const STRONG_CHAR = String.raw`[\d#$%&*_+=!@~^|\\?]`;
const STRONG = new RegExp(STRONG_CHAR, 'g');
const HAS_STRONG = new RegExp(STRONG_CHAR);
const SPACE = /\s/;
const OPENING = /^[("'“‘„‚«‹「『[]+/;
/** Closing signs; a `!` or `?` stays when a letter or digit comes before it (`Start!`, but `ready?` is prose). */
const CLOSING = /[)"'”’“‘»›」』\].,;:]+$/;
/** `DB_PASS=n3bul4-Stage-88`: only the value after a key is the secret. */
const KEY_VALUE = /^[Aal9_.-]+[=:](?=\S)/;
/** Small letters, capitals, digits, signs: read on a candidate's shape. */
const CLASSES = [/a/, /A/, /9/, /[^Aal9]/] as const;

/**
 * The words shaped like a secret: six characters or more with a digit or a sign passwords are made with, two kinds
 * of character at least (small letters, capitals, digits, signs), and no address or link.
 */
export function secretCandidates(text: string): SecretCandidate[] {
  const candidates: SecretCandidate[] = [];
  let covered = 0;
  for (const strong of text.matchAll(STRONG)) {
    if (strong.index < covered) continue;
    let start = strong.index;
    let end = strong.index + 1;
    while (start > 0 && !SPACE.test(text[start - 1]!)) start--;
    while (end < text.length && !SPACE.test(text[end]!)) end++;
    covered = end;
    if (end - start < MIN_LENGTH) continue;
    let value = text.slice(start, end);
    const opening = OPENING.exec(value)?.[0].length ?? 0;
    start += opening;
    value = value.slice(opening).replace(CLOSING, '');
    let shape = charShape(value);
    if (/[!?]+$/.test(shape) && !/[Aal9][!?]+$/.test(shape)) value = value.replace(/[!?]+$/, '');
    const key = KEY_VALUE.exec(shape)?.[0].length ?? 0;
    start += key;
    value = value.slice(key);
    shape = shape.slice(key, key + value.length);
    if (value.length < MIN_LENGTH || value.length > MAX_LENGTH || /@|:\/\//.test(value)) continue;
    if (!HAS_STRONG.test(value)) continue;
    if (CLASSES.filter((kind) => kind.test(shape)).length < 2) continue;
    candidates.push({ start, end: start + value.length, value });
  }
  return candidates;
}

const FEATURE = featureHashes([
  'bias',
  'shape',
  'length',
  'before',
  'after',
  'symbols',
  'kinds',
  'first',
  'last',
  'lower case',
  'dotted',
  'dashed capitals',
  'word before+kinds',
]);
const bucket = (feature: number, value: string) => bucketOf(SECRET_MODEL_BITS, feature, hashOf(value));

/** The buckets of a candidate's features: its shape and the words and signs around it on its line. */
export function candidateBuckets(text: string, candidate: SecretCandidate): number[] {
  const { value } = candidate;
  const letters = charShape(value);
  // `Aa9!`-like: a run of one kind written once, with `+`.
  const shape = letters.replace(/(.)\1+/g, '$1+');
  const kinds = CLASSES.map((kind) => (kind.test(letters) ? '1' : '0')).join('');
  const previous = wordsBefore(text, candidate.start, 4);
  return [
    bucket(FEATURE.bias, ''),
    bucket(FEATURE.shape, shape.slice(0, 10)),
    bucket(FEATURE.length, String(Math.min(value.length, 30))),
    bucket(FEATURE.before, signsBefore(text, candidate.start, 2)),
    bucket(FEATURE.after, text.slice(candidate.end, candidate.end + 2)),
    bucket(FEATURE.symbols, letters.replace(/[Aal9]/g, '').slice(0, 3)),
    bucket(FEATURE.kinds, kinds),
    bucket(FEATURE.first, shape.slice(0, 3)),
    bucket(FEATURE.last, shape.slice(-3)),
    bucket(FEATURE['lower case'], String(value.toLowerCase() === value)),
    bucket(FEATURE.dotted, String(/^\w+(?:\.\w+)+$/.test(value))),
    bucket(FEATURE['dashed capitals'], String(/^[A-Z0-9]+(?:-[A-Z0-9]+)+$/.test(value))),
    bucket(FEATURE['word before+kinds'], `${previous[0] ?? '^'}|${kinds}`),
    ...wordsAroundBuckets(previous, wordsAfter(text, candidate.end, 2), bucket),
  ];
}

const weights = lazyWeights(SECRET_MODEL.weights);

/** The model's probability that a candidate is a secret. */
export function secretProbability(buckets: readonly number[]): number {
  const table = weights();
  let sum = 0;
  for (const at of buckets) sum += table[at]!;
  return 1 / (1 + Math.exp(-sum * SECRET_MODEL.scale));
}

/** Words no finding in `taken` touches that the model takes for secrets. */
export function secretsByModel(text: string, taken: readonly Span[]): Span[] {
  return secretCandidates(text)
    .filter((candidate) => !overlapsAny(taken, candidate.start, candidate.end))
    .filter((candidate) => secretProbability(candidateBuckets(text, candidate)) >= SECRET_MODEL.threshold)
    .map(({ start, end }) => ({ start, end, type: 'SECRET' as const }));
}
