import type { Span } from '../types.js';
import { namesByNeighbours } from './name-neighbours.js';
import { quotedNames } from './name-quoted.js';
import { signatureNames } from './name-sign-offs.js';
import {
  BARE_KINSHIP,
  BUSINESS_NOUNS,
  EAST_ASIAN_FAMILY,
  HONORIFIC_SUFFIXES,
  HONORIFICS,
  INSTITUTION_LEADS,
  PARTICLES,
  PERSON_AFTER,
  PLACE_NOUNS,
} from './name-context.js';
import { detectChatNames } from './name-chat.js';
import { chatExportSenders } from './name-exports.js';
import { lowerCaseNames } from './name-lower.js';
import { notNamesOfThings } from './name-things.js';
import { detectFormNames } from './name-forms.js';
import { inflectedName } from './name-inflection.js';
import { detectLoginNames } from './name-logins.js';
import { caselessNames } from './name-caseless.js';
import { detectCjkNames } from './name-cjk.js';
import { detectRoleNames } from './name-roles.js';
import { detectScriptNames } from './name-scripts.js';
import { labelledNames } from './name-labels.js';
import { namesInColumns } from './name-columns.js';
import { namesWithInitials } from './name-initials.js';
import { isNameLike } from './name-evidence.js';
import { extend, startOf } from './name-extent.js';
import type { NameLexicon } from './name-lexicon.js';
import { NameReader } from './name-reader.js';
import { byEvidence, byLexicon, ordinaryWordNamed, wordSurnameAfter } from './name-rules.js';
import { particlesAfterTitle, wordNameOfPerson, wordsJoinedBefore } from './name-clauses.js';
import { isTitle, makeWord, type Word } from './name-words.js';
import { AND, NAME_WORDS, PHRASE_END, STRONG_PARTICLES } from './person-words.js';
import { LETTERS, lowerCase, UPPER_START } from './util.js';

/**
 * Capitalised words are the only places a name can start (caseless scripts aside). The look-behind
 * comes after the first capital (it reads that capital and the character before it): placed first,
 * V8 would run it at every position of the text; here only at capitals. The matches are the same.
 */
