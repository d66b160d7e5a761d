import type { Span } from '../types.js';

/**
 * `hasło do VPN użytkownika … to Zima2026!Kraków`, `hasło jest Lato2024#`: the Polish password word, a few
 * words, then `to` or `jest` and a value with letters and digits (the shape of a chosen password).
 */
const POLISH_PASSWORD =
  /has(?:ło|la|łem)\b[^:=\n.]{0,60}?\s(?:to|jest|brzmi)\s+["'„“]?((?=\S*\d)(?=\S*\p{L})[^\s"'”,;]{6,64}?[!?]*)["'”]?(?=[\s,;)]|[.!?](?:\s|$)|$)/diuy;
/** Found from the word (rare), then read from there; not inside another word. */
const POLISH_WORD = /has(?:ło|la|łem)/gi;

export function polishPasswords(text: string): Span[] {
  const spans: Span[] = [];
  POLISH_WORD.lastIndex = 0;
  for (let a = POLISH_WORD.exec(text); a; a = POLISH_WORD.exec(text)) {
    if (/[\p{L}\d_]/u.test(text[a.index - 1] ?? '')) continue;
    POLISH_PASSWORD.lastIndex = a.index;
    const range = POLISH_PASSWORD.exec(text)?.indices?.[1];
    if (range) spans.push({ start: range[0], end: range[1], type: 'SECRET' });
  }
  return spans;
}

/**
 * `пароль wwXTkX0LYbMaEb был изменён`, `пароль: Лето2024!`: the Russian and Ukrainian password word (any case),
 * perhaps `:` or `—`, then a value with letters and digits.
 */
const CYRILLIC_PASSWORD =
  /парол(?:ь|я|ю|ем|і)(?![\p{L}])\s*(?:[:=—–-]\s*)?["'«“]?((?=\S*\d)(?=\S*\p{L})[^\s"'»”,;]{6,64}?[!?]*)["'»”]?(?=[\s,;)]|[.!?](?:\s|$)|$)/diuy;
const CYRILLIC_WORD = /парол/gi;

export function cyrillicPasswords(text: string): Span[] {
  const spans: Span[] = [];
  CYRILLIC_WORD.lastIndex = 0;
  for (let a = CYRILLIC_WORD.exec(text); a; a = CYRILLIC_WORD.exec(text)) {
    if (/[\p{L}]/u.test(text[a.index - 1] ?? '')) continue;
    CYRILLIC_PASSWORD.lastIndex = a.index;
    const range = CYRILLIC_PASSWORD.exec(text)?.indices?.[1];
    if (range) spans.push({ start: range[0], end: range[1], type: 'SECRET' });
  }
  return spans;
}
