import { isIPv6 } from 'node:net';
import type { Span } from '../types.js';
import { numberedAndSiteHosts } from './network-numbered-site-hosts.js';
import { zoneDhcpAndAssetHosts } from './network-zone-dhcp-asset-hosts.js';
import { fleetHosts } from './network-fleet-hosts.js';
import { matchSpans } from './util.js';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\d.])${OCTET}(?:\\.${OCTET}){3}(?:\\/\\d{1,2})?(?![\\d]|\\.\\d)`, 'g');
const VERSION_BEFORE = /(?<!\p{L})(?:firmware|version|ver\.?|release|build|fw|v)\s*$/iu;
const PRIVATE_SUFFIX =
  /\.(?:local|lan|internal|intranet|intra|corp|home\.arpa|home|localdomain|private|priv|ts\.net|fritz\.box|[a-z0-9-]+\.svc)(?![\w-]|\.[a-z])/gi;
// Labels may hold letters beyond ASCII, as internationalised names do (`srv-nas02.büro.local`).
const INTERNAL_HOST =
  /^(?:[\w.+-]+@)?(?:[a-z0-9À-ÖØ-öø-ÿ](?:[a-z0-9À-ÖØ-öø-ÿ-]{0,61}[a-z0-9À-ÖØ-öø-ÿ])?\.)+[a-z.]+$/i;
const HOST_CHAR = /[\w.+@À-ÖØ-öø-ÿ-]/;

const IPV6_AT =
  /(?:[0-9a-f]{0,4}:){2,7}(?:[0-9a-f]{0,4}|\d{1,3}(?:\.\d{1,3}){3})(?:%[\w.]+)?(?:\/\d{1,3})?(?![\w:])/iy;
const MAC_AT =
  /(?:[0-9a-f]{2}([:-])(?:[0-9a-f]{2}\1){4}[0-9a-f]{2}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4})(?![\w:-])/iy;
const isHex = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);

/**
 * Candidates that contain `separator`: each is tried (sticky) from the start of the hex run
 * before a separator. Scanning for the rare separators is far cheaper than trying a
 * case-insensitive hex pattern at every letter a–f of the text.
 */
function fromSeparators(
  text: string,
  separators: RegExp,
  pattern: RegExp,
  type: 'IP' | 'MAC',
  boundary: RegExp,
  accept: (value: string) => boolean,
): Span[] {
  const spans: Span[] = [];
  let resumeAt = 0;
  separators.lastIndex = 0;
  // `test`, not `exec`: a separator is one character, so it ends right before `lastIndex`, and no
  // match object is made for each of the thousands of dots and hyphens in a text.
  while (separators.test(text)) {
    const at = separators.lastIndex - 1;
    if (at < resumeAt) continue;
    let start = at;
    while (start > resumeAt && at - start < 4 && isHex(text.charCodeAt(start - 1))) start--;
    if (start > 0 && boundary.test(text[start - 1] ?? '')) continue;
    pattern.lastIndex = start;
    const found = pattern.exec(text);
    if (!found || !accept(found[0])) continue;
    spans.push({ start, end: start + found[0].length, type });
    resumeAt = start + found[0].length;
  }
  return spans;
}

/** IPv4 (with an optional CIDR suffix) and IPv6, validated by node:net. */
export function detectIps(text: string): Span[] {
  return [
    // `Firmware 4.2.10.1`: a version number with four parts is not an address.
    // `0.0.0.0:3000`: "every interface", and `127.0.0.1`, `::1`: the machine itself (loopback), no one's address.
    ...matchSpans(
      text,
      IPV4,
      'IP',
      (m) =>
        !m[0].startsWith('0.0.0.0') &&
        !m[0].startsWith('127.') &&
        !VERSION_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index)),
    ),
    ...fromSeparators(text, /:/g, IPV6_AT, 'IP', /[\w:.]/, (value) => {
      const address = value.replace(/%[\w.]+/, '').replace(/\/\d+$/, '');
      return /\d/.test(address) && address.length >= 3 && address !== '::1' && isIPv6(address);
    }),
  ];
}

/** `00:1A:2B:3C:4D:5E`, `00-1a-2b-3c-4d-5e`, `001a.2b3c.4d5e`. */
export function detectMacs(text: string): Span[] {
  return fromSeparators(text, /[:.-]/g, MAC_AT, 'MAC', /[\w:-]/, () => true);
}

/** A public domain with an internal zone inside it: `jenkins.corp.acme.com`, `vpn.internal.example.ng`. */
const INTERNAL_ZONE =
  /\.(?:internal|intranet|intra|int|corp|lan|priv|private|dmz|mgmt)\.(?:[a-z0-9-]+\.)*[a-z]{2,}(?:-[a-z0-9]+)*(?![\w-]|\.[a-z0-9])/gi;
/** `ssh deploy@build-runner-07.int.example.net`: the login before a host given to a remote-shell command. */
const SHELL_LOGIN = /\b(?:ssh|scp|sftp|rsync|mosh)\s+(?:-\S+\s+(?:\d+\s+)?)*[\w.-]+@$/;
/** Is the `@` at `at` a login given to `ssh`/`scp`/`sftp`/`rsync`/`mosh` (not a mailbox)? */
export const shellLoginAt = (text: string, at: number) =>
  SHELL_LOGIN.test(text.slice(Math.max(0, at - 80), at + 1));
const HOST_LABELS = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
/** A bare machine name after a word that says it is one: `the server is fileserver02`, `ssh build-07`. */
const NAMED_MACHINE =
  /\b(?:server|host|hostname|machine|box|node|vm|nas|workstation|laptop|desktop|notebook|pc|computer|printer|router|tablet|komputer|ordinateur|rechner|computadora|computador|servidor|serveur|serwer|sunucu|palvelin|kompyuta|ssh|ping|rdp|connect to|log in to|login to)(?:\s+(?:(?:is|was|called|named|at|on|to|into)\s+|:\s*)?|:\s*)([a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?![\w-]|\.\w)/dgi;
/** `kids-ipad (192.168.2.226, …)`, `nas-garage (10.0.0.5)`: a hyphenated name right before its address in brackets. */
const ADDRESS_IN_BRACKETS = / \((?=\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}[,;) ]|[0-9a-f]{1,4}:[0-9a-f:]+[,;) ])/g;
const NAME_BEFORE = /(?<![\w.-])[a-z][a-z0-9]{2,}(?:-[a-z0-9]{2,})+$/;

function namesBeforeAddresses(text: string): Span[] {
  const spans: Span[] = [];
  ADDRESS_IN_BRACKETS.lastIndex = 0;
  for (let m = ADDRESS_IN_BRACKETS.exec(text); m; m = ADDRESS_IN_BRACKETS.exec(text)) {
    const from = Math.max(0, m.index - 64);
    const name = NAME_BEFORE.exec(text.slice(from, m.index));
    if (name) spans.push({ start: from + name.index, end: m.index, type: 'HOST' });
  }
  return spans;
}

function internalZones(text: string): Span[] {
  const spans: Span[] = [];
  INTERNAL_ZONE.lastIndex = 0;
  for (let m = INTERNAL_ZONE.exec(text); m; m = INTERNAL_ZONE.exec(text)) {
    let start = m.index;
    while (start > 0 && start - m.index > -253 && /[\w.-]/.test(text[start - 1] ?? '')) start--;
    while (start < m.index && /[.-]/.test(text[start] ?? '')) start++;
    if (start === m.index) continue;
    if (text[start - 1] === '@' && !shellLoginAt(text, start - 1)) continue;
    if (HOST_LABELS.test(text.slice(start, m.index))) {
      spans.push({ start, end: m.index + m[0].length, type: 'HOST' });
    }
  }
  return spans;
}

/**
 * `http://monitor-02:3000/d/abc`, `\\\\FS01\\finance`: a machine named by one label in a URL (no dot: only a
 * local network resolves it) or in a Windows share path, with its domain there (`\\\\fs01.ad.kanzlei-berger.de\\…`);
 * not the user name of `mqtt://sensor01:…@host`.
 */
