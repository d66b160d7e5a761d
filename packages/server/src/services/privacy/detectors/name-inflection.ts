import type { NameLexicon } from './name-lexicon.js';
import { detached, withoutAccents } from './util.js';

/**
 * A name with a case ending, as Slavic, Baltic, Finnic, Hungarian, Greek and Nordic languages write it
 * (`Ивановой`, `Тараса`, `Kowalskim`, `Kacpra`, `Novákové`, `Jonui`, `Tammile`, `Mäkiselle`, `Frejas`,
 * `Δημήτρη`): the endings are taken off (and the ending of the base form put back where the case
 * changes it) until a listed name is left. Only for capitalised words no list knows as they stand.
 */

/** An ending and what the base form ends with instead (`ой` → `а`: Ивановой → Иванова). */
type Rule = readonly [ending: string, base: string];

const LATIN: readonly Rule[] = [
  // Finnish -nen names: Mäkinen → Mäkiselle, Mäkisen, Mäkisestä.
  ...['selle', 'sella', 'sellä', 'selta', 'seltä', 'sesta', 'sestä', 'seen', 'sen'].map((e): Rule => [
    e,
    'nen',
  ]),
  // Polish and Czech adjectival family names: Kowalski → Kowalskim, Kowalskiego; Kowalska → Kowalskiej;
  // Nováková → Novákové, Novákovou.
  ['iego', 'i'],
  ['iemu', 'i'],
  ['im', 'i'],
  ['ich', 'i'],
  ['iej', 'a'],
  ['ą', 'a'],
  ['ové', 'ová'],
  ['ovou', 'ová'],
  // Lithuanian: Jonas → Jonui, Petrauskas → Petrauskui, Rūta → Rūtai.
  ['ui', 'as'],
  ['ui', 'us'],
  ['ai', 'a'],
  // Estonian allative: Tamm → Tammile, Kadri → Kadrile.
  ['ile', ''],
];

/**
 * Plain endings taken off, after which only a given name of four letters or more counts (a family name
 * or a short name, with a letter or two taken off any word, matched places and brands: `Singha`, `Laut`):
 * Finnish -lle/-sta, Hungarian -nak/-val, Polish and Czech -owi/-em/-a/-u/-ovi, Nordic and German genitive -s.
 */
const LATIN_GIVEN_ONLY = [
  // Turkish and Azerbaijani genitive written onto the name (`Rəşadın nömrəsi`).
  'nın',
  'nin',
  'nun',
  'nün',
  'ın',
  'in',
  'un',
  'ün',
  'lle',
  'lla',
  'llä',
  'lta',
  'ltä',
  'ssa',
  'ssä',
  'sta',
  'stä',
  'iga',
  'ga',
  'nak',
  'nek',
  'val',
  'vel',
  'hoz',
  'hez',
  'nál',
  'nél',
  'ról',
  'ről',
  'owi',
  'ovi',
  'iem',
  'em',
  'om',
  'ę',
  'a',
  'ä',
  'u',
  'y',
  'e',
  'ě',
  's',
];

/**
 * Endings that replace a given name's own (checked as LATIN_GIVEN_ONLY): Polish Agnieszka → Agnieszce, Kasia →
 * Kasi; Romanian Ioana → Ioanei.
 */
const LATIN_GIVEN_RULES: readonly Rule[] = [
  ['ce', 'ka'],
  ['i', 'ia'],
  ['ei', 'a'],
];
/** Finnish consonant gradation before a case ending: Jukka → Jukalta, Mikko → Mikon, Matti → Matilla. */
const GRADATION = /([aeiouyäö])([kpt])$/;
/** Hungarian `-val`/`-vel` takes the name's last consonant: Péter → Péterrel, Ádám → Ádámmal. */
const HUNGARIAN_WITH = /([^aeiouáéíóöőúüű])\1[ae]l$/;

