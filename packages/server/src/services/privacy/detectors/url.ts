import { isIP } from 'node:net';
import type { Span } from '../types.js';
import { anchoredMatches } from './anchored-matches.js';
import type { NameLexicon } from './name-lexicon.js';
import { meetingLink, namesAPerson, shareHostLink } from './url-personal.js';
import { ownSiteLinks } from './url-own-sites.js';

const URL_PATTERN =
  /\b(?:https?|ftps?|sftp|wss?|rtsps?|rtmps?|smb|ssh|mqtts?|amqps?|redis|rediss|postgres(?:ql)?|mysql|mongodb(?:\+srv)?):\/\/[^\s<>"'`]+/iy;
/** Every URL holds `://`; the scheme's letters run up to it (see `anchoredMatches`). */
const SCHEME_END = /:\/\//g;
const SCHEME_CHAR = /[A-Za-z+]/;
const SECRET_PARAM =
  /^(?:.*[_-])?(?:token|key|apikey|secret|sig|signature|password|passwd|pass|pwd|auth|session|sessionid|sid|code|credential|jwt)$/i;
const PERSONAL_PARAM =
  /^(?:.*[_-])?(?:e?mail|user|username|uid|userid|login|account|customer|client|member|patient|phone|mobile|ssn|name|firstname|lastname|dob|id|assignee|reporter|owner|author|requester|contact|recipient|sender)$/i;
const PERSONAL_PATH =
  /\/(?:users?|u|profiles?|people|persons?|customers?|accounts?|members?|patients?|employees?|staff|authors?|home|personal|~)\/[^/?#]+|\/(?:@|~)[^/?#]+/i;
/**
 * Sites where the first path segment names a person (`linkedin.com/in/…`, `github.com/<user>`, `wa.me/<number>`),
 * also on a country's subdomain (`de.linkedin.com`).
 */
const PROFILE_SITES =
  /^(?:www\.|m\.|[\w-]+\.(?=slack\.com)|[a-z]{2}\.(?=linkedin\.com|facebook\.com|pinterest\.com))?(?:slack\.com|linkedin\.com|facebook\.com|fb\.com|instagram\.com|twitter\.com|x\.com|tiktok\.com|threads\.net|github\.com|gitlab\.com|t\.me|wa\.me|calendly\.com|medium\.com|youtube\.com|reddit\.com|vk\.com|xing\.com|linktr\.ee|about\.me|keybase\.io|bsky\.app|snapchat\.com|pinterest\.com|behance\.net|dribbble\.com|patreon\.com|soundcloud\.com)$/i;
/** Site pages that name no one (`github.com/features`, `facebook.com/help`). */
const SITE_PAGES = new Set(
  `about help policies policy privacy terms legal login signup join settings search explore home features pricing blog
docs sharer share watch hashtag events groups pages jobs careers company business marketplace topics trending notifications
messages i intent oauth apps marketplace sponsors orgs organizations enterprise security contact download status`.split(
    /\s+/,
  ),
);

function profileUrl(url: URL): boolean {
  if (!PROFILE_SITES.test(url.hostname)) return false;
  const segments = url.pathname.split('/').filter(Boolean);
  const first = segments[0]?.toLowerCase();
  if (!first || SITE_PAGES.has(first)) return false;
  // A repository (`github.com/org/repo/issues/1`) is not a profile.
  if (/^(?:www\.)?(?:github|gitlab)\.com$/i.test(url.hostname)) return segments.length === 1;
  if (/\.slack\.com$/i.test(url.hostname)) return first === 'team';
  return true;
}
/** Shop, closet and tip pages of one seller (`etsy.com/shop/<name>`, `paypal.me/<name>`, `ko-fi.com/<name>`). */
const SELLER_PAGES =
  /^(?:www\.)?(?:etsy\.com\/(?:shop|people)|ebay\.[a-z.]+\/(?:usr|str)|poshmark\.com\/closet|vinted\.[a-z.]+\/member|depop\.com|redbubble\.com\/people|ko-fi\.com|buymeacoffee\.com|paypal\.me|venmo\.com|cash\.app|gofundme\.com\/f)\/[^/?#]+/i;
/**
 * `loom.com/share/7f2c9a1e…`, `drive.google.com/drive/folders/1Qw7…`: a share link whose random ID is the
 * only key to a recording, a file or a folder: after a sharing word, a run of 16+ letters and digits with
 * both in it (not a slug of words such as `/share/quarterly-report-2024`).
 */
const SHARE_LINK =
  /\/(?:share|shared|s|invite|rec|recording|recordings|folders|file|files|d|embed|v)\/[\w-]*?(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]{16,}/i;
const SECRET_HOSTS = /^(?:hooks\.slack\.com|discord(?:app)?\.com\/api\/webhooks)/i;

/** One-letter and short parameter names that carry tokens (`?t=…`, `?k=…`) when their value is long. */
const SHORT_SECRET_PARAM =
  /^(?:t|k|s|st|at|rt|tk|tok|otp|hash|nonce|ticket|magic|invite|reset|access|x-amz-signature|x-goog-signature)$/i;

function sensitive(raw: string, names: NameLexicon | undefined): boolean {
  let url: URL;
  try {
    url = new URL(raw.includes('://') ? raw : `https://${raw}`);
  } catch {
    return false;
  }
  if (url.password || url.username) return true;
  // `…/#/forms/aR7x/data?user=abebe.girma`: a single-page app keeps its query after the `#`.
  const hashQuery = url.hash.includes('?')
    ? new URLSearchParams(url.hash.slice(url.hash.indexOf('?') + 1))
    : [];
  for (const [name, value] of [...url.searchParams, ...hashQuery]) {
    if (value && (SECRET_PARAM.test(name) || PERSONAL_PARAM.test(name))) return true;
    if (value.length >= 8 && /\d/.test(value) && /[a-z]/i.test(value) && SHORT_SECRET_PARAM.test(name))
      return true;
  }
  if (url.hash.length > 1 && /(?:access_token|id_token|token)=/.test(url.hash)) return true;
  return (
    PERSONAL_PATH.test(url.pathname) ||
    SHARE_LINK.test(url.pathname) ||
    shareHostLink(url) ||
    meetingLink(url) ||
    SECRET_HOSTS.test(url.host + url.pathname) ||
    SELLER_PAGES.test(url.host + url.pathname) ||
    profileUrl(url) ||
    (names !== undefined && namesAPerson(url, names))
  );
}

/**
 * `postgres://app:S3cret@db-01.internal:5432/crm`: in a database or queue connection string the
 * password and the host are the findings, and the scheme, user, port and database stay readable.
 */
const CONNECTION_STRING =
  /^(?:postgres(?:ql)?|mysql|mongodb(?:\+srv)?|rediss?|amqps?|mqtts?):\/\/[^:@/\s]*:([^@/\s]+)@([^:/?#@\s]+)/di;

export function connectionStringParts(text: string, url: Span): Span[] | undefined {
  const m = CONNECTION_STRING.exec(text.slice(url.start, url.end));
  const password = m?.indices?.[1];
  const host = m?.indices?.[2];
  if (!password || !host) return undefined;
  return [
    { start: url.start + password[0], end: url.start + password[1], type: 'SECRET' },
    // `redis://…@10.49.169.86:6379`: an address written as digits is an IP, a name a HOST.
    {
      start: url.start + host[0],
      end: url.start + host[1],
      type: isIP(text.slice(url.start + host[0], url.start + host[1])) ? 'IP' : 'HOST',
    },
  ];
}

/** `linkedin.com/in/ngozi-eze`, `tiktok.com/@ikaika.dances`: a profile site's page written without its scheme. */
const PROFILE_WITHOUT_SCHEME =
  /(?<![\w.@/:-])(?:(?:www|m|[a-z]{2})\.)?(?:linkedin\.com|facebook\.com|instagram\.com|twitter\.com|x\.com|tiktok\.com|threads\.net|github\.com|gitlab\.com|t\.me|wa\.me|calendly\.com|medium\.com|youtube\.com|behance\.net|dribbble\.com|patreon\.com|linktr\.ee|about\.me|bsky\.app|soundcloud\.com)\/[^\s<>"'`|]+/gi;

/** URL candidates, trailing sentence punctuation removed. */
export function findUrls(text: string): Span[] {
  const spans: Span[] = [];
  const matches = [...anchoredMatches(text, SCHEME_END, URL_PATTERN, SCHEME_CHAR)];
  if (text.includes('.com/') || text.includes('.me/') || /\.(?:net|app|ee)\//.test(text)) {
    matches.push(...text.matchAll(PROFILE_WITHOUT_SCHEME));
  }
  for (const match of matches) {
    let value = match[0];
    while (/[.,;:!?)\]}]$/.test(value)) {
      const last = value.at(-1);
      if (last === ')' && value.split('(').length > value.split(')').length - 1) break;
      value = value.slice(0, -1);
    }
    spans.push({ start: match.index, end: match.index + value.length, type: 'URL' });
  }
  return spans;
}

/**
 * URLs carrying secrets or personal ids: credentials in the authority, query parameters such as
 * `token`, `sig`, `email`, `user_id`, `assignee`, paths like `/users/1234` or `/@name`, profiles on
 * social and code sites (`linkedin.com/in/…`, `github.com/<user>`, `wa.me/<number>`), webhook URLs, and with
 * the name lists personal sites and files named after someone (url-personal.ts). A URL that contains
 * any other finding is also reported whole by the scrubber.
 */
export function detectSensitiveUrls(
  text: string,
  urls: readonly Span[] = findUrls(text),
  names?: NameLexicon,
): Span[] {
  const own = new Set(ownSiteLinks(text, urls));
  return urls.filter((span) => own.has(span) || sensitive(text.slice(span.start, span.end), names));
}