const URL_MACHINE = /:\/\/(?:[^\s@/]+@)?([a-z][a-z0-9-]{2,62})(?=[:/]|\s|$)(?!:[^\s/@]*@)/dgi;
/** `s3://build-artifacts/…`, `gs://…`: an object store's bucket, not a machine. */
const BUCKET_SCHEME = /(?:^|[^\w])(?:s3[an]?|gs|gcs|az|abfss?|wasbs?|r2|oss|cos)$/i;
const SHARE_MACHINE = /(?<![\w\\:/])\\\\([a-z][\w-]{1,14}(?:\.[a-z0-9-]{1,63}){0,6})\\/dgi;

function machinesInPaths(text: string): Span[] {
  const spans: Span[] = [];
  if (text.includes('://')) {
    spans.push(
      ...matchSpans(
        text,
        URL_MACHINE,
        'HOST',
        (m) =>
          machineName(m[1] ?? '') &&
          !/^localhost$/i.test(m[1] ?? '') &&
          !BUCKET_SCHEME.test(text.slice(Math.max(0, m.index - 8), m.index)),
        1,
      ),
    );
  }
  if (text.includes('\\\\')) spans.push(...matchSpans(text, SHARE_MACHINE, 'HOST', () => true, 1));
  return spans;
}

/** `fileserver02`, `FIN-LT-0147`: letters with digits, or a lower-case name of joined words (`nas-garage`). */
const machineName = (name: string) =>
  name.length >= 4 &&
  ((/\d/.test(name) && /[a-z]{2}/i.test(name)) ||
    /^[a-z]{3,}(?:-[a-z]{3,})+$/.test(name) ||
    // `srv-arquivos-sp`, `pc-recepcao`: a machine's usual prefix.
    /^(?:srv|svr|pc|nas|db|app|web|vm|fs|dc|ws)-[a-z][a-z-]+$/.test(name));

