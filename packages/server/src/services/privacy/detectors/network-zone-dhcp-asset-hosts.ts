import type { Span } from '../types.js';
import { detectMacs, shellLoginAt } from './network.js';

/**
 * Machine names from their zone, their DHCP lease or their asset code: a domain whose organisation label ends in an internal-zone word
 * (`erp.vinatex-int.vn`, `bastion.mgmt.ngo-intra.net`), the host name a DHCP server logs after a MAC address
 * (`(lap-okeke-02)`, `… 3c:22:fb:8a:19:d4 Amaras-iPhone`), Windows' default machine names (`DESKTOP-AWEK482`)
 * and asset names in capitals that start with a device code (`LT-HWALKER-01`).
 */

/** `-int.`, `-internal.`: the internal-zone word joined to the organisation's label. */
const HYPHEN_ZONE = /-(?:int|internal|intra|intranet)\./gi;
const ZONE_REST = /(?:[a-z0-9-]+\.)*[a-z]{2,}(?![\w-]|\.[a-z0-9])/iy;
const HOST_LABELS = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9][a-z0-9-]*$/i;

function hyphenZoneHosts(text: string): Span[] {
  const spans: Span[] = [];
  HYPHEN_ZONE.lastIndex = 0;
  for (let m = HYPHEN_ZONE.exec(text); m; m = HYPHEN_ZONE.exec(text)) {
    ZONE_REST.lastIndex = m.index + m[0].length;
    const rest = ZONE_REST.exec(text);
    if (!rest) continue;
    let start = m.index;
    while (start > 0 && m.index - start < 253 && /[\w.-]/.test(text[start - 1] ?? '')) start--;
    while (start < m.index && /[.-]/.test(text[start] ?? '')) start++;
    if (start === m.index || !HOST_LABELS.test(text.slice(start, m.index))) continue;
    // `someone@hooks.acme-internal.com` is a mailbox, unless it is a login given to `ssh`.
    if (text[start - 1] === '@' && !shellLoginAt(text, start - 1)) continue;
    if (/[/:]/.test(text[start - 1] ?? '') && text.slice(start - 3, start) !== '://') continue;
    spans.push({ start, end: ZONE_REST.lastIndex, type: 'HOST' });
  }
  return spans;
}

/**
 * `DHCPACK on 10.0.14.203 to a4:83:e7:2b:91:0c (lap-okeke-02) via eth0` (ISC dhcpd), `DHCPACK(br0) 192.168.1.47
 * 3c:22:fb:8a:19:d4 Amaras-iPhone` (dnsmasq): the client's name right after its MAC, in brackets or ending the
 * line; a name with a hyphen or a digit, as devices name themselves (`(reception PC)`, `(Ahmed)` are notes).
 */
const NAME_AFTER_MAC = / (?:\(([a-z0-9][\w-]{1,62})\)|([a-z0-9][\w-]{1,62})(?=[ \t]*(?:\n|$)))/diy;

function dhcpClientNames(text: string): Span[] {
  if (!text.includes('DHCP')) return [];
  return detectMacs(text).flatMap((mac): Span[] => {
    NAME_AFTER_MAC.lastIndex = mac.end;
    const m = NAME_AFTER_MAC.exec(text);
    const range = m?.indices?.[1] ?? m?.indices?.[2];
    const name = m?.[1] ?? m?.[2] ?? '';
    // In brackets only a numbered name (`(lap-okeke-02)`); `(Siddharth-iPhone)` is read as its owner's name.
    const numbered = m?.[1] === undefined || /\d/.test(name);
    return range && numbered && /[-\d]/.test(name) && /[a-z]/i.test(name)
      ? [{ start: range[0], end: range[1], type: 'HOST' }]
      : [];
  });
}

/** Windows names a new machine `DESKTOP-` or `LAPTOP-` and seven or eight random capitals and digits. */
const WINDOWS_DEFAULT = /\b(?:DESKTOP|LAPTOP)-(?=[A-Z]*\d)[A-Z0-9]{7,8}(?![\w-])/g;
/** `LT-HWALKER-01`, `NB-KOFI-0042`: a laptop's, notebook's or workstation's code, a name, a padded number. */
const ASSET_NAME =
  /\b(?:LT|NB|DT|WS|PC|LAP|MBP)-[A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)*-\d{2,4}(?![\w-]|\.[a-z0-9])/g;
/** `WAW-LT-0482`, `BLR-LT-2291`: a site's code, the kind of machine, its number. */
const SITE_ASSET = /\b[A-Z]{2,4}-(?:LT|NB|DT|WS|PC|LAP|MBP|VM|SRV)-\d{3,5}(?![\w-]|\.[a-z0-9])/g;

function assetNames(text: string): Span[] {
  if (!text.includes('-')) return [];
  const spans: Span[] = [];
  for (const pattern of [WINDOWS_DEFAULT, ASSET_NAME, SITE_ASSET]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (!/[@/.]/.test(text[m.index - 1] ?? ''))
        spans.push({ start: m.index, end: m.index + m[0].length, type: 'HOST' });
    }
  }
  return spans;
}

export function zoneDhcpAndAssetHosts(text: string): Span[] {
  return [...hyphenZoneHosts(text), ...dhcpClientNames(text), ...assetNames(text)];
}
