/**
 * The words people read a phone number out with, per language: each word's value (`veintitrés` 23,
 * `девятьсот` 900), the word that joins tens and units (`cincuenta y cinco`), the word for a hundred
 * that takes a digit before it (`beş yüz`), and the words that repeat the next digit (`double oh`).
 */
export interface NumberWords {
  values: ReadonlyMap<string, number>;
  joiner?: string;
  hundred?: string;
  repeats?: Readonly<Record<string, number>>;
  /** Round tens that take a teen after them (French `soixante-dix`, `quatre-vingt-dix`). */
  tensTakeTeens?: ReadonlySet<number>;
  /** Ten takes a unit after it (Turkish `on iki`: no words of their own for the teens). */
  tenTakesUnits?: boolean;
}

/**
 * The words of a list, one value per word from `first` by `step` (`cero uno|un|una dos …` from 0 by 1,
 * `veinte treinta …` from 20 by 10); `|` separates the spellings of one value.
 */
function counted(first: number, step: number, words: string): [string, number][] {
  return words
    .split(' ')
    .flatMap((spellings, i) =>
      spellings.split('|').map((word): [string, number] => [word, first + i * step]),
    );
}

/** Units from 0, teens from 10, tens from 20 and hundreds from 100: the lists most languages have. */
function decimal(units: string, teens: string, tens: string, hundreds = ''): [string, number][] {
  return [
    ...counted(0, 1, units),
    ...counted(10, 1, teens),
    ...counted(20, 10, tens),
    ...(hundreds ? counted(100, 100, hundreds) : []),
  ];
}

/** Tens and a unit written as one word (`quarantotto`, `einundzwanzig`): each of the 72 from 21 to 99. */
function joinedTens(
  tens: string,
  units: string,
  join: (ten: string, unit: string) => string,
): [string, number][] {
  return tens
    .split(' ')
    .flatMap((ten, i) =>
      units.split(' ').map((unit, j): [string, number] => [join(ten, unit), 21 + i * 10 + j]),
    );
}

const ENGLISH: NumberWords = {
  values: new Map(
    decimal(
      'zero|oh|o|nought one two three four five six seven eight nine',
      'ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen',
      'twenty thirty forty fifty sixty seventy eighty ninety',
    ),
  ),
  hundred: 'hundred',
  repeats: { double: 2, triple: 3 },
};

const SPANISH: NumberWords = {
  values: new Map([
    ...decimal(
      'cero uno|un|una dos tres cuatro cinco seis siete ocho nueve',
      'diez once doce trece catorce quince dieciséis|dieciseis diecisiete dieciocho diecinueve',
      'veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa',
      'cien|ciento doscientos|doscientas trescientos|trescientas cuatrocientos|cuatrocientas quinientos|quinientas ' +
        'seiscientos|seiscientas setecientos|setecientas ochocientos|ochocientas novecientos|novecientas',
    ),
    ...counted(
      21,
      1,
      'veintiuno|veintiún|veintiuna veintidós|veintidos veintitrés|veintitres veinticuatro veinticinco ' +
        'veintiséis|veintiseis veintisiete veintiocho veintinueve',
    ),
  ]),
  joiner: 'y',
  repeats: { doble: 2, triple: 3 },
};

const PORTUGUESE: NumberWords = {
  values: new Map(
    decimal(
      // Brazilians read a six as `meia` (half a dozen) in numbers.
      'zero um|uma dois|duas três|tres quatro cinco seis|meia sete oito nove',
      'dez onze doze treze catorze|quatorze quinze dezesseis|dezasseis dezessete|dezassete dezoito dezenove|dezanove',
      'vinte trinta quarenta cinquenta|cincoenta sessenta setenta oitenta noventa',
      'cem|cento duzentos|duzentas trezentos|trezentas quatrocentos|quatrocentas quinhentos|quinhentas ' +
        'seiscentos|seiscentas setecentos|setecentas oitocentos|oitocentas novecentos|novecentas',
    ),
  ),
  joiner: 'e',
};