const CAPITALISED = new RegExp(
  `[${UPPER_START}](?<![${LETTERS}'’-].)[${LETTERS}]*(?:[-'’][${LETTERS}]+)*`,
  'g',
);
/** Particles that are first of all articles (`La Ferrari`, `Le Monde`, `El Corte Inglés`). */
const ARTICLE_PARTICLES = new Set(['la', 'le', 'el', 'al', 'lo', 'te', 'i', 'y', 'e']);
const INITIAL_AT_END = /(?<=[\s,])\p{Lu}\. $/u;
const INITIAL_BEFORE = /(?:^|[\s,;:(])\p{Lu}\. ?$/u;
const TURKISH_CASE_ENDING = /^(\p{Lu}\p{Ll}+)['’](?:y?[eaiıuü]|n?[iıuü]n|[dt][ea]n?|y?l[ea]|y?s?[ea])$/u;
const GENERATION = /^,? (?:Jr|Sr)\.?(?![\p{L}])|^ (?:II|III|IV)(?![\p{L}])/u;
/** `Tanaka-san`: a capitalised word and a romanised honorific suffix after a hyphen. */
const SUFFIXED_NAME = /^(\p{Lu}[\p{Ll}'’]+)-(\p{Ll}+)$/u;

/** Finds the names in one text: each capitalised word is judged once, left to right, then the undecided ones again. */
class PersonScanner {
  readonly #spans: Span[] = [];
  readonly #reader: NameReader;
  /** Name-like words no rule accepted on the first pass: a later name may vouch for them. */
  readonly #undecided: Word[] = [];

  constructor(text: string, names: NameLexicon) {
    this.#reader = new NameReader(text, names);
  }

  #accept(start: number, found: Word): number {
    // `Ninoy Aquino International Airport`, `Marcos Highway`: a landmark, a road or an award named after someone.
    if (this.#reader.landmarkFollows(start, found)) return this.#reader.landmarkEnd;
    const last = this.#wordSurnameEnding(found);
    // `Maria G.`: an initial standing for the surname ends the name.
    const after = this.#reader.text.slice(last.end, last.end + 4);
    const initial =
      /^ \p{Lu}\.(?=$|[,;:!?)]|\s+(?!\p{Lu}))/u.exec(after)?.[0] ??
      // `Sarah P driving`: an initial without its dot, before a lower-case word or the end of the phrase.
      /^ (?![AI] )[\p{Lu}](?=$|[,;:!?)]| \p{Ll})/u.exec(after)?.[0] ??
      (/^(?:\p{Lu}|Jr|Sr)$/u.test(last.text) && after.startsWith('.') ? '.' : '');
    let end = last.end + initial.length;
    // `Chinedu I. Okafor`: a middle initial, then the surname.
    const surname = initial.endsWith('.')
      ? /^ ([\p{Lu}][\p{L}'’-]+)/u.exec(this.#reader.text.slice(end, end + 40))
      : null;
    if (surname?.[1] && isNameLike(this.#reader.evidence.classOfText(surname[1]))) end += surname[0].length;
    // `Carlos Mendoza Jr.`, `John Smith III`: a generation's suffix ends the name.
    // (Looked at only where one may stand: a space or a comma, then `J`, `S` or `I`.)
    const after2 = this.#reader.text.slice(end, end + 3);
    if (/^,? [JSI]/.test(after2))
      end += GENERATION.exec(this.#reader.text.slice(end, end + 6))?.[0].length ?? 0;
    const first = makeWord(
      start,
      /^[\p{L}'’-]*/u.exec(this.#reader.text.slice(start, start + 40))?.[0] ?? '',
    );
    this.#spans.push({ start: startOf(this.#reader, first), end, type: 'PERSON' });
    return end;
  }

  /**
   * `Lorraine Whitby:`, `Errol Chambers,`, `Kemar Anthony Brown,`: after a given name, a capitalised word that is also a
   * word or a place is its surname when the phrase ends right after it (not a place's noun: `Victoria Station.`).
   */
  #wordSurnameEnding(last: Word): Word {
    const { evidence, names, text } = this.#reader;
    const next = this.#reader.next(last);
    if (!next || !isTitle(next.text) || next.text.length < 3 || text[last.end] !== ' ') return last;
    const lastClass = evidence.classOf(last);
    if (lastClass !== 'given' && lastClass !== 'ambiguousGiven') return last;
    if (PLACE_NOUNS.has(next.lower) || HONORIFICS.has(next.lower)) return last;
    const wordLike = names.common(next.lower) || names.place(next.lower) || names.family.has(next.lower);
    return wordLike && /^(?:[,.;:!?)]|$)/.test(text.slice(next.end, next.end + 1)) ? next : last;
  }

  /** Every capitalised word: the lists first, then an honorific, then the evidence around it. */
  #latin(): void {
    CAPITALISED.lastIndex = 0;
    let skipUntil = 0;
    for (let m = CAPITALISED.exec(this.#reader.text); m; m = CAPITALISED.exec(this.#reader.text)) {
      if (m.index < skipUntil) continue;
      const raw = m[0];
      // `Tanaka-san?`, `Yamamoto-sensei said`: an honorific suffix makes the word before it a name, wherever it stands
      // (not a Korean given name's second syllable before the surname: `Eun-ji Choi`).
      const suffixed = SUFFIXED_NAME.exec(raw);
      if (
        suffixed?.[1] &&
        HONORIFIC_SUFFIXES.has(suffixed[2] ?? '') &&
        !/^ \p{Lu}/u.test(this.#reader.text.slice(m.index + raw.length, m.index + raw.length + 2))
      ) {
        skipUntil = this.#accept(m.index, makeWord(m.index, suffixed[1]));
        continue;
      }
      const bare = raw.endsWith("'s") || raw.endsWith('’s') ? raw.slice(0, -2) : raw;
      // Most capitalised words open a sentence and are ordinary words: nothing more to ask.
      const opener = this.#reader.sentenceOpener(m.index);
      if (opener && this.#reader.evidence.classOfText(bare) === 'common') {
        const lower = lowerCase(bare);
        // `Grace is allergic to nuts and her twin …`: a word that is also a given name, said of a person.
        if (wordNameOfPerson(this.#reader, m.index, bare, lower)) {
          skipUntil = this.#accept(m.index, makeWord(m.index, bare));
          continue;
        }
        // (`Mrs. Van Houten`: after an honorific's dot a particle is no sentence's first word.)
        if (!EAST_ASIAN_FAMILY.has(lower) && !INSTITUTION_LEADS.has(lower) && !PARTICLES.has(lower)) continue;
      }
      const w = makeWord(m.index, this.#withoutCaseEnding(raw));
      // `[07:07] Gogo: …`, `Mamá, ¿me llamas?`: a family member called by kinship, not by name.
      if (BARE_KINSHIP.has(w.lower) && !isTitle(this.#reader.next(w)?.text ?? '')) continue;
      const institution = this.#reader.leadsInstitution(w);
      if (institution) {
        skipUntil = this.#titledRunEnd(institution);
        continue;
      }
      const wordClass = this.#reader.evidence.classOf(w);
      // `Meneer Van den Broeck`, `Mrs. Van Houten`: a capitalised particle after an honorific starts the surname.
      if (PARTICLES.has(w.lower)) {
        const titled = this.#reader.honorificStart(w, true, true);
        const surname = titled === undefined ? undefined : this.#reader.afterParticles(w);
        // (`Mrs Van der Berg`: after a title and a particle, any capitalised word is the surname.)
        if (titled !== undefined && surname && isTitle(surname.text)) {
          skipUntil = this.#accept(titled, extend(this.#reader, surname));
          continue;
        }
        // `Van der Merwe (Jo'burg)`, `De Souza family`: a capitalised particle opening the name itself,
        // before a listed family name, or any unlisted word after `van`/`von`.
        const after = this.#reader.afterParticles(w);
        const surnameClass = after && isTitle(after.text) ? this.#reader.evidence.classOf(after) : undefined;
        if (
          after &&
          !ARTICLE_PARTICLES.has(w.lower) &&
          !this.#reader.startsListedPlace(w) &&
          (surnameClass === 'family' ||
            (STRONG_PARTICLES.has(w.lower) && (surnameClass === 'unknown' || surnameClass === 'shape')))
        ) {
          skipUntil = this.#accept(w.start, extend(this.#reader, after));
          continue;
        }
      }
      const particled = particlesAfterTitle(this.#reader, w);
      if (particled !== undefined) {
        skipUntil = this.#accept(particled, extend(this.#reader, w));
        continue;
      }
      if (wordClass === 'common' && !EAST_ASIAN_FAMILY.has(w.lower)) {
        // `Mr Butt asked`: after an honorific an ordinary word is a surname when a person's verb or the end follows.
        // `to van der Berg`: after van/von/ter even an ordinary word is a surname.
        if (!HONORIFICS.has(w.lower) && this.#reader.particleSurname(w, true)) {
          skipUntil = this.#accept(w.start, w);
          continue;
        }
        const titled = this.#reader.honorificStart(w, true);
        // `for Mr. Baker is ready`: after an English title with its dot, a word is a surname whatever follows.
        const dotted =
          titled !== undefined && /^(?:Mrs?|Ms|Mx|Dr)\. $/.test(this.#reader.text.slice(titled, w.start));
        if (titled !== undefined && !HONORIFICS.has(w.lower) && (dotted || this.#reader.personFollows(w))) {
          skipUntil = this.#accept(titled, w);
          continue;
        }
        const named =
          ordinaryWordNamed(this.#reader, w) ??
          (wordNameOfPerson(this.#reader, w.start, w.text, w.lower) ? w : undefined);
        if (named) skipUntil = this.#accept(w.start, named);
        continue;
      }
      if (this.#reader.startsListedPlace(w)) {
        skipUntil = this.#titledRunEnd(w);
        continue;
      }
      const honorific = this.#reader.honorificStart(w);
      const lexical = byLexicon(this.#reader, w, wordClass);
      const thing =
        lexical === w &&
        honorific === undefined &&
        (this.#reader.thingNamed(w) || this.#reader.productVersion(w));
      if (lexical && !thing) {
        skipUntil = this.#accept(honorific ?? w.start, lexical);
        continue;
      }
      if (honorific !== undefined) {
        skipUntil = this.#accept(honorific, extend(this.#reader, w));
        continue;
      }
      // `R. Kumar`, `apologies T. Walsh`: an initial before a listed family name.
      if (
        wordClass === 'family' &&
        INITIAL_BEFORE.test(this.#reader.text.slice(Math.max(0, w.start - 4), w.start))
      ) {
        skipUntil = this.#accept(w.start, extend(this.#reader, w));
        continue;
      }
      if (wordClass === 'ambiguousGiven' && wordNameOfPerson(this.#reader, w.start, w.text, w.lower)) {
        skipUntil = this.#accept(w.start, w);
        continue;
      }
      const evident = byEvidence(this.#reader, w, wordClass);
      if (evident) {
        skipUntil = this.#accept(w.start, evident);
        continue;
      }
      // `Ивановой`, `Kowalskim`, `Jonui Petrauskui`: a listed name with a case ending.
      if ((wordClass === 'unknown' || wordClass === 'shape') && inflectedName(w.lower, this.#reader.names)) {
        const next = this.#reader.next(w);
        // (`Piotrowi Mazurowi`: a surname after it in the same case, with the same ending.)
        const both =
          next &&
          isTitle(next.text) &&
          (inflectedName(next.lower, this.#reader.names) ||
            (next.lower.length >= 5 && next.lower.slice(-3) === w.lower.slice(-3)));
        skipUntil = this.#accept(w.start, both ? next : w);
        continue;
      }
      if (isNameLike(wordClass)) this.#undecided.push(w);
    }
  }

  /**
   * `Cem'e`, `Ayşe'nin`: Turkish writes a case ending after an apostrophe; the name is the listed word
   * before it (and so with the English possessive).
   */
  #withoutCaseEnding(raw: string): string {
    if (!raw.includes("'") && !raw.includes('’')) return raw;
    // `Hamid's home router`: the possessive of a listed given name is that name.
    const possessive = /^(\p{Lu}\p{Ll}+)['’]s$/u.exec(raw)?.[1];
    if (possessive && this.#reader.evidence.given(possessive.toLowerCase())) return possessive;
    const m = TURKISH_CASE_ENDING.exec(raw);
    return m?.[1] && this.#reader.evidence.given(m[1].toLowerCase()) ? m[1] : raw;
  }

  /** The end of the capitalised words in a row from `w` (`San Pablo Apóstol`, `Saint Vincent de Paul`). */
  #titledRunEnd(w: Word): number {
    let last = w;
    for (let next = this.#reader.next(w); next; next = this.#reader.next(next)) {
      const named = next.text === next.lower ? this.#reader.afterParticles(next) : next;
      if (!named || !isTitle(named.text)) break;
      last = named;
      next = named;
    }
    return last.end;
  }

  /**
   * Second pass over the words left undecided: a word of a name found elsewhere in the text
   * (`Chinonso … Chinonso Eze`), or a name right after `and` next to a found name.
   */
  #vouched(): void {
    if (this.#spans.length === 0 || this.#undecided.length === 0) return;
    const known = new Set<string>();
    for (const span of this.#spans) {
      for (const part of this.#reader.text.slice(span.start, span.end).split(/[\s.]+/)) {
        const word = makeWord(0, part);
        if (part.length > 1 && NAME_WORDS.has(this.#reader.evidence.classOf(word))) known.add(part);
      }
    }
    // Both lists are in text order: walk them together.
    const found = [...this.#spans];
    let next = 0;
    for (const w of this.#undecided) {
      while (next < found.length && (found[next]?.end ?? 0) <= w.start) next++;
      const current = found[next];
      if (current && current.start <= w.start) continue;
      const previous = found[next - 1];
      // (`S. Achebe, L. Barraclough`: an initial between the list's comma and the name.)
      const gap =
        previous === undefined
          ? ''
          : this.#reader.text.slice(previous.end, w.start).replace(INITIAL_AT_END, ' ');
      const joined = previous !== undefined && w.start - previous.end <= 9 && AND.test(gap);
      const mentioned = known.has(w.text);
      if (!mentioned && !joined) continue;
      const run = this.#reader.run(w);
      // `Bill King, Summer Brown`: a name in a list takes its surname as the list's first did.
      const last = (joined ? wordSurnameAfter(this.#reader, run) : undefined) ?? run.at(-1) ?? w;
      // `Kaiser Permanente and Aetna plans`: a lone word joined to a name must end the phrase to be one.
      const lone = run.length === 1 && this.#reader.evidence.classOf(w) === 'unknown';
      // (In other languages the verb after the pair is not known: `Otieno na Auma wamefaulu`.)
      const english =
        joined &&
        previous !== undefined &&
        /^(?:,\s*|\s+(?:and|or|&)\s+)$/.test(this.#reader.text.slice(previous.end, w.start));
      if (!mentioned && lone && english && !this.#endsPhrase(last) && !this.#verbFollows(last)) continue;
      this.#accept(w.start, last);
    }
    for (const w of wordsJoinedBefore(this.#reader, this.#spans, this.#undecided)) this.#accept(w.start, w);
  }

  /** `Thandiwe and Radomír swapped shifts`: a past-tense verb after the pair makes them its subjects. */
  #verbFollows(w: Word): boolean {
    const next = /^\s+(\p{Ll}+)/u.exec(this.#reader.text.slice(w.end, w.end + 20))?.[1];
    if (next === undefined || BUSINESS_NOUNS.has(next)) return false;
    return (
      this.#reader.names.finiteVerb(next) ||
      PERSON_AFTER.has(next) ||
      (next.endsWith('ed') && this.#reader.names.common(next))
    );
  }

  #endsPhrase(w: Word): boolean {
    const rest = this.#reader.text.slice(w.end, w.end + 16);
    const next = /^\s+(\p{Ll}+)/u.exec(rest)?.[1];
    return next === undefined ? /^\s*(?:[.,;:!?)]|$)/.test(rest) : PHRASE_END.has(next);
  }

  scan(): Span[] {
    this.#latin();
    this.#vouched();
    caselessNames(this.#reader, (start, last) => this.#accept(start, last));
    this.#spans.push(...detectCjkNames(this.#reader.text));
    this.#spans.push(...detectScriptNames(this.#reader.text));
    this.#spans.push(...labelledNames(this.#reader.text));
    this.#spans.push(...namesInColumns(this.#reader.text));
    this.#spans.push(...namesWithInitials(this.#reader.text));
    this.#spans.push(...detectRoleNames(this.#reader.text));
    this.#spans.push(...detectChatNames(this.#reader.text, this.#reader.names));
    this.#spans.push(...chatExportSenders(this.#reader.text));
    this.#spans.push(...lowerCaseNames(this.#reader.text, this.#reader.names));
    this.#spans.push(...signatureNames(this.#reader.text, this.#reader.names));
    this.#spans.push(...quotedNames(this.#reader.text));
    this.#spans.push(...detectLoginNames(this.#reader.text, this.#reader.names));
    this.#spans.push(...detectFormNames(this.#reader.text, this.#reader.evidence));
    const user = this.#reader.names.user;
    if (user) {
      user.lastIndex = 0;
      for (let m = user.exec(this.#reader.text); m; m = user.exec(this.#reader.text)) {
        this.#spans.push({ start: m.index, end: m.index + m[0].length, type: 'PERSON' });
      }
    }
    const spans = notNamesOfThings(this.#reader.text, this.#spans);
    return [...spans, ...namesByNeighbours(this.#reader.text, spans, this.#reader.names)];
  }
}

/**
 * Person names, by list and by evidence. The lists: given names from compromise's lexicon and
 * the shipped multilingual lists, extended over surnames; East Asian family-name-first forms; CJK
 * names before an honorific suffix (`田中さん`); the user's own list. The evidence, for names no
 * list knows: an honorific (`Dr. Okafor`, kept in the span), a cue before or after (`Dear …`,
 * `my colleague …`, `… said`, `…-san`, a speaker label), two name-like words in a row, a name
 * shape across languages, and a word of a name already found in the same text. Ordinary words,
 * places, organisations, months and weekdays are never a name on their own.
 */
export function detectPersons(text: string, names: NameLexicon): Span[] {
  return new PersonScanner(text, names).scan();
}
