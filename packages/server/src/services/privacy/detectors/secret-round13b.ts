import type { Span } from '../types.js';

/**
 * `hasło do VPN użytkownika … to Zima2026!Kraków`, `hasło jest Lato2024#`: the Polish password word, a few
 * words, then `to` or `jest` and a value with letters and digits (the shape of a chosen password).
 */
const POLISH_PASSWORD =
  /\bhas(?:ło|la|łem)\b[^:=\n.]{0,60}?\s(?:to|jest|brzmi)\s+["'„“]?((?=\S*\d)(?=\S*\p{L})[^\s"'”,;]{6,64}?[!?]*)["'”]?(?=[\s,;)]|[.!?](?:\s|$)|$)/dgiu;

export function polishPasswords(text: string): Span[] {
  if (!text.includes('has')) return [];
  const spans: Span[] = [];
  POLISH_PASSWORD.lastIndex = 0;
  for (let m = POLISH_PASSWORD.exec(text); m; m = POLISH_PASSWORD.exec(text)) {
    const range = m.indices?.[1];
    if (range) spans.push({ start: range[0], end: range[1], type: 'SECRET' });
  }
  return spans;
}
