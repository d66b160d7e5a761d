import type { Span } from '../types.js';
import { PERSON_BEFORE } from './name-context.js';
import { cueStarts, DEEDS } from './name-cues.js';
import type { NameLexicon } from './name-lexicon.js';

/**
 * Chat writes names in lower case (`thx obinna`, `ok siobhan will do`, `ask rahul if`, `mika said tomasz is`). Right after a
 * greeting, a thanks or a verb that takes a person, a lower-case word that the lists know only as a
 * given name (never an ordinary word or a place) is that person.
 */
const AFTER_GREETING =
  /\b(?:[Tt]hx|[Tt]hanks|[Tt]hank you|[Tt]y|[Tt]nx|[Cc]heers|[Hh]i|[Hh]ey|[Hh]iya|[Hh]ello|[Mm]orning|[Oo]k|OK|[Oo]kay|kk|[Bb]ye|cc|[Pp]ing|[Ss]orry|[Yy]o|[Aa]sk|[Tt]ell|told|asked|texted|xoxo|xx|[Ll]ove|[Hh]ugs|met|meet|[Cc]all|dm|[Rr]emind|said|[Rr]ing|[Tt]ext|[Pp]hone|[Mm]essage|[Ee]mail|[Ss]elam|[Hh]alo|[Hh]ola|[Oo]i|[Oo]lá|[Ss]alut|[Cc]iao|[Hh]allo|[Vv]aleu|[Ss]alamat|[Aa]sante sana|[Bb]hai|[Aa]te|[Kk]uya|spoke to|spoke with|talked to|by|did|lol|shout-out to|thanks to|mr\.?|mrs\.?|ms\.?)[ ,]+([a-z\u00df-\u024f][a-z\u00df-\u024f'’-]{2,})(?![\w\u00c0-\u024f])|@([A-Za-z][a-z'’-]{2,})\b|(?:^|\n|(?<=[.?!\]] ))([a-z][a-z'’-]{1,})(?=: [a-z])|\b[Pp]['’]([a-z]{3,})\b/y;

/**
 * `thanks kuga,`, `hey tavi!`: right after a greeting or a thanks and before a comma or `!`, a lower-case
 * word that is no ordinary word and no place is the person addressed, even when no list knows it.
 */
const VOCATIVE_GREETING =
  /^(?:thx|thanks|thank you|ty|cheers|hi|hey|hiya|hello|yo|selam|halo|hola|valeu|salamat|asante sana)[ ,]/i;

/** How people are addressed without their name (`hi doc,`, `thanks bro!`). */
const ADDRESS_TERMS = new Set(
  'doc bro bros sis bruh fam dude dudes mate mates babe hun luv sir maam madam boss chief team all everyone folks guys gang lads ladies peeps yall'.split(
    ' ',
  ),
);

/**
 * `yuki said`, `oksana can you …`, `ravi's pi`, `dimitri and alexei are …`: a lower-case given name
 * before what people do, found from those words (rare) rather than tried at every word.
 */
const PERSON_AFTER = new RegExp(`(?:['’]s|\\s(?:${DEEDS}))(?![\\w'’])`, 'y');
const WORD_BEFORE = /(?:^|[^\w\u00c0-\u024f'’-])([a-z\u00df-\u024f][a-z\u00df-\u024f-]{2,})$/;

/** A word the lists know only as a given name: no ordinary word, place or ambiguous name. */
export function isGivenOnly(name: string, names: NameLexicon): boolean {
  return names.given.has(name) && !names.common(name) && !names.place(name) && !names.ambiguous.has(name);
}

function namesBeforeDeeds(text: string, names: NameLexicon): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const at of cueStarts(text).deed) {
    if (at < from) continue;
    PERSON_AFTER.lastIndex = at;
    const m = PERSON_AFTER.exec(text);
    if (!m) continue;
    from = PERSON_AFTER.lastIndex;
    const word = WORD_BEFORE.exec(text.slice(Math.max(0, m.index - 24), m.index))?.[1];
    if (!word || !isGivenOnly(word, names)) continue;
    spans.push({ start: m.index - word.length, end: m.index, type: 'PERSON' });
    // `dimitri and alexei`: the name after `and` is a person too when the lists know it only as one.
    const next = m[0].endsWith('and')
      ? /^ ([a-z\u00df-\u024f][a-z\u00df-\u024f-]{2,})\b/.exec(
          text.slice(m.index + m[0].length, m.index + m[0].length + 24),
        )?.[1]
      : undefined;
    if (next && isGivenOnly(next, names)) {
      const start = m.index + m[0].length + 1;
      spans.push({ start, end: start + next.length, type: 'PERSON' });
    }
  }
  return spans;
}

/** An unlisted word after a greeting and before `,` or `!` (see VOCATIVE_GREETING). */
function vocative(m: RegExpExecArray, name: string, text: string, names: NameLexicon): boolean {
  const next = text[m.index + m[0].length];
  if (next !== ',' && next !== '!') return false;
  if (!VOCATIVE_GREETING.test(m[0])) return false;
  if (names.common(name) || names.place(name) || names.given.has(name)) return false;
  return !ADDRESS_TERMS.has(name) && !PERSON_BEFORE.has(name);
}

/** `hi its marguerite calling`: a caller giving a name in a voice transcript. */
const SELF_INTRODUCED = /\b(?:it['’]?s|this is) ([a-z][a-z'’-]{2,}) (?=calling|here|speaking|from)/g;

/**
 * A chat line opening with a lower-case handle: `kiri: @tane can u …` (a speaker label and a mention), `mpho
 * reacted 😂 to …` (a messenger's notice), `gabs (Gabriela): …` (a nickname before the name). Said of a word
 * that is no ordinary word; the lists need not know it.
 */
const HANDLE_LINE =
  /([a-z][a-z'’-]{1,19})(?:: @([a-z][a-z'’-]{1,19})\b| (?=reacted |liked |loved |joined using|left$|left\n|was added|changed the group|pinned a message)| (?=\(\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?\): ))/uy;

