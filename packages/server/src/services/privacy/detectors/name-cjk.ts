import type { Span } from '../types.js';
import { linesBeyondLatin } from './util.js';
import { cjkChatNames } from './name-cjk-chat.js';
import { CHINESE_FAMILY, FAMILY_CLASS, HAN, JAPANESE_FAMILY, KOREAN_SURNAME } from './name-cjk-families.js';
import { attendanceNames, namesByRoles, namesInRolls, repeatedNames } from './name-cjk-rolls.js';

/**
 * Person names in Chinese, Japanese and Korean script. These scripts have no capitals, so a name
 * is read only where the text says one stands: after a field label or a role (`氏名:`, `患者`,
 * `이름:`, `联系人：`) or before an honorific suffix (`さん`, `様`, `先生`, `님`, `씨`). The name
 * itself is a family name and a given name, written together (`王志强`, `박지훈`) or with a space
 * (`佐藤 健一`, `タカハシ ミサキ`; an ideographic space is already a plain one in the detection view).
 */

const KANA = '\\u3041-\\u3096\\u30a1-\\u30fa\\u30fc';
const KATAKANA = '\\u30a1-\\u30fa\\u30fc';
const HANGUL = '\\uac00-\\ud7af';

/** Roles before a name (`司机李明`): the name must start with a family name, since a verb may follow a role too (`司机说`). */
const ROLES =
  '被保险人|被保險人|投保人|受益人|理赔人|理賠人|司机|司機|快递员|快遞員|医生|醫生|老师|老師|经理|經理|同事|业主|業主|房东|房東|租客|学生|學生|车主|車主|房客|運転者|驾驶员|駕駛員|乘客|住户|住戶|租户|租戶|理赔员|理賠員|处理人|處理人|员工|員工|职员|職員|会员|會員|学员|學員|請款人|请款人|承租人|出租人|用户|用戶|收款人|付款人|联系人|聯繫人|申请人|申請人|当事人|當事人|报案人|報案人|委托人|委託人|借款人|担保人|擔保人|转账给|轉賬給|汇款给|匯款給|寄给|寄給|我是|我叫|本人|参会人|參會人|候选人|候選人|应聘者|應聘者|面试者|面試者|对接人|對接人|服务员|服務員|店员|店員|导游|導遊|护士|護士';
const ROLE_START = new RegExp(`^(?:${ROLES})`);
/** Labels and roles that a name follows, with an optional colon. */
const LABEL = new RegExp(
  [
    // Chinese labels and roles may run straight into the name (`患者王志强`, `司机李明`).
    `(?:氏名|姓名|名字|宛名|名義|患者|病人|顧客|客户|客戶|署名|签名|簽名|${ROLES})(?:\\s?[:：]\\s?|\\s)?`,
    // Kana and hangul labels need a colon or a space (`고객센터` is a service desk, not a name).
    '|(?:お?名前|フリガナ|ふりがな|カナ|読み|이름|성명|성함|고객|환자명|환자|담당자|담당|수령인|신청인|보호자|예약자|주문자|받는 ?분|받는 ?사람|학생|세입자|운전자|임차인|임대인|신청자|차주|소유자|직원|피보험자|계약자|의뢰인|신고자|작성자|세대주|입주자|수강생|학부모|상주|지원자|참석자|면접자|담임|担当者?|担任|[人総経営][事務理業]部)(?:\\s?[:：]\\s?|\\s)',
    // Any label for a person ending in 者 or 人 before a colon: `申込者:`, `联系人：`, `收件人:`.
    `|[${HAN}]{1,3}(?:[者人]|者名)\\s?[:：]\\s?`,
    // English labels before a name in CJK script (`lead guest 佐々木健太`, `Name: 王志强`).
    '|\\b(?:[Gg]uest|[Nn]ame|[Hh]older|[Cc]ontact|[Cc]ustomer|[Pp]atient|[Pp]assenger|[Rr]ecipient|[Aa]pplicant|[Tt]enant|[Oo]wner|[Dd]river|[Hh]ire|[Ee]mployee|[Cc]andidate|[Ss]tudent|[Cc]lient|[Mm]ember|[Ss]taff)(?:\\s?[:：]\\s?|\\s)',
  ].join(''),
  'g',
);
const KOREAN_KIN = /^(?:남편|아내|부인|어머니|아버지|엄마|아빠|아들|딸) /;
const NEXT_FIELDS = '(?:出生|住址|住所|性別|性别|電話|电话|地址|生年月日|番号|編號|编号|國籍|国籍|年齡|年龄)';
/**
 * A name right after a label: family and given name with a space (Japanese), or a run of Han,
 * katakana or hangul (Chinese, Korean, a reading in katakana).
 */
