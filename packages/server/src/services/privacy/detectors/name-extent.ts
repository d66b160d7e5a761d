import {
  EAST_ASIAN_FAMILY,
  HONORIFICS,
  KOREAN_GIVEN,
  PARTICLES,
  PINYIN_LIKE,
  PLACE_NOUNS,
  VIETNAMESE_FAMILY,
  VIETNAMESE_MIDDLE,
  VIETNAMESE_SYLLABLE,
} from './name-context.js';
import type { NameReader } from './name-reader.js';
import { isTitle, previousWord, type Word } from './name-words.js';
import { STRONG_PARTICLES } from './person-words.js';
import { withoutAccents } from './util.js';

const withoutMarks = (lower: string) => withoutAccents(lower).replace('đ', 'd');

/** How far a name found at one word reaches: over surnames and particles forward, given names and initials back. */

/** Family name first, then given-name syllables: `Wang Wei`, `Kim Min-jun`, `Nguyen Van An`. */
export function eastAsianName(r: NameReader, w: Word): Word | undefined {
  if (!EAST_ASIAN_FAMILY.has(w.lower)) return undefined;
  // `Pan Krzysztof Nowak`: Polish `Pan` (Mr) is also the Chinese family name Pan; after it, only syllables
  // that read as Chinese, Korean or Vietnamese make it one.
  const alsoHonorific = HONORIFICS.has(w.lower);
  const vietnamese = VIETNAMESE_FAMILY.has(w.lower);
  let last = w;
  // Up to three words after the family name (`Bui Thi Thu Trang`).
  for (let count = 0; count < 3; count++) {
    const next = r.next(last);
    if (!next || !isTitle(next.text) || PLACE_NOUNS.has(next.lower)) break;
    const nl = next.lower;
    const ok =
      KOREAN_GIVEN.test(next.text) ||
      (!alsoHonorific && r.evidence.given(nl)) ||
      VIETNAMESE_MIDDLE.has(nl) ||
      // (`Kim Thanh Tùng`: after a Vietnamese middle name, a family name shared with Korean is Vietnamese too.)
      ((vietnamese || VIETNAMESE_MIDDLE.has(last.lower)) &&
        count > 0 &&
        VIETNAMESE_SYLLABLE.test(withoutMarks(nl)) &&
        !r.names.common(nl)) ||
      (PINYIN_LIKE.test(nl) && (count > 0 || !r.names.common(nl)));
    if (!ok) break;
    last = next;
  }
  return last === w ? undefined : last;
}

/** Particles that also mean "and": between family names only, never before a given name or starting a name. */
const JOINING = new Set(['i', 'y', 'e']);
/** `Muthu a/l Ramasamy`, `Ali s/o Hassan`: "son of", "daughter of" written with a slash. */
const LINEAGE = /^ (?:a\/l|a\/p|s\/o|d\/o|w\/o|b\/o) (?=\p{Lu})/u;
const NICKNAME = /^ ["“]\p{Lu}[\p{L}'’-]*["”] (?=\p{Lu})/u;
const ARABIC_ARTICLE_NAME = /^(?:al|el|ad|ash|as|at|az|ar|an|abd|abu)-\p{Lu}\p{Ll}+$/u;

/**
 * The surname after a nickname in quotes (`Chukwuemeka "Emy" Obi`) or a lineage word written with a slash
 * (`Muthu a/l Ramasamy`), if one follows `last`.
 */
export function surnameAcross(r: NameReader, last: Word): Word | undefined {
  // Both start with a space, then a quote or a slash's first letter: most words have neither after them.
  const mark = r.text[last.end + 1];
  if (r.text[last.end] !== ' ' || (mark !== '"' && mark !== '“' && r.text[last.end + 2] !== '/'))
    return undefined;
  const ahead = r.text.slice(last.end, last.end + 24);
  const between = NICKNAME.exec(ahead)?.[0] ?? LINEAGE.exec(ahead)?.[0];
  const next = between ? r.next({ ...last, end: last.end + between.length - 1 }) : undefined;
  return next && r.surnameLike(next) ? next : undefined;
}

/** Devotional second given names of Iberian and Latin American names (`Maria do Céu`, `María de los Ángeles`). */
const DEVOTIONAL_PARTICLES = new Set(['do', 'da', 'dos', 'das', 'de', 'del', 'la', 'los', 'las']);
const DEVOTIONAL_FIRST = new Set(['maria', 'maría', 'ana', 'josé', 'jose', 'juan', 'mari', 'maria-josé']);
const DEVOTIONAL = new Set(
  `céu carmo carmen graça gracia rosário rosario socorro fátima fatima conceição concepción luz jesus jesús pilar mar
  rocío rocio ángeles angeles anjos dolores mercedes nazaré lourdes guadalupe montserrat sol paz pureza belém belen
  belén consolación asunción remedios`.split(/\s+/),
);

/** `Maria do Céu Albuquerque`: the devotional name after its particles, or undefined. */
function devotionalName(r: NameReader, first: Word): Word | undefined {
  if (!DEVOTIONAL_FIRST.has(first.lower)) return undefined;
  let next = r.next(first);
  if (!next || !DEVOTIONAL_PARTICLES.has(next.text)) return undefined;
  while (next && DEVOTIONAL_PARTICLES.has(next.text)) next = r.next(next);
  return next && isTitle(next.text) && DEVOTIONAL.has(next.lower) ? next : undefined;
}

