import { mergeSpans } from '../spans.js';
import type { Span } from '../types.js';
import { anchoredMatches } from './anchored-matches.js';
import { CHANNEL_MENTIONS } from './name-chat.js';
import { cueStarts } from './name-cues.js';
import type { NameLexicon } from './name-lexicon.js';

/**
 * Login names and chat handles made of a person's name: `alexei.volkov`, `mike.t`, `t.nakamura`,
 * `priyanka_s`, `sara_lindberg_91` anywhere (two parts, one a listed name, the other an initial, a listed name or, after
 * a given name, a word the lists lack), and
 * `mgarcia`, `rpatel` (an initial glued to a listed family name) where the text says it is a login:
 * after `@`, `user`, `login`, `/home/`, `DOMAIN\`, or before `'s account`.
 */
/** Where two parts of a login meet: `.` or `_`, or `-` in a handle after `@`. */
const JOIN = /[._-](?=[a-z])/g;
const PART_BEFORE = /(?<![\w./\\-])[a-z]{1,15}$/;
/** The second part, with the digits a handle often ends in (`sara_lindberg_91`, `amit_bose84`). */
const PART_AFTER = /[a-z]{1,15}(?:[._-]?\d{1,4})?(?![\w@]|[.-]\w)/y;
const LOGIN_CUE =
  /@|\bDM\s|\b(?:[Uu]ser(?:name)?|USER(?:NAME)?|[Ll]ogin|LOGIN|[Bb]enutzer|[Uu]suario|[Uu]tente|logged in as|account|[Ff]ailed password for(?: invalid user)?|[Aa]ccepted (?:password|publickey) for|[Ii]nvalid user|ssh|su -|sudo -u)[:= ]{1,3}|\/(?:home|Users)\/|\\(?=[a-z])/y;
