import type { Span } from '../types.js';

/** Numbers said as words in a spelled-out local part (`eze eighty-seven`). */
const UNIT = 'one|two|three|four|five|six|seven|eight|nine';
export const NUMBER_WORD = `(?:zero|oh|${UNIT}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:${UNIT}))?|hundred)(?![a-z-])`;

/** ` at proton dot me`, ` at gmail dot co dot uk`: the spelled-out domain after the local part. */
const SPELLED_DOMAIN = /\sat\s([a-z0-9-]{2,63})\sdot\s([a-z]{2,6})(?:\sdot\s[a-z]{2,6})?(?![\w])/iy;
/**
 * `S as in Sierra, A, D, I, Q`: three letters or more, each perhaps with its phonetic word (`as in Sierra`,
 * `for Alpha`), separated by commas, spaces or hyphens, ending right before ` at `.
 */
const LETTER = String.raw`[A-Za-z](?:\s(?:as\sin|for|like)\s[A-Z][a-z]+)?`;
const LETTERS_BEFORE = new RegExp(String.raw`(?<![\w'’])(?:${LETTER}(?:,\s?|\s|-)){2,31}${LETTER}$`);
const MAIL_PROVIDERS =
  /^(?:gmail|googlemail|yahoo|outlook|hotmail|live|icloud|me|aol|proton|protonmail|gmx|web|mail|yandex|zoho|qq|163|naver|rediffmail)$/i;
const AT = /\sat\s/g;

/** E-mail addresses whose local part is spelled letter by letter, at a known mail provider. */
export function letterSpelledEmails(text: string): Span[] {
  if (!/\sdot\s/i.test(text)) return [];
  const spans: Span[] = [];
  AT.lastIndex = 0;
  for (let at = AT.exec(text); at; at = AT.exec(text)) {
    SPELLED_DOMAIN.lastIndex = at.index;
    const domain = SPELLED_DOMAIN.exec(text);
    if (!domain || !MAIL_PROVIDERS.test(domain[1] ?? '')) continue;
    const window = text.slice(Math.max(0, at.index - 160), at.index);
    const letters = LETTERS_BEFORE.exec(window);
    if (!letters) continue;
    const start = at.index - window.length + letters.index;
    spans.push({ start, end: SPELLED_DOMAIN.lastIndex, type: 'EMAIL' });
  }
  return spans;
}

/**
 * `margaux point leroy arobase orange point fr`, `juan punto perez arroba gmail punto com`: an address said
 * in French, Spanish, Portuguese, Italian or German, found from its word for `@`, which is no ordinary word.
 */
const AT_WORD = /\b(?:arobase|arroba|chiocciola|klammeraffe)\b/gi;
const DOT_WORDS = 'point|punto|punkt|ponto';
const LOCAL_SAID = new RegExp(
  String.raw`(?<![\w.'’])[a-z0-9][a-z0-9._-]{0,63}(?:\s(?:${DOT_WORDS}|tiret|underscore|guion|guión|trattino)\s[a-z0-9][a-z0-9._-]{0,63}){0,3}\s$`,
  'i',
);
const DOMAIN_SAID = new RegExp(
  String.raw`\s[a-z0-9-]{2,63}(?:\s(?:${DOT_WORDS})\s[a-z]{2,6}){1,2}(?![\w])`,
  'iy',
);

export function otherLanguageSpelledEmails(text: string): Span[] {
  const spans: Span[] = [];
  AT_WORD.lastIndex = 0;
  for (let at = AT_WORD.exec(text); at; at = AT_WORD.exec(text)) {
    const window = text.slice(Math.max(0, at.index - 100), at.index);
    const local = LOCAL_SAID.exec(window);
    DOMAIN_SAID.lastIndex = at.index + at[0].length;
    if (!local || !DOMAIN_SAID.exec(text)) continue;
    spans.push({ start: at.index - window.length + local.index, end: DOMAIN_SAID.lastIndex, type: 'EMAIL' });
  }
  return spans;
}