const IT_UNITS = 'uno due tre quattro cinque sei sette otto nove';
const IT_TENS = 'venti trenta quaranta cinquanta sessanta settanta ottanta novanta';
const ITALIAN: NumberWords = {
  values: new Map([
    ...decimal(
      `zero ${IT_UNITS}`,
      'dieci undici dodici tredici quattordici quindici sedici diciassette diciotto diciannove',
      IT_TENS,
      'cento duecento trecento quattrocento cinquecento seicento settecento ottocento novecento',
    ),
    // `ventuno`, `quarantotto`: the tens drop their vowel before `uno` and `otto`; `ventitré` takes an accent.
    ...joinedTens(IT_TENS, IT_UNITS, (ten, unit) => (/^[uo]/.test(unit) ? ten.slice(0, -1) : ten) + unit),
    ...joinedTens(IT_TENS, IT_UNITS, (ten, unit) => ten + (unit === 'tre' ? 'tré' : unit)),
  ]),
  repeats: { doppio: 2, triplo: 3 },
};

const FR_UNITS = 'un deux trois quatre cinq six sept huit neuf';
const FR_TEENS = 'dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf';
const FR_TENS = 'vingt trente quarante cinquante soixante septante huitante nonante';
/** `vingt-deux`, `vingt-et-un`, `soixante-douze`, `quatre-vingt-dix-neuf`: built from their parts. */
function frenchCompounds(): [string, number][] {
  const units = FR_UNITS.split(' ');
  const teens = FR_TEENS.split(' ');
  return [
    ...FR_TENS.split(' ').flatMap((ten, i) => [
      [`${ten}-et-un`, 21 + i * 10] as [string, number],
      ...units.slice(1).map((unit, j): [string, number] => [`${ten}-${unit}`, 22 + i * 10 + j]),
    ]),
    ['octante', 80],
    ['quatre-vingt', 80],
    ['quatre-vingts', 80],
    ['soixante-et-onze', 71],
    ...teens.map((teen, j): [string, number] => [`soixante-${teen}`, 70 + j]),
    ...units.map((unit, j): [string, number] => [`quatre-vingt-${unit}`, 81 + j]),
    ...teens.map((teen, j): [string, number] => [`quatre-vingt-${teen}`, 90 + j]),
  ];
}
const FRENCH: NumberWords = {
  values: new Map([
    ...decimal(
      `zéro|zero un|une ${FR_UNITS.slice(3)}`,
      FR_TEENS,
      FR_TENS,
      'cent deux-cents trois-cents quatre-cents cinq-cents six-cents sept-cents huit-cents neuf-cents',
    ),
    ...frenchCompounds(),
  ]),
  joiner: 'et',
  tensTakeTeens: new Set([60, 80]),
  repeats: { double: 2, triple: 3 },
};

const DE_TENS = 'zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig';
const DE_UNITS = 'ein zwei drei vier fünf sechs sieben acht neun';
const GERMAN_TO_99: [string, number][] = [
  ...decimal(
    'null eins|ein|eine zwei|zwo drei vier fünf|fuenf sechs sieben acht neun',
    'zehn elf zwölf|zwoelf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn',
    DE_TENS.replace('dreißig', 'dreißig|dreissig'),
  ),
  ...joinedTens(DE_TENS, DE_UNITS, (ten, unit) => `${unit}und${ten}`),
];
/** `hundert`, `zweihundert`, and a hundred with the rest in one word (`einhundertdreiundzwanzig`). */
function germanHundreds(): [string, number][] {
  return DE_UNITS.split(' ').flatMap((unit, i) =>
    (i === 0 ? ['hundert', 'einhundert'] : [`${unit}hundert`]).flatMap((hundred): [string, number][] => [
      [hundred, (i + 1) * 100],
      ...GERMAN_TO_99.filter(([, value]) => value > 0).map(([rest, value]): [string, number] => [
        hundred + rest,
        (i + 1) * 100 + value,
      ]),
    ]),
  );
}
const GERMAN: NumberWords = {
  values: new Map([...GERMAN_TO_99, ...germanHundreds()]),
  repeats: { doppel: 2 },
};

const NL_UNITS = 'een twee drie vier vijf zes zeven acht negen';
const NL_TENS = 'twintig dertig veertig vijftig zestig zeventig tachtig negentig';
const DUTCH: NumberWords = {
  values: new Map([
    ...decimal(
      `nul ${NL_UNITS}`,
      'tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien',
      NL_TENS,
      'honderd tweehonderd driehonderd vierhonderd vijfhonderd zeshonderd zevenhonderd achthonderd negenhonderd',
    ),
    // `eenentwintig`, `tweeëntwintig`: a unit ending in `e` takes `ën`.
    ...joinedTens(NL_TENS, NL_UNITS, (ten, unit) => `${unit}${unit.endsWith('e') ? 'ën' : 'en'}${ten}`),
  ]),
  repeats: { dubbel: 2 },
};

