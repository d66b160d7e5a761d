import type { Span } from '../types.js';
import {
  BUSINESS_NOUNS,
  DETERMINERS,
  EAST_ASIAN_FAMILY,
  HONORIFICS,
  KOREAN_GIVEN,
  PARTICLES,
  PERSON_AFTER,
  PERSON_BEFORE,
  PERSON_VERBS,
  PINYIN_LIKE,
  PLACE_NAMES,
  PLACE_NOUNS,
  SPEECH_VERBS,
  VIETNAMESE_MIDDLE,
} from './name-context.js';
import { detectChatNames } from './name-chat.js';
import { detectCjkNames } from './name-cjk.js';
import { isNameLike, NameEvidence, NAMING_CUES } from './name-evidence.js';
import { CALENDAR, type NameLexicon } from './name-lexicon.js';
import { JAPANESE_PLACE_SUFFIX } from './name-shape.js';
import { isLetterCode, isTitle, makeWord, nextWord, previousWord, type Word } from './name-words.js';
import {
  ABOUT,
  AND,
  GREETINGS,
  NAME_PARTICLES,
  NAME_WORDS,
  PARTICLE_LEADS,
  PHRASE_END,
  PLACE_PREPOSITIONS,
  STRONG_PARTICLES,
  VOCATIVE_FOLLOWS,
} from './person-words.js';
import { LETTERS, UPPER_START } from './util.js';