/**
 * `hostname KT-LT-FOGUNLEYE`, `hostname Jamals-MacBook-Pro`: after `hostname`, words joined by hyphens in any case (an
 * asset's name, a device named after its owner), with a capital or a digit in its first word (not `well-known`).
 */
const HYPHENATED_NAME = /^(?=[^-]*[A-Z0-9])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+$/;
/**
 * `Found in a script on etl-worker-03:`, `copied from db-prod-01`: after a bare `on`/`from`, only a
 * lower-case name of two words or more and a padded number (not `on covid-19`, `on long-term leave`, `on follow-up-2`).
 */
const MACHINE_AFTER_ON = /\b(?:on|from|onto)\s+([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)+-\d{2,3})(?![\w-]|\.\w)/dg;

function namedMachines(text: string): Span[] {
  return matchSpans(
    text,
    NAMED_MACHINE,
    'HOST',
    (m) => {
      const name = m[1] ?? '';
      if (/^hostname\b/i.test(m[0]) && HYPHENATED_NAME.test(name)) return true;
      // Without a digit, a name of joined words right after the machine word only (`host is well-known`).
      return machineName(name) && (/\d/.test(name) || !/\s(?:is|was)\s/.test(m[0]));
    },
    1,
  )
    .concat(matchSpans(text, MACHINE_AFTER_ON, 'HOST', () => true, 1))
    .concat(namesBeforeAddresses(text));
}

/** `Apr 03 02:11:45 fw-edge-01 kernel: …`: a syslog line's host, between its time stamp and its program. */
const SYSLOG_HOST =
  /^(?:[A-Z][a-z]{2}\s+\d{1,2}\s\d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT?\s?\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)\s((?=[\w-]*[\d-])[A-Za-z][\w-]{1,62})\s(?=[a-z][\w.-]*(?:\[\d+\])?:\s)/dgm;
/**
 * `sw-core-1# show mac address-table`, `edge-rtr-02>enable`: a network device's prompt at a line's start, its name
 * (words joined by hyphens, a digit in it, a letter after the first hyphen) before `#` or `>` and a command.
 */
const PROMPT_HOST =
  /^((?=[\w-]*\d)[A-Za-z][A-Za-z\d]*-(?=[A-Za-z\d-]*[A-Za-z])[A-Za-z\d]+(?:-[A-Za-z\d]+){0,4})(?:\([\w-]+\))?[#>] ?(?=[a-z])/dgm;

/**
 * Internal machine names: names on private DNS suffixes with a login if given (`nas.lan`,
 * `admin@spark-1.local`, `db01.internal`), public domains with an internal zone inside
 * (`jenkins.corp.acme.com`), bare names after a machine word (`the server is fileserver02`).
 */
export function detectInternalHosts(text: string): Span[] {
  const spans = [
    ...privateSuffixHosts(text),
    ...internalZones(text),
    ...namedMachines(text),
    ...machinesInPaths(text),
    ...numberedAndSiteHosts(text),
    ...matchSpans(text, SYSLOG_HOST, 'HOST', () => true, 1),
    ...(/[#>]/.test(text) ? matchSpans(text, PROMPT_HOST, 'HOST', () => true, 1) : []),
  ];
  // `workstation WS-ACC-12` is also an asset name of round 13: each name once.
  const seen = new Set(spans.map((span) => `${span.start}:${span.end}`));
  const later = [...zoneDhcpAndAssetHosts(text), ...fleetHosts(text)];
  return spans.concat(later.filter((span) => !seen.has(`${span.start}:${span.end}`)));
}

function privateSuffixHosts(text: string): Span[] {
  const spans: Span[] = [];
  PRIVATE_SUFFIX.lastIndex = 0;
  for (let m = PRIVATE_SUFFIX.exec(text); m; m = PRIVATE_SUFFIX.exec(text)) {
    const end = m.index + m[0].length;
    let start = m.index;
    while (start > 0 && m.index - start < 253 && HOST_CHAR.test(text[start - 1] ?? '')) start--;
    // `.env.local`, `.npmrc.local`: a dotfile's name, not a machine.
    if (text[start] === '.' && start < m.index) continue;
    while (start < m.index && /[.@+-]/.test(text[start] ?? '')) start++;
    if (start < m.index && INTERNAL_HOST.test(text.slice(start, end)))
      spans.push({ start, end, type: 'HOST' });
  }
  return spans;
}