const NAME_AFTER = new RegExp(
  [
    // (The word after the space is no given name when it is the next field's label: `姓名 林怡君 出生 …`.)
    `[${HAN}]{1,3} (?!${NEXT_FIELDS})[${HAN}${KANA}]{1,4}(?![${HAN}${KANA}])`,
    `[${KATAKANA}]{2,8}[ ・][${KATAKANA}]{2,8}(?![${KATAKANA}])`,
    `[${HANGUL}]{2,4}(?![${HANGUL}])`,
    `[${HAN}]{2,5}(?![${HAN}])`,
  ].join('|'),
  'y',
);
/** Honorific suffixes (and `氏`); Korean ones may stand after a space. */
const SUFFIX = /さん|さま|様|氏|先生|くん|ちゃん|女士|小姐|老师|老師|医生|同学|同學|님|씨/g;
/** Words that end in a suffix-like character but are not a name before an honorific (`皆さん`, `お客様`). */
const NOT_NAMES =
  /^(?:皆|みな|お客|客|お母|お父|母|父|兄|姉|弟|妹|娘|息子|祖母|祖父|叔母|叔父|伯母|伯父|奥|神|王|皆様|各位|患者|先輩|後輩|部長|課長|社長|店長|担当|医|お医者|学生|生徒)$/;

const isHan = (code: number) => (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
const isKatakana = (code: number) => (code >= 0x30a1 && code <= 0x30fa) || code === 0x30fc;
const isHangul = (code: number) => code >= 0xac00 && code <= 0xd7af;

const LISTED_AFTER = new RegExp(`^[、，,]([${[...CHINESE_FAMILY].join('')}][${HAN}]{1,2})(?=[、，,。；;]|$)`);

function afterLabels(text: string, spans: Span[]): void {
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    NAME_AFTER.lastIndex = m.index + m[0].length;
    // `보호자: 남편 윤성민`: a kinship word between the label and the name.
    const kin = KOREAN_KIN.exec(text.slice(NAME_AFTER.lastIndex, NAME_AFTER.lastIndex + 6))?.[0];
    if (kin) NAME_AFTER.lastIndex += kin.length;
    const name = NAME_AFTER.exec(text);
    if (!name) {
      // `客户张伟要求退款`: the name runs on into the sentence; a family name and two characters cover it.
      const at = m.index + m[0].length;
      if (CHINESE_FAMILY.has(text[at] ?? '') && isHan(text.charCodeAt(at + 2))) {
        spans.push({ start: at, end: at + 3, type: 'PERSON' });
      }
      continue;
    }
    const family = CHINESE_FAMILY.has(name[0][0] ?? '') || JAPANESE_FAMILY_START.test(name[0]);
    if (ROLE_START.test(m[0]) && !family) continue;
    let end = NAME_AFTER.lastIndex;
    // `患者王志强主诉头痛`, `学生李娜的学号`: a Chinese name is two or three characters; a longer run goes on with
    // the sentence. (After an English label the run ends at the name: `lead guest 田中太郎,`.)
    const chinese = !/[A-Za-z]/.test(m[0]);
    // (`氏名 山田翔太、`: a Japanese family name of two characters and a given name of two, up to the next field.)
    const japanese =
      JAPANESE_FAMILY_START.test(name[0]) &&
      name[0].length <= 5 &&
      /^(?:[、，,。;；\s]|$)/.test(text.slice(end, end + 1));
    if (
      chinese &&
      !japanese &&
      !/[ ・]/.test(name[0]) &&
      isHan(name[0].charCodeAt(0)) &&
      name[0].length >= 4
    ) {
      const possessive = name[0].indexOf('的');
      end = name.index + (possessive > 1 ? possessive : Math.min(3, name[0].length - 1));
    }
    spans.push({ start: name.index, end, type: 'PERSON' });
    // `参会人周杰、吴芳、马强`: more names listed after the first, each with a family name.
    for (
      let m2 = LISTED_AFTER.exec(text.slice(end, end + 8));
      m2?.[1];
      m2 = LISTED_AFTER.exec(text.slice(end, end + 8))
    ) {
      spans.push({ start: end + 1, end: end + 1 + m2[1].length, type: 'PERSON' });
      end += 1 + m2[1].length;
    }
  }
}

