import { labelledAsId } from './national-id.js';
import {
  DETERMINERS,
  INSTITUTION_LEADS,
  LANDMARK_NOUNS,
  LANDMARK_NOUNS_AFTER_FULL_NAME,
  LOWER_CASE_LANDMARK_NOUNS,
  PARTICLES,
  PERSON_AFTER,
  PERSON_BEFORE,
  PERSON_ONLY_VERBS,
  PERSON_VERBS,
  PLACE_NAMES,
  PLACE_NOUNS,
  TITLES_AFTER_NAME,
} from './name-context.js';
import { isNameLike, NameEvidence, STREET_WORD } from './name-evidence.js';
import { honorificBefore } from './name-honorific.js';
import { surnameAcross } from './name-extent.js';
import type { NameLexicon } from './name-lexicon.js';
import { JAPANESE_PLACE_SUFFIX } from './name-shape.js';
import { isTitle, nextWord, previousWord, type Word } from './name-words.js';

import {
  ABOUT,
  GREETINGS,
  PARTICLE_LEADS,
  PHRASE_END,
  PLACE_PREPOSITIONS,
  STRONG_PARTICLES,
  VOCATIVE_FOLLOWS,
} from './person-words.js';

/** Words right after `a Catalina` that are Romance, not English (`Llamar a Catalina al …`, `a Giulia e a Matteo`). */
const ROMANCE_FUNCTION_WORDS = new Set([
  'al',
  'del',
  'para',
  'per',
  'pour',
  'que',
  'con',
  'com',
  'e',
  'y',
  'et',
  'ho',
  'ha',
]);
const DOTTED_LEADS = new Set([
  'av',
  'im',
  'edif',
  'pl',
  'al',
  'ul',
  'ул',
  'вул',
  'пр',
  'просп',
  'пл',
  'бул',
  'str',
  'bd',
  'bul',
]);
const FEAST_WORDS = new Set(['día', 'dia', 'fiesta', 'festa', 'fête', 'noche', 'semana', 'feria']);

/** The letters of the scripts without capitals whose words are read against the lists (a regexp class's inside). */
export const CASELESS_LETTERS = String.raw`\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thaana}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Sinhala}\p{Script=Thai}\p{Script=Georgian}`;
const CASELESS_START = new RegExp(`^[${CASELESS_LETTERS}]`, 'u');
const isCaseless = (w: string) => CASELESS_START.test(w);
const WEEKDAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '));
const TITLE_DOT = /(?:^|[^\p{L}])(?:Mrs?|Ms|Mx|Dr)\.$/u;
const LONGEST_PARTICLE = Math.max(...[...PARTICLES].map((particle) => particle.length));
/** What ends a sentence or a line, or opens a quotation or an aside: the word after it opens one. */
const SENTENCE_BREAKS = '\n.!?:;"“(';

/**
 * A text as the person detector reads it: the words around a capitalised word and what they say
 * about it (a surname, a vocative, an honorific, a thing's name). Shared by name-extent.ts,
 * name-rules.ts and the scanner in person.ts.
 */
export class NameReader {
  readonly evidence: NameEvidence;
  /** Set by `run`: the last run had a name particle between its words (`Joris van der Linden`). */
  runHadNameParticle = false;

  constructor(
    readonly text: string,
    readonly names: NameLexicon,
  ) {
    this.evidence = new NameEvidence(text, names);
  }

  next(w: Word): Word | undefined {
    return nextWord(this.text, w);
  }

