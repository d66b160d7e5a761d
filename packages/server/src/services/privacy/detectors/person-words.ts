/** Word lists the person scanner (person.ts) reads around a capitalised word. */

/** `in Gulshan`, `at Florence`: a lone name-like word after these is a place. */
export const PLACE_PREPOSITIONS = new Set([
  'in',
  'at',
  'near',
  'into',
  'across',
  'around',
  'outside',
  'inside',
]);
/** Words after which a name in a list may end (`Lindiwe and Sbu for covering`). */
export const PHRASE_END = new Set(
  'for from to in at on and or who both also all are were have had will would said asked joined'.split(' '),
);
/** Words of a found name that vouch for the same word elsewhere (not `Sydney`, `Mark`: those are also words). */
export const NAME_WORDS: ReadonlySet<string> = new Set(['given', 'family', 'shape', 'unknown']);
/** Particles that only surnames have (`van`, `von`, `ter`); `de`, `da`, `le` are also articles. */
export const STRONG_PARTICLES = new Set(['van', 'von', 'ter', 'ten', 'vander', 'vanden']);
/** Words before a particle that introduce a person (`with de Vries`, `by da Silva`). */
export const PARTICLE_LEADS = new Set('with by to from and cc for ask asked told thanks'.split(' '));
/** Words after a person's name that rarely follow a thing's (`Mrs Cook about the balance`). */
export const ABOUT = new Set('about regarding re with says'.split(' '));
/** After a name opening a sentence, words that make it a vocative (`Hope, can you…`). */
export const VOCATIVE_FOLLOWS =
  /^,\s+(?:can|could|would|will|please|pls|you|are|did|do|have|thanks|thank|just|quick|any|let|i|i'm|we|when|where|is|what)\b/i;
/** Greetings and thanks before a vocative. */
export const GREETINGS = new Set(
  'يا hi hello hey hiya dear thanks thank thx cheers morning evening bye ask ping cc welcome congrats hola halo selam salam molo talofa aloha ciao hallo valeu salamat ora sana mihi bula salom tere moi hei hej oi olá salut servus pozdrav zdravo ahoj labas sveiki здравствуйте здравейте привет привіт вітаю сәлем бе σου jambo habari sawubona dumela привет привіт здравствуй здраво გამარჯობა բարև வணக்கம் moien bonjou salam pozdrawiam saludos cumprimentos atenciosamente cordialement groeten hälsningar terveisin hujambo здравей rojbaş silav merhaba günaydın'.split(
    ' ',
  ),
);
/** Words joining two names (`Yusuf Abubakar and Hauwa Ibrahim`). */
export const AND =
  /^(?:,\s*|\s+(?:and|&|or|und|et|y|e|och|og|en|i|и|ir|un|ja|és|ve|na|và|dan|oraz|та|і|και)\s+)$/;

/** Acronyms of identity numbers, as written in capitals. */
export const ID_ACRONYMS = new Set(
  'NINO NIN SSN PESEL BSN CPF DNI NIE NIF CURP RFC CNP OIB JMBG EGN TFN IRD NHI PPSN SIN CNIC NID NIC KTP NIK'.split(
    ' ',
  ),
);

/** Endings of German nouns that no name has (`-ung`, `-heit`, `-antrag`, `-passwort`). */
export const GERMAN_NOUN_END =
  /(?:ung|ungen|heit|keit|schaft|antrag|daten|verein|sprecher|sprecherin|sprache|passwort|nummer|vertrag|rechnung|bescheid|erklärung)$/;
