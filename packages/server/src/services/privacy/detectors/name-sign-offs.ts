import type { Span } from '../types.js';
import type { NameLexicon } from './name-lexicon.js';

/** Closing words a signature follows: `love Tolu & Erik`, `Um beijinho, Bia`, `Groetjes, Mien`. */
const CLOSING =
  'love|lots of love|cheers|thanks|thank you|many thanks|regards|best|warmly|hugs|xo|xoxo|besos|un abrazo|abrazos|saludos|bisous|bises|gros bisous|beijinhos?|um beijinho|abraços?|groetjes|liebe grüße|viele grüße|lg|pozdrawiam|buziaki|baci|un bacio|ciao|kisses|tschüss|hilsen|vennlig hilsen|mvh|kveðja|terveisin|hälsningar|kram|pozdrav';
/**
 * A signature at a message's end: one or two capitalised names in Latin letters alone after its last sentence or after a
 * closing word (`Hozz valami italt! Panni`, `… on 022 184 6720. Summer x`, `love Tolu & Erik`, `… 0193. – Jaspreet`, `Hilsen Kari`).
 */
const SIGNATURE = new RegExp(
  String.raw`(?:([.?!])(?: [–—-])?|(?<![\p{L}])(?:${CLOSING})[,!]?) ((?=\p{Script=Latin})\p{Lu}[\p{Ll}'’-]{1,12})(?: (?:&|and|y|e|und|et) ((?=\p{Script=Latin})\p{Lu}[\p{Ll}'’-]{1,12}))?( ?x{1,3}| ?❤️?)?[ \t]*(?=\n|$)`,
  'iu',
);

/** Thanks and goodbyes that close a message on their own (`… à demain. Merci`). */
const THANKS = new Set(
  'merci danke gracias obrigado obrigada grazie dziękuję dankie asante tak takk kiitos bye ciao adiós adieu tschüss salut cheers thanks'.split(
    ' ',
  ),
);

/** A line that may end in a signature: its last word capitalised, perhaps with a kiss after it. */
const ENDS_IN_NAME = /\p{Lu}[\p{Ll}'’-]{1,12}(?: ?x{1,3}| ?❤️?)?[ \t]*$/u;

/** The stretch before each line end whose last word may be a signature (most lines end in a full stop). */
function lineEnds(text: string): number[] {
  const ends: number[] = [];
  for (let end = text.indexOf('\n'); ; end = text.indexOf('\n', end + 1)) {
    const at = end < 0 ? text.length : end;
    const last = text.charCodeAt(at - 1);
    // (A letter, a space, an `x` or the heart's variation selector: anything else ends no signature.)
    if ((last >= 65 && last <= 90) || (last >= 97 && last <= 122) || last > 127 || last === 32)
      if (ENDS_IN_NAME.test(text.slice(Math.max(0, at - 20), at))) ends.push(at);
    if (end < 0) return ends;
  }
}

export function signatureNames(text: string, names: NameLexicon): Span[] {
  const spans: Span[] = [];
  for (const lineEnd of lineEnds(text)) {
    const tailStart = Math.max(text.lastIndexOf('\n', lineEnd - 1) + 1, lineEnd - 80);
    const m = SIGNATURE.exec(text.slice(tailStart, lineEnd));
    if (!m) continue;
    const afterSentence = m[1] !== undefined;
    const kiss = /x/i.test(m[4] ?? '');
    let from = tailStart + m.index;
    for (const name of [m[2], m[3]]) {
      if (!name) continue;
      const lower = name.toLowerCase();
      const listed = names.given.has(lower) || names.ambiguous.has(lower);
      const plain = !names.common(lower) && !names.place(lower) && !THANKS.has(lower);
      // After a sentence an ordinary word may close the message (`Thanks! Bye`); a listed name needs a kiss then.
      const ok = afterSentence
        ? plain || (kiss && listed && !names.place(lower))
        : !names.place(lower) && (listed || plain);
      const start = text.indexOf(name, from);
      from = start + name.length;
      if (ok) spans.push({ start, end: start + name.length, type: 'PERSON' });
    }
  }
  return spans;
}
