import type { Span } from '../types.js';

/**
 * Machine names added in round 12: a host name of three labels or more whose first label is a numbered
 * machine (`kura-srv01.school.nz`, `gitlab-runner01.lab.koperasi.id`, `pc-tky-0482.ad.example.co.jp`),
 * and a hyphenated name that starts with a device word and ends in a padded number (`printer-hcm-02`,
 * `srv-db-01`), in a sentence of any language.
 */

/** Where a numbered first label may end: two digits and a dot before a letter. */
const NUMBER_DOT = /\d\d\.[a-z]/gi;
/** The labels after the first one, the last a top-level domain of letters. */
const REST = /(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.([a-z]{2,12})(?![\w-]|\.[a-z0-9])/iy;
/** A first label: letters, then perhaps hyphenated parts, ending in two digits or more. */
const FIRST_LABEL = /^[a-z][a-z0-9-]*[a-z][a-z0-9-]*\d{2,}$/i;
/** Endings of file names, not of host names (`backup-2024.tar.gz`, `export-01.sql.bak`). */
const FILE_ENDING =
  /^(?:gz|bz2?|xz|zip|tar|tgz|7z|rar|js|ts|mjs|py|rb|go|rs|sh|md|txt|log|csv|tsv|json|ya?ml|xml|html?|pdf|docx?|xlsx?|pptx?|png|jpe?g|gif|svg|bak|sql|db|tmp|old|conf|cfg|ini|exe|dll|iso|img|bin|dat|mp[34]|wav|mov|avi)$/i;

function numberedHosts(text: string): Span[] {
  const spans: Span[] = [];
  let resumeAt = 0;
  NUMBER_DOT.lastIndex = 0;
  for (let m = NUMBER_DOT.exec(text); m; m = NUMBER_DOT.exec(text)) {
    const dot = m.index + 2;
    NUMBER_DOT.lastIndex = m.index + 1;
    if (dot < resumeAt) continue;
    let start = dot;
    while (start > 0 && dot - start < 63 && /[\w-]/.test(text[start - 1] ?? '')) start--;
    // Part of an address, a path or a longer name: `mail@srv01.x.y`, `/srv01.x.y`, `a.srv01.x.y`.
    if (/[@/.:\\]/.test(text[start - 1] ?? '')) continue;
    if (!FIRST_LABEL.test(text.slice(start, dot))) continue;
    REST.lastIndex = dot;
    const rest = REST.exec(text);
    if (!rest || !rest[0].slice(1).includes('.') || FILE_ENDING.test(rest[1] ?? '')) continue;
    const end = dot + rest[0].length;
    spans.push({ start, end, type: 'HOST' });
    resumeAt = end;
  }
  return spans;
}

/** `printer-hcm-02`, `srv-db-01`, `pc-tky-0482`: a device word, name parts, a padded number. */
const DEVICE_NAME =
  /\b(?:printer|srv|server|pc|laptop|desktop|nas|ws|vm|host|router|switch|ap|cam)(?:-[a-z][a-z0-9]*)+-\d{2,4}(?![\w-]|\.[a-z0-9])/g;

function deviceNames(text: string): Span[] {
  if (!text.includes('-')) return [];
  const spans: Span[] = [];
  DEVICE_NAME.lastIndex = 0;
  for (let m = DEVICE_NAME.exec(text); m; m = DEVICE_NAME.exec(text)) {
    if (/[@/.]/.test(text[m.index - 1] ?? '')) continue;
    spans.push({ start: m.index, end: m.index + m[0].length, type: 'HOST' });
  }
  return spans;
}

/**
 * `mail.zg.tvrtka.hr`, `hrms.kl.syarikat.my`, `erp.mgq.shirkad.so`: an internal service, a site code of
 * two or three letters, then the organisation's domain: the layout of a company's own machines.
 * Found from the site code between two dots.
 */
const SITE_CODE = /\.[a-z]{2,3}\.[a-z]/g;
const SERVICE_FIRST =
  /(?:^|[^\w.@/-])(mail|smtp|imap|erp|hrms|hris|crm|vpn|intranet|portal|jira|wiki|git|sso|owa|exchange|sap|ldap|fileserver|files|print)$/i;
const SITE_REST = /\.[a-z]{2,3}\.[a-z][a-z0-9-]{1,30}(?:\.[a-z]{2,3})?\.[a-z]{2,6}(?![\w-]|\.[a-z0-9])/y;

function serviceSiteHosts(text: string): Span[] {
  const spans: Span[] = [];
  SITE_CODE.lastIndex = 0;
  for (let m = SITE_CODE.exec(text); m; m = SITE_CODE.exec(text)) {
    SITE_CODE.lastIndex = m.index + 1;
    const service = SERVICE_FIRST.exec(text.slice(Math.max(0, m.index - 12), m.index));
    if (!service?.[1]) continue;
    SITE_REST.lastIndex = m.index;
    const rest = SITE_REST.exec(text);
    if (!rest || rest[0].split('.').length < 4) continue;
    spans.push({ start: m.index - service[1].length, end: m.index + rest[0].length, type: 'HOST' });
    SITE_CODE.lastIndex = m.index + rest[0].length;
  }
  return spans;
}

/** Numbered machines as a host's first label, device names with a padded number, service and site-code hosts. */
export function numberedAndSiteHosts(text: string): Span[] {
  return [...numberedHosts(text), ...deviceNames(text), ...serviceSiteHosts(text)];
}
