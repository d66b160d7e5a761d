import type { Span } from '../types.js';

const SURNAME = String.raw`(?:(?:[Dd]ela|[Dd]elos|[Dd]e|[Dd]el|[Dd]a|dos|[Vv]an|von|[Dd]i|[Ll]e|[Ll]a|al|el|bin|[Óó]|[Nn]í|[Mm]ac|arap) )*\p{Lu}[\p{L}'’-]+`;
/** `Consolacion "Connie" dela Cruz`, `Bridget “Delia” Ó Conaill`: a nickname in quotes between the names. */
const NICKNAME_THEN_SURNAME = new RegExp(
  String.raw`^ ["“'‘]\p{Lu}[\p{L}'’-]*["”'’] ${SURNAME}(?: \p{Lu}[\p{L}'’-]+)?`,
  'u',
);
/** `Hannelore Vogt, geb. Brandt`, `Marie Curie, née Skłodowska`: the name a person was born with, after the word. */
const BORN_AS =
  /^,? (?:geb\.|geborene|née|nee|z domu|roz\.|rozená|rodená|született|f\.) (\p{Lu}[\p{L}'’-]+)/du;

/** Person spans read on over a nickname in quotes, and the maiden names written after them. */
export function withNicknamesAndMaidenNames(text: string, spans: readonly Span[]): Span[] {
  const joined: Span[] = [];
  for (const span of spans) {
    const after = text.slice(span.end, span.end + 60);
    const nickname = NICKNAME_THEN_SURNAME.exec(after);
    joined.push(nickname ? { ...span, end: span.end + nickname[0].length } : span);
    const born = BORN_AS.exec(after)?.indices?.[1];
    if (born) joined.push({ start: span.end + born[0], end: span.end + born[1], type: 'PERSON' });
  }
  return joined;
}