/** Reads the name backwards from an honorific suffix, over one space between family and given name. */
function beforeSuffixes(text: string, spans: Span[]): void {
  SUFFIX.lastIndex = 0;
  for (let m = SUFFIX.exec(text); m; m = SUFFIX.exec(text)) {
    const korean = m[0] === '님' || m[0] === '씨';
    let end = m.index;
    if (text[end - 1] === ' ') end--;
    const fits = korean ? isHangul : (code: number) => isHan(code) || isKatakana(code);
    let start = end;
    while (start > 0 && end - start < 4 && fits(text.charCodeAt(start - 1))) start--;
    // `渡辺 さくらさん`: a given name in hiragana counts only after a family name in kanji and a space.
    if (!korean && start === end) start = hiraganaGiven(text, end);
    // `王先生`: 王 is a king before `様`, but the commonest family name before `先生`, `女士`, `小姐`.
    const wang = text.slice(start, end) === '王' && /^(?:先生|女士|小姐)$/.test(m[0]);
    if (end - start < (korean ? 2 : 1) || (NOT_NAMES.test(text.slice(start, end)) && !wang)) continue;
    // `최수빈 고객님`: a role before the suffix; the name is the word before the role.
    if (korean && KOREAN_ROLES.test(text.slice(start, end))) {
      const name = /([\uac00-\ud7af]{2,4}) $/.exec(text.slice(Math.max(0, start - 6), start));
      if (name?.[1]) spans.push({ start: start - 1 - name[1].length, end: start - 1, type: 'PERSON' });
      continue;
    }
    // `佐藤 健一様`: a family name of one to three characters before a space belongs to the name.
    if (!korean && text[start - 1] === ' ') {
      let family = start - 1;
      while (family > 0 && start - 1 - family < 3 && isHan(text.charCodeAt(family - 1))) family--;
      // `302号 佐藤様`: a counter after a number (an address's room) is no family name.
      const lone = family === 0 || !(isHan(text.charCodeAt(family - 1)) || /\d/.test(text[family - 1] ?? ''));
      if (family < start - 1 && lone) start = family;
    }
    spans.push({ start, end, type: 'PERSON' });
  }
}

const isHiragana = (code: number) => code >= 0x3041 && code <= 0x3096;

/** Where a hiragana given name ending at `end` starts, with its kanji family name, or `end`. */
function hiraganaGiven(text: string, end: number): number {
  let start = end;
  while (start > 0 && end - start < 4 && isHiragana(text.charCodeAt(start - 1))) start--;
  if (start === end || text[start - 1] !== ' ') return end;
  let family = start - 1;
  while (family > 0 && start - 1 - family < 3 && isHan(text.charCodeAt(family - 1))) family--;
  const lone = family === 0 || !isHan(text.charCodeAt(family - 1));
  return family < start - 1 && lone ? family : end;
}

/** Korean roles that take `님` (`고객님`, `기사님`): the name, if any, is the word before. */
const KOREAN_ROLES =
  /^(?:고객|기사|선생|사장|부장|과장|차장|팀장|회원|환자|원장|대표|대리|주임|실장|이사|상무|교수|학부모|보호자)$/;
/**
 * Chinese names in running text, by what stands around them: after a kinship word, a card holder or a
 * request (`表姐刘佳怡的`, `持卡人陈志明，`, `请陈美玲通知`), or at the start of a clause before an
 * identity card or phone number (`王秀英身份证号`, `刘洋洋的手机号码`, `王秀英的体检报告`), or before a verb of speaking
 * (`王志强说`). A family name and one or two characters.
 */
