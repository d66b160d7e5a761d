import type { Span } from '../types.js';
import { CHINESE_FAMILY } from './name-cjk-families.js';

/**
 * Names as Chinese and Korean chat writes them, found by what stands around them: `小王，` (Xiao and a family name, called),
 * `李娜的新手机号` (whose phone), `请联系王秀英` (contact …), `给张伟打电话` (call …); `지훈아,` (a given name and the vocative
 * 아/야, calling someone), `[카톡] 지수:` (a chat export's sender).
 */
const HAN = '\\u4e00-\\u9fff';
const FAMILY = [...CHINESE_FAMILY].join('');

/** `小王，`, `老李：`: 小/老 and a family name at a message's start, before a comma or a colon. */
const CALLED_CHINESE = new RegExp(`(?:^|[：:]\\s?)([小老][${FAMILY}])(?=[，,：:])`, 'g');
/** `李娜的新手机号`: a name before `的` and one of a person's numbers or places. */
const OWNER_CHINESE = new RegExp(
  `(?<![${HAN}])([${FAMILY}][${HAN}]{1,2})的(?:新)?(?:手机|电话|電話|地址|身份证|身分證|工资卡|银行卡|微信|邮箱|郵箱)`,
  'g',
);
/** `请联系王秀英，`, `给张伟打电话`. */
const CONTACT_CHINESE = new RegExp(
  `(?:联系|聯繫|联络|聯絡)([${FAMILY}][${HAN}]{1,2})(?=[，,。\\s]|$)|给([${FAMILY}][${HAN}]{1,2})打电话`,
  'g',
);

/** Two-syllable words that may stand before 아/야 and call no one (`아니야,` no; `좋아,` good; `미안해`). */
const NOT_CALLED = new Set(
  '아니 그래 괜찮 다행 대박 미안 고마 사랑 잘했 그렇 이거 저거 그거 여기 거기 저기 진짜 정말 어디 누구 좋 싫 맞 뭐'.split(
    ' ',
  ),
);
/** `지훈아,`, `민준아,`: a given name and the vocative at a message's start (after a label or a colon). */
const CALLED_KOREAN = /(?:^|[:：]\s?|\]\s?)([가-힣]{2})(?:아|야)(?=[,，!]|\s)/g;
/** `[카톡] 지수: …`: a chat export's sender after the app's bracket (not `아빠:`, kin names no one). */
const SENDER_KOREAN = /\]\s([가-힣]{2,3}):\s/g;
const KIN = new Set('엄마 아빠 할머니 할아버지 언니 오빠 누나 동생 이모 삼촌 고모'.split(' '));

function push(spans: Span[], m: RegExpExecArray, name: string | undefined): void {
  if (!name) return;
  const start = m.index + m[0].indexOf(name);
  spans.push({ start, end: start + name.length, type: 'PERSON' });
}

/** Names by chat cues in one line of Chinese or Korean (offsets within the line). */
export function cjkChatNames(line: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of [CALLED_CHINESE, OWNER_CHINESE, CONTACT_CHINESE]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(line); m; m = pattern.exec(line)) push(spans, m, m[1] ?? m[2]);
  }
  if (!/[가-힣]/.test(line)) return spans;
  CALLED_KOREAN.lastIndex = 0;
  for (let m = CALLED_KOREAN.exec(line); m; m = CALLED_KOREAN.exec(line)) {
    if (!NOT_CALLED.has(m[1] ?? '') && !NOT_CALLED.has((m[1] ?? '').slice(0, 1))) push(spans, m, m[1]);
  }
  SENDER_KOREAN.lastIndex = 0;
  for (let m = SENDER_KOREAN.exec(line); m; m = SENDER_KOREAN.exec(line)) {
    if (!KIN.has(m[1] ?? '')) push(spans, m, m[1]);
  }
  return spans;
}
