import { BUSINESS_NOUNS, PERSON_BEFORE, PERSON_BEFORE_PAIRS } from './name-context.js';
import { CALENDAR } from './name-lexicon.js';
import { isNameLike, NAMING_CUES, type WordClass } from './name-evidence.js';
import { eastAsianName, extend } from './name-extent.js';
import type { NameReader } from './name-reader.js';
import { isTitle, previousWord, type Word } from './name-words.js';

/** The two ways a capitalised word starts a name: the lists know it, or the text around it says so. */

/** The names the lists know: a given name, a listed family name next to a given name, East Asian order. */
export function byLexicon(r: NameReader, w: Word, wordClass: WordClass): Word | undefined {
  const eastAsian = eastAsianName(r, w);
  if (eastAsian) return eastAsian;
  // The word's class tells what the lists said (see NameEvidence's classify): an unknown or name-shaped
  // word is neither a listed given name nor a listed family name (the commonest case); a given name's
  // class is given only to listed given names, a family name's only to words no given name.
  if (wordClass === 'unknown' || wordClass === 'shape') return undefined;
  const given =
    wordClass === 'given' || wordClass === 'ambiguousGiven'
      ? true
      : wordClass !== 'family' && r.evidence.given(w.lower);
  if (!given && !r.names.family.has(w.lower)) return undefined;
  const next = r.next(w);
  // `Kia ora Aroha`: the first word of a greeting.
  if (next && !isTitle(next.text) && PERSON_BEFORE_PAIRS.has(`${w.lower} ${next.lower}`)) return undefined;
  // `Kaiser Permanente`, `Sri Lanka`: a name-like word that starts a known place or company.
  if (next && r.names.place(`${w.lower} ${next.lower}`)) return undefined;
  // `11 Jan`, `3 May`: a month after a day.
  if (CALENDAR.has(w.lower) && /\d\s$/.test(r.text.slice(Math.max(0, w.start - 2), w.start)))
    return undefined;
  if (given && !r.names.ambiguous.has(w.lower)) {
    const last = extend(r, w);
    return last === w && r.evidence.streetFollows(w) ? undefined : last;
  }
  if (
    given &&
    next &&
    r.surnameLike(next) &&
    (r.names.family.has(next.lower) || !r.names.ambiguous.has(next.lower))
  ) {
    return extend(r, w);
  }
  // `Jan de Vries`: a given name that is also a word, before a particle and a capitalised family name.
  const particled = given && next && !isTitle(next.text) ? r.afterParticles(next) : undefined;
  if (particled && isTitle(particled.text) && !r.names.place(particled.lower)) return extend(r, w);
  if (given && r.lonePerson(w, next))
    return (r.evidence.before(w) === 'strong' ? wordSurnameAfter(r, [w]) : undefined) ?? w;
  if (
    r.names.family.has(w.lower) &&
    next &&
    isTitle(next.text) &&
    r.evidence.given(next.lower) &&
    !r.names.ambiguous.has(next.lower)
  ) {
    return extend(r, w);
  }
  return undefined;
}

/**
 * Names no list knows, by evidence: a cue before or after (`Dear …`, `spoke with …`, `… said`, a
 * speaker label), or a second clue (two name-like words in a row, a name shape, a listed family name).
 */
export function byEvidence(r: NameReader, w: Word, wordClass: WordClass): Word | undefined {
  const evidence = r.evidence;
  if (!isNameLike(wordClass)) return ordinaryWordNamed(r, w);
  const run = r.run(w);
  const last = run.at(-1) ?? w;
  if (evidence.placeFollows(last)) return undefined;
  const named = runNamed(r, w, run, last);
  // `Gemma 3`: asked last, as a long number after the run has its label read (costly, and rarely needed).
  return named && !r.productVersion(last) ? named : undefined;
}

/** The evidence around a run of name-like words (see `byEvidence`): its last word if it names a person. */
function runNamed(r: NameReader, w: Word, run: Word[], last: Word): Word | undefined {
  const evidence = r.evidence;
  if (run.length > 1 && r.names.place(run.map((word) => word.lower).join(' '))) return undefined;
  const before = evidence.before(w);
  // `in Lekki`, `in Gulshan asked`: after a place preposition a lone word is a place, whatever follows.
  if (before === 'block' && run.length === 1) return undefined;
  // `Hollis & Ward`: a firm's name.
  if (/^\s*&/.test(r.text.slice(last.end, last.end + 3))) return undefined;
  if (before === 'strong') return wordSurnameAfter(r, run) ?? last;
  const classes = run.map((word) => evidence.classOf(word));
  if (r.particleSurname(w) && classes.some((c) => c !== 'ambiguousGiven')) return last;
  const after = evidence.after(w, last);
  if (after === 'block') return undefined;
  if (after === 'strong') return last;
  // A name particle between two name-like words (`Cormac Ó Dálaigh`, `Joris van der Linden`) is a clue.
  const clue = r.runHadNameParticle || classes.some((c) => c === 'given' || c === 'family' || c === 'shape');
  const ordinary = classes.length === 1 && classes[0] === 'ambiguousGiven';
  if (before === 'label' && !ordinary) return last;
  if (
    after === 'label' &&
    !ordinary &&
    (clue || run.length > 1 || (evidence.utteranceAfter(last) && evidence.speakerInDialogue(w)))
  )
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
 * `joined by Will Baker`, `attendees Bill King,`: after a strong cue, a listed given name alone takes the
 * capitalised word after it as its surname, though that word is also an ordinary one.
 */
export function wordSurnameAfter(r: NameReader, run: Word[]): Word | undefined {
  const [first] = run;
  if (run.length !== 1 || !first || !r.evidence.given(first.lower) || r.text[first.end] !== ' ')
    return undefined;
  const next = r.next(first);
  if (!next || !isTitle(next.text) || r.names.place(next.lower)) return undefined;
  return BUSINESS_NOUNS.has(next.lower) || PERSON_BEFORE.has(next.lower) ? undefined : next;
}

/**
 * An ordinary word is a name only when the text says so outright: after a naming cue (`use the
 * name Kit`), or first of a name after a strong cue (`logged by Peregrine Ashby`).
 */
export function ordinaryWordNamed(r: NameReader, w: Word): Word | undefined {
  if (r.sentenceOpener(w.start)) return undefined;
  const prev = previousWord(r.text, w.start);
  if (!prev || /[\n.!?;]/.test(prev.gap) || r.names.place(w.lower)) return undefined;
  // (`Name|Email|Mobile`, `Name\tPosition`: a table's header, one column's name after another's.)
  if (NAMING_CUES.has(prev.raw)) return /[|\t]/.test(prev.gap) ? undefined : w;
  // `Kumusta, Kuya Ramil`: a title or a role is not the first word of the name after it.
  if (PERSON_BEFORE.has(w.lower)) return undefined;
  const next = r.next(w);
  const nextClass = next && r.evidence.classOf(next);
  if (!nextClass || !isNameLike(nextClass) || nextClass === 'ambiguousGiven') return undefined;
  return r.evidence.before(w) === 'strong' ? r.run(next).at(-1) : undefined;
}
