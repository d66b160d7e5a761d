import type { Span } from '../types.js';
import { secretsAtWordStarts } from './secret-user-pass-totp-answers.js';

/**
 * `hasło do VPN użytkownika … to Zima2026!Kraków`, `hasło jest Lato2024#`: the Polish password word, a few
 * words, then `to` or `jest` and a value with letters and digits (the shape of a chosen password).
 */
const POLISH_PASSWORD =
  /has(?:ło|la|łem)\b[^:=\n.]{0,60}?\s(?:to|jest|brzmi)\s+["'„“]?((?=\S*\d)(?=\S*\p{L})[^\s"'”,;]{6,64}?[!?]*)["'”]?(?=[\s,;)]|[.!?](?:\s|$)|$)/diuy;
/** Found from the word (rare), then read from there; not inside another word. */
const POLISH_WORD = /has(?:ło|la|łem)/gi;

export function polishPasswords(text: string): Span[] {
  return secretsAtWordStarts(text, POLISH_WORD, POLISH_PASSWORD, /[\p{L}\d_]/u);
}

/**
 * `пароль wwXTkX0LYbMaEb был изменён`, `пароль: Лето2024!`: the Russian and Ukrainian password word (any case),
 * perhaps `:` or `—`, then a value with letters and digits.
 */
const CYRILLIC_PASSWORD =
  /парол(?:ь|я|ю|ем|і)(?![\p{L}])\s*(?:[:=—–-]\s*)?["'«“]?((?=\S*\d)(?=\S*\p{L})[^\s"'»”,;]{6,64}?[!?]*)["'»”]?(?=[\s,;)]|[.!?](?:\s|$)|$)/diuy;
const CYRILLIC_WORD = /парол/gi;

export function cyrillicPasswords(text: string): Span[] {
  return secretsAtWordStarts(text, CYRILLIC_WORD, CYRILLIC_PASSWORD, /\p{L}/u);
}
