/** Context words and patterns for the person-name detector. */

export const HONORIFICS = new Set(
  `mr mrs ms miss mx dr prof sir dame lady lord herr frau fräulein monsieur mme mlle madame mademoiselle m señor señora señorita
sr sra srta don doña dona sig signor signora signorina sgr pan pani senhor senhora sayın bay bayan hr fru mevrouw meneer dhr mevr
sheikh shaikh sayyid hajji shri sri smt mister captain capt officer detective sgt sergeant inspector`
    .split(/\s+/)
    .filter(Boolean),
);
export const PARTICLES = new Set([
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
export const EAST_ASIAN_FAMILY = new Set(
  `wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang han feng deng cao
peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao cui zhong tan fan jin shi liao jia xia fu
fang bai zou meng xiong qin qiu hou yin xue yan duan lei long mao hao gu gong shao wan qian kim lee park choi jung jeong kang cho
yoon jang lim oh seo shin kwon hwang ahn jeon hong yoo moon son bae baek nam nguyen tran le pham hoang huynh phan vu vo dang bui
do ngo duong truong`.split(/\s+/),
);
export const VIETNAMESE_MIDDLE = new Set(
  'van thi duc ngoc thanh quoc huu minh hoang xuan kim cong dinh'.split(' '),
);
/** Names that are first of all places: alone they are the place. */
export const PLACE_NAMES = new Set(
  `sydney paris florence victoria georgia adelaide carolina virginia madison charlotte regina chelsea brooklyn dallas houston
phoenix austin jordan london india china denver tyler lincoln washington milan orlando savannah lourdes roma santiago aurora
florida dakota israel kenya berlin vienna`.split(/\s+/),
);
/** Capitalised words that follow a name-like word in place names (`Victoria Station`), never surnames. */
export const PLACE_NOUNS = new Set(
  `station street st road rd avenue ave lane drive square park bridge airport harbour harbor river lake mountain mount city county
university college school hospital clinic hotel opera house tower hall center centre church cathedral museum stadium arena mall
market line bay beach island valley falls heights gardens garden terminal port state province district company inc ltd gmbh corp
group team club cup street strasse straße platz weg allee rue avenue calle plaza via piazza east west north south central
international airport day night period`.split(/\s+/),
);
export const DETERMINERS = new Set(
  'the a an this that these those our your my his her their its der die das den dem des ein eine le la les un une el los las il lo gli una'.split(
    ' ',
  ),
);
/** Verbs only people do: a lone ambiguous name before one is a person (`Jordan said`). */
export const SPEECH_VERBS = new Set(
  `said says wrote writes asked asks told tells replied replies called emailed texted mentioned agreed signed approved joined met`.split(
    /\s+/,
  ),
);
/** Verbs that make a lone ambiguous name at a sentence start a person (`Mark will`). */
export const PERSON_VERBS = new Set([
  ...SPEECH_VERBS,
  ...'sent thinks thought wants needs will would can could should has had was'.split(' '),
]);
export const PINYIN_LIKE =
  /^(?:(?:zh|ch|sh|[bcdfghjklmnpqrstwxyz])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ao|ei|ia|ie|in|iu|ou|ua|uo|ui|un|an|en|er|a|e|i|o|u|ü)){1,2}$/;
export const KOREAN_GIVEN = /^[A-Z][a-z]{1,5}-[a-z]{2,5}$/;

/** Honorific suffixes after a CJK name (`田中さん`, `王先生`, `민준 씨`): found literally, then the name is read backwards. */
export const CJK_SUFFIX = /さん|さま|様|氏|先生|くん|君|ちゃん|女士|小姐|老师|님|씨/g;
export const isHanOrKana = (code: number) =>
  (code >= 0x4e00 && code <= 0x9fff) ||
  (code >= 0x3400 && code <= 0x4dbf) ||
  (code >= 0x30a0 && code <= 0x30ff);
export const isHangul = (code: number) => code >= 0xac00 && code <= 0xd7af;
