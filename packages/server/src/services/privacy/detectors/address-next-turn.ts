import type { Span } from '../types.js';
import { firstTurn } from './next-turn-answers.js';

/**
 * An address given in the next turn of a call or a chat, after a question that asks for it (`what's the new
 * address? / Visitor: apt 4, 119 rue Saint-Denis, Montréal QC H2X 3K8`, `¿Dirección fiscal? / [14:23] Santiago:
 * Bv. Oroño 1245, piso 3, S2000 Rosario`): the whole answer, when it has a number and several parts.
 */
const ASKED =
  /(?:address|postcode|post code|zip code|dirección|direccion|domicilio|adresse|anschrift|endereço|endereco|morada|indirizzo|adres|адрес|住所|地址|주소|पता|عنوان|כתובת|alamat|địa chỉ)[^?？\n/]{0,40}?(?:[?？]|\.\.\.|…)/giu;
/** Where a turn ends: the slash before the next turn, a new line, the next timestamp, or the next speaker's name. */
const TURN_END = /\s\/\s|\n|\s\[\d|[.!?]\s+(?=\p{L}[\p{L}\p{M}.'’ -]{0,30}:\s)/u;
/**
 * Where the address ends inside the answer: a sentence's end (not an abbreviation's: `Str. Lipscani`), or a comma
 * before what the caller adds (`…, love, the one with the green door`, `…, acc 55018823`).
 */
const ADDRESS_END =
  /(?<=[\p{L}\p{M}]{4}|\d)\.\s+\p{Lu}|,\s+(?=(?:love|it['’]?s|that['’]?s|the one|acc|account|near|next to|opposite|behind)\b)/u;
/** `it's …`, `yes, …`: words that open the answer, not the address. */
const OPENING = /^(?:(?:it['’]?s|it is|yes|yeah|yep|sure|ok|okay|sí|oui|ja|tak|em|um|uh|erm)[,.]?\s+)+/i;
const SPOKEN_NUMBER =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b/i;
const PARTS = /[,，、]/;

export function addressesInNextTurn(text: string): Span[] {
  const spans: Span[] = [];
  ASKED.lastIndex = 0;
  for (let asked = ASKED.exec(text); asked; asked = ASKED.exec(text)) {
    // The next speaker's turn right after the question, read from its mark (after a question mark a speaker may
    // write in lower case: `postcode please? customer: …`).
    const from = asked.index + asked[0].length - (/[?？]$/.test(asked[0]) ? 1 : 0);
    const next = firstTurn(text.slice(from, from + 60), false);
    if (next?.index !== 0) continue;
    const opening = OPENING.exec(text.slice(from + next.end, from + next.end + 20));
    const start = from + next.end + (opening?.[0].length ?? 0);
    const rest = text.slice(start, start + 160);
    const turn = rest.slice(0, TURN_END.exec(rest)?.index ?? rest.length);
    const answer = turn.slice(0, ADDRESS_END.exec(turn)?.index ?? turn.length).replace(/[\s.。]+$/u, '');
    if (answer.length < 8 || !PARTS.test(answer) || !(/\d/.test(answer) || SPOKEN_NUMBER.test(answer)))
      continue;
    spans.push({ start, end: start + answer.length, type: 'ADDRESS' });
  }
  return spans;
}
