import type { Span } from '../types.js';
import { HONORIFICS } from './name-context.js';
import { CALENDAR } from './name-lexicon.js';
import type { NameReader } from './name-reader.js';
import { previousWord, type Word } from './name-words.js';
import { AND } from './person-words.js';
import { lowerCase } from './util.js';

/**
 * Names read from how a clause is built around them (round 13): a word-name as a clause's subject, particles
 * between a title and a surname, and a lone word joined by `and` or a list's comma to a found name after it.
 */

/** Words after a word-name that make it no subject: a question (`Will you`), a noun phrase (`Summer sale`). */
const NOT_A_SUBJECT_AFTER = new Set(
  'you we they it i he she this that there the a an my your our their his her its sale sales season term time period hall'.split(
    ' ',
  ),
);
const PERSON_PRONOUN = /\b(?:he|she|his|her|him|hers|himself|herself|he's|she's|he'll|she'll|he'd|she'd)\b/i;
/** Words after which a clause, and so its subject, starts. */
const CLAUSE_OPENERS = new Set(
  'and but while because so then when if that though although whereas or'.split(' '),
);

/**
 * A listed given name that is also a word (`Grace`, `Sunday`, `Patience`), followed by a verb in lower case
 * and, in the same sentence, a pronoun for a person (`… covered his shift`, `… isn't coming, he's got malaria`).
 * Only as a clause's subject (after punctuation or `and`, `but`, `that` …), not asking (`Will you …`).
 */
export function wordNameOfPerson(r: NameReader, at: number, word: string, lower: string): boolean {
  const { text, names } = r;
  if (!names.given.has(lower) || !/^\p{Lu}\p{Ll}+$/u.test(word) || names.place(lower)) return false;
  const rest = /^ ([a-z][a-z'’]+)([^.;!?\n]{0,60})/.exec(text.slice(at + word.length, at + word.length + 80));
  if (!rest?.[1] || NOT_A_SUBJECT_AFTER.has(rest[1]) || !PERSON_PRONOUN.test(rest[2] ?? '')) return false;
  const before = previousWord(text, at);
  return !before || /[.!?\n,;:]/.test(before.gap) || CLAUSE_OPENERS.has(before.raw);
}

const LOWER_PARTICLES = new Set(
  "de van von der den da di du del della dos das la le ter ten zu vom zur dei het 't".split(' '),
);
const PARTICLE_BEFORE = new RegExp(`(?:^|[^\\p{L}'])(?:${[...LOWER_PARTICLES].join('|')}) $`, 'u');
/** A title (`mevrouw` in lower case too), then one to three lower-case particles, at the end of the text before a surname. */
const TITLE_PARTICLES = new RegExp(
  String.raw`(?:^|[^\p{L}])(\p{L}{2,})\.? ((?:(?:${[...LOWER_PARTICLES].join('|')}) ){1,3})$`,
  'u',
);

/** `Meneer de Vries`, `Frau von der Leyen`: lower-case particles between a title and the surname start the name. */
export function particlesAfterTitle(r: NameReader, w: Word): number | undefined {
  const { text } = r;
  // Most capitalised words follow a word that is no particle: the particle is short and in lower case.
  const code = text.charCodeAt(w.start - 2);
  if (text[w.start - 1] !== ' ' || !((code >= 97 && code <= 122) || code === 39)) return undefined;
  if (!PARTICLE_BEFORE.test(text.slice(Math.max(0, w.start - 7), w.start))) return undefined;
  const m = TITLE_PARTICLES.exec(text.slice(Math.max(0, w.start - 40), w.start));
  if (!m?.[1] || !m[2] || !HONORIFICS.has(lowerCase(m[1]))) return undefined;
  return w.start - m[2].length;
}

/**
 * `Tiihu and Ahanu signed`, `Ólafur, Þórunn and Dagný are on call`: a lone name-like word joined by `and`
 * (or a list's comma) to a one-word name after it is a name too; read from the end, so a list grows leftwards.
 * The words to accept, among those no rule decided (`undecided`, in text order).
 */
export function wordsJoinedBefore(r: NameReader, spans: readonly Span[], undecided: readonly Word[]): Word[] {
  const { text } = r;
  const oneWord = new Set<number>();
  for (const span of spans) {
    if (!/\s/.test(text.slice(span.start, span.end))) oneWord.add(span.start);
  }
  // A list's comma joins only names this pass found (`Ólafur, Þórunn and …`), not `Bună, Andreea`.
  const listed = new Set<number>();
  const joined: Word[] = [];
  for (let i = undecided.length - 1; i >= 0; i--) {
    const w = undecided[i];
    if (!w || oneWord.has(w.start) || CALENDAR.has(w.lower)) continue;
    const gap = /^(?:,\s*|\s+\S{1,4}\s+)/u.exec(text.slice(w.end, w.end + 8))?.[0];
    // (`Fortnum & Mason`, `Ben & Jerry's`: an ampersand joins the names of a firm.)
    if (gap === undefined || gap.includes('&') || !AND.test(gap)) continue;
    const partner = w.end + gap.length;
    if (!(gap.startsWith(',') ? listed.has(partner) : oneWord.has(partner))) continue;
    if (r.run(w).length !== 1 || r.startsListedPlace(w)) continue;
    joined.push(w);
    oneWord.add(w.start);
    listed.add(w.start);
  }
  return joined;
}