/** A login: a name, perhaps more parts (`priya.k.sharma`, `kofi_mensah_gh`), digits and a trailing `_`. */
const LOGIN = /[a-z]{3,20}(?:[._][a-z]{1,15}){0,2}\d{0,4}_?(?![\w]|[.-]\w)/y;
const POSSESSIVE_THING = /['’]s (?:account|mailbox|laptop|login|password)/g;
const LOGIN_BEFORE = /(?<![\w@./\\-])[a-z]{4,20}$/;
/**
 * A user's own folder (`/Users/sofiacosta/`, `C:\\Users\\j.mwangi\\`), a Windows event's `Account Name:` and the
 * user of a web server's access log (`198.51.100.23 - jwilson [02/Mar/2026…`): whatever stands there is an
 * account, a person's unless it is a service's or an ordinary word.
 */
const ACCOUNT_PLACE =
  /\/(?:home|Users|u|user|users|profile|people|members?)\/|\\Users\\|\bAccount Name:\s+|(?<![\d.])\d{1,3}(?:\.\d{1,3}){3} - (?=[a-z][\w.-]* \[)|[Ff]ailed password for (?:invalid user )?|[Aa]ccepted (?:password|publickey) for |[Ii]nvalid user |\bssh (?=[a-z][\w.-]*@)|\blogin(?::\s?| (?=[a-z]))|\bsudo -u |\bsu - /g;
const ACCOUNT = /[A-Za-z][A-Za-z0-9._-]{1,30}(?![\w$-])/y;
const SERVICE_ACCOUNTS = new Set(
  `root admin administrator deploy deployer git www www-data ubuntu debian centos ec2-user pi user users guest
  public shared default test tester build builder ci runner gitlab-runner jenkins postgres mysql redis nginx apache
  node app apps data backup backups media docker vagrant ansible svc service system daemon nobody sync ftp mail
  operator dev devops ops staff student teacher all username password login email name`.split(/\s+/),
);
/** Parts of a service account's name (`etl_svc`, `backup-bot`, `app.deploy`). */
const SERVICE_PARTS = new Set(
  `svc srv service bot sys app api etl ci cd db sql backup deploy test dev prod stage staging admin root web www mail
  noreply daemon job cron sync monitor nagios zabbix git runner build jenkins ansible terraform k8s docker`.split(
    /\s+/,
  ),
);
/** A device named after its owner, as phones and laptops name themselves (`Siddharth-iPhone`, `Sarahs-MacBook-Pro`). */
const DEVICE_OWNER =
  /(?<![\p{L}\d-])(\p{Lu}\p{Ll}+?)(?:['’]?s)?-(?=iPhone|iPad|MacBook|Galaxy|Pixel|Laptop|Android|Watch)/uy;
/** Where a device's own name follows (see `anchoredMatches`: the owner's letters run up to it). */
const DEVICE = /-(?=iPhone|iPad|MacBook|Galaxy|Pixel|Laptop|Android|Watch)/g;
const OWNER_CHAR = /[\p{L}'’]/u;
/** The owner after the device, as Spanish, Portuguese, French and Italian phones and tablets write it (`iPhone-de-Kemal`, `Galaxy-Tab-Amara`). */
const DEVICE_THEN_OWNER =
  /(?<![\p{L}\d])(?:iPhone|iPad|MacBook(?:-(?:Pro|Air))?|Galaxy(?:-(?:Tab|S\d{1,2}|A\d{1,2}|Note\d{0,2}))?|Pixel(?:-\d{1,2})?)-(?:(?:de|da|do|di|del|von|van)-)?(\p{Lu}\p{Ll}+)(?![\p{L}\d])/gu;
/** Speaker labels of a chat log with a time stamp (`[09:14] tash: …`). */
const STAMPED_LABEL = /(?:^|\s)\[\d{1,2}:\d{2}(?::\d{2})?\] ?([a-z][a-z0-9._'’-]{1,20})(?=: )/g;

/** A listed name that is no word or place; after `@`, where only handles stand, a word-like name too (`@mike.t`). */
function isName(part: string, names: NameLexicon, handle = false): boolean {
  if (part.length < 3 || !(names.given.has(part) || names.family.has(part)) || names.place(part))
    return false;
  return handle || (!names.ambiguous.has(part) && !names.common(part));
}

const FILE_EXTENSIONS = new Set(
  'txt pdf doc docx xls xlsx csv tsv jpg jpeg png gif webp heic svg zip rar gz tar json xml yaml yml html htm js ts py md log mp3 mp4 mov wav ppt pptx odt ods exe sh bak tmp ini cfg conf'.split(
    ' ',
  ),
);

/** A word of three letters or more that the lists know neither as a word, a place nor a service's part. */
function unlistedWord(word: string, names: NameLexicon): boolean {
  return /^[a-z]{3,}$/.test(word) && !names.common(word) && !names.place(word) && !SERVICE_PARTS.has(word);
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

/** `sarahk`: a given name and an initial glued; `sofiacosta`: two listed names glued (where only handles stand). */
function isGluedName(login: string, names: NameLexicon): boolean {
  if (!/^[a-z]{5,24}$/.test(login)) return false;
  if (names.given.has(login.slice(0, -1)) && isName(login.slice(0, -1), names, true)) return true;
  for (let cut = 3; cut <= login.length - 3; cut++) {
    if (isName(login.slice(0, cut), names, true) && isName(login.slice(cut), names, true)) return true;
  }
  return false;
}

/** An account in a place that only holds accounts: a person's unless a service's or an ordinary word. */
function isPersonalAccount(account: string, names: NameLexicon): boolean {
  const lower = account.toLowerCase();
  if (SERVICE_ACCOUNTS.has(lower) || /\d{3}/.test(lower)) return false;
  if (lower.split(/[._-]/).some((part) => SERVICE_PARTS.has(part))) return false;
  return (
    isLoginOfName(lower, names) || isGluedName(lower, names) || !names.common(lower.replace(/[._-].*/, ''))
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
      // (`maria.txt`, `report.pdf`: a file's name and its extension.)
      if (m[0] === '.' && FILE_EXTENSIONS.has(second)) continue;
      const surname = second.replace(/[._-]?\d+$/, '');
      const named =
        (isName(first, names, handle) && (surname.length === 1 || isName(surname, names, handle))) ||
        (first.length === 1 && isName(surname, names, handle)) ||
        // (`maria.gonzalez`, `faisal.alharbi`: a given name, then a surname the lists lack.)
        (names.given.has(first) && isName(first, names, handle) && unlistedWord(surname, names));
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
    const handle = cue[0] === '@';
    const bare = login?.replace(/\d*_?$/, '');
    // (`@channel`, `@here`: a mention of everyone in the channel.)
    if (handle && bare && CHANNEL_MENTIONS.has(bare)) continue;
    if (login && bare && (isLoginOfName(bare, names) || (handle && isGluedName(bare, names))))
      push(cue.index + cue[0].length, login.length);
  }
  ACCOUNT_PLACE.lastIndex = 0;
  for (let place = ACCOUNT_PLACE.exec(text); place; place = ACCOUNT_PLACE.exec(text)) {
    ACCOUNT.lastIndex = place.index + place[0].length;
    const account = ACCOUNT.exec(text)?.[0];
    if (account && isPersonalAccount(account, names))
      push(ACCOUNT.lastIndex - account.length, account.length);
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
    // `dev_ollie`: a name among the label's parts.
    const part = label.split(/[._]/).some((word) => isName(word, names, true));
    if (plain || part || isLoginOfName(label, names))
      push(m.index + m[0].length - label.length, label.length);
  }
  for (const m of anchoredMatches(text, DEVICE, DEVICE_OWNER, OWNER_CHAR)) {
    const name = m[1] ?? '';
    if (names.given.has(name.toLowerCase()) || !names.common(name.toLowerCase())) push(m.index, name.length);
  }
  if (text.includes('-')) {
    DEVICE_THEN_OWNER.lastIndex = 0;
    for (let m = DEVICE_THEN_OWNER.exec(text); m; m = DEVICE_THEN_OWNER.exec(text)) {
      const name = m[1] ?? '';
      if (names.given.has(name.toLowerCase()) || !names.common(name.toLowerCase()))
        push(m.index + m[0].length - name.length, name.length);
    }
  }
  // A handle after `@` is found by both patterns: each once.
  return mergeSpans(spans);
}
