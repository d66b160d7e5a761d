import type { Span } from '../types.js';
import type { NameLexicon } from './name-lexicon.js';

/**
 * Chat writes names in lower case (`thx obinna`, `ok siobhan will do`). Right after a greeting or
 * a thanks, a lower-case word that the lists know only as a given name (never an ordinary word or a
 * place) is that person.
 */
const AFTER_GREETING =
  /(?:^|[^\p{L}])(?:thx|thanks|thank you|ty|tnx|cheers|hi|hey|hiya|hello|morning|ok|okay|kk|bye|cc|ping|sorry|yo|@)[ ,]+(\p{Ll}[\p{Ll}'’-]{2,})(?![\p{L}])/giu;
const HINT =
  /\b(?:thx|thanks|thank|ty|tnx|cheers|hi|hey|hiya|hello|morning|ok|okay|kk|bye|cc|ping|sorry|yo)\b|@/i;

export function detectChatNames(text: string, names: NameLexicon): Span[] {
  if (!HINT.test(text)) return [];
  const spans: Span[] = [];
  AFTER_GREETING.lastIndex = 0;
  for (let m = AFTER_GREETING.exec(text); m; m = AFTER_GREETING.exec(text)) {
    const name = m[1] ?? '';
    if (!names.given.has(name) || names.common(name) || names.place(name) || names.ambiguous.has(name))
      continue;
    const start = m.index + m[0].length - name.length;
    spans.push({ start, end: start + name.length, type: 'PERSON' });
  }
  return spans;
}
