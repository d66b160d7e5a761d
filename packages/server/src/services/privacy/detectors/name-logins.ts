import { mergeSpans } from '../spans.js';
import type { Span } from '../types.js';
import { cueStarts } from './name-cues.js';
import type { NameLexicon } from './name-lexicon.js';

/**
 * Login names and chat handles made of a person's name: `alexei.volkov`, `mike.t`, `t.nakamura`,
 * `priyanka_s` anywhere (two parts, one a listed name, the other an initial or a listed name), and
 * `mgarcia`, `rpatel` (an initial glued to a listed family name) where the text says it is a login:
 * after `@`, `user`, `login`, `/home/`, `DOMAIN\`, or before `'s account`.
 */
/** Where two parts of a login meet: `.` or `_`, or `-` in a handle after `@`. */
const JOIN = /[._-](?=[a-z])/g;
const PART_BEFORE = /(?<![\w./\\-])[a-z]{1,15}$/;
const PART_AFTER = /[a-z]{1,15}(?![\w@]|[.-]\w)/y;
const LOGIN_CUE =
  /@|\b(?:user(?:name)?|login|logged in as|account|[Ff]ailed password for(?: invalid user)?|[Aa]ccepted (?:password|publickey) for|[Ii]nvalid user|ssh|su -|sudo -u)[:= ]{1,3}|\/(?:home|Users)\/|\\(?=[a-z])/y;
const LOGIN = /[a-z]{4,20}(?:[._][a-z]{1,15})?(?![\w]|[.-]\w)/y;
const POSSESSIVE_THING = /['’]s (?:account|mailbox|laptop|login|password)/g;
const LOGIN_BEFORE = /(?<![\w@./\\-])[a-z]{4,20}$/;
/** Speaker labels of a chat log with a time stamp (`[09:14] tash: …`). */
const STAMPED_LABEL = /(?:^|\s)\[\d{1,2}:\d{2}(?::\d{2})?\] ?([a-z][a-z0-9._'’-]{1,20})(?=: )/g;

/** A listed name that is no word or place; after `@`, where only handles stand, a word-like name too (`@mike.t`). */
function isName(part: string, names: NameLexicon, handle = false): boolean {
  if (part.length < 3 || !(names.given.has(part) || names.family.has(part)) || names.place(part))
    return false;
  return handle || (!names.ambiguous.has(part) && !names.common(part));
}

/** `mgarcia`: an initial and a listed family name; `sophie`: a given name alone; `colin.fitz`: a given name first. */
function isLoginOfName(login: string, names: NameLexicon): boolean {
  const [first = login] = login.split(/[._]/);
  return (
    isName(first, names) ||
    isName(login, names) ||
    (names.family.has(login.slice(1)) && isName(login.slice(1), names))
  );
}

export function detectLoginNames(text: string, names: NameLexicon): Span[] {
  const spans: Span[] = [];
  const push = (start: number, length: number) => spans.push({ start, end: start + length, type: 'PERSON' });
  if (text.includes('.') || text.includes('_') || text.includes('@')) {
    JOIN.lastIndex = 0;
    for (let m = JOIN.exec(text); m; m = JOIN.exec(text)) {
      const first = PART_BEFORE.exec(text.slice(Math.max(0, m.index - 16), m.index))?.[0];
      if (!first) continue;
      const start = m.index - first.length;
      if (m[0] === '-' && text[start - 1] !== '@') continue;
      PART_AFTER.lastIndex = m.index + 1;
      const second = PART_AFTER.exec(text)?.[0];
      if (!second) continue;
      const handle = text[start - 1] === '@';
      const named =
        (isName(first, names, handle) && (second.length === 1 || isName(second, names, handle))) ||
        (first.length === 1 && isName(second, names, handle));
      if (named) push(start, first.length + 1 + second.length);
    }
  }
  let from = 0;
  // (Tried only where name-cues.ts finds the cue may start.)
  for (const at of cueStarts(text).login) {
    if (at < from) continue;
    LOGIN_CUE.lastIndex = at;
    const cue = LOGIN_CUE.exec(text);
    if (!cue) continue;
    from = LOGIN_CUE.lastIndex;
    // `DOMAIN\rpatel`: a backslash after a letter.
    if (cue[0] === '\\' && !/[A-Za-z]/.test(text[cue.index - 1] ?? '')) continue;
    LOGIN.lastIndex = cue.index + cue[0].length;
    const login = LOGIN.exec(text)?.[0];
    if (login && isLoginOfName(login, names)) push(cue.index + cue[0].length, login.length);
  }
  if (text.includes("'s ") || text.includes('’s ')) {
    POSSESSIVE_THING.lastIndex = 0;
    for (let m = POSSESSIVE_THING.exec(text); m; m = POSSESSIVE_THING.exec(text)) {
      const login = LOGIN_BEFORE.exec(text.slice(Math.max(0, m.index - 21), m.index))?.[0];
      if (login && isLoginOfName(login, names)) push(m.index - login.length, login.length);
    }
  }
  STAMPED_LABEL.lastIndex = 0;
  for (let m = STAMPED_LABEL.exec(text); m; m = STAMPED_LABEL.exec(text)) {
    const label = m[1] ?? '';
    // `tash`, `yuki.tanabe`; not `agent2`, `frontdesk2` (a desk, not a person).
    const plain = /^[a-z'’-]+$/.test(label) && !names.common(label) && !names.place(label);
    if (plain || isLoginOfName(label, names)) push(m.index + m[0].length - label.length, label.length);
  }
  // A handle after `@` is found by both patterns: each once.
  return mergeSpans(spans);
}
