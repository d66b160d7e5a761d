/** Honorifics before a name (`Dr.`, `Herr`, `Mme`, `dott.ssa`, `г-н`), as the person detector reads them. */
import { HONORIFICS } from './name-context.js';
import type { NameLexicon } from './name-lexicon.js';
import { isLetterCode, isTitle, type Word } from './name-words.js';
import { lowerCase } from './util.js';

const PLURAL_AFTER =
  /^ (\p{Ll}{3,}s)\b(?! (?:the|a|an|his|her|their|my|our|your|this|that|it|him|them|to|with)\b)/u;

/** Titles with a word after them that name no one. */
const TITLED_THINGS = new Set([
  'Mr Right',
  'Mr Clean',
  'Mr Bean',
  'Mr Men',
  'Mr Muscle',
  'Mr Whippy',
  'Dr Pepper',
  'Dr Martens',
  'Dr Who',
  'Mr Potato',
  'Mr Freeze',
  'Mr Blobby',
  'Mr Sheen',
  'Mrs Hinch',
]);

const WRITTEN_TITLE =
  /(?<![\p{L}])(?:г-(?:н|жа|ца)|(?:Dr|Prof)\.(?: (?:med|dent|rer\. nat|phil|jur|vet)\.)+) $/u;
/** Honorifics written in lower case inside a sentence (Greek, Dutch, French, Spanish, Italian, Portuguese). */
const PERSONAL_TITLES = new Set(
  'mr mrs ms mx miss dr sig signor signora sigra herr frau monsieur madame mme pan pani pane meneer mevrouw señor señora sr sra don doña'.split(
    ' ',
  ),
);
const LOWER_CASE_HONORIFICS = new Set(
  'κ κος κα mevrouw meneer heer mevr dhr dl dna monsieur madame mademoiselle señor señora señorita signor signora signorina senhor senhora gospodine gospodin gospođo gospođa gospođe gospodina gospodinu doamna doamnei domnul domnule pán paní panu pane κυρία κύριο κύριε κυρίου dott dottssa profssa sigra signa avv avvta ing geom arch dr drssa prof sig dottore dottoressa dottor avvocato avvocata ingegnere professore professoressa pan pani panią panem pana пан пане пані господин госпожа господине'.split(
    ' ',
  ),
);

/** British police ranks, written in capitals (`PC Gallagher`, `DCI Okafor`); `DC`, `DS`, `DI` only so (not `di Milano`). */
export const POLICE_RANKS = new Set(['PC', 'DC', 'DS', 'DI', 'DCI', 'DSI', 'PCSO', 'SGT']);

/** Where an honorific right before `w` starts (`Dr.`, `Herr`, `Mme`, Greek `κ.`), or undefined. */
export function honorificBefore(
  text: string,
  names: NameLexicon,
  w: Word,
  ordinary = false,
  particle = false,
): number | undefined {
  // `г-н Георгиев`, `Dr. med. Haas`: titles written with a hyphen or with a faculty after them.
  // (Their last letter or dot is looked at first: most words have neither before them.)
  const mark = text[w.start - 2];
  if (text[w.start - 1] === ' ' && (mark === '.' || mark === 'н' || mark === 'а')) {
    const written = WRITTEN_TITLE.exec(text.slice(Math.max(0, w.start - 24), w.start))?.[0];
    if (written) return w.start - written.length;
  }
  let end = w.start;
  for (let spaces = 0; spaces < 2 && text[end - 1] === ' '; spaces++) end--;
  if (end === w.start) return undefined;
  if (text[end - 1] === '.') end--;
  let start = end;
  while (start > 0 && end - start < 12 && isLetterCode(text.charCodeAt(start - 1))) start--;
  // Italian feminine titles: `dott.ssa`, `prof.ssa`, `sig.ra`, `avv.ta`.
  if (text[start - 1] === '.' && /^(?:ssa|ra|na|ta)$/.test(text.slice(start, end))) {
    const feminine = /(?:^|[^\p{L}])((?:dott|prof|sig|avv|dr)\.)$/iu.exec(
      text.slice(Math.max(0, start - 6), start),
    );
    if (feminine?.[1]) start -= feminine[1].length;
  }
  if (start === end || (start > 0 && isLetterCode(text.charCodeAt(start - 1)))) return undefined;
  const before = text.slice(start, end).replace('.', '');
  // `Mr. Baker`, `Mr Tan Ah Kow`: after an English title, dotted or not, even a word is a surname (not the
  // few characters named so: `Mr Right`, `Dr Pepper`).
  const dottedTitle =
    /^(?:Mrs?|Ms|Mx|Dr)$/.test(before) && (text[end] === '.' || !TITLED_THINGS.has(`${before} ${w.text}`));
  const titled =
    (POLICE_RANKS.has(before) && !names.common(w.lower) && !names.place(w.lower)) ||
    ((isTitle(before) || LOWER_CASE_HONORIFICS.has(before)) && HONORIFICS.has(lowerCase(before)));
  if (!titled || (!ordinary && !dottedTitle && names.common(w.lower))) return undefined;
  // `Dr. Oetker pizzas`: a plural noun right after makes it a brand (not a verb before its object:
  // `Mr. Okonkwo disputes the charge`).
  const next = PLURAL_AFTER.exec(text.slice(w.end, w.end + 32))?.[1];
  if (next && names.common(next) && !names.finiteVerb(next) && !names.verbOrPlural(next)) return undefined;
  // `Sri Lanka`, `St Albans`: an honorific-like word that starts a place's name.
  // (A name particle, `Van`, `De`, is never the place it may also spell.)
  // (`sig. Ferrari`, `Herr Mercedes`: titles that only persons take make even a brand's name a surname.)
  const personal = PERSONAL_TITLES.has(before.toLowerCase());
  const place =
    (!particle && !personal && names.place(w.lower)) || names.place(`${before.toLowerCase()} ${w.lower}`);
  return place ? undefined : start;
}
