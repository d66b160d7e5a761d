import type { Span } from '../types.js';
import { FAMILY_CLASS, HAN, JAPANESE_FAMILY, KOREAN_SURNAME } from './name-cjk-families.js';

/** One name of a Chinese roll: a family name and one or two characters, perhaps a note in brackets (`陈志强（记录）`). */
const ROLL_ITEM = `${FAMILY_CLASS}[${HAN}]{1,2}(?:[（(][^）)\\n]{1,8}[）)])?`;
/**
 * Chinese rolls of names set apart by `、`: after an attendance or list word (`出席：王建国、李晓燕`), or before
 * what they are (`张子涵、李梓萱同学`, `王磊、赵敏等`). Each item is read whole, up to the next separator.
 */
const CHINESE_ROLL = new RegExp(
  `(?:(?:出席|参会|参加|与会|列席|缺席|请假|成员|名单|人员|获奖者|值日生|出席人员|参会人员|参会人|出席人|与会人)\\s?[:：]\\s?(${ROLL_ITEM}(?:、${ROLL_ITEM})*)(?=[，,。；;、|\\s]|$)` +
    `|(?<![${HAN}、])(${ROLL_ITEM}(?:、${ROLL_ITEM})+)(?=同学|同學|同志|等人|家长|家長))`,
  'g',
);
const ROLL_NAME = new RegExp(`${FAMILY_CLASS}[${HAN}]{1,2}`, 'y');

export function namesInRolls(text: string, spans: Span[]): void {
  CHINESE_ROLL.lastIndex = 0;
  for (let m = CHINESE_ROLL.exec(text); m; m = CHINESE_ROLL.exec(text)) {
    const roll = m[1] ?? m[2] ?? '';
    let at = m.index + m[0].lastIndexOf(roll);
    for (const item of roll.split('、')) {
      ROLL_NAME.lastIndex = 0;
      const name = ROLL_NAME.exec(item)?.[0] ?? '';
      // (A note in brackets is not part of the name: `陈志强（记录）`.)
      const bracket = item.search(/[（(]/);
      const length = bracket < 0 ? item.length : Math.min(bracket, name.length);
      spans.push({ start: at, end: at + length, type: 'PERSON' });
      at += item.length + 1;
    }
  }
}

/**
 * Korean and Japanese attendance lists (`참석: 위원장 이정호, 간사 최수진`, `出席者：理事長 鈴木一郎、副理事長 高橋由美`): each
 * entry's role and name stand apart with a space, the name last; it is the word shaped like a name (a common family
 * name first) that is no role.
 */
const ATTENDANCE = /(?:참석자?|참석 위원|출석|出席者|出席|参加者|参加|列席者)\s?[:：]\s?([^|\n。]{2,200})/g;
const KOREAN_NAME = new RegExp(`^${KOREAN_SURNAME}[\uac00-\ud7af]{1,2}$`);
const JAPANESE_NAME = new RegExp(`^(?:${JAPANESE_FAMILY})[${HAN}]{1,3}$`);
const ATTENDANCE_ROLES = new Set(
  '위원장 부위원장 위원 간사 회장 부회장 총무 이사 감사 대표 팀장 과장 부장 차장 대리 사원 실장 원장 교수 의원 서기'.split(
    ' ',
  ),
);

export function attendanceNames(text: string, spans: Span[]): void {
  ATTENDANCE.lastIndex = 0;
  for (let m = ATTENDANCE.exec(text); m; m = ATTENDANCE.exec(text)) {
    const list = m[1] ?? '';
    let at = m.index + m[0].length - list.length;
    for (const entry of list.split(/(?<=[,、，])/)) {
      let offset = at;
      for (const word of entry.split(/(\s+|[,、，()（）])/)) {
        if ((KOREAN_NAME.test(word) || JAPANESE_NAME.test(word)) && !ATTENDANCE_ROLES.has(word))
          spans.push({ start: offset, end: offset + word.length, type: 'PERSON' });
        offset += word.length;
      }
      at += entry.length;
    }
  }
}

/**
 * `行动项：李晓燕周五前…`: a CJK name found once is a name wherever else it stands in the text (names run into the
 * words around them, so only whole names of two characters or more are looked for).
 */
export function repeatedNames(text: string, spans: Span[]): Span[] {
  const names = new Set(
    spans.map((span) => text.slice(span.start, span.end)).filter((name) => name.length >= 2),
  );
  const found = new Set(spans.map((span) => span.start));
  const more: Span[] = [];
  for (const name of names) {
    if (!/^[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+$/.test(name)) continue;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      if (!found.has(at)) more.push({ start: at, end: at + name.length, type: 'PERSON' });
    }
  }
  return more;
}

/**
 * Korean and Japanese names by the roles around them: a job title after the name (`이정훈 대리의 블로그`, `이지은 고객,`), a
 * role in a contract or a chart before it (`근로자 박서연,`, `従業員 高橋健太、`). The name has a common family name first.
 */
const KOREAN_NAME_WITH_ROLE = new RegExp(
  `(?<![\\uac00-\\ud7af])(?!한국|중국|미국|신규|기존|우수|일반|개인|법인)(${KOREAN_SURNAME}[\\uac00-\\ud7af]{1,2}) (?:대리|과장|부장|차장|팀장|사원|주임|실장|이사|상무|전무|대표|교수|원장|고객|회원|환자)(?=[의가는은이께님]|[^\\uac00-\\ud7af]|$)` +
    `|(?:근로자|환자|고객|신청인|임차인|임대인|보호자|담당자|작성자|수령인) (${KOREAN_SURNAME}[\\uac00-\\ud7af]{1,2})(?=[,，.\\s]|$)` +
    // Japanese: `従業員 高橋健太、`, `顧客 佐々木美咲様`.
    `|(?:従業員|顧客|患者|担当者?|申請者|契約者|社員)\\s?((?:${JAPANESE_FAMILY})[${HAN}]{1,3}?)(?=[、,，。\\s]|様|さん|$)`,
  'g',
);

export function namesByRoles(text: string, spans: Span[]): void {
  KOREAN_NAME_WITH_ROLE.lastIndex = 0;
  for (let m = KOREAN_NAME_WITH_ROLE.exec(text); m; m = KOREAN_NAME_WITH_ROLE.exec(text)) {
    const name = m[1] ?? m[2] ?? m[3] ?? '';
    const start = m.index + m[0].indexOf(name);
    spans.push({ start, end: start + name.length, type: 'PERSON' });
  }
}