const TURKISH: NumberWords = {
  values: new Map(
    decimal(
      'sıfır|sifir bir iki üç|uc dört|dort beş|bes altı|alti yedi sekiz dokuz',
      'on',
      'yirmi otuz kırk|kirk elli altmış|altmis yetmiş|yetmis seksen doksan',
    ),
  ),
  hundred: 'yüz',
  tenTakesUnits: true,
};

const RUSSIAN: NumberWords = {
  values: new Map(
    decimal(
      'ноль|нуль один|одна|одно два|две три четыре пять шесть семь восемь девять',
      'десять одиннадцать двенадцать тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать девятнадцать',
      'двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто',
      'сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот',
    ),
  ),
};

/** Ukrainian writes an apostrophe inside `п'ять`: each word with it is listed with the three signs people type. */
const withApostrophes = (words: string) =>
  words
    .split(' ')
    .map((word) =>
      word.includes("'") ? ["'", '’', 'ʼ'].map((sign) => word.replaceAll("'", sign)).join('|') : word,
    )
    .join(' ');
const UKRAINIAN: NumberWords = {
  values: new Map(
    decimal(
      withApostrophes("нуль один|одна два|дві три чотири п'ять шість сім вісім дев'ять"),
      withApostrophes(
        "десять одинадцять дванадцять тринадцять чотирнадцять п'ятнадцять шістнадцять сімнадцять вісімнадцять дев'ятнадцять",
      ),
      withApostrophes("двадцять тридцять сорок п'ятдесят шістдесят сімдесят вісімдесят дев'яносто"),
      withApostrophes("сто двісті триста чотириста п'ятсот шістсот сімсот вісімсот дев'ятсот"),
    ),
  ),
};

const POLISH: NumberWords = {
  values: new Map(
    decimal(
      'zero jeden|jedna dwa|dwie trzy cztery pięć sześć siedem osiem dziewięć',
      'dziesięć jedenaście dwanaście trzynaście czternaście piętnaście szesnaście siedemnaście osiemnaście dziewiętnaście',
      'dwadzieścia trzydzieści czterdzieści pięćdziesiąt sześćdziesiąt siedemdziesiąt osiemdziesiąt dziewięćdziesiąt',
      'sto dwieście trzysta czterysta pięćset sześćset siedemset osiemset dziewięćset',
    ),
  ),
};

/** A language read digit by digit here: its tens are not read. */
const digitsOnly = (words: string): NumberWords => ({ values: new Map(counted(0, 1, words)) });

export const NUMBER_WORDS: readonly NumberWords[] = [
  ENGLISH,
  SPANISH,
  PORTUGUESE,
  ITALIAN,
  FRENCH,
  GERMAN,
  DUTCH,
  TURKISH,
  RUSSIAN,
  UKRAINIAN,
  POLISH,
  // Arabic (standard and Egyptian spellings), Persian, Hindi, Greek, Indonesian and Malay, Swahili, Vietnamese.
  digitsOnly(
    'صفر واحد|واحدة اثنين|اثنان|إثنين|اتنين|إتنين ثلاثة|ثلاث|تلاتة أربعة|اربعة|أربع|اربع خمسة|خمس ' +
      'ستة|ست|سته سبعة|سبع ثمانية|ثماني|تمانية|ثمنية تسعة|تسع',
  ),
  digitsOnly('صفر یک دو سه چهار پنج شش|شیش هفت هشت نه'),
  digitsOnly('शून्य एक दो तीन चार पांच|पाँच छह|छः|छे सात आठ नौ'),
  digitsOnly(
    'μηδέν|μηδεν ένα|ενα δύο|δυο τρία|τρια τέσσερα|τεσσερα πέντε|πεντε έξι|εξι επτά|εφτά|επτα οκτώ|οχτώ|οκτω εννέα|εννιά|εννεα',
  ),
  digitsOnly('nol|kosong satu dua tiga empat lima enam tujuh delapan|lapan sembilan'),
  digitsOnly('sifuri moja mbili tatu nne tano sita saba nane tisa'),
  digitsOnly('không một|mốt hai ba bốn|tư năm|lăm sáu bảy tám chín'),
];