const isCaseless = (w: string) => /^[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(w);

/** Capitalised words are the only places a name can start (caseless scripts aside). */
const CAPITALISED = new RegExp(
  `(?<![${LETTERS}'’-])[${UPPER_START}][${LETTERS}]*(?:[-'’][${LETTERS}]+)*`,
  'g',
);
const CASELESS_WORD = /[\p{Script=Arabic}\p{Script=Hebrew}]+/gu;
const HAS_CASELESS = /[\u0590-\u06ff]/;
const HAS_CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

class PersonScanner {
  readonly #spans: Span[] = [];
  readonly #evidence: NameEvidence;
  /** Name-like words no rule accepted on the first pass: a later name may vouch for them. */
  readonly #undecided: Word[] = [];
  /** Set by #run: the last run had a name particle between its words. */
  #particleInRun = false;

  constructor(
    private readonly text: string,
    private readonly names: NameLexicon,
  ) {
    this.#evidence = new NameEvidence(text, names);
  }

  #next(w: Word): Word | undefined {
    return nextWord(this.text, w);
  }

  #surnameLike(w: Word): boolean {
    // `Ngozi Okafor I guess`: a single letter is an initial only with its dot (see #accept).
    if (w.text.length < 2) return false;
    const known = this.names.family.has(w.lower) || this.#evidence.given(w.lower);
    if (!isTitle(w.text) && !(isCaseless(w.text) && known)) return false;
    if (PLACE_NOUNS.has(w.lower)) return false;
    if (known) return true;
    const lower = w.lower;
    return (
      !this.names.common(lower) &&
      !this.names.place(lower) &&
      !this.names.ambiguous.has(lower) &&
      !JAPANESE_PLACE_SUFFIX.test(lower) &&
      w.text.length > 1
    );
  }

  /**
   * A lone given name that is also a word or a place. compromise's tagger would judge it in
   * context but costs milliseconds a sentence, far over the scrub budget, so cheap context decides.
   */
  #lonePerson(w: Word, next: Word | undefined): boolean {
    if (next && SPEECH_VERBS.has(next.text)) return true;
    if (this.#addressed(w)) return true;
    if (PLACE_NAMES.has(w.lower) || this.names.place(w.lower)) return false;
    const nextIsVerb = next !== undefined && PERSON_VERBS.has(next.text);
    const prev = previousWord(this.text, w.start);
    if (!prev || /[.!?\n:;]/.test(prev.gap)) return nextIsVerb;
    // `the Rose Garden`, `Amazing Grace`: an article or a capitalised word before it makes it a thing's name.
    return !DETERMINERS.has(prev.word.lower) && !isTitle(prev.word.text);
  }

  /**
   * A given name used to address or introduce someone, even one that is also a word or a place:
   * a speaker label (`Chelsea: the courier…`), a vocative opening a request (`Hope, can you…`) or
   * closing a thanks or greeting (`Thanks, Will.`, `Hi Victoria,`).
   */
  #addressed(w: Word): boolean {
    const after = this.text.slice(w.end, w.end + 24);
    const opener = this.#sentenceOpener(w.start);
    if (opener && /^:\s/.test(after) && this.#evidence.after(w, w) === 'label')
      return this.#evidence.utteranceAfter(w);
    if (opener && VOCATIVE_FOLLOWS.test(after)) return true;
    const prev = previousWord(this.text, w.start);
    return (
      prev !== undefined &&
      !/[\n.!?;]/.test(prev.gap) &&
      GREETINGS.has(prev.raw) &&
      /^(?:[,.!?:;)]|\s*$|\s+-)/.test(after)
    );
  }

  /** A person's verb, a possessive or the end of the phrase right after `w`. */
  #personFollows(w: Word): boolean {
    const rest = this.text.slice(w.end, w.end + 24);
    const next = /^\s+(\p{Ll}+)/u.exec(rest)?.[1];
    if (next === undefined) return /^(?:['’]s\b|\s*(?:[.,;:!?)]|$))/.test(rest);
    return PERSON_AFTER.has(next) || this.names.finiteVerb(next) || PHRASE_END.has(next) || ABOUT.has(next);
  }

  /** Family name first, then given-name syllables: `Wang Wei`, `Kim Min-jun`, `Nguyen Van An`. */
  #eastAsianName(w: Word): Word | undefined {
    if (!EAST_ASIAN_FAMILY.has(w.lower)) return undefined;
    let last = w;
    for (let count = 0; count < 3; count++) {
      const next = this.#next(last);
      if (!next || !isTitle(next.text) || PLACE_NOUNS.has(next.lower)) break;
      const nl = next.lower;
      const ok =
        KOREAN_GIVEN.test(next.text) ||
        this.#evidence.given(nl) ||
        VIETNAMESE_MIDDLE.has(nl) ||
        (PINYIN_LIKE.test(nl) && (count > 0 || !this.names.common(nl)));
      if (!ok) break;
      last = next;
    }
    return last === w ? undefined : last;
  }

  /** Extends a name forward over surnames and particles (`Ludwig van Beethoven`, `Maria García López`). */
  #extend(first: Word): Word {
    let last = first;
    for (let count = 0; count < 3; count++) {
      const next = this.#next(last);
      if (!next) break;
      if (this.#surnameLike(next)) {
        last = next;
        continue;
      }
      // `Tim Cook's team`: an ordinary word as the last word of a name after a given name.
      if (
        count <= 1 &&
        this.#evidence.classOf(first) === 'given' &&
        next.text.length > 1 &&
        isTitle(next.text) &&
        this.names.common(next.lower) &&
        !PLACE_NOUNS.has(next.lower) &&
        !this.names.place(next.lower) &&
        /^(?:['’]s\b|\s+\p{Ll}|[,.;:!?)]|$)/u.test(this.text.slice(next.end, next.end + 3))
      ) {
        last = next;
        break;
      }
      // `Thiago Albuquerque Nogueira`: a place's name between two names is a surname too.
      const then = this.names.place(next.lower) && isTitle(next.text) ? this.#next(next) : undefined;
      if (then && this.#surnameLike(then) && !this.names.place(then.lower)) {
        last = then;
        count++;
        continue;
      }
      const after = this.#afterParticles(next);
      if (after && isTitle(after.text) && !PLACE_NOUNS.has(after.lower)) {
        last = after;
        count++;
        continue;
      }
      break;
    }
    return last;
  }

  /** The word after one or two particles starting at `w` (`van der Linden`, `de la Peña`, `Ó Dálaigh`). */
  #afterParticles(w: Word): Word | undefined {
    if (!PARTICLES.has(w.lower)) return undefined;
    const next = this.#next(w);
    if (next && PARTICLES.has(next.lower) && !isTitle(next.text)) return this.#next(next);
    return next;
  }

  /**
   * Where a found name really starts: over a given name right before it (`Sunday Adeyemi`),
   * lower-case particles (`van den Berg`) and initials (`K. Raghunathan`, `Md. Rafiqul`).
   */
  #startOf(w: Word): number {
    let start = w.start;
    for (let steps = 0; steps < 3; steps++) {
      const prev = previousWord(this.text, start);
      if (!prev) break;
      const word = prev.word;
      // `la demande de Chloé Martin`: a particle comes before a surname, never before a given name.
      const given = steps === 0 && !STRONG_PARTICLES.has(prev.raw) && this.#evidence.classOf(w) === 'given';
      if (prev.gap === ' ' && PARTICLES.has(prev.raw) && !isTitle(word.text) && !given) {
        start = word.start;
        continue;
      }
      if (/^\.\s?$/.test(prev.gap) && /^\p{Lu}$/u.test(word.text)) {
        start = word.start;
        continue;
      }
      if (prev.gap === ' ' && steps === 0 && isTitle(word.text)) {
        const wordClass = this.#evidence.classOf(word);
        if (wordClass === 'given' || wordClass === 'ambiguousGiven') {
          start = word.start;
          continue;
        }
      }
      break;
    }
    return start;
  }

  /** Where an honorific right before `w` starts (`Dr.`, `Herr`, `Mme`), or undefined. */
  #honorificStart(w: Word, ordinary = false): number | undefined {
    let end = w.start;
    for (let spaces = 0; spaces < 2 && this.text[end - 1] === ' '; spaces++) end--;
    if (end === w.start) return undefined;
    if (this.text[end - 1] === '.') end--;
    let start = end;
    while (start > 0 && end - start < 12 && isLetterCode(this.text.charCodeAt(start - 1))) start--;
    if (start === end || (start > 0 && isLetterCode(this.text.charCodeAt(start - 1)))) return undefined;
    const before = this.text.slice(start, end);
    if (
      !isTitle(before) ||
      !HONORIFICS.has(before.toLowerCase()) ||
      (!ordinary && this.names.common(w.lower))
    )
      return undefined;
    // `Dr. Oetker pizzas`: a plural noun right after makes it a brand.
    const next = /^ (\p{Ll}+s)\b/u.exec(this.text.slice(w.end, w.end + 24))?.[1];
    if (next && this.names.common(next) && !this.names.finiteVerb(next) && !this.names.verbOrPlural(next))
      return undefined;
    // `Sri Lanka`, `St Albans`: an honorific-like word that starts a place's name.
    const place = this.names.place(w.lower) || this.names.place(`${before.toLowerCase()} ${w.lower}`);
    return place ? undefined : start;
  }

  /** The names the lists know: a given name, a listed family name next to a given name, East Asian order. */
  /** `Gemma 3`, `Llama 3.3`, `Claude 2`: a name-like word right before a number names a product. */
  #productVersion(last: Word): boolean {
    return /^ \d/.test(this.text.slice(last.end, last.end + 2));
  }

  #byLexicon(w: Word): Word | undefined {
    const eastAsian = this.#eastAsianName(w);
    if (eastAsian) return eastAsian;
    const given = this.#evidence.given(w.lower);
    if (!given && !this.names.family.has(w.lower)) return undefined;
    const next = this.#next(w);
    // `Kaiser Permanente`, `Sri Lanka`: a name-like word that starts a known place or company.
    if (next && this.names.place(`${w.lower} ${next.lower}`)) return undefined;
    // `11 Jan`, `3 May`: a month after a day.
    if (CALENDAR.has(w.lower) && /\d\s$/.test(this.text.slice(Math.max(0, w.start - 2), w.start)))
      return undefined;
    if (given && !this.names.ambiguous.has(w.lower)) return this.#extend(w);
    if (
      given &&
      next &&
      this.#surnameLike(next) &&
      (this.names.family.has(next.lower) || !this.names.ambiguous.has(next.lower))
    ) {
      return this.#extend(w);
    }
    if (given && this.#lonePerson(w, next)) return w;
    if (
      this.names.family.has(w.lower) &&
      next &&
      isTitle(next.text) &&
      this.#evidence.given(next.lower) &&
      !this.names.ambiguous.has(next.lower)
    ) {
      return this.#extend(w);
    }
    return undefined;
  }

  /** `the Minato office`, `a Grace period`: after an article a lone name names a thing. */
  #thingNamed(w: Word): boolean {
    const prev = previousWord(this.text, w.start);
    if (!prev || prev.gap !== ' ') return false;
    return (
      DETERMINERS.has(prev.raw) ||
      PLACE_PREPOSITIONS.has(prev.raw) ||
      (isTitle(prev.word.text) && this.names.place(`${prev.raw} ${w.lower}`))
    );
  }

  /** Name-like words in a row from `w` (up to four, particles between them allowed). */
  #run(w: Word): Word[] {
    const run = [w];
    let last = w;
    this.#particleInRun = false;
    while (run.length < 4) {
      const next = this.#next(last);
      if (!next) break;
      if (this.text[last.end] !== '-' && isNameLike(this.#evidence.classOf(next))) {
        run.push(next);
        last = next;
        continue;
      }
      const after = this.#afterParticles(next);
      if (after && isNameLike(this.#evidence.classOf(after))) {
        this.#particleInRun ||= NAME_PARTICLES.has(next.lower) || this.#next(next) !== after;
        run.push(after);
        last = after;
        continue;
      }
      break;
    }
    return run;
  }

  /**
   * Names no list knows, by evidence: a cue before or after (`Dear …`, `spoke with …`, `… said`, a
   * speaker label), or a second clue (two name-like words in a row, a name shape, a listed family name).
   */
  #byEvidence(w: Word): Word | undefined {
    const evidence = this.#evidence;
    if (!isNameLike(evidence.classOf(w))) return this.#ordinaryWordNamed(w);
    const run = this.#run(w);
    const last = run.at(-1) ?? w;
    if (evidence.placeFollows(last) || this.#productVersion(last)) return undefined;
    if (run.length > 1 && this.names.place(run.map((word) => word.lower).join(' '))) return undefined;
    const before = evidence.before(w);
    // `in Lekki`, `in Gulshan asked`: after a place preposition a lone word is a place, whatever follows.
    if (before === 'block' && run.length === 1) return undefined;
    // `Hollis & Ward`: a firm's name.
    if (/^\s*&/.test(this.text.slice(last.end, last.end + 3))) return undefined;
    if (before === 'strong') return last;
    if (this.#particleSurname(w) && run.some((word) => evidence.classOf(word) !== 'ambiguousGiven'))
      return last;
    const after = evidence.after(w, last);
    if (after === 'block') return undefined;
    if (after === 'strong') return last;
    const classes = run.map((word) => evidence.classOf(word));
    // A name particle between two name-like words (`Cormac Ó Dálaigh`, `Joris van der Linden`) is a clue.
    const clue = this.#particleInRun || classes.some((c) => c === 'given' || c === 'family' || c === 'shape');
    const ordinary = classes.length === 1 && classes[0] === 'ambiguousGiven';
    if (before === 'label' && !ordinary) return last;
    if (after === 'label' && !ordinary && (clue || run.length > 1 || evidence.utteranceAfter(last)))
      return last;
    // `in Lekki`, `the Minato office`: a place or a thing, unless several name-like words say otherwise.
    if (before === 'block' && !clue) return undefined;
    if ((before === 'weak' || after === 'weak') && (clue || run.length > 1)) return last;
    if (after === 'weakVerb' && classes.some((c) => c === 'given' || c === 'family')) return last;
    if (run.length > 1 && clue) return last;
    // Two unknown capitalised words mid-sentence, not the tail of a longer proper noun (`Ang Mo Kio`).
    if (run.length > 1 && !evidence.sentenceStart(w) && !evidence.capitalisedBefore(w)) {
      return run.every((word) => word.text.length > 2) ? last : undefined;
    }
    return undefined;
  }

  /**
   * An ordinary word is a name only when the text says so outright: after a naming cue (`use the
   * name Kit`), or first of a name after a strong cue (`logged by Peregrine Ashby`).
   */
  /** Is the word at `at` the first of a sentence or line (no word before it to give a cue)? */
  #sentenceOpener(at: number): boolean {
    let i = at;
    while (i > 0 && this.text[i - 1] === ' ') i--;
    return i === 0 || /[\n.!?:;"“(]/.test(this.text[i - 1] ?? '');
  }

  #ordinaryWordNamed(w: Word): Word | undefined {
    if (this.#sentenceOpener(w.start)) return undefined;
    const prev = previousWord(this.text, w.start);
    if (!prev || /[\n.!?;]/.test(prev.gap) || this.names.place(w.lower)) return undefined;
    if (NAMING_CUES.has(prev.raw)) return w;
    const next = this.#next(w);
    if (
      !next ||
      !isNameLike(this.#evidence.classOf(next)) ||
      this.#evidence.classOf(next) === 'ambiguousGiven'
    )
      return undefined;
    return this.#evidence.before(w) === 'strong' ? this.#run(next).at(-1) : undefined;
  }

  #accept(start: number, last: Word): number {
    // `Maria G.`: an initial standing for the surname ends the name.
    const after = this.text.slice(last.end, last.end + 4);
    const initial =
      /^ \p{Lu}\.(?=$|[,;:!?)]|\s+(?!\p{Lu}))/u.exec(after)?.[0] ??
      (/^\p{Lu}$/u.test(last.text) && after.startsWith('.') ? '.' : '');
    let end = last.end + initial.length;
    // `Chinedu I. Okafor`: a middle initial, then the surname.
    const surname = initial.endsWith('.')
      ? /^ ([\p{Lu}][\p{L}'’-]+)/u.exec(this.text.slice(end, end + 40))
      : null;
    if (surname?.[1] && isNameLike(this.#evidence.classOfText(surname[1]))) end += surname[0].length;
    const first = makeWord(start, /^[\p{L}'’-]*/u.exec(this.text.slice(start, start + 40))?.[0] ?? '');
    this.#spans.push({ start: this.#startOf(first), end, type: 'PERSON' });
    return end;
  }

  /**
   * A surname after its particle alone (`to van Dijk`, `with de Vries`): `van`, `von`, `ter` are
   * enough; particles that are also articles (`de`, `da`, `le`) only after a word that introduces a person.
   */
  #particleSurname(w: Word, strongOnly = false): boolean {
    // Cheap look at the word before first: most capitalised words have no particle before them.
    if (!/^\p{Lu}\p{Ll}/u.test(w.text)) return false;
    const space = this.text.lastIndexOf(' ', w.start - 2);
    if (this.text[w.start - 1] !== ' ' || !PARTICLES.has(this.text.slice(space + 1, w.start - 1)))
      return false;
    const prev = previousWord(this.text, w.start);
    if (!prev || prev.gap !== ' ' || isTitle(prev.word.text) || !PARTICLES.has(prev.raw)) return false;
    let particle = prev.word;
    let lead = previousWord(this.text, particle.start);
    if (lead && lead.gap === ' ' && PARTICLES.has(lead.raw) && !isTitle(lead.word.text)) {
      particle = lead.word;
      lead = previousWord(this.text, particle.start);
    }
    const before = lead && lead.gap === ' ' ? lead.raw : undefined;
    if (before && DETERMINERS.has(before)) return false;
    if (STRONG_PARTICLES.has(particle.lower)) return true;
    return !strongOnly && before !== undefined && (PERSON_BEFORE.has(before) || PARTICLE_LEADS.has(before));
  }

  /** Every capitalised word: the lists first, then an honorific, then the evidence around it. */
  #latin(): void {
    CAPITALISED.lastIndex = 0;
    let skipUntil = 0;
    for (let m = CAPITALISED.exec(this.text); m; m = CAPITALISED.exec(this.text)) {
      if (m.index < skipUntil) continue;
      const raw = m[0];
      const bare = raw.endsWith("'s") || raw.endsWith('’s') ? raw.slice(0, -2) : raw;
      // Most capitalised words open a sentence and are ordinary words: nothing more to ask.
      const opener = this.#sentenceOpener(m.index);
      if (
        opener &&
        this.#evidence.classOfText(bare) === 'common' &&
        !EAST_ASIAN_FAMILY.has(bare.toLowerCase())
      )
        continue;
      const w = makeWord(m.index, raw);
      const wordClass = this.#evidence.classOf(w);
      if (wordClass === 'common' && !EAST_ASIAN_FAMILY.has(w.lower)) {
        // `Mr Butt asked`: after an honorific an ordinary word is a surname when a person's verb or the end follows.
        // `to van der Berg`: after van/von/ter even an ordinary word is a surname.
        if (this.#particleSurname(w, true)) {
          skipUntil = this.#accept(w.start, w);
          continue;
        }
        const titled = this.#honorificStart(w, true);
        if (titled !== undefined && !HONORIFICS.has(w.lower) && this.#personFollows(w)) {
          skipUntil = this.#accept(titled, w);
          continue;
        }
        const named = this.#ordinaryWordNamed(w);
        if (named) skipUntil = this.#accept(w.start, named);
        continue;
      }
      const honorific = this.#honorificStart(w);
      const lexical = this.#byLexicon(w);
      const thing =
        lexical === w && honorific === undefined && (this.#thingNamed(w) || this.#productVersion(w));
      if (lexical && !thing) {
        skipUntil = this.#accept(honorific ?? w.start, lexical);
        continue;
      }
      if (honorific !== undefined) {
        skipUntil = this.#accept(honorific, this.#extend(w));
        continue;
      }
      const evident = this.#byEvidence(w);
      if (evident) {
        skipUntil = this.#accept(w.start, evident);
        continue;
      }
      if (isNameLike(wordClass)) this.#undecided.push(w);
    }
  }

  /**
   * Second pass over the words left undecided: a word of a name found elsewhere in the text
   * (`Chinonso … Chinonso Eze`), or a name right after `and` next to a found name.
   */
  #vouched(): void {
    if (this.#spans.length === 0 || this.#undecided.length === 0) return;
    const known = new Set<string>();
    for (const span of this.#spans) {
      for (const part of this.text.slice(span.start, span.end).split(/[\s.]+/)) {
        const word = makeWord(0, part);
        if (part.length > 1 && NAME_WORDS.has(this.#evidence.classOf(word))) known.add(part);
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
      const joined =
        previous !== undefined &&
        w.start - previous.end <= 6 &&
        AND.test(this.text.slice(previous.end, w.start));
      const mentioned = known.has(w.text);
      if (!mentioned && !joined) continue;
      const run = this.#run(w);
      const last = run.at(-1) ?? w;
      // `Kaiser Permanente and Aetna plans`: a lone word joined to a name must end the phrase to be one.
      const lone = run.length === 1 && this.#evidence.classOf(w) === 'unknown';
      if (!mentioned && lone && !this.#endsPhrase(last) && !this.#verbFollows(last)) continue;
      this.#accept(w.start, last);
    }
  }

  /** `Thandiwe and Radomír swapped shifts`: a past-tense verb after the pair makes them its subjects. */
  #verbFollows(w: Word): boolean {
    const next = /^\s+(\p{Ll}+)/u.exec(this.text.slice(w.end, w.end + 20))?.[1];
    if (next === undefined || BUSINESS_NOUNS.has(next)) return false;
    return (
      this.names.finiteVerb(next) ||
      PERSON_AFTER.has(next) ||
      (next.endsWith('ed') && this.names.common(next))
    );
  }

  #endsPhrase(w: Word): boolean {
    const rest = this.text.slice(w.end, w.end + 16);
    const next = /^\s+(\p{Ll}+)/u.exec(rest)?.[1];
    return next === undefined ? /^\s*(?:[.,;:!?)]|$)/.test(rest) : PHRASE_END.has(next);
  }

  #caseless(): void {
    CASELESS_WORD.lastIndex = 0;
    let skipUntil = 0;
    for (let m = CASELESS_WORD.exec(this.text); m; m = CASELESS_WORD.exec(this.text)) {
      if (m.index < skipUntil) continue;
      const w = makeWord(m.index, m[0]);
      if (!this.names.given.has(w.lower)) continue;
      let last = w;
      for (let next = this.#next(w); next && this.#surnameLike(next); next = this.#next(next)) last = next;
      skipUntil = this.#accept(w.start, last);
    }
  }

  scan(): Span[] {
    this.#latin();
    this.#vouched();
    if (HAS_CASELESS.test(this.text)) this.#caseless();
    if (HAS_CJK.test(this.text)) this.#spans.push(...detectCjkNames(this.text));
    this.#spans.push(...detectChatNames(this.text, this.names));
    const user = this.names.user;
    if (user) {
      user.lastIndex = 0;
      for (let m = user.exec(this.text); m; m = user.exec(this.text)) {
        this.#spans.push({ start: m.index, end: m.index + m[0].length, type: 'PERSON' });
      }
    }
    return this.#spans;
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
