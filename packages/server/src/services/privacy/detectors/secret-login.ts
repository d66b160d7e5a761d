import type { Span } from '../types.js';
import { matchSpans } from './util.js';

/** A chosen password's shape: letters, a digit and a symbol other than `_` in one word (`Gr@fana_2024_ops`). */
const CHOSEN = `(?=[^\\s"']*\\d)(?=[^\\s"']*[A-Za-z])(?=[^\\s"']*[!@#$%^&*?~+])(?![^\\s@]+@[\\w-]+\\.[a-z])[^\\s"',;]{6,64}?`;
const VALUE_END = `(?=["'”]?(?:[\\s,;)]|[.!?](?:\\s|$)|$))`;

/** `user admin, pass Kl0ster!weg22`: the verb-like `pass` with no `:` takes only a password-shaped value. */
const PASS_WORD = new RegExp(`\\bpass\\s+["'“]?(${CHOSEN}[!?]*)${VALUE_END}`, 'dgi');

/**
 * `login is admin / Gr@fana_2024_ops`, `default creds: root / Tr0ub4dor&3`: a stock login name, a slash, then
 * a password-shaped value, with a word about logging in shortly before.
 */
const LOGIN_SLASH = new RegExp(
  `\\b(?:admin|administrator|root|sa|pi|ubnt|guest|user)\\s*\\/\\s*["'“]?(${CHOSEN}[!?]*)${VALUE_END}`,
  'dgi',
);
const LOGIN_CUE = /\b(?:login|log in|logon|sign in|credentials?|creds|user(?:name)?|account|default)\b/i;

/** Passwords in a login written as `user / password` or after the bare word `pass`. */
export function detectLoginPasswords(text: string): Span[] {
  return [
    ...matchSpans(text, PASS_WORD, 'SECRET', () => true, 1),
    ...matchSpans(
      text,
      LOGIN_SLASH,
      'SECRET',
      (m) => LOGIN_CUE.test(text.slice(Math.max(0, m.index - 60), m.index)),
      1,
    ),
  ];
}
