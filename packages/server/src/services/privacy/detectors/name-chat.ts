import type { Span } from '../types.js';
import type { NameLexicon } from './name-lexicon.js';

/**
 * Chat writes names in lower case (`thx obinna`, `ok siobhan will do`). Right after a greeting or
 * a thanks, a lower-case word that the lists know only as a given name (never an ordinary word or a
 * place) is that person.
 */
const AFTER_GREETING =
  /\b(?:[Tt]hx|[Tt]hanks|[Tt]hank you|[Tt]y|[Tt]nx|[Cc]heers|[Hh]i|[Hh]ey|[Hh]iya|[Hh]ello|[Mm]orning|[Oo]k|OK|[Oo]kay|kk|[Bb]ye|cc|[Pp]ing|[Ss]orry|[Yy]o)[ ,]+([a-z\u00df-\u024f][a-z\u00df-\u024f'’-]{2,})(?![\w\u00c0-\u024f])|@([a-z][a-z'’-]{2,})\b/g;

export function detectChatNames(text: string, names: NameLexicon): Span[] {
  const spans: Span[] = [];
  AFTER_GREETING.lastIndex = 0;
  for (let m = AFTER_GREETING.exec(text); m; m = AFTER_GREETING.exec(text)) {
    const name = m[1] ?? m[2] ?? '';
    if (!names.given.has(name) || names.common(name) || names.place(name) || names.ambiguous.has(name))
      continue;
    const start = m.index + m[0].length - name.length;
    spans.push({ start, end: start + name.length, type: 'PERSON' });
  }
  return spans;
}
