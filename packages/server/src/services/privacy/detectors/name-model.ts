import type { Span } from '../types.js';
import type { NameLexicon } from './name-lexicon.js';
import { CAPITAL, charKind, SMALL, UNCASED, wordRanges } from './char-kinds.js';
import { bucketOf, featureHashes, hashOf, lazyWeights } from './feature-hash.js';
import { NAME_MODEL } from './name-model-weights.js';
import { notNamesOfThings } from './name-things.js';

/**
 * A learned second reader for person names (ADR 0020): a logistic model over hashed features of each word and its
 * neighbours (the word, its ends and letter triples, its shape, what the name lists say of it, the words and signs
 * around it), trained by `scripts/train-models.ts` on the tuning lines only. The rules find names by the cues
 * someone wrote down; this finds a name in a context no rule names (`loop in Marisol from finance`, `Kurye Emre
 * 34 ABC 123`), and its words join the rules' persons before the same filters run over both.
 */

/**
 * Scripts without capitals whose words stand apart, by UTF-16 range (Arabic, Hebrew, the Indic scripts, Sinhala,
 * Georgian, Ethiopic, Hangul): any word of theirs may be a name.
 */
const CASELESS_RANGES: readonly [number, number][] = [
  [0x0590, 0x06ff],
  [0x0750, 0x077f],
  [0x08a0, 0x08ff],
  [0x0900, 0x0dff],
  [0x10a0, 0x10ff],
  [0x1100, 0x11ff],
  [0x1200, 0x139f],
  [0x3130, 0x318f],
  [0xac00, 0xd7af],
  [0xfb1d, 0xfdff],
  [0xfe70, 0xfeff],
];
const caseless = (code: number) => CASELESS_RANGES.some(([first, last]) => code >= first && code <= last);

/** `U` capitalised, `C` a caseless script, `L` lower case, `-` anything else (CJK without spaces, digits). */
type Kind = 'U' | 'C' | 'L' | '-';

/** What every feature reads of a word, worked out once for each way it is written. */
interface WordReading {
  lower: string;
  kind: Kind;
  shape: string;
  /** What the name lists say: G given, F family, A ambiguous, C common word, P place (`GF`, `C`, ``). */
  listed: string;
  /** The hashes of the four above, which the features of a word's neighbours combine. */
  lowerHash: number;
  kindHash: number;
  shapeHash: number;
  listedHash: number;
  /** The buckets of the features that read this word alone, and (once scored) the sum of their weights. */
  own?: number[];
  ownScore?: number;
}

/** A word of the text. */
export interface ModelWord {
  start: number;
  end: number;
  reading: WordReading;
}

function kindOf(word: string): Kind {
  const code = word.charCodeAt(0);
  const kind = charKind(code);
  if (kind === CAPITAL) return 'U';
  if (caseless(code)) return 'C';
  return kind === SMALL ? 'L' : '-';
}

const SHAPE_MARKS: Readonly<Record<number, number>> = { [CAPITAL]: 88, [SMALL]: 120, [UNCASED]: 108 };

/** `Xx`, `XX`, `X.X`, `Xx-Xx`: letters by case (`l` a letter without case), a run written twice at most. */
function shapeOf(word: string): string {
  const marks: number[] = [];
  let run = 0;
  for (let i = 0; i < word.length && marks.length < 8; i++) {
    const code = word.charCodeAt(i);
    const mark = SHAPE_MARKS[charKind(code)] ?? code;
    run = mark === marks.at(-1) ? run + 1 : 1;
    if (run <= 2) marks.push(mark);
  }
  return String.fromCharCode(...marks);
}

function listedAs(lower: string, names: NameLexicon): string {
  return (
    (names.given.has(lower) ? 'G' : '') +
    (names.family.has(lower) ? 'F' : '') +
    (names.ambiguous.has(lower) ? 'A' : '') +
    (names.common(lower) ? 'C' : '') +
    (names.place(lower) ? 'P' : '')
  );
}

