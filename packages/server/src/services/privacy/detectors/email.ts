import type { Span } from '../types.js';
import { shellLoginAt } from './network.js';
import { letterSpelledEmails, NUMBER_WORD, otherLanguageSpelledEmails } from './email-spelled.js';
import { LETTERS } from './util.js';

/** A login on a LAN machine (`admin@nas.lan`) is a host, not a mailbox. */
const INTERNAL_SUFFIX = /\.(?:local|lan|internal|intranet|corp|home|localdomain|private|priv)$/i;
/** `ssh deploy@runner-07.int.acme.net`, `ssh deploy@bastion01.acme-int.net`: a login to a machine in a company's internal zone is a host. */
const INTERNAL_ZONE = /[.-](?:internal|intranet|intra|int|corp|lan|priv|private|dmz|mgmt)\./i;
const LOCAL_CHAR = new RegExp(`[${LETTERS}0-9._%+-]`);
const DOMAIN = new RegExp(`(?:[${LETTERS}0-9-]+\\.)+[${LETTERS}]{2,}(?![${LETTERS}0-9-])`, 'y');

/**
 * `alice [at] example [dot] com`, `john.smith at gmail dot com`: an address spelled out to dodge filters.
 * Bracketed `at` and `dot` anywhere; bare ` at ` and ` dot ` only with a mail provider or a local part
 * that has a dot, an underscore or a digit (not `look at this dot com`). Found from the word `dot`.
 */
const DOT_WORD = /[[(]?\bdot\b[\])]?/gi;
/** A part of the local part, perhaps with numbers said as words or digits after it (`eze eighty-seven`, `iyer 92`). */
const LOCAL_WORD = `[a-z0-9][a-z0-9._%+-]{0,63}(?:\\s(?:${NUMBER_WORD}|\\d{1,4}(?![\\w.])))*`;
const SPELLED_OUT = new RegExp(
  String.raw`(?<![\w.])((?:${LOCAL_WORD}\s?(?:\[dot\]|\(dot\)|\s(?:dot|underscore|dash|hyphen)\s)\s?){0,3}${LOCAL_WORD})\s?(\[at\]|\(at\)|\sat\s)\s?([a-z0-9-]{2,63})\s?(?:\[dot\]|\(dot\)|\sdot\s)\s?([a-z]{2,6})(?:\s?(?:\[dot\]|\(dot\)|\sdot\s)\s?([a-z]{2,6}))?(?![\w])`,
  'iy',
);
/** Numbers said as words at the end of the local part found so far (`… eze eighty-seven`): extended over. */
const NUMBER_WORDS_BEFORE = new RegExp(String.raw`[a-z0-9][a-z0-9._%+-]{0,63}(?:\s${NUMBER_WORD})+$`, 'i');
const MAIL_PROVIDERS =
  /^(?:gmail|googlemail|yahoo|outlook|hotmail|live|icloud|me|aol|proton|protonmail|gmx|web|mail|yandex|zoho|qq|163|naver|rediffmail)$/i;

const SPELLED_DOT_BEFORE =
  /(?<![\w.])[a-z0-9][a-z0-9._%+-]{0,63}\s?(?:\[dot\]|\(dot\)|\s(?:dot|underscore|dash|hyphen)\s)\s?$/i;

function spelledOut(text: string): Span[] {
  const spans: Span[] = [];
  DOT_WORD.lastIndex = 0;
  for (let dot = DOT_WORD.exec(text); dot; dot = DOT_WORD.exec(text)) {
    const from = Math.max(0, dot.index - 90);
    const window = text.slice(from, dot.index);
    // The local part is the run of mailbox characters before ` at ` / `[at]`.
    const at = Math.max(window.lastIndexOf(' at '), window.lastIndexOf('[at]'), window.lastIndexOf('(at)'));
    if (at < 0) continue;
    let localEnd = at - 1;
    while (localEnd > 0 && window[localEnd] === ' ') localEnd--;
    let localStart = localEnd + 1;
    while (localStart > 0 && /[a-z0-9._%+-]/i.test(window[localStart - 1] ?? '')) localStart--;
    // `eze eighty-seven at …`: numbers said as words belong to the word before them.
    const said = NUMBER_WORDS_BEFORE.exec(window.slice(0, localEnd + 1));
    if (said && said.index < localStart) localStart = said.index;
    // `priyanka dot iyer 92 at …`: digits said apart from the word before them belong to it.
    const digitsApart = /^\d{1,4}$/.test(window.slice(localStart, localEnd + 1))
      ? /[a-z][a-z0-9._%+-]*\s$/i.exec(window.slice(0, localStart))
      : null;
    if (digitsApart) localStart = digitsApart.index;
    // `priya dot raman at outlook dot com`, `sam underscore okafor at …`: the local part's dots, underscores
    // and dashes may be spelled out too.
    for (let part = SPELLED_DOT_BEFORE.exec(window.slice(0, localStart)); part;) {
      localStart = part.index;
      part = SPELLED_DOT_BEFORE.exec(window.slice(0, localStart));
    }
    SPELLED_OUT.lastIndex = from + localStart;
    const m = SPELLED_OUT.exec(text);
    if (!m) continue;
    const bracketed = !/^\s/.test(m[2] ?? '');
    const plausible =
      bracketed ||
      MAIL_PROVIDERS.test(m[3] ?? '') ||
      /[._\d]|\b(?:dot|underscore|dash|hyphen)\b/i.test(m[1] ?? '');
    if (plausible) spans.push({ start: m.index, end: m.index + m[0].length, type: 'EMAIL' });
    DOT_WORD.lastIndex = Math.max(DOT_WORD.lastIndex, m.index + m[0].length);
  }
  return spans;
}

/** `alice@example.com`, `jörg.müller@beispiel.de`; found from each `@`, so long texts stay cheap. */
export function detectEmails(text: string): Span[] {
  const lettered = letterSpelledEmails(text);
  // `S as in Sierra, A, D, I, Q at proton dot me`: its last letter alone is no address of its own.
  const spans = spelledOut(text)
    .filter((span) => !lettered.some((l) => l.start <= span.start && l.end >= span.end))
    .concat(lettered, otherLanguageSpelledEmails(text));
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && LOCAL_CHAR.test(text[start - 1] ?? '')) start--;
    while (start < at && text[start] === '.') start++;
    if (start === at || (start > 0 && LOCAL_CHAR.test(text[start - 1] ?? ''))) continue;
    DOMAIN.lastIndex = at + 1;
    const domain = DOMAIN.exec(text);
    if (!domain || INTERNAL_SUFFIX.test(domain[0])) continue;
    if (INTERNAL_ZONE.test(`.${domain[0]}`) && shellLoginAt(text, at)) continue;
    spans.push({ start, end: at + 1 + domain[0].length, type: 'EMAIL' });
  }
  return spans;
}