function handlesOpeningLines(text: string, names: NameLexicon): Span[] {
  const spans: Span[] = [];
  const handle = (word: string, start: number) => {
    if (names.common(word) || names.place(word) || ADDRESS_TERMS.has(word) || CHANNEL_MENTIONS.has(word))
      return;
    spans.push({ start, end: start + word.length, type: 'PERSON' });
  };
  for (let at = 0; at < text.length; at = text.indexOf('\n', at) + 1 || text.length) {
    const code = text.charCodeAt(at);
    if (code < 97 || code > 122) continue;
    HANDLE_LINE.lastIndex = at;
    const m = HANDLE_LINE.exec(text);
    if (!m?.[1]) continue;
    handle(m[1], at);
    if (m[2]) handle(m[2], at + m[0].length - m[2].length);
  }
  return spans;
}
/** Mentions of a whole channel, not of a person. */
export const CHANNEL_MENTIONS = new Set([
  'here',
  'channel',
  'everyone',
  'all',
  'team',
  'admin',
  'admins',
  'bot',
  'mods',
]);

export function detectChatNames(text: string, names: NameLexicon): Span[] {
  const spans: Span[] = [];
  let from = 0;
  // (Both patterns are tried only where name-cues.ts finds they may start.)
  for (const at of cueStarts(text).greeting) {
    if (at < from) continue;
    AFTER_GREETING.lastIndex = at;
    const m = AFTER_GREETING.exec(text);
    if (!m) continue;
    const name = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    // (`@Pilar`: a handle may be capitalised; the lists hold names in lower case.)
    const lower = name.toLowerCase();
    // (`hey rashid`, `@Pilar`: after a greeting or an `@`, a name the lists also know as a word or a surname is the one
    // addressed.)
    const greeted =
      (m[1] !== undefined || m[2] !== undefined) &&
      names.given.has(lower) &&
      !names.common(lower) &&
      !names.place(lower);
    // (`lol ask priya`: a word that is no name may be the next cue.)
    if (!isGivenOnly(lower, names) && !greeted && !(m[1] && vocative(m, name, text, names))) continue;
    from = AFTER_GREETING.lastIndex;
    const start = m.index + m[0].length - name.length;
    spans.push({ start, end: start + name.length, type: 'PERSON' });
  }
  SELF_INTRODUCED.lastIndex = 0;
  for (let m = SELF_INTRODUCED.exec(text); m; m = SELF_INTRODUCED.exec(text)) {
    const name = m[1] ?? '';
    if (!isGivenOnly(name, names)) continue;
    const start = m.index + m[0].length - name.length - 1;
    spans.push({ start, end: start + name.length, type: 'PERSON' });
  }
  return [
    ...spans,
    ...namesBeforeDeeds(text, names),
    ...handlesOpeningLines(text, names),
    ...kissedSignOffs(text, names),
  ];
}

/** `… l8r, Jaz x`, `see you at 5, Mags xx`: a capitalised word before a message's closing kisses signs it. */
const KISSED_SIGN_OFF = /(?:^|[\s,])(\p{Lu}\p{Ll}{1,15}) x{1,3}\s*$/gmu;

function kissedSignOffs(text: string, names: NameLexicon): Span[] {
  if (!/ x{1,3}\s*$/m.test(text)) return [];
  const spans: Span[] = [];
  for (const m of text.matchAll(KISSED_SIGN_OFF)) {
    const name = m[1] ?? '';
    const lower = name.toLowerCase();
    if (names.common(lower) || names.place(lower)) continue;
    const start = m.index + m[0].indexOf(name);
    spans.push({ start, end: start + name.length, type: 'PERSON' });
  }
  return spans;
}