/** Every word of the text (letters, with `'’.-` inside: `O'Neill`, `Ajayi-Whitaker`); a word written again within it is read once (`the`, a name said twice). */
export function modelWords(text: string, names: NameLexicon): ModelWord[] {
  const readings = new Map<string, WordReading>();
  const words: ModelWord[] = [];
  for (const [start, end] of wordRanges(text)) {
    const written = text.slice(start, end);
    let reading = readings.get(written);
    if (!reading) {
      const lower = written.toLowerCase();
      const kind = kindOf(written);
      const shape = shapeOf(written);
      const listed = listedAs(lower, names);
      reading = {
        lower,
        kind,
        shape,
        listed,
        lowerHash: hashOf(lower),
        kindHash: hashOf(kind),
        shapeHash: hashOf(shape),
        listedHash: hashOf(listed),
      };
      readings.set(written, reading);
    }
    words.push({ start, end, reading });
  }
  return words;
}

/**
 * The words the model reads: capitalised ones, those of caseless scripts, and lower-case ones that are no common
 * word or are a listed given name (`chiamaka okafor`, `grace`); the rest of lower-case text is never a name to it.
 */
export function isCandidate({ reading }: ModelWord): boolean {
  const { kind, listed } = reading;
  return kind === 'U' || kind === 'C' || (kind === 'L' && (!listed.includes('C') || listed.includes('G')));
}

/** Features fold into 2^18 buckets: fewer collided and cost recall, more only grew the weights. */
export const MODEL_BITS = 18;
const bucket = (feature: number, first: number, second = 0) => bucketOf(MODEL_BITS, feature, first, second);

const FEATURE = featureHashes([
  'bias',
  'kind',
  'word',
  'end2',
  'end3',
  'end4',
  'start3',
  'start4',
  'shape',
  'listed',
  'length',
  'listed+shape',
  'tri',
  'kind+previous',
  'before',
  'after',
  'previous',
  'next',
  'previous2',
  'next2',
  'previous shape',
  'next shape',
  'previous listed',
  'next listed',
  'listed+before',
  'previous+listed',
]);
const TEXT_START = hashOf('^');
const TEXT_END = hashOf('$');

/** The features of a word alone: itself, its ends and letter triples, its shape, what the lists say of it. */
function ownBuckets(reading: WordReading): number[] {
  const { lower, kindHash, shapeHash, listedHash } = reading;
  const own = [
    bucket(FEATURE.bias, 0),
    bucket(FEATURE.kind, kindHash),
    bucket(FEATURE.word, reading.lowerHash),
    bucket(FEATURE.end2, hashOf(lower.slice(-2))),
    bucket(FEATURE.end3, hashOf(lower.slice(-3))),
    bucket(FEATURE.end4, hashOf(lower.slice(-4))),
    bucket(FEATURE.start3, hashOf(lower.slice(0, 3))),
    bucket(FEATURE.start4, hashOf(lower.slice(0, 4))),
    bucket(FEATURE.shape, shapeHash),
    bucket(FEATURE.listed, listedHash),
    bucket(FEATURE.length, Math.min(lower.length, 12)),
    bucket(FEATURE['listed+shape'], listedHash, shapeHash),
  ];
  const padded = `<${lower}>`;
  for (let at = 0; at + 3 <= padded.length; at++)
    own.push(bucket(FEATURE.tri, hashOf(padded.slice(at, at + 3))));
  return own;
}

/** The signs between words `i - 1` and `i`, spaces folded to one (`^` before the first word, `$` after the last). */
function gap(text: string, words: readonly ModelWord[], i: number): string {
  if (i === 0) return '^';
  if (i === words.length) return '$';
  const between = text.slice(words[i - 1]!.end, words[i]!.start);
  return between === ' ' ? between : between.replace(/\s+/g, ' ');
}

