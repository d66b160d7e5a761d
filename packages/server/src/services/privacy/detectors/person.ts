import nlp from 'compromise';
import type { Span } from '../types.js';
import { FAMILY_NAMES, GIVEN_NAMES } from './names-data.js';

/** Everything the name detector knows; built once per service, then shared by every scrub. */
export interface NameLexicon {
  given: ReadonlySet<string>;
  family: ReadonlySet<string>;
  /** Given names that are also words or places (`Sydney`, `Mark`, `Rose`): they need context. */
  ambiguous: ReadonlySet<string>;
  /** compromise's lexicon: a known non-name word is not taken for a surname. */
  common: (lower: string) => boolean;
  user: RegExp | undefined;
}

type Lexicon = Record<string, string | string[]>;
const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Honorific']);

const WORD_NAMES_ALSO_WORDS = `mark bill will frank rich art pat sue bob don ray gene guy jack max mike miles rusty sandy wade
woody penny holly ivy iris olive pearl ruby amber crystal dawn summer autumn winter june april may august grace hope faith joy
rose lily daisy violet heather jasmine hazel sky river hunter mason carter baker cooper parker tanner chase lance rob drew skip
chip buck bud cliff dale dean glen grant heath herb jay kit mack nick norm reed rod sonny sterling stone ward wren bonnie candy
cherry clay cole dash eve fern ginger harmony honey jewel kitty liberty misty opal patience precious robin sage star storm sunny
trinity willow angel king prince duke major justice story ernst alba paz luz sol mar pilar dolores mercedes consuelo santiago
victoria florence paris adelaide georgia carolina virginia madison charlotte regina chelsea brooklyn dallas houston phoenix
austin jordan sydney london india china denver tyler lincoln washington milan orlando florence savannah aurora lourdes roma
nanami lan long nam hung mai min ming jun bo yu li na ho ma jin han song wei an do ko hai tao yi ren ha`;

const HONORIFICS = new Set(
  `mr mrs ms miss mx dr prof sir dame lady lord herr frau fräulein monsieur mme mlle madame mademoiselle m señor señora señorita
sr sra srta don doña dona sig signor signora signorina sgr pan pani senhor senhora sayın bay bayan hr fru mevrouw meneer dhr mevr
sheikh shaikh sayyid hajji shri sri smt mister captain capt officer detective sgt sergeant inspector`
    .split(/\s+/)
    .filter(Boolean),
);
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'di',
  'del',
  'della',
  'dos',
  'das',
  'du',
  'la',
  'le',
  'ter',
  'ten',
  'bin',
  'ibn',
  'al',
  'el',
  'zu',
  "d'",
  'mac',
]);
const EAST_ASIAN_FAMILY = new Set(
  `wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang han feng deng cao
peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao cui zhong tan fan jin shi liao jia xia fu
fang bai zou meng xiong qin qiu hou yin xue yan duan lei long mao hao gu gong shao wan qian kim lee park choi jung jeong kang cho
yoon jang lim oh seo shin kwon hwang ahn jeon hong yoo moon son bae baek nam nguyen tran le pham hoang huynh phan vu vo dang bui
do ngo duong truong`.split(/\s+/),
);
const VIETNAMESE_MIDDLE = new Set('van thi duc ngoc thanh quoc huu minh hoang xuan kim cong dinh'.split(' '));
/** Names that are first of all places: alone they are the place. */
const PLACE_NAMES = new Set(
  `sydney paris florence victoria georgia adelaide carolina virginia madison charlotte regina chelsea brooklyn dallas houston
phoenix austin jordan london india china denver tyler lincoln washington milan orlando savannah lourdes roma santiago aurora
florida dakota israel kenya berlin vienna`.split(/\s+/),
);
/** Capitalised words that follow a name-like word in place names (`Victoria Station`), never surnames. */
const PLACE_NOUNS = new Set(
  `station street st road rd avenue ave lane drive square park bridge airport harbour harbor river lake mountain mount city county
university college school hospital clinic hotel opera house tower hall center centre church cathedral museum stadium arena mall
market line bay beach island valley falls heights gardens garden terminal port state province district company inc ltd gmbh corp
group team club cup street strasse straße platz weg allee rue avenue calle plaza via piazza east west north south central
international airport day night period`.split(/\s+/),
);
/** Verbs only people do: a lone ambiguous name before one is a person (`Jordan said`). */
const SPEECH_VERBS = new Set(
  `said says wrote writes asked asks told tells replied replies called emailed texted mentioned agreed signed approved joined met`.split(
    /\s+/,
  ),
);
/** Verbs that let compromise decide about a lone ambiguous name (`Mark will`). */
const PERSON_VERBS = new Set([
  ...SPEECH_VERBS,
  ...'sent thinks thought wants needs will would can could should has had was'.split(' '),
]);
const PINYIN_LIKE =
  /^(?:(?:zh|ch|sh|[bcdfghjklmnpqrstwxyz])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ao|ei|ia|ie|in|iu|ou|ua|uo|ui|un|an|en|er|a|e|i|o|u|ü)){1,2}$/;