/** Extends a name forward over surnames and particles (`Ludwig van Beethoven`, `Maria García López`). */
export function extend(r: NameReader, first: Word): Word {
  let last = devotionalName(r, first) ?? first;
  // Four steps: `Ahmad Faizal bin Abdul Rahman` has a particle and three words after the first.
  for (let count = 0; count < 4; count++) {
    const across = surnameAcross(r, last);
    if (across) {
      last = across;
      continue;
    }
    const next = r.next(last);
    if (!next) break;
    // `Hyun-woo Park`, `Min-ji Kim`: a Korean given name before its family name.
    if (
      count === 0 &&
      KOREAN_GIVEN.test(first.text) &&
      isTitle(next.text) &&
      EAST_ASIAN_FAMILY.has(next.lower)
    ) {
      last = next;
      break;
    }
    // `Fatima al-Zahra Haddad`, `Omar el-Sayed`: an Arabic article joined to a name by a hyphen.
    if (r.surnameLike(next) || ARABIC_ARTICLE_NAME.test(next.text)) {
      last = next;
      continue;
    }
    // `Tim Cook's team`, `Kemar Anthony Brown,`: an ordinary word as the last word of a name after a given name; after
    // a title even a place's noun (`Dr. Samuel Park attached`).
    const titled = count === 0 && r.honorificStart(first) !== undefined;
    if (
      count <= 1 &&
      (r.evidence.classOf(first) === 'given' || r.evidence.classOf(last) === 'given') &&
      next.text.length > 1 &&
      isTitle(next.text) &&
      (r.names.common(next.lower) || (titled && PLACE_NOUNS.has(next.lower))) &&
      (titled || (!PLACE_NOUNS.has(next.lower) && !r.names.place(next.lower))) &&
      /^(?:['’]s\b|\s+\p{Ll}|\s\(|[,.;:!?)]|$)/u.test(r.text.slice(next.end, next.end + 3))
    ) {
      last = next;
      // `Nurul Ain binti Zakaria`: a particle after it carries the name on.
      const particle = r.next(next);
      if (particle && PARTICLES.has(particle.lower) && !isTitle(particle.text)) continue;
      break;
    }
    // `Thiago Albuquerque Nogueira`: a place's name between two names is a surname too; so is an ordinary word between
    // a given name and a listed one (`Amina Said Mohamed`).
    const between =
      isTitle(next.text) &&
      (r.names.place(next.lower) ||
        (r.names.common(next.lower) && r.evidence.classOf(last) === 'given' && !PLACE_NOUNS.has(next.lower)));
    const then = between ? r.next(next) : undefined;
    const listed = (w: Word) => r.names.family.has(w.lower) || r.evidence.given(w.lower);
    if (
      then &&
      r.surnameLike(then) &&
      !r.names.place(then.lower) &&
      (r.names.place(next.lower) || listed(then))
    ) {
      last = then;
      count++;
      continue;
    }
    const after = r.afterParticles(next);
    // `Puig i Serra` is one name, `López y José Fernández` two: `i`/`y` also mean "and".
    const and = JOINING.has(next.lower) && (!after || r.evidence.given(after.lower));
    if (after && !and && isTitle(after.text) && !PLACE_NOUNS.has(after.lower)) {
      last = after;
      count++;
      continue;
    }
    break;
  }
  return last;
}

/**
 * Where a found name really starts: over a given name right before it (`Sunday Adeyemi`),
 * lower-case particles (`van den Berg`) and initials (`K. Raghunathan`, `Md. Rafiqul`).
 */
export function startOf(r: NameReader, w: Word): number {
  let start = w.start;
  // `del signor Giuseppe Verdi`, `van mevrouw Bakker`: an honorific starts the name.
  if (HONORIFICS.has(w.lower)) return start;
  for (let steps = 0; steps < 3; steps++) {
    const prev = previousWord(r.text, start);
    if (!prev) break;
    const word = prev.word;
    // `la demande de Chloé Martin`, `de kat van Sanne de Jong`: a particle comes before a surname, never before a
    // given name (Dutch `van`, also "of", only before one that is no family name too; `ter Horst` is one).
    const given =
      steps === 0 &&
      r.evidence.classOf(w) === 'given' &&
      (!STRONG_PARTICLES.has(prev.raw) || (prev.raw === 'van' && !r.names.family.has(w.lower)));
    // (`IKEA i Kungens Kurva`: `i`, `y` and `e` join family names, they start none.)
    const joining = JOINING.has(prev.raw);
    if (prev.gap === ' ' && PARTICLES.has(prev.raw) && !isTitle(word.text) && !given && !joining) {
      start = word.start;
      continue;
    }
    // An initial, or an abbreviated given name (Filipino `Ma.` for María, `Wm.`, `Jos.`).
    if (/^\.\s?$/.test(prev.gap) && /^(?:\p{Lu}|Ma|Wm|Jos|Thos|Chas|Geo)$/u.test(word.text)) {
      start = word.start;
      continue;
    }
    if (prev.gap === ' ' && steps === 0 && isTitle(word.text)) {
      const wordClass = r.evidence.classOf(word);
      if (wordClass === 'given' || wordClass === 'ambiguousGiven') {
        start = word.start;
        continue;
      }
    }
    break;
  }
  return start;
}