const CHINESE_IN_TEXT = new RegExp(
  `(?:请|持卡人|收款人|付款人|联系人|收件人|收货人|负责人|申请人|经办人|表姐|表哥|表妹|表弟|姐姐|哥哥|妹妹|弟弟|阿姨|叔叔|舅舅|姑姑|老公|老婆|儿子|女儿|同事|朋友)\\s?(${FAMILY_CLASS}[${HAN}]{1,2}?)(?=的|，|,|。|通知|说|已|在|是|$)` +
    `|(?:^|(?<=[\\s，,。；;、：:]))(${FAMILY_CLASS}[${HAN}]{1,2}?)(?<![打给])(?=\\s?[，,]?的?(?:身份证|身份證|手机|手機|电话|電話|联系电话|聯絡電話|护照|護照|车牌|車牌|电邮|電郵|邮箱|郵箱|地址|住址|生日|出生日期|银行卡|銀行卡|账户|帳戶|体检|病历|工资|签证|简历|成绩单))` +
    // `王志强说明天不来了`: a name opening a clause before a verb of speaking or calling (not a word that starts like one: `马上说`).
    `|(?:^|(?<=[\\s，,。；;、：:]))(?!马上|高兴|周[一二三四五六日末]|何时|白天|金额|许多|于是|曾经|万一|程序|董事)(${FAMILY_CLASS}[${HAN}]{1,2}?)(?=说|问我|表示|认为|觉得|打电话|打了电话|回复|答应|同意|请假)` +
    // `王芳，请把合同发到…`: a name opening the line, addressed before a request.
    `|^(${FAMILY_CLASS}[${HAN}]{1,2}?)(?=[，,](?:请|麻烦|你|您|帮))` +
    // `工单：赵磊的邮箱`, `簽證申請：林怡君，`: a name right after a form's colon, before 的 or the field's end.
    `|(?<=[:：]\\s?)(${FAMILY_CLASS}[${HAN}]{1,2}?)(?=的|[，,。；;]|$)`,
  'g',
);
/** `陈静和刘洋明天去广州`: two names joined by 和 or 与 at the start of a clause, before a time or a verb. */
const CHINESE_PAIR = new RegExp(
  `(?:^|(?<=[\\s，,。；;、：:]))(${FAMILY_CLASS}[${HAN}]{1,2}?)[和与跟](${FAMILY_CLASS}[${HAN}]{1,2}?)(?=明天|今天|昨天|后天|下午|上午|已经|已|都|一起|去|来|说|会|在)`,
  'g',
);
/**
 * Chinese titles after a family name alone (`王经理`, `李总`); the name is the family name. (`总部`,
 * `总公司`: headquarters, not a title.)
 */
const CHINESE_TITLED = new RegExp(
  `(?<![${HAN}])(${FAMILY_CLASS})(?=经理|經理|总监|總監|主任|老板|律师|律師|教授|师傅|師傅|部长|科长|处长|院长|总(?![部公局站])|總(?![部公局站]))`,
  'g',
);
/**
 * Japanese family names (and Chinese family names with a given name) where the text around them says a
 * person stands there: a family name and a given name with a space (`佐藤 美咲 called`), before `です`
 * (`山田です`), as a speaker label at the start of a line (`田中: …`), in brackets after a number or a
 * Latin-script name (`My Number 6257…（高橋健一）`, `Wang Lei (王磊)`) or between dashes (`– 刘洋 –`).
 */
const KOREAN_LABELS =
  '(?:성명|문자|주소|전화|연락처|메모|제목|내용|참고|요청|결과|상태|시간|날짜|장소|금액|비고|이메일|답장|안내|공지|알림|고객|직원|기사)(?![\\uac00-\\ud7af])';
