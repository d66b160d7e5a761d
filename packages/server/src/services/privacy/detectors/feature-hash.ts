import { wordRanges } from './char-kinds.js';

/** Hashed features for the learned readers (ADR 0020): a feature's name and values become a bucket of weights. */

const FNV_OFFSET = 2166136261;
const FNV_PRIME = 16777619;

/** FNV-1a of a string. */
export function hashOf(value: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** The hashes of feature names, by name. */
export function featureHashes<Name extends string>(names: readonly Name[]): Record<Name, number> {
  return Object.fromEntries(names.map((name) => [name, hashOf(name)])) as Record<Name, number>;
}

/** A feature's bucket among 2^bits: its name's hash and its values' hashes mixed (murmur3's finaliser). */
export function bucketOf(bits: number, feature: number, first: number, second = 0): number {
  let hash = Math.imul(feature ^ first, FNV_PRIME);
  hash = Math.imul(hash ^ second, FNV_PRIME);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash & ((1 << bits) - 1);
}

/** Weights shipped as signed bytes in base64 (each times the model's scale a log-odds), decoded when first read. */
export function lazyWeights(base64: string): () => Int8Array {
  let weights: Int8Array | undefined;
  return () => (weights ??= new Int8Array(Buffer.from(base64, 'base64')));
}

/** The last `count` words before `at` on its line (within 60 characters), nearest first, in lower case. */
export function wordsBefore(text: string, at: number, count: number): string[] {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return wordRanges(text, Math.max(lineStart, at - 60), at)
    .slice(-count)
    .reverse()
    .map(([start, end]) => text.slice(start, end).toLowerCase());
}

/** The first `count` words after `at` (within 30 characters), in lower case. */
export const wordsAfter = (text: string, at: number, count: number): string[] =>
  wordRanges(text, at, Math.min(text.length, at + 30))
    .slice(0, count)
    .map(([start, end]) => text.slice(start, end).toLowerCase());

/** The signs right before `at`, spaces folded to one (`: `, `. `). */
export const signsBefore = (text: string, at: number, count: number): string =>
  text
    .slice(Math.max(0, at - count - 4), at)
    .replace(/\s+/g, ' ')
    .slice(-count);

const WORD_FEATURES = featureHashes(['word before', 'words before', 'stem before', 'word after']);

/**
 * The buckets of the words around a number or a word on its line: each word before it by its place, as a word
 * anywhere before and by its first four letters, and each word after it by its place.
 */
export function wordsAroundBuckets(
  previous: readonly string[],
  next: readonly string[],
  bucket: (feature: number, value: string) => number,
): number[] {
  const buckets: number[] = [];
  previous.forEach((word, i) => {
    buckets.push(bucket(WORD_FEATURES['word before'], `${i}|${word}`));
    buckets.push(bucket(WORD_FEATURES['words before'], word));
    buckets.push(bucket(WORD_FEATURES['stem before'], word.slice(0, 4)));
  });
  next.forEach((word, i) => buckets.push(bucket(WORD_FEATURES['word after'], `${i}|${word}`)));
  return buckets;
}
