import type { Span } from '../types.js';
import { NOT_PERSON_BEFORE } from './name-context.js';
import type { NameLexicon } from './name-lexicon.js';

/**
 * Names known by the names around them: the other items of a list that already holds two names
 * (`Present: Aisha Bello, Gwilym Price, Thandiwe Moyo`), a nickname in quotes or brackets inside a found
 * name (`Kwabena 'Kobby' Owusu-Ansah`, `Mordechai (Motti) Ben-David`), a maiden name after it (`geb. Brandt`), initials
 * before it (`R. Gunawardena`), and a family named as one (`the
 * Okonjo family`, `fam. El Idrissi`, `la familia Herrera`).
 */

const NAME_WORD = String.raw`\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*`;
/** A name in a list: one to three capitalised words, particles between. */
const ITEM = String.raw`${NAME_WORD}(?:\s(?:(?:de|da|van|von|der|del|ole|bin|binti|al|el|ó|Ó|ní|Ní|ua|Ua|nic|Nic)\s)?${NAME_WORD}){0,2}`;
const JOINER = String.raw`\s(?:and|und|et|y|e|en|i|и|og|och)\s`;
const NEXT_ITEM = String.raw`\s?(?:[,;]|${JOINER}|\s?\(|\s\d+-\d+\b|\s[–—-]\s\d)`;
/** A team sheet's position in capitals or shirt number before an item (`GS Ruta`, `GK Ana`, `C Losa`, `4 Mutua`). */
const ITEM_LABEL = String.raw`(?:(?:\p{Lu}{1,3}|\d{1,2})\s)?`;
/**
 * One item of a list. After a comma or `and` it may end the sentence; the first item, after a colon or at the line's start, needs another item after it (`Agent: Perfecto.`
 * is a reply, not a list).
 */
const LIST_ITEM = new RegExp(
  String.raw`(?<=(?:[,;]\s?|${JOINER})${ITEM_LABEL})(${ITEM})(?=${NEXT_ITEM}|[.!?](?:\s|$)|$)|(?<=(?:^|:\s?)${ITEM_LABEL})(${ITEM})(?=${NEXT_ITEM})`,
  'gmu',
);

/** `the Okonjo family`, `fam. El Idrissi`, `la familia Herrera`, `famille Dubois`, `Familie Weber`. */
const FAMILY_OF = new RegExp(
  String.raw`\b(?:the|a|our|their)\s(${NAME_WORD}(?:[- ]${NAME_WORD})?)\sfamily\b|\b(?:fam\.|familia|famille|Familie|família|famiglia|rodzina|familie)\s((?:(?:El|Al|de|van|von|da|Le|La)\s)?${NAME_WORD}(?:-${NAME_WORD})?)`,
  'gu',
);

/**
 * A nickname in quotes or brackets between two words of a name, the surname perhaps after a particle:
 * `Kwabena 'Kobby' Owusu-Ansah`, `Consolacion "Connie" dela Cruz`, `Bridget “Delia” Ó Conaill`.
 */
