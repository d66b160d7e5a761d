import { domainToUnicode } from 'node:url';
import type { NameLexicon } from './name-lexicon.js';
import { nameShaped } from './name-shape.js';

/**
 * Hosts whose first label is a person's own site (`kwame-mensah.github.io`, `ngozi.substack.com`), portfolio
 * builders among them (`kwamedesigns.myportfolio.com`).
 */
const PERSONAL_PAGE_HOSTS =
  /^(?!www\.)[\w-]+\.(?:github\.io|gitlab\.io|wordpress\.com|blogspot\.com|substack\.com|tumblr\.com|wixsite\.com|neocities\.org|carrd\.co|bearblog\.dev|myportfolio\.com|journoportfolio\.com|cargo\.site|carbonmade\.com|crevado\.com|bio\.link|mystrikingly\.com|jimdosite\.com|weebly\.com)$/i;
/** Second-level labels under which the registrable name sits one label further left (`example.co.uk`). */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ltd', 'plc', 'me']);
/** A file about one person: an identity document, a payslip, a CV (`…/fatima_al_sayed_licence.jpg`). */
const DOCUMENT_WORDS = new Set(
  'passport licence license payslip payslips paystub cv resume résumé lebenslauf visa idcard id-card birthcertificate selfie'.split(
    ' ',
  ),
);

/** The page title of a Confluence page (`/display/<space>/<title>`), a company's own wiki. */
const WIKI_TITLE = /\/display\/[^/]+\/([^/]+)\/?$/;

/** Top-level domains people take for their own site: a given name joined to any surname there is one. */
const PERSONAL_TLDS = new Set(
  'me name blog design dev io art photo photography studio page site online xyz codes work portfolio cv website life space ink'.split(
    ' ',
  ),
);

/** `sarah-oconnor`, `annakowalska`, `kwame_mensah`: a listed given name, then a surname, in one label. */
function namesSomeone(label: string, names: NameLexicon, personalTld = false): boolean {
  const tokens = label
    .toLowerCase()
    .split(/[-_.]+|%20/)
    .filter(Boolean);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [first = '', second = ''] = [tokens[i], tokens[i + 1]];
    if (givenName(first, names) && surnameLike(second, names)) return true;
    // `Olusegun_Bakare_invoice`: an unlisted given name before a listed family name.
    if (names.family.has(second) && surnameLike(first, names) && !names.family.has(first)) return true;
  }
  if (tokens.length !== 1) return false;
  const [joined = ''] = tokens;
  // `annashop.design`: a given name before an ordinary word is a business, however else it splits.
  if (personalTld) {
    for (let cut = 3; cut <= joined.length - 3; cut++) {
      if (givenName(joined.slice(0, cut), names) && names.common(joined.slice(cut))) return false;
    }
  }
  for (let cut = 3; cut <= joined.length - 4; cut++) {
    const rest = joined.slice(cut);
    const surname =
      names.family.has(rest) ||
      ((personalTld || nameShaped(rest, rest)) && !names.common(rest) && !names.place(rest));
    if (givenName(joined.slice(0, cut), names) && surname) return true;
  }
  return false;
}

const givenName = (lower: string, names: NameLexicon) =>
  lower.length >= 3 && names.given.has(lower) && !names.ambiguous.has(lower);
const surnameLike = (lower: string, names: NameLexicon) =>
  /^\p{L}{3,}$/u.test(lower) &&
  (names.family.has(lower) || (!names.common(lower) && !names.place(lower) && !DOCUMENT_WORDS.has(lower)));

/** The label a site's owner chose (`sarah-oconnor` of `www.sarah-oconnor.ie`, `jane-doe` of `jane-doe.co.uk`). */
function ownerLabel(hostname: string): string {
  const labels = hostname
    .toLowerCase()
    .replace(/^www\./, '')
    .split('.');
  const second = labels.at(-2) ?? '';
  return (SECOND_LEVEL.has(second) && labels.length >= 3 ? labels.at(-3) : second) ?? '';
}

/** A path segment with its escapes decoded; one with a malformed escape (`a%zz.pdf`) is read as written. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Does a URL name a person: a personal site (`annakowalska.com`, `kwame-mensah.github.io`), or a file
 * named after someone or holding an identity document (`Priya_Sharma_CV.pdf`, `…_passport.pdf`)?
 */