  surnameLike(w: Word): boolean {
    // `Ngozi Okafor I guess`: a single letter is an initial only with its dot (see PersonScanner's accept).
    if (w.text.length < 2) return false;
    // `Fr. Youkhana Sunday 10am`: a weekday or a month after a name is a date (`Sunday Adeyemi` starts one).
    if (WEEKDAYS.has(w.lower) && !this.names.family.has(w.lower)) return false;
    const known = this.names.family.has(w.lower) || this.evidence.given(w.lower);
    if (!isTitle(w.text) && !(isCaseless(w.text) && known)) return false;
    if (PLACE_NOUNS.has(w.lower) || TITLES_AFTER_NAME.has(w.lower) || STREET_WORD.test(w.lower)) return false;
    // `Atatürk Havalimanı'ndaki`, `Gandhi Maidan`: a landmark's noun ends the name it follows.
    if (LANDMARK_NOUNS.has(w.lower.replace(/['’]\p{L}+$/u, ''))) return false;
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
  lonePerson(w: Word, next: Word | undefined): boolean {
    if (next && PERSON_ONLY_VERBS.has(next.text)) return true;
    if (this.addressed(w)) return true;
    // `Hamid's home router`: a possessive before something only a person has.
    if (/^['’]s /.test(this.text.slice(w.end, w.end + 3)) && this.evidence.after(w, w) === 'strong')
      return true;
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
  addressed(w: Word): boolean {
    const after = this.text.slice(w.end, w.end + 24);
    // `Participant 3 (Luz): …`: a name in brackets after a role labels the speaker.
    if (this.text[w.start - 1] === '(' && /^\)\s*:/.test(after) && !this.names.place(w.lower)) return true;
    // `00:00:12 Frank: …`: after a time stamp a speaker label opens the turn.
    const stamped = /\d{1,2}:\d{2}(?::\d{2})?\]?\s+$/.test(
      this.text.slice(Math.max(0, w.start - 12), w.start),
    );
    const opener = this.sentenceOpener(w.start) || stamped;
    if (opener && /^:\s/.test(after) && this.evidence.after(w, w) === 'label')
      return this.evidence.utteranceAfter(w);
    if (opener && VOCATIVE_FOLLOWS.test(after)) return true;
    // `Johns Hopkins`, `Kaiser Permanente`: a listed institution named after people.
    const next = this.next(w);
    if (next && isTitle(next.text) && this.names.place(`${w.lower} ${next.lower}`)) return true;
    const prev = previousWord(this.text, w.start);
    return (
      prev !== undefined &&
      !/[\n.!?;]/.test(prev.gap) &&
      GREETINGS.has(prev.raw) &&
      /^(?:[,.!?:;)]|\s*$|\s+-|\s+\()/.test(after)
    );
  }

  /** A person's verb, a possessive or the end of the phrase right after `w`. */
  personFollows(w: Word): boolean {
    const rest = this.text.slice(w.end, w.end + 24);
    const next = /^\s+(\p{Ll}+)/u.exec(rest)?.[1];
    if (next === undefined) return /^(?:['’]s\b|\s*(?:[.,;:!?)]|$))/.test(rest);
    return PERSON_AFTER.has(next) || this.names.finiteVerb(next) || PHRASE_END.has(next) || ABOUT.has(next);
  }

  /** The word after one or two particles starting at `w` (`van der Linden`, `de la Peña`, `Ó Dálaigh`). */
  afterParticles(w: Word): Word | undefined {
    if (!PARTICLES.has(w.lower)) return undefined;
    const next = this.next(w);
    if (next && PARTICLES.has(next.lower) && !isTitle(next.text)) return this.next(next);
    return next;
  }

  /** Where an honorific right before `w` starts (`Dr.`, `Herr`, `Mme`, Greek `κ.`), or undefined. */
  honorificStart(w: Word, ordinary = false, particle = false): number | undefined {
    return honorificBefore(this.text, this.names, w, ordinary, particle);
  }

  /** `Gemma 3`, `Llama 3.3`, `Claude 2`: a name-like word right before a short number names a product. */
  productVersion(last: Word): boolean {
    // A run of five or more digits after a name is a record's number (`Njeri 27093315`), not a version,
    // unless the words are the number's label (`Cartão de Cidadão 19482199 …`, `TC'si 1234…`).
    if (this.text[last.end] !== ' ') return false;
    const after = this.text.slice(last.end, last.end + 7);
    // `Linde E20`, `Tata Ace`-like model codes: capitals and digits in one word.
    // (Not the start of an IBAN or a plate: `Hassan EG72 7051 …`.)
    const first = this.text.charCodeAt(last.end + 1);
    if (
      (first > 127 || (first >= 65 && first <= 90)) &&
      /^ \p{Lu}{1,3}-?\d{1,4}\p{Ll}?(?![\p{L}\d]| \d)/u.test(this.text.slice(last.end, last.end + 12))
    )
      return true;
    if (!/^ \d/.test(after)) return false;
    // (`Called Siosaia Fifita 3x`: a count of times, not a version; `Rawiri 021 555 8734`: a phone number.)
    if (/^ \d{1,2}x\b/.test(after)) return false;
    if (/^ \d{2,4}[ -]\d{3}[ -]?\d{3,4}(?!\d)/.test(this.text.slice(last.end, last.end + 16))) return false;
    return !/^ \d{5}/.test(after) || /['’]/.test(last.text) || labelledAsId(this.text, last.end + 1);
  }

  /** Set by `landmarkFollows`: where the landmark's name ends. */
  landmarkEnd = 0;

  /**
   * A road, an airport, an award … right after a name, perhaps after one or two capitalised words
   * (`Kwame Nkrumah Interchange`, `Jomo Kenyatta International Airport`): the name is the landmark's.
   * `Park`, `Hall`, `Bay` … are also surnames, so they count only after a name of two words or more.
   */
  landmarkFollows(start: number, last: Word): boolean {
    let next = this.next(last);
    if (next && this.text[last.end] === ' ' && LOWER_CASE_LANDMARK_NOUNS.has(next.text)) {
      this.landmarkEnd = next.end;
      return true;
    }
    const fullName = this.text.slice(start, last.end).includes(' ');
    for (let steps = 0; steps < 3 && next && isTitle(next.text); steps++) {
      // (`Atatürk Havalimanı'ndaki`: a Turkish case ending after the apostrophe.)
      const noun = next.lower.replace(/['’]\p{L}+$/u, '');
      if (LANDMARK_NOUNS.has(noun) || (fullName && LANDMARK_NOUNS_AFTER_FULL_NAME.has(noun))) {
        this.landmarkEnd = next.end;
        return true;
      }
      next = this.next(next);
    }
    return false;
  }

  /** `the Minato office`, `a Grace period`: after an article a lone name names a thing. */
  thingNamed(w: Word): boolean {
    const prev = previousWord(this.text, w.start);
    if (!prev || prev.gap !== ' ') return false;
    // `is this Marcus?`: a question about who is speaking.
    // `reported that Colin shared his login`: `that` joining a clause whose subject is the name.
    const verbAfter = /^ (\p{Ll}+)/u.exec(this.text.slice(w.end, w.end + 20))?.[1];
    if (prev.raw === 'that' && verbAfter !== undefined && this.names.finiteVerb(verbAfter)) return false;
    if (
      (prev.raw === 'this' || prev.raw === 'that') &&
      /(?:^|[^\p{L}])(?:is|was)\s+$/u.test(this.text.slice(Math.max(0, prev.word.start - 5), prev.word.start))
    )
      return false;
    // `the Kamau family reunion`: a family is a family of persons.
    if (/^ famil(?:y|ies)\b/.test(this.text.slice(w.end, w.end + 10))) return false;
    // `chiedere a Alessandro chi guidava`, `Escribile a Facundo:`: Romance `a` (to) before a name and a word
    // that is no English one, or the end of the phrase.
    if (prev.raw === 'a' && this.evidence.classOf(w) === 'given') {
      const next = /^\s+(\p{Ll}+)/u.exec(this.text.slice(w.end, w.end + 24))?.[1];
      if (
        next === undefined
          ? /^\s*[:,;.!?)]/.test(this.text.slice(w.end, w.end + 3))
          : !this.names.common(next)
      )
        return false;
      if (next !== undefined && ROMANCE_FUNCTION_WORDS.has(next)) return false;
    }
    return (
      DETERMINERS.has(prev.raw) ||
      PLACE_PREPOSITIONS.has(prev.raw) ||
      (isTitle(prev.word.text) && this.names.place(`${prev.raw} ${w.lower}`))
    );
  }

  /** Name-like words in a row from `w` (up to four, particles between them allowed). */
  run(w: Word): Word[] {
    const run = [w];
    let last = w;
    this.runHadNameParticle = false;
    while (run.length < 4) {
      const across = surnameAcross(this, last);
      if (across) {
        run.push(across);
        last = across;
        continue;
      }
      const next = this.next(last);
      if (!next) break;
      if (this.text[last.end] !== '-' && isNameLike(this.evidence.classOf(next))) {
        run.push(next);
        last = next;
        continue;
      }
      const after = this.afterParticles(next);
      if (after && isNameLike(this.evidence.classOf(after))) {
        // Any particle between the words counts. (This once also asked whether the particle was one
        // only names have, but an `||` with a comparison of two separately made word objects made it
        // always true; the rules were tuned with that, and words are now shared, so it is written out.)
        this.runHadNameParticle = true;
        run.push(after);
        last = after;
        continue;
      }
      break;
    }
    return run;
  }

  /** Is the word at `at` the first of a sentence or line (no word before it to give a cue)? */
  sentenceOpener(at: number): boolean {
    let i = at;
    while (i > 0 && this.text[i - 1] === ' ') i--;
    if (i === 0) return true;
    const mark = this.text[i - 1] ?? ' ';
    // `Mr. Baker`: the dot of a title ends no sentence.
    // (Each title ends in `r`, `s` or `x`: other dots are looked at no further.)
    const letter = this.text[i - 2];
    if (mark === '.' && (letter === 'r' || letter === 's' || letter === 'x')) {
      if (TITLE_DOT.test(this.text.slice(Math.max(0, i - 5), i))) return false;
    }
    return SENTENCE_BREAKS.includes(mark);
  }

  /**
   * A surname after its particle alone (`to van Dijk`, `with de Vries`): `van`, `von`, `ter` are
   * enough; particles that are also articles (`de`, `da`, `le`) only after a word that introduces a person.
   */
  particleSurname(w: Word, strongOnly = false): boolean {
    // Cheap look at the word before first: most capitalised words have no particle before them.
    if (this.text[w.start - 1] !== ' ') return false;
    const space = this.text.lastIndexOf(' ', w.start - 2);
    if (w.start - 2 - space > LONGEST_PARTICLE || !PARTICLES.has(this.text.slice(space + 1, w.start - 1)))
      return false;
    if (!/^\p{Lu}\p{Ll}/u.test(w.text)) return false;
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

  /**
   * The capitalised word after a lead word, which starts a place's or an institution's name, not a
   * person's: `San Pablo`, `Mount Sinai`, `St. Thomas' Hospital`, `Farmacia Guadalupe`, `Avenida Juárez`.
   */
  leadsInstitution(w: Word): Word | undefined {
    // `el Día de la Hispanidad`, `Festa de São João`: a day or a feast of something.
    if (FEAST_WORDS.has(w.lower) && /^ d[eoa]/.test(this.text.slice(w.end, w.end + 3))) {
      const particle = this.next(w);
      return particle && this.afterParticles(particle);
    }
    if (!INSTITUTION_LEADS.has(w.lower)) {
      // `rue Victor Hugo`, `aeropuerto Arturo Merino Benítez`, `im. Marii Konopnickiej`: after a lead in lower case.
      const previous = previousWord(this.text, w.start);
      if (!previous || !/^\.? $/.test(previous.gap)) return undefined;
      // (`Av. Javier Prado`, `im. Marii`: abbreviations that are words of their own without the dot.)
      const lead = DOTTED_LEADS.has(previous.raw)
        ? previous.gap === '. '
        : INSTITUTION_LEADS.has(previous.raw);
      return lead ? w : undefined;
    }
    const next = this.text[w.end] === '.' ? nextWord(this.text, { ...w, end: w.end + 1 }) : this.next(w);
    // `Café de Flore`, `Gare du Nord`: a particle in lower case between the lead and the name.
    const named =
      next && next.text === next.lower && PARTICLES.has(next.lower) ? this.afterParticles(next) : next;
    return named !== undefined && isTitle(named.text) ? named : undefined;
  }

  /** `Johns Hopkins`, `Kaiser Permanente`, `Sri Lanka`: the first word of a listed two-word place. */
  startsListedPlace(w: Word): boolean {
    // Cheap look first: a listed place's second word follows after one space, capitalised.
    const second = this.text.charCodeAt(w.end + 1);
    if (this.text[w.end] !== ' ' || !(second >= 65 && second <= 90)) return false;
    const next = this.next(w);
    return next !== undefined && isTitle(next.text) && this.names.place(`${w.lower} ${next.lower}`);
  }
}