/** The features of word `i` in its place: its neighbours, the signs around it, and those read with its own. */
function contextBuckets(text: string, words: readonly ModelWord[], i: number): number[] {
  const { kindHash, listedHash } = words[i]!.reading;
  const previous = words[i - 1]?.reading;
  const next = words[i + 1]?.reading;
  const p1 = previous?.lowerHash ?? TEXT_START;
  const before = hashOf(gap(text, words, i).slice(-3));
  const after = hashOf(gap(text, words, i + 1).slice(0, 3));
  return [
    bucket(FEATURE['kind+previous'], kindHash, p1),
    bucket(FEATURE.before, before),
    bucket(FEATURE.after, after),
    bucket(FEATURE.previous, p1),
    bucket(FEATURE.next, next?.lowerHash ?? TEXT_END),
    bucket(FEATURE.previous2, words[i - 2]?.reading.lowerHash ?? TEXT_START),
    bucket(FEATURE.next2, words[i + 2]?.reading.lowerHash ?? TEXT_END),
    bucket(FEATURE['previous shape'], previous?.shapeHash ?? TEXT_START, before),
    bucket(FEATURE['next shape'], next?.shapeHash ?? TEXT_END, after),
    bucket(FEATURE['previous listed'], previous?.listedHash ?? TEXT_START, previous?.kindHash ?? TEXT_START),
    bucket(FEATURE['next listed'], next?.listedHash ?? TEXT_END, next?.kindHash ?? TEXT_END),
    bucket(FEATURE['listed+before'], listedHash, before),
    bucket(FEATURE['previous+listed'], p1, listedHash),
  ];
}

/** The buckets of word `i`'s features, for training. */
export function featureBuckets(text: string, words: readonly ModelWord[], i: number): number[] {
  const reading = words[i]!.reading;
  reading.own ??= ownBuckets(reading);
  return [...reading.own, ...contextBuckets(text, words, i)];
}

const modelWeights = lazyWeights(NAME_MODEL.weights);

/** The model's log-odds that word `i` is (part of) a person's name. */
export function nameScore(text: string, words: readonly ModelWord[], i: number): number {
  const table = modelWeights();
  const reading = words[i]!.reading;
  if (reading.ownScore === undefined) {
    reading.ownScore = 0;
    for (const at of ownBuckets(reading)) reading.ownScore += table[at]!;
  }
  let sum = reading.ownScore;
  for (const at of contextBuckets(text, words, i)) sum += table[at]!;
  return sum * NAME_MODEL.scale;
}

/** The log-odds a word needs: its probability past the model's threshold. */
const THRESHOLD_LOG_ODDS = Math.log(NAME_MODEL.threshold / (1 - NAME_MODEL.threshold));

/** Words joined by one space (`Chiamaka Okafor`) are one name. */
const JOINS = /^[ \u00a0]$/;

/** The names the model reads in `text`: each word it scores past its threshold, neighbours joined. */
function personsByModel(text: string, names: NameLexicon): Span[] {
  const words = modelWords(text, names);
  const persons: Span[] = [];
  words.forEach((word, i) => {
    if (!isCandidate(word) || nameScore(text, words, i) < THRESHOLD_LOG_ODDS) return;
    const last = persons.at(-1);
    if (last && JOINS.test(text.slice(last.end, word.start))) last.end = word.end;
    else persons.push({ start: word.start, end: word.end, type: 'PERSON' });
  });
  return persons;
}

/**
 * The rules' persons with the model's added: one span where they overlap or where a word of the model's stands a
 * space from a rule's name (`Chiamaka` by a rule, `Okafor` by the model). Two names of the rules are left apart.
 */
export function withModelNames(text: string, rulePersons: readonly Span[], names: NameLexicon): Span[] {
  const modelPersons = notNamesOfThings(text, personsByModel(text, names));
  if (modelPersons.length === 0) return [...rulePersons];
  const fromModel = new Set(modelPersons);
  const all = [...rulePersons, ...modelPersons].sort((a, b) => a.start - b.start || b.end - a.end);
  const joined: { span: Span; model: boolean }[] = [];
  for (const span of all) {
    const last = joined.at(-1);
    const model = fromModel.has(span);
    if (
      last &&
      (span.start < last.span.end ||
        ((model || last.model) && JOINS.test(text.slice(last.span.end, span.start))))
    ) {
      last.span = { ...last.span, end: Math.max(last.span.end, span.end) };
      last.model ||= model;
      continue;
    }
    joined.push({ span, model });
  }
  return joined.map(({ span }) => span);
}