const NICKNAME_INSIDE = new RegExp(
  String.raw`^\s['‘“"(]${NAME_WORD}['’”")]\s(?:(?:[Dd]ela|[Dd]elos|[Dd]e|[Dd]el|[Dd]a|dos|[Vv]an|von|[Dd]i|[Ll]e|[Ll]a|al|el|bin|[Óó]|[Nn]í|[Mm]ac|arap)\s)*\p{Lu}`,
  'u',
);
/** `Hannelore Vogt, geb. Brandt`, `Marie Curie, née Skłodowska`: the name a person was born with, after the word. */
const BORN_AS = /^,? (?:geb\.|geborene|née|nee|z domu|roz\.|rozená|rodená|született) (\p{Lu}[\p{L}'’-]+)/du;

function overlaps(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((span) => span.start < end && span.end > start);
}

/** Titles that stand in a list before a name (`Herr und Frau Lindner`). */
const TITLES = new Set([
  'herr',
  'frau',
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'prof',
  'sir',
  'madame',
  'monsieur',
  'señor',
  'señora',
  'pan',
  'pani',
]);

function isWordOfThings(names: NameLexicon, words: string[]): boolean {
  if (words.length === 1 && TITLES.has(words[0]?.toLowerCase() ?? '')) return true;
  return words.every((word) => {
    const lower = word.toLowerCase();
    // (`Attendees: Siosaia Taufa, Mele Fifita, Grace`: among names, a given name that is also a word is a name.)
    return (names.common(lower) && !names.given.has(lower)) || names.place(lower);
  });
}

/** Other items of a list in one line in which two items are names already. */
function listNeighbours(text: string, spans: readonly Span[], names: NameLexicon): Span[] {
  const found: Span[] = [];
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (let i = 0; i < sorted.length;) {
    const first = sorted[i] as Span;
    const lineStart = text.lastIndexOf('\n', first.start) + 1;
    const newline = text.indexOf('\n', first.start);
    const lineEnd = newline < 0 ? text.length : newline;
    let j = i;
    while (j < sorted.length && (sorted[j] as Span).start < lineEnd) j++;
    const inLine = sorted.slice(i, j);
    i = j;
    if (inLine.length < 2) continue;
    const line = text.slice(lineStart, lineEnd);
    const items: Span[] = [];
    LIST_ITEM.lastIndex = 0;
    for (let m = LIST_ITEM.exec(line); m; m = LIST_ITEM.exec(line)) {
      items.push({ start: lineStart + m.index, end: lineStart + m.index + m[0].length, type: 'PERSON' });
    }
    if (items.filter((item) => overlaps(inLine, item.start, item.end)).length < 2) continue;
    for (const item of items) {
      if (overlaps(inLine, item.start, item.end)) continue;
      // (`Labas, Tomas ir Rūta`: a word opening the line before two names may be a greeting.)
      if (item.start === lineStart && items.length < 4) continue;
      // (`…, in Lagos`, `and the Hilton`: a preposition or an article before it makes a place or a thing.)
      const label = /(\p{Ll}+)\s$/u.exec(text.slice(Math.max(0, item.start - 16), item.start))?.[1];
      if (label !== undefined && NOT_PERSON_BEFORE.has(label)) continue;
      if (!isWordOfThings(names, text.slice(item.start, item.end).split(/[\s-]+/))) found.push(item);
    }
  }
  return found;
}

/** Each name read on over its nickname to its surname, and the maiden name written after it. */
function nicknamesAndMaidenNames(text: string, spans: readonly Span[]): Span[] {
  const found: Span[] = [];
  for (const span of spans) {
    const after = text.slice(span.end, span.end + 60);
    const nickname = NICKNAME_INSIDE.exec(after);
    const surname = nickname && SURNAME.exec(after.slice(nickname[0].length - 1));
    if (nickname && surname) {
      found.push({
        start: span.start,
        end: span.end + nickname[0].length - 1 + surname[0].length,
        type: 'PERSON',
      });
    }
    const born = BORN_AS.exec(after)?.indices?.[1];
    if (born) found.push({ start: span.end + born[0], end: span.end + born[1], type: 'PERSON' });
  }
  return found;
}
const SURNAME = new RegExp(String.raw`^${NAME_WORD}(?:\s${NAME_WORD})?`, 'u');

function families(text: string, names: NameLexicon): Span[] {
  const found: Span[] = [];
  FAMILY_OF.lastIndex = 0;
  for (let m = FAMILY_OF.exec(text); m; m = FAMILY_OF.exec(text)) {
    const name = m[1] ?? m[2] ?? '';
    const words = name.split(/[- ]/);
    if (isWordOfThings(names, words)) continue;
    const start = m.index + m[0].indexOf(name);
    found.push({ start, end: start + name.length, type: 'PERSON' });
  }
  return found;
}

/** `R. Gunawardena`, `J. R. Okafor`, `A.K. Sharma`: initials right before a surname found alone are the name's. */
const INITIALS_BEFORE = /(?:^|[^\p{L}\p{N}.'’-])((?:\p{Lu}\.\s?){1,3})$/u;

function initialsBefore(text: string, spans: readonly Span[]): Span[] {
  return spans.flatMap((span): Span[] => {
    const initials = INITIALS_BEFORE.exec(text.slice(Math.max(0, span.start - 10), span.start))?.[1];
    return initials ? [{ start: span.start - initials.length, end: span.end, type: 'PERSON' }] : [];
  });
}

export function namesByNeighbours(text: string, spans: readonly Span[], names: NameLexicon): Span[] {
  return [
    ...listNeighbours(text, spans, names),
    ...nicknamesAndMaidenNames(text, spans),
    ...initialsBefore(text, spans),
    ...families(text, names),
  ];
}
