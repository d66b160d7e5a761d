import { randomBytes } from 'node:crypto';
import type { EntityType } from './types.js';

const NONCE_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const NONCE_LENGTH = 6;

/** A fresh per-session nonce: tokens of other sessions never match this session's vault. */
export function newNonce(): string {
  const bytes = randomBytes(NONCE_LENGTH);
  let nonce = '';
  for (const byte of bytes) nonce += NONCE_ALPHABET[byte % NONCE_ALPHABET.length];
  return nonce;
}

export function formatToken(type: EntityType, index: number, nonce: string): string {
  return `[[${type}_${index}_${nonce}]]`;
}

/** Anything shaped like a token, whatever its nonce; such input text is neutralised. */
export const TOKEN_SHAPE = /\[\[[A-Z]+_\d+_[a-z0-9]+\]\]/g;

/** Longest token worth holding back in a stream (type, index and nonce have bounded length). */
export const MAX_TOKEN_LENGTH = 2 + 12 + 1 + 9 + 1 + NONCE_LENGTH + 2;

/** Tokens of one session (by nonce). */
export function sessionTokenPattern(nonce: string): RegExp {
  return new RegExp(`\\[\\[[A-Z]+_\\d+_${nonce}\\]\\]`, 'g');
}

/** Could `tail` still grow into a token? Used to hold back a split token between chunks. */
export function isTokenPrefix(tail: string): boolean {
  return /^\[(?:\[(?:[A-Z]{1,12}(?:_(?:\d{1,9}(?:_(?:[a-z0-9]{0,6}(?:\])?)?)?)?)?)?)?$/.test(tail);
}
