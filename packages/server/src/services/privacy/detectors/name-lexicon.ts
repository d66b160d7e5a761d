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

let compromiseLexicon: Promise<Lexicon> | undefined;
/** compromise is loaded only when the first text is scrubbed: it costs ~30 MB a server may never need. */
function lexicon(): Promise<Lexicon> {
  compromiseLexicon ??= import('compromise').then(
    ({ default: nlp }) => (nlp.model() as unknown as { one: { lexicon: Lexicon } }).one.lexicon,
  );
  return compromiseLexicon;
}

const tagsOf = (entry: string | string[] | undefined): string[] =>
  entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];

/** Builds the lexicon from compromise, the shipped multilingual lists and the user's own names. */
export async function loadNameLexicon(userNames: readonly string[] = []): Promise<NameLexicon> {
  const lex = await lexicon();
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
  const commonWords = new Set(
    Object.entries(lex)
      .filter(([, entry]) => tagsOf(entry).some((t) => !NAME_TAGS.has(t)))
      .map(([word]) => word),
  );
  const common = (lower: string) => commonWords.has(lower);
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