const CJK_NAME_PLACES = new RegExp(
  [
    `(?<![${HAN}${KANA}])((?:${JAPANESE_FAMILY}) [${HAN}${KANA}]{1,3})(?![${HAN}${KANA}])`,
    `(?<![${HAN}])((?:${JAPANESE_FAMILY})[${HAN}]{0,2}?)(?=です|と申します)`,
    `(?:^|(?<=\\n))((?:${JAPANESE_FAMILY})[${HAN}]{0,2})(?=\\s?[:：])`,
    // `정수빈: 내일 …? 한지민: 네`: a Korean speaker's label at a line's or a turn's start.
    // (Not a form's or a message's own label: `성명:`, `문자:`, `주소:`.)
    `(?:^|(?<=\\n)|(?<=[?.!] ))(?!${KOREAN_LABELS})(${KOREAN_SURNAME}[${HANGUL}]{1,2})(?=:\\s)`,
    `(?<=[\\p{N}\\p{Script=Latin}]\\s?)[（(]((?:${JAPANESE_FAMILY}|${FAMILY_CLASS})[${HAN}${KANA}]{1,4}?)[）)]`,
    // `山本健太、生年月日 …`: a name opening the line before one of the person's details.
    `(?:^|(?<=\\n))((?:${JAPANESE_FAMILY})[${HAN}]{1,2})(?=[、，,]\\s?(?:生年月日|住所|電話|携帯|メール|年齢|連絡先))`,
    // `920415-1234568 (이서연)`: a Korean name of three syllables in brackets after a number.
    `(?<=\\p{N}\\s?)[（(]((?:${KOREAN_SURNAME})[${HANGUL}]{2})[）)]`,
    // `Wang Fang 王芳`, `ZHANG, Yuxuan / 张雨轩`: the name in Han right after its romanised form.
    `(?<=\\p{Lu}\\p{Ll}+(?: \\/)? )(${FAMILY_CLASS}[${HAN}]{1,2})(?=[)）\\s/|,;]|$)`,
    `(?<=[–—-] )(${FAMILY_CLASS}[${HAN}]{1,2})(?= [–—-])`,
  ].join('|'),
  'gu',
);
const JAPANESE_FAMILY_START = new RegExp(`^(?:${JAPANESE_FAMILY})`);
const JAPANESE_TITLED = new RegExp(
  `(?<![${HAN}])(${JAPANESE_FAMILY})(?=部長|課長|社長|係長|次長|主任|専務|常務|会長|店長|先輩)`,
  'g',
);
/** `お疲れ様です、高橋です。`: a name introducing itself after a greeting. */
const JAPANESE_SELF = new RegExp(
  `(?:お疲れ様です|お世話になっております|こんにちは|はじめまして|もしもし)[、。]\\s*([${HAN}]{1,4})です`,
  'g',
);
/** `성함은 이민호입니다`: a Korean name after `name is`, before the copula. */
const KOREAN_NAME_IS = new RegExp(
  `(?:성함은|이름은|저는)\\s([${HANGUL}]{2,4}?)(?=입니다|이에요|예요|이고|이며)`,
  'g',
);

function inRunningText(text: string, spans: Span[]): void {
  for (const pattern of [
    CHINESE_IN_TEXT,
    CHINESE_PAIR,
    CHINESE_TITLED,
    JAPANESE_TITLED,
    CJK_NAME_PLACES,
    JAPANESE_SELF,
    KOREAN_NAME_IS,
  ]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      let from = m.index;
      for (const name of m.slice(1)) {
        if (!name) continue;
        const start = text.indexOf(name, from);
        spans.push({ start, end: start + name.length, type: 'PERSON' });
        from = start + name.length;
      }
    }
  }
}

const CJK_CHAR = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/**
 * CJK names, read line by line and only on the lines with CJK characters: the label and suffix
 * patterns cost a try at every position, which on a mostly Latin 100 KB text is wasted.
 */
export function detectCjkNames(text: string): Span[] {
  const spans: Span[] = [];
  for (const [start, end] of linesBeyondLatin(text, CJK_CHAR)) {
    const line = text.slice(start, end);
    const found: Span[] = [];
    afterLabels(line, found);
    beforeSuffixes(line, found);
    inRunningText(line, found);
    namesInRolls(line, found);
    attendanceNames(line, found);
    namesByRoles(line, found);
    found.push(...cjkChatNames(line));
    for (const span of found) spans.push({ ...span, start: span.start + start, end: span.end + start });
  }
  return spans.length === 0 ? spans : [...spans, ...repeatedNames(text, spans)];
}
