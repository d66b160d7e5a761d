import {
  BUSINESS_NOUNS,
  DEPARTMENTS,
  HONORIFIC_SUFFIXES,
  HONORIFICS,
  FIELDS_BEFORE_NAME,
  ROLES_BEFORE_COLON,
  NOT_PERSON_BEFORE,
  PERSON_AFTER,
  PERSON_BEFORE,
  PERSON_BEFORE_PAIRS,
  SELF_INTRODUCTIONS,
  PERSONAL_POSSESSIONS,
  PLACE_NOUNS,
  CAPITALISED_FUNCTION_WORDS,
  HEADER_WORDS,
  SERVICE_WORDS,
  TITLES_AFTER_NAME,
  WEAK_BEFORE,
} from './name-context.js';
import { CALENDAR, type NameLexicon } from './name-lexicon.js';
import { GERMAN_NOUN_END, GREETINGS, ID_ACRONYMS } from './person-words.js';
import { JAPANESE_PLACE_SUFFIX, nameShaped } from './name-shape.js';
import { gapAfter, isTitle, nextWord, previousWord, type Word } from './name-words.js';
import { detached, LETTERS, lowerCase, perScan } from './util.js';

/**
 * What one capitalised word is on its own: a listed given name (`ambiguousGiven` when it is also a
 * word or a place), a listed family name, name-shaped, unknown, or an ordinary word or a place.
 */
export type WordClass = 'given' | 'ambiguousGiven' | 'family' | 'shape' | 'unknown' | 'common' | 'place';

/** The last part of a hyphenated label (`SV-Nummer`, `ID-Karte`, `PIN-Code`). */
const LABEL_PART = /-(?:nummer|number|nr|no|code|id|karte|card|pin)$/;
/** Street words that make the name before them a street's (`Kenyatta Avenue`). */
const STREET_NOUNS = new Set(
  'street st road rd avenue ave lane drive boulevard blvd highway square station airport bridge straße strasse'.split(
    ' ',
  ),
);
const NAME_LIKE: ReadonlySet<WordClass> = new Set(['given', 'ambiguousGiven', 'family', 'shape', 'unknown']);
export const isNameLike = (c: WordClass) => NAME_LIKE.has(c);

/**
 * `strong`: a name follows or precedes for sure; `label`: a field label (`Customer: …`), strong
 * unless the word is also an ordinary word; `weak`: only with a second clue; `block`: a place or thing.
 */
export type Cue = 'strong' | 'label' | 'weak' | 'weakVerb' | 'block' | undefined;