const CYRILLIC: readonly Rule[] = [
  // Ukrainian dative and vocative: Тарас → Тарасові, Оксана → Оксано.
  ['ові', ''],
  ['еві', ''],
  ['о', 'а'],
  ['ой', 'а'],
  ['ою', 'а'],
  ['ей', 'я'],
  ['ым', ''],
  // A family in the plural: у Ивановых, с Петровыми.
  ['ых', ''],
  ['ыми', ''],
  ['ом', ''],
  ['ем', ''],
  ['ого', 'ий'],
  ['ому', 'ий'],
  ['ю', 'й'],
  // Игорь → Игорю, Игоря, Игорем.
  ['ю', 'ь'],
  ['я', 'ь'],
  ['ем', 'ь'],
  ['у', 'а'],
  ['е', 'а'],
  ['ы', 'а'],
  ...['а', 'я', 'у', 'е', 'и', 'ю'].map((e): Rule => [e, '']),
];

/** Greek without its accents: Δημήτρη → Δημητρης, Παπαδοπούλου → Παπαδοπουλος, vocative Νίκο → Νικος, Μαρίας → Μαρια. */
const GREEK: readonly Rule[] = [
  ['ου', 'ος'],
  ['ου', 'ης'],
  ['η', 'ης'],
  ['ο', 'ος'],
  ['α', 'ας'],
  ['ε', 'ος'],
  // Feminine genitive: Μαρία → Μαρίας, Ελένη → Ελένης.
  ['ας', 'α'],
  ['ης', 'η'],
];

/** Polish drops an `e` before the ending: Kacper → Kacpra, Marek → Marka, Jacek → Jacka. */
const FLEETING_E = /([^aeiouyąęó])([krnl])$/;

/** Armenian dative and genitive `-ին`, `-ի` (`Արամին`), and `-ը` (the article). */
const ARMENIAN: readonly Rule[] = [
  ['ին', ''],
  ['ի', ''],
  ['ը', ''],
];

function rulesFor(lower: string): readonly Rule[] {
  const code = lower.charCodeAt(0);
  if (code >= 0x531 && code <= 0x587) return ARMENIAN;
  if (code >= 0x400 && code <= 0x4ff) return CYRILLIC;
  if (code >= 0x370 && code <= 0x3ff) return GREEK;
  return LATIN;
}

/** Words already judged, per lexicon (a text repeats its names; the endings are tried once per word). */
const JUDGED = new WeakMap<NameLexicon, Map<string, boolean>>();

export function inflectedName(lower: string, names: NameLexicon): boolean {
  let judged = JUDGED.get(names);
  if (!judged || judged.size > 50_000) {
    judged = new Map();
    JUDGED.set(names, judged);
  }
  let inflected = judged.get(lower);
  if (inflected === undefined) {
    inflected = judge(lower, names);
    judged.set(detached(lower), inflected);
  }
  return inflected;
}

function judge(lower: string, names: NameLexicon): boolean {
  const word = rulesFor(lower) === GREEK ? withoutAccents(lower) : lower;
  const listed = (base: string) =>
    base.length >= 3 &&
    !names.common(base) &&
    !names.place(base) &&
    ((names.given.has(base) && !names.ambiguous.has(base)) || names.family.has(base));
  const rules = rulesFor(lower);
  for (const [ending, base] of rules) {
    if (!word.endsWith(ending) || word.length - ending.length < 3) continue;
    if (listed(word.slice(0, -ending.length) + base)) return true;
  }
  if (rules !== LATIN) return false;
  // (A name that is also a family name counts from five letters: `Sanna` → `Sannalta`.)
  const givenName = (base: string) =>
    base.length >= 4 &&
    names.given.has(base) &&
    !names.ambiguous.has(base) &&
    (!names.family.has(base) || base.length >= 5) &&
    listed(base);
  for (const ending of LATIN_GIVEN_ONLY) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    if (givenName(stem) || (FLEETING_E.test(stem) && givenName(stem.replace(FLEETING_E, '$1e$2'))))
      return true;
    if (GRADATION.test(stem) && givenName(stem.replace(GRADATION, '$1$2$2'))) return true;
  }
  for (const [ending, base] of LATIN_GIVEN_RULES) {
    if (word.endsWith(ending) && givenName(word.slice(0, -ending.length) + base)) return true;
  }
  return HUNGARIAN_WITH.test(word) && givenName(word.slice(0, -3));
}