const KOREAN_GIVEN = /^[A-Z][a-z]{1,5}-[a-z]{2,5}$/;

const WORD = /[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*/gu;
const CJK_HONORIFIC =
  /[\p{Script=Han}\p{Script=Katakana}ー]{1,5}(?=さん|様|さま|氏|先生|くん|君|ちゃん|女士|小姐|老师)|[\p{Script=Hangul}]{2,4}(?=\s?(?:님|씨))/gu;

let compromiseLexicon: Lexicon | undefined;
function lexicon(): Lexicon {
  compromiseLexicon ??= (nlp.model() as unknown as { one: { lexicon: Lexicon } }).one.lexicon;
  return compromiseLexicon;
}

const tagsOf = (entry: string | string[] | undefined): string[] =>
  entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];

/** Builds the lexicon from compromise, the shipped multilingual lists and the user's own names. */
export function buildNameLexicon(userNames: readonly string[] = []): NameLexicon {
  const lex = lexicon();
  const given = new Set<string>();
  const family = new Set<string>();
  const ambiguous = new Set<string>(WORD_NAMES_ALSO_WORDS.split(/\s+/).filter(Boolean));
  for (const [word, entry] of Object.entries(lex)) {
    const tags = tagsOf(entry);
    if (tags.some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName')) given.add(word);
    if (tags.includes('LastName')) family.add(word);
    if (tags.includes('Person')) {
      given.add(word);
      ambiguous.add(word);
    }
  }
  for (const name of GIVEN_NAMES) {
    const lower = name.toLowerCase();
    given.add(lower);
    if (tagsOf(lex[lower]).some((t) => !NAME_TAGS.has(t))) ambiguous.add(lower);
  }
  for (const name of FAMILY_NAMES) family.add(name.toLowerCase());
  const common = (lower: string) => tagsOf(lex[lower]).some((t) => !NAME_TAGS.has(t));
  const phrases = userNames
    .map((name) => name.trim().replace(/\s+/g, ' '))
    .filter((name) => name.length >= 2)
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  const user = phrases.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.join('|')})(?![\\p{L}\\p{N}])`, 'giu')
    : undefined;
  return { given, family, ambiguous, common, user };
}

interface Word {
  start: number;
  end: number;
  text: string;
  lower: string;
}

const isTitle = (w: string) => /^\p{Lu}/u.test(w) && (w.length === 1 || /\p{Ll}/u.test(w));
const isCaseless = (w: string) => /^[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(w);

function words(text: string): Word[] {
  const list: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let value = m[0];
    if (/['’]s$/.test(value)) value = value.slice(0, -2);
    list.push({ start: m.index, end: m.index + value.length, text: value, lower: value.toLowerCase() });
  }
  return list;
}

/** Sentence around `index`, for compromise to judge an ambiguous name in context. */
function sentenceAround(text: string, index: number): { start: number; text: string } {
  let start = index;
  while (start > 0 && index - start < 200 && !/[.!?\n]/.test(text[start - 1] ?? '')) start--;
  let end = index;
  while (
    end < text.length &&
    end - index < 200 &&
    !/[!?\n]/.test(text[end] ?? '') &&
    !/\.\s/.test(text.slice(end, end + 2))
  )
    end++;
  return { start, text: text.slice(start, end + 1) };
}

class PersonScanner {
  readonly #spans: Span[] = [];
  readonly #words: Word[];
  readonly #judged = new Map<number, { people: [number, number][]; places: [number, number][] }>();

  constructor(
    private readonly text: string,
    private readonly names: NameLexicon,
  ) {
    this.#words = words(text);
  }

  #given(w: Word): boolean {
    if (this.names.given.has(w.lower)) return true;
    const parts = w.lower.split('-');
    return parts.length > 1 && parts.every((p) => this.names.given.has(p));
  }

  #adjacent(a: Word, b: Word): boolean {
    return /^[ \t]{1,2}$|^-$/.test(this.text.slice(a.end, b.start));
  }

  #surnameLike(w: Word): boolean {
    if (
      !isTitle(w.text) &&
      !(isCaseless(w.text) && (this.names.family.has(w.lower) || this.names.given.has(w.lower)))
    )
      return false;
    if (PLACE_NOUNS.has(w.lower)) return false;
    if (this.names.family.has(w.lower) || this.#given(w)) return true;
    return !this.names.common(w.lower) && !this.names.ambiguous.has(w.lower) && w.text.length > 1;
  }

  #compromiseSaysPerson(w: Word): boolean {
    const sentence = sentenceAround(this.text, w.start);
    let judged = this.#judged.get(sentence.start);
    if (!judged) {
      const doc = nlp(sentence.text);
      type Found = { offset: { start: number; length: number } };
      const ranges = (list: Found[]) =>
        list.map((f): [number, number] => [
          sentence.start + f.offset.start,
          sentence.start + f.offset.start + f.offset.length,
        ]);
      judged = {
        people: ranges(doc.people().json({ offset: true }) as Found[]),
        places: ranges(doc.places().json({ offset: true }) as Found[]),
      };
      this.#judged.set(sentence.start, judged);
    }
    const inside = (r: [number, number]) => r[0] <= w.start && w.end <= r[1];
    return judged.people.some(inside) && !judged.places.some(inside);
  }

  /** A lone given name that is also a word or a place: compromise must call it a person, and more. */
  #lonePerson(i: number): boolean {
    const w = this.#words[i] as Word;
    const prev = this.#words[i - 1];
    const next = this.#words[i + 1];
    const nextIsVerb = next !== undefined && this.#adjacent(w, next) && PERSON_VERBS.has(next.text);
    if (next !== undefined && this.#adjacent(w, next) && SPEECH_VERBS.has(next.text)) return true;
    if (PLACE_NAMES.has(w.lower) && !nextIsVerb) return false;
    const sentenceStart = prev === undefined || /[.!?\n:;]/.test(this.text.slice(prev.end, w.start));
    if (sentenceStart && !nextIsVerb) return false;
    return this.#compromiseSaysPerson(w);
  }

  /** Family name first, then given-name syllables: `Wang Wei`, `Kim Min-jun`, `Nguyen Van An`. */
  #eastAsianName(i: number): number | undefined {
    const w = this.#words[i] as Word;
    const next = this.#words[i + 1];
    if (!EAST_ASIAN_FAMILY.has(w.lower) || !next || !this.#adjacent(w, next) || !isTitle(next.text))
      return undefined;
    const nl = next.lower;
    const givenNext =
      KOREAN_GIVEN.test(next.text) ||
      this.#given(next) ||
      VIETNAMESE_MIDDLE.has(nl) ||
      (PINYIN_LIKE.test(nl) && !this.names.common(nl));
    return givenNext && !PLACE_NOUNS.has(nl) ? this.#extendEastAsian(i) : undefined;
  }

  /** Given-name syllables after an East Asian family name (`Nguyen Van An`, `Wang Xiaoming`). */
  #extendEastAsian(first: number): number {
    let last = first;
    while (last - first < 2) {
      const next = this.#words[last + 1];
      const current = this.#words[last] as Word;
      if (!next || !this.#adjacent(current, next) || !isTitle(next.text)) break;
      const ok =
        KOREAN_GIVEN.test(next.text) ||
        this.#given(next) ||
        VIETNAMESE_MIDDLE.has(next.lower) ||
        PINYIN_LIKE.test(next.lower);
      if (!ok || PLACE_NOUNS.has(next.lower)) break;
      last++;
    }
    return last;
  }

  /** Extends a name forward over surnames and particles (`Ludwig van Beethoven`, `Maria García López`). */
  #extend(first: number): number {
    let last = first;
    while (last - first < 3) {
      const next = this.#words[last + 1];
      const current = this.#words[last] as Word;
      if (!next || !this.#adjacent(current, next)) break;
      if (this.#surnameLike(next)) {
        last++;
        continue;
      }
      const after = this.#words[last + 2];
      if (
        PARTICLES.has(next.lower) &&
        after &&
        this.#adjacent(next, after) &&
        isTitle(after.text) &&
        !this.names.common(after.lower)
      ) {
        last += 2;
        continue;
      }
      break;
    }
    return last;
  }

  #push(first: number, last: number): void {
    const a = this.#words[first] as Word;
    const b = this.#words[last] as Word;
    this.#spans.push({ start: a.start, end: b.end, type: 'PERSON' });
  }

  scan(): Span[] {
    const list = this.#words;
    for (let i = 0; i < list.length; i++) {
      const w = list[i] as Word;
      const caseless = isCaseless(w.text);
      if (!isTitle(w.text) && !caseless) continue;
      const prev = list[i - 1];
      const next = list[i + 1];
      const afterHonorific =
        prev !== undefined &&
        HONORIFICS.has(prev.lower) &&
        /^\.?\s{1,2}$/.test(this.text.slice(prev.end, w.start)) &&
        isTitle(prev.text);
      const nextIsName =
        next !== undefined &&
        this.#adjacent(w, next) &&
        this.#surnameLike(next) &&
        (this.names.family.has(next.lower) || this.#given(next) || !this.names.common(next.lower));

      const eastAsianEnd = this.#eastAsianName(i);
      if (eastAsianEnd !== undefined) {
        this.#push(i, eastAsianEnd);
        i = eastAsianEnd;
        continue;
      }
      let start = -1;
      if (afterHonorific && !this.names.common(w.lower)) start = i;
      else if (caseless) start = this.names.given.has(w.lower) ? i : -1;
      else if (this.#given(w) && !this.names.ambiguous.has(w.lower)) start = i;
      else if (
        this.#given(w) &&
        nextIsName &&
        next &&
        (this.names.family.has(next.lower) || !this.names.ambiguous.has(next.lower))
      )
        start = i;
      else if (this.#given(w) && this.#lonePerson(i)) start = i;
      else if (
        this.names.family.has(w.lower) &&
        next &&
        this.#adjacent(w, next) &&
        isTitle(next.text) &&
        this.#given(next) &&
        !this.names.ambiguous.has(next.lower)
      ) {
        start = i;
      }
      if (start < 0) continue;
      const last = this.#extend(start);
      this.#push(start, last);
      i = last;
    }
    CJK_HONORIFIC.lastIndex = 0;
    for (let m = CJK_HONORIFIC.exec(this.text); m; m = CJK_HONORIFIC.exec(this.text)) {
      this.#spans.push({ start: m.index, end: m.index + m[0].length, type: 'PERSON' });
    }
    if (this.names.user) {
      this.names.user.lastIndex = 0;
      for (let m = this.names.user.exec(this.text); m; m = this.names.user.exec(this.text)) {
        this.#spans.push({ start: m.index, end: m.index + m[0].length, type: 'PERSON' });
      }
    }
    return this.#spans;
  }
}

/**
 * Person names: given names from compromise's lexicon and the shipped lists (German, French,
 * Spanish, Italian, Portuguese, Slavic in Latin and Cyrillic, Nordic, Turkish, Arabic, Persian,
 * Hebrew, Indian, Chinese, Japanese, Korean, Vietnamese, African), extended over surnames; names
 * after an honorific (`Dr. Okafor`, `Herr Weber`); East Asian family-name-first forms; CJK names
 * before an honorific suffix (`田中さん`); the user's own list. Names that are also words or places
 * (`Sydney`, `Mark`) count only with a surname or when compromise tags them as a person in context.
 */
export function detectPersons(text: string, names: NameLexicon): Span[] {
  return new PersonScanner(text, names).scan();
}