/** A capitalised word before `: ` (`Agent: …`, `… ? Client: …`); the look-behind is read after the capital only. */
const SPEAKER_LABEL = /(\p{Lu}(?<![\p{L}'’-]\p{Lu})[\p{L}'’-]+):\s/gu;
/** The words that label a turn anywhere in the text, found once per scan. */
const speakerLabels = perScan((text): ReadonlySet<string> => {
  const labels = new Set<string>();
  SPEAKER_LABEL.lastIndex = 0;
  for (let m = SPEAKER_LABEL.exec(text); m; m = SPEAKER_LABEL.exec(text)) labels.add(m[1] ?? '');
  return labels;
});

/** A person's own details, written after the name and a comma in forms and notes. */
const PERSONAL_FIELDS = new Set(
  `tel telefon telefone teléfono téléfone téléphone phone mobile mob cell celular móvil handy email e-mail mail correo
  passport pasaporte passaporte paspor nif nie dni cpf curp rfc ssn dob born nascido nascida nacido nacida née né geb
  geboren pesel bsn personnummer cédula cedula nin bvn`.split(/\s+/),
);

/** Greetings' first words that are also names (`Cher`, `Cara`): after a heading's dash they open a letter. */
const GREETINGS_AFTER_DASH = new Set([
  'cher',
  'chère',
  'caro',
  'cara',
  'querido',
  'querida',
  'liebe',
  'lieber',
]);

/** Words that open a spoken turn after a speaker label. */
const UTTERANCE_STARTS = new Set(
  `i i'm i’m we we're yes no ok okay hi hello hey sorry thanks thank so well yeah yep yup um uh er right sure and but that
this it it's it’s my you can could please great good hmm oh actually just let what how why when where who is are do does
did have has our your they he she there here sounds alright je ich yo eu io ik jeg jag я saya aku tôi mon ma mes mi
meu minha mio mia mein meine boss bro guys everyone sir madam`.split(/\s+/),
);

/** A capital after lower-case letters inside a word (`WeChat`), except Gaelic and Romance name prefixes. */
const CAMEL_CASE = /^(?!Mc|Mac|Fitz|De|Di|Da|Du|La|Le|Van|Von|Del|Della|St)\p{Lu}\p{Ll}+\p{Lu}/u;

/** Hungarian titles written after the name (`Horváth úr`, `Szabó né`). */
const HUNGARIAN_TITLES_AFTER = new Set(['úr', 'asszony', 'kisasszony', 'néni', 'bácsi']);

/** Adverbs between a name and its verb (`Grigoryan also asked`). */
const ADVERBS = new Set('also just then still already never always now again finally'.split(' '));
/** Cues that name whoever follows, whatever the word (`use the name Kit`, `a rider called Sunny`). */
export const NAMING_CUES = new Set(['name', 'named', 'called', 'nickname', 'aka']);

/** A name on the line after these closes a letter (`Kind regards,\nSandra`). */
const SIGN_OFFS = new Set(
  'regards thanks cheers sincerely best wishes yours faithfully truly love abrazo abrazos saludos besos cordialmente atentamente bisous bises cordialement grüße gruß pozdrawiam groetjes cumprimentos abraços beijos'.split(
    ' ',
  ),
);

/** Word classes by lexicon: a word's class depends only on the lexicon, so every scrub shares them. */
const CLASS_CACHES = new WeakMap<NameLexicon, Map<string, WordClass>>();
const CLASS_CACHE_LIMIT = 200_000;

/** The one or two words after a name; letters spelled out, as `\p{L}` costs far more per character. */
const WORDS_AFTER = new RegExp(
  `^(?:['’]s)?[ \\t,]*(?:\\(\\s*)?([${LETTERS}]+)(?:\\s+(?:the\\s+|our\\s+|their\\s+)?([${LETTERS}]+))?`,
);
/** Last words of the two-word cues (`with`, `by`, `is`). */
const PAIR_ENDS = new Set([...PERSON_BEFORE_PAIRS].map((pair) => pair.split(' ').at(-1) ?? ''));

/** A street written as one word (`Van der Helststraat`, `Keizersgracht`, `Hauptstraße`, `Strandvejen`). */
export const STREET_WORD =
  /^\p{L}{3,}(?:straat|laan|plein|gracht|kade|singel|dreef|steeg|strasse|straße|gasse|allee|platz|damm|vej|vejen|gade|gatan|vägen|veien|katu|utca|ulica)$/u;

/** Reads the evidence around capitalised words of one text. */
export class NameEvidence {
  readonly #classes: Map<string, WordClass>;

  constructor(
    private readonly text: string,
    private readonly names: NameLexicon,
  ) {
    let classes = CLASS_CACHES.get(names);
    if (!classes || classes.size > CLASS_CACHE_LIMIT) {
      classes = new Map();
      CLASS_CACHES.set(names, classes);
    }
    this.#classes = classes;
  }

  given(lower: string): boolean {
    if (this.names.given.has(lower)) return true;
    if (!lower.includes('-')) return false;
    const parts = lower.split('-');
    return parts.length > 1 && parts.every((p) => this.names.given.has(p));
  }

  /** Whether the lists know `text` (words in any case) as a place (`Hong Kong`). */
  place(text: string): boolean {
    return this.names.place(text.toLowerCase());
  }

  classOf(w: Word): WordClass {
    return this.classOfText(w.text);
  }

  /** The class of a word given as text (a possessive `'s` already removed). */
  classOfText(text: string): WordClass {
    let known = this.#classes.get(text);
    if (!known) {
      known = !isTitle(text) || text.length < 2 ? 'common' : this.#classify(text, text.toLowerCase());
      // The key is detached from the request text (see `detached`): the cache outlives the request.
      this.#classes.set(detached(text), known);
    }
    return known;
  }

  #classify(text: string, lower: string): WordClass {
    const { names } = this;
    if (
      PLACE_NOUNS.has(lower) ||
      HONORIFICS.has(lower) ||
      PERSON_BEFORE.has(lower) ||
      SERVICE_WORDS.has(lower)
    )
      return 'common';
    // `NINO AB 44 17 29 D`, `PESEL`: an identity number's acronym in capitals labels the number (`Nino` is a name).
    if (ID_ACRONYMS.has(text)) return 'common';
    // `I'm`, `We'll`: contractions; `WeChat`, `PayPal`: brand names written in camel case.
    if (/['’](?:m|ve|ll|re|d|s|t)$/.test(lower) || CAMEL_CASE.test(text)) return 'common';
    // `Salom Dilshod`, `Tere Kadri`: a greeting before a name is no part of it; German `Sie`, `Ihr` are
    // capitalised pronouns; `CNP-ul`, `CPR-nummeret`: an abbreviation with an article or a noun joined.
    if (
      GREETINGS.has(lower) ||
      CAPITALISED_FUNCTION_WORDS.has(lower) ||
      HEADER_WORDS.has(lower) ||
      /^\p{Lu}{2,}-\p{Ll}+$/u.test(text)
    )
      return 'common';
    if (lower.endsWith('s') && PLACE_NOUNS.has(lower.slice(0, -1))) return 'common';
    // `Webhook-Konfiguration`, `SIEM-Alarm`, `Kalte-txostena`: a compound noun, its second part in lower case.
    if (/^\p{Lu}[\p{L}]*-\p{Ll}{5,}$/u.test(text)) return 'common';
    // `Передайте`, `Позвоните`: a Russian or Ukrainian polite imperative opening a request.
    if (/[а-яіїє](?:йте|ите|іть|ьте)$/.test(lower)) return 'common';
    // `Dałem`, `Rozmawiałam`, `Przekazałem`: a Polish verb in the first person past opening a sentence.
    // (Not a listed given name in the instrumental: `z Michałem`.)
    if (/\p{L}{2}ł(?:em|am|ośmy|iśmy|yśmy)$/u.test(lower) && !this.given(lower.slice(0, -2))) return 'common';
    if (this.given(lower)) {
      if (CALENDAR.has(lower)) return 'ambiguousGiven';
      if (names.place(lower)) return 'place';
      return names.ambiguous.has(lower) ? 'ambiguousGiven' : 'given';
    }
    if (names.place(lower) || STREET_WORD.test(lower)) return 'place';
    if (names.family.has(lower)) return names.common(lower) ? 'common' : 'family';
    if (names.common(lower)) return 'common';
    // `Anmeldung`, `Mitgliedsantrag`, `WLAN-Passwort`: a long German noun, by its ending, names no one.
    // (The last part of a compound: `Siu-fung` is a Cantonese name.)
    const tail = lower.slice(lower.lastIndexOf('-') + 1);
    if (tail.length >= 8 && GERMAN_NOUN_END.test(tail)) return 'common';
    if (lower.includes('-') || lower.includes("'") || lower.includes('’')) {
      if (JAPANESE_PLACE_SUFFIX.test(lower)) return 'place';
      // `SV-Nummer`, `ID-Karte`, `PIN-Code`: a label, not a double-barrelled name.
      if (LABEL_PART.test(lower)) return 'common';
      const parts = text.split(/[-'’]/).filter((part) => part.length > 1);
      const classes = parts.map((part) => this.#classify(part, part.toLowerCase()));
      // `Follow-up`, `Check-in`: ordinary words joined.
      if (classes.every((c) => c === 'common')) return 'common';
      if (classes.some((c) => c === 'place')) return 'place';
      if (classes.some((c) => c === 'family' || c === 'given')) return 'family';
      if (classes.some((c) => c === 'shape')) return 'shape';
      // `Okonkwo-Bello`: a double-barrelled name is name-shaped in itself.
      if (classes.length > 1 && classes.every((c) => c === 'unknown')) return 'shape';
    }
    return nameShaped(text, lower) ? 'shape' : 'unknown';
  }

  /** What the words before `w` say about it. */
  before(w: Word): Cue {
    const prev = previousWord(this.text, w.start);
    if (!prev) return undefined;
    // `K. Raghunathan`: an initial belongs to the name; the cue stands before it.
    // (An initial is one code point: two code units at most.)
    if (prev.word.text.length <= 2 && /^\.\s?$/.test(prev.gap) && /^\p{Lu}$/u.test(prev.word.text))
      return this.before(prev.word);
    const { raw, gap } = prev;
    // Most words stand after one space, where none of the marks below can be.
    if (gap !== ' ') {
      if (/[\n.!?;]/.test(gap)) {
        const signOff = /\n/.test(gap) && SIGN_OFFS.has(raw);
        return signOff || /(?:^|[\s.!?])(?:--?|—)\s*$/.test(gap) ? 'strong' : undefined;
      }
      // (`Data karyawan — Nama: Siti …`: a field's label after a heading's dash is no signature, nor is a greeting's
      // first word, `Lettre — Cher confrère`.)
      if (/^\s*(?:--?|—)\s*$/.test(gap))
        return this.text[w.end] === ':' || GREETINGS_AFTER_DASH.has(w.lower) ? undefined : 'strong';
      // (`Name: <your name> | Address:`: a word in another field, or in a template's placeholder, is no cue.)
      if (/[\d|<>]/.test(gap)) return undefined;
      if (gap.includes(':')) {
        // (`орендаря: Ігор`: no speaker's label in a transcript, where `Agent: Will do` is.)
        if (ROLES_BEFORE_COLON.has(raw)) return 'strong';
        if (PERSON_BEFORE.has(raw) || FIELDS_BEFORE_NAME.has(raw)) return 'label';
        // `[19:47] Maman: Koffi, envoie l'argent…`: a turn of a chat log that opens by calling someone.
        return /^:\s$/.test(gap) && this.text[w.end] === ',' && this.#stampedLabel(prev.word)
          ? 'strong'
          : undefined;
      }
    }
    if (PERSON_BEFORE.has(raw) || SELF_INTRODUCTIONS.has(raw)) return 'strong';
    // The word before that is read only when this one can end a two-word cue (most words cannot).
    const earlier =
      PAIR_ENDS.has(raw) || raw === 'is' || raw === 'was'
        ? previousWord(this.text, prev.word.start)
        : undefined;
    if (earlier && !/[\n.!?;:]/.test(earlier.gap) && PERSON_BEFORE_PAIRS.has(`${earlier.raw} ${raw}`))
      return 'strong';
    if (PERSON_BEFORE_PAIRS.has(raw)) return 'strong';
    // `the courier is Rizwan`, `my manager, Temitope`.
    if (earlier && (raw === 'is' || raw === 'was') && PERSON_BEFORE.has(earlier.raw)) return 'strong';
    if (NOT_PERSON_BEFORE.has(raw)) return 'block';
    if (WEAK_BEFORE.has(raw) && !/[,:]/.test(gap)) return 'weak';
    return undefined;
  }

  /** What follows the name ending with `last` says about it (`first` for speaker labels). */
  after(first: Word, last: Word): Cue {
    const gap = gapAfter(this.text, last);
    // Most names are followed by one space, where none of the marks below can be.
    if (gap !== ' ') {
      if (/^:\s/.test(gap)) return this.#turnStart(first) ? 'label' : undefined;
      // `Leota [14:03]: done`: a chat export's speaker label before the time of the turn.
      if (/^ \[\d{1,2}:\d{2}(?::\d{2})?\]:\s/.test(this.text.slice(last.end, last.end + 14)))
        return this.#turnStart(first) ? 'strong' : undefined;
      // `Speaker 1 (Liang): …`, `Supervisor (Tunde): …`.
      if (/^\)\s*:/.test(gap) && this.text[first.start - 1] === '(') return 'label';
      if (/^\s*&\s*$/.test(gap)) return 'block';
      if (gap === '-') {
        const next = nextWord(this.text, last);
        return next && HONORIFIC_SUFFIXES.has(next.lower) ? 'strong' : undefined;
      }
      if (gap === '' || gap === '.' || gap === '\n') return undefined;
    }
    const rest = this.text.slice(last.end, last.end + 40);
    const words = WORDS_AFTER.exec(rest);
    const word1 = words?.[1] === undefined ? undefined : lowerCase(words[1]);
    const word2 = words?.[2] === undefined ? undefined : lowerCase(words[2]);
    // `Aanya's 5th birthday`: an ordinal between the possessive and the thing.
    if (/^['’]s \d+(?:st|nd|rd|th) /.test(rest)) {
      const owned = /^['’]s \d+(?:st|nd|rd|th) (\p{L}+)/u.exec(rest)?.[1]?.toLowerCase();
      return owned !== undefined && PERSONAL_POSSESSIONS.has(owned) ? 'strong' : 'weak';
    }
    if (!word1) return undefined;
    if (gap === ' ' && TITLES_AFTER_NAME.has(word1)) return 'strong';
    // `Mensah family:`, `the De Souza family account`.
    if (gap === ' ' && word1 === 'family') return 'strong';
    if ((rest[0] === "'" || rest[0] === '’') && rest[1] === 's')
      return PERSONAL_POSSESSIONS.has(word1) ? 'strong' : 'weak';
    if (gap !== ' ' && /^\s*\(/.test(rest))
      return DEPARTMENTS.has(word1) || PERSON_BEFORE.has(word1) ? 'strong' : undefined;
    if (rest[0] === ',') {
      if (/^(?:who|whose|he|she|he's|she's|he'll|she'll|he'd|she'd)$/.test(word1) || PERSON_BEFORE.has(word1))
        return 'strong';
      if ((word1 === 'our' || word1 === 'my' || word1 === 'your' || word1 === 'the') && word2)
        return PERSON_BEFORE.has(word2) || DEPARTMENTS.has(word2) ? 'strong' : undefined;
      // `Diyar Barzanî, telefon +964…`, `Maria do Céu Albuquerque, NIF …`: a person's own details follow.
      return PERSONAL_FIELDS.has(word1) ? 'weak' : undefined;
    }
    if (gap !== ' ' && !/^\s/.test(rest)) return undefined;
    if (BUSINESS_NOUNS.has(word1)) return 'block';
    // `Horváth úr`, `Kovács asszony`: Hungarian titles stand after the surname.
    if (HUNGARIAN_TITLES_AFTER.has(word1)) return 'strong';
    if (word1 === 'who' || PERSON_AFTER.has(word1)) return 'strong';
    if (ADVERBS.has(word1) && word2 && PERSON_AFTER.has(word2)) return 'strong';
    if (word1 !== lowerCase(word1)) return undefined;
    const verb = ADVERBS.has(word1) && word2 ? word2 : word1;
    // `Olek got his visa`, `Auma lost her phone`: a verb and then his or her, said of a person.
    if (verb === word1 && (word2 === 'his' || word2 === 'her') && this.names.finiteVerb(verb))
      return 'strong';
    if (this.names.finiteVerb(verb)) return 'weak';
    // `Kristensen leaves` but `Atlassian accounts`: an -s form counts only after a listed name (see person.ts).
    if (this.names.verbOrPlural(verb)) return 'weakVerb';
    if (word1 === 'from' && word2 && (DEPARTMENTS.has(word2) || !/^\s*from\s+(?:the\s+)?\p{Lu}/u.test(rest)))
      return 'strong';
    if (word1 === 'from' && /^\s*from\s+the\s/u.test(rest)) return 'strong';
    if (/^(?:will|would|can|could|should|has|had|was|is|and|at|on|in|to)$/.test(word1)) return 'weak';
    return undefined;
  }

  /** At the start of a line, after a time stamp, or after a finished sentence: where a speaker label stands. */
  #turnStart(w: Word): boolean {
    let i = w.start;
    while (i > 0 && (this.text[i - 1] === ' ' || this.text[i - 1] === '\t')) i--;
    if (i === 0) return true;
    const before = this.text[i - 1] ?? '';
    if (before === '\n' || before === ']' || before === '.' || before === '?' || before === '!') return true;
    // `00:00:12 Frank: …`: a time stamp before a speaker label.
    return /\d{1,2}:\d{2}(?::\d{2})?$/.test(this.text.slice(Math.max(0, i - 8), i));
  }

  /**
   * Is a lone unknown word before `: ` a speaker's label? Only in a dialogue: before a turn that opens as speech
   * does, after a time stamp or a bracket, or with another speaker's label in the text. A line's one
   * `Nómina: a Lucía…`, `Dierenarts: de kat…` is a heading.
   */
  speakerInDialogue(w: Word): boolean {
    // `Taini: my new email…`, `Dagmawi: sorry, running late`: a turn that opens as speech does.
    const opening = /^:\s+([\p{L}'’]+)/u.exec(this.text.slice(w.end, w.end + 24))?.[1]?.toLowerCase();
    if (opening && (UTTERANCE_STARTS.has(opening) || /^\p{L}+['’](?:ll|d|ve|re|m|s)$/u.test(opening)))
      return true;
    const before = this.text.slice(Math.max(0, w.start - 12), w.start);
    if (/(?:\]|\d{1,2}:\d{2}(?::\d{2})?)\s*$/.test(before)) return true;
    const labels = speakerLabels(this.text);
    return labels.size > 1 || (labels.size === 1 && !labels.has(w.text));
  }

  /** A speaker label after a chat log's time stamp (`[19:47] Maman:`). */
  #stampedLabel(label: Word): boolean {
    return /\[\d{1,2}:\d{2}(?::\d{2})?\]\s?$/.test(
      this.text.slice(Math.max(0, label.start - 12), label.start),
    );
  }

  /** Does an utterance follow a speaker label (`Femi: ok so…`), rather than a value (`Kantoor: Keizersgracht 123`)? */
  utteranceAfter(last: Word): boolean {
    const m = /^:\s+([\p{L}'’]+)(?![\p{L}.])/u.exec(this.text.slice(last.end, last.end + 30));
    const word = m?.[1];
    if (!word) return false;
    const lower = word.toLowerCase();
    // `Jordan: we'd come in under that`, `Dagny: I've put…`: a pronoun's contraction opens a turn.
    if (/^(?:i|we|you|they|he|she|it|that|there)['’](?:ll|d|ve|re|m|s)$/.test(lower)) return true;
    if (UTTERANCE_STARTS.has(lower) || (word === lower && this.names.common(lower))) return true;
    if (/^:\s+[\p{L}'’]+\d/u.test(this.text.slice(last.end, last.end + 30))) return false;
    // `Blessing: Call me on …`, `Koffi: Mon numéro c'est le …`: a capitalised ordinary word, or any word
    // and three lower-case words after it, make a sentence; `Kantoor: Keizersgracht 123` is a value.
    return (
      (word !== lower &&
        word !== word.toUpperCase() &&
        this.names.common(lower) &&
        !this.names.place(lower)) ||
      /^:\s+\S+(?:\s+\p{Ll}[\p{L}'’]*){3}/u.test(this.text.slice(last.end, last.end + 60))
    );
  }

  /** The first word of a sentence: capitalised for grammar, so its capital proves nothing. */
  sentenceStart(w: Word): boolean {
    const prev = previousWord(this.text, w.start);
    return !prev || /[\n.!?:;"“(]/.test(prev.gap);
  }

  /** Is the word right before `w` (same sentence) capitalised? */
  capitalisedBefore(w: Word): boolean {
    const prev = previousWord(this.text, w.start);
    return prev !== undefined && prev.gap === ' ' && isTitle(prev.word.text);
  }

  /** A street word right after a lone given name (`Kenyatta Avenue`, `Moi Avenue`): a street named after someone. */
  streetFollows(last: Word): boolean {
    const next = nextWord(this.text, last);
    return next !== undefined && isTitle(next.text) && STREET_NOUNS.has(next.lower);
  }

  /** A place noun right after the run (`Osu Badu Street`, `Trident Park`) makes it a place's name. */
  placeFollows(last: Word): boolean {
    const next = nextWord(this.text, last);
    return next !== undefined && isTitle(next.text) && PLACE_NOUNS.has(next.lower);
  }
}