export function namesAPerson(url: URL, names: NameLexicon): boolean {
  if (PERSONAL_PAGE_HOSTS.test(url.hostname)) return true;
  // `tomasz.wiśniewski.blog`: the host as written, not its punycode; a name may span the last two labels.
  const hostname = domainToUnicode(url.hostname) || url.hostname;
  const labels = hostname
    .toLowerCase()
    .replace(/^www\./, '')
    .split('.');
  const personalTld = PERSONAL_TLDS.has(labels.at(-1) ?? '');
  if (namesSomeone(ownerLabel(hostname), names, personalTld)) return true;
  if (labels.length === 3 && namesSomeone(labels.slice(0, 2).join('.'), names)) return true;
  // `/display/CS/Onboarding+Jiale+Wu`: a wiki page titled with someone's name.
  const title = WIKI_TITLE.exec(url.pathname)?.[1];
  if (title && namesSomeone(decoded(title.replace(/\+/g, '-')), names)) return true;
  // `/kv/show/hana-kobayashi/dev`, `/applicant/lindiwe-nkosi-20931`, `/colaboradores/thiago.barbosa/`: a path segment of
  // a given name and a surname joined by a separator.
  const segments = url.pathname.split('/');
  if (segments.some((segment) => /[-_.]/.test(segment) && namesSomeone(segment, names))) return true;
  const file = decoded(segments.at(-1) ?? '');
  const stem = /^(.+)\.[a-z0-9]{2,5}$/i.exec(file)?.[1];
  if (!stem) return false;
  const words = stem.toLowerCase().split(/[-_.\s]+/);
  return words.some((word) => DOCUMENT_WORDS.has(word)) || namesSomeone(stem, names);
}

/**
 * Hosts that serve only what one person shared, by a link whose random ID is its only key: Google Photos
 * (`photos.app.goo.gl/…`), Google Drive, Dropbox (`/s/`, `/scl/fi/`), OneDrive (`1drv.ms`), WeTransfer
 * (`we.tl`), iCloud shared photos and files; a scheduling poll (Doodle, when2meet, Framadate, Rallly, Nuudel)
 * whose link is the only key to who answered it; a Notion page published to the web (`….notion.site/<title>-<id>`).
 */
const SHARE_HOSTS =
  /^(?:photos\.app\.goo\.gl\/|goo\.gl\/photos\/|photos\.google\.com\/share\/|drive\.google\.com\/|(?:www\.)?dropbox\.com\/(?:s|sh|scl\/f[io])\/|1drv\.ms\/|onedrive\.live\.com\/|we\.tl\/|(?:www\.)?wetransfer\.com\/downloads\/|(?:www\.)?icloud\.com\/(?:photos|sharedalbum|iclouddrive)\/|(?:www\.)?doodle\.com\/(?:meeting\/(?:participate|organize)\/id|poll|group-poll\/participate)\/|(?:www\.)?when2meet\.com\/|framadate\.org\/|rallly\.co\/invite\/|nuudel\.digitalcourage\.de\/|[\w-]+\.notion\.site\/)/i;
/** The link's random ID: eight or more letters and digits with both in it. */
const RANDOM_ID = /^(?=[A-Za-z_!-]*\d)(?=[\d_!-]*[A-Za-z])[A-Za-z\d_!-]{8,}$/;

/** A share link on a host that serves only shared files and albums (`https://photos.app.goo.gl/Xq7Lp2VmN8tR4cZk9`). */
export function shareHostLink(url: URL): boolean {
  const where = url.host + url.pathname;
  const m = SHARE_HOSTS.exec(where);
  if (!m) return false;
  const rest = where.slice(m[0].length) + url.search + url.hash;
  return rest.split(/[/?#&=.]/).some((part) => RANDOM_ID.test(part));
}

/**
 * A meeting's join link, whose ID is the only key to the call: Google Meet (`meet.google.com/xkq-pwda-ury`), Zoom
 * (`zoom.us/j/84512349876`), Teams (`teams.microsoft.com/l/meetup-join/…`), Jitsi and Whereby rooms.
 */
const MEETING_LINK =
  /^(?:meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}\/?$|(?:[\w-]+\.)?zoom\.us\/[jw]\/\d{9,11}|teams\.microsoft\.com\/l\/meetup-join\/.|teams\.live\.com\/meet\/\d|meet\.jit\.si\/[\w-]{6,}|whereby\.com\/[\w-]{3,})/i;

export const meetingLink = (url: URL): boolean => MEETING_LINK.test(url.host + url.pathname);
