import type { Span } from '../types.js';

/**
 * A Cyrillic surname with the initials of the given name and the patronymic, as Russian, Ukrainian and
 * Kazakh paperwork writes a person (`Иванов А. С.`, `Гарипова Л.Р.`, `А. С. Иванов`): the two initials
 * with their dots are the sign, whatever the surname.
 */
const UPPER = 'А-ЯЁІЇЄҐӘҒҚҢӨҰҮҺ';
const LOWER = 'а-яёіїєґәғқңөұүһ';
const SURNAME = `[${UPPER}][${LOWER}'’]+(?:-[${UPPER}][${LOWER}'’]+)?`;
const INITIALS = `[${UPPER}]\\.\\s?[${UPPER}]\\.`;
const WITH_INITIALS = new RegExp(
  `(?<![\\p{L}])(?:${SURNAME}\\s${INITIALS}|${INITIALS}\\s?${SURNAME}(?![\\p{L}]))`,
  'gu',
);
const NAMED_AFTER = /(?:имени|им\.|імені|ім\.)\s?$/u;
const HAS_INITIALS = new RegExp(`[${UPPER}]\\.\\s?[${UPPER}]\\.`);

export function namesWithInitials(text: string): Span[] {
  if (!HAS_INITIALS.test(text)) return [];
  const spans: Span[] = [];
  WITH_INITIALS.lastIndex = 0;
  for (let m = WITH_INITIALS.exec(text); m; m = WITH_INITIALS.exec(text)) {
    // `больница имени С. П. Боткина`: a place named after someone.
    if (NAMED_AFTER.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    spans.push({ start: m.index, end: m.index + m[0].length, type: 'PERSON' });
  }
  return spans;
}
