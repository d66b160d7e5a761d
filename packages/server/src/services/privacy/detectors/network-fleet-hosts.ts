import type { Span } from '../types.js';

/**
 * `billing-worker-07`, `db-tky-replica2`: a lower-case name of three hyphenated parts or more, one of them a
 * server's role, the last ending in a number: how fleets of machines are named. Found from the role word.
 */
const ROLE = /(?:worker|replica|shard|runner|broker|node|db|cache|proxy|queue|primary|standby)\d*/g;
const FLEET_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+){2,}$/;
const NAME_CHAR = /[a-z0-9-]/;

export function fleetHosts(text: string): Span[] {
  if (!text.includes('-')) return [];
  const spans: Span[] = [];
  ROLE.lastIndex = 0;
  for (let m = ROLE.exec(text); m; m = ROLE.exec(text)) {
    const roleEnd = m.index + m[0].length;
    // The role is a whole part of the name: a hyphen or the name's edge on each side.
    if (NAME_CHAR.test(text[m.index - 1] ?? '') && text[m.index - 1] !== '-') continue;
    if (NAME_CHAR.test(text[roleEnd] ?? '') && text[roleEnd] !== '-') continue;
    let start = m.index;
    while (start > 0 && NAME_CHAR.test(text[start - 1] ?? '')) start--;
    let end = roleEnd;
    while (end < text.length && NAME_CHAR.test(text[end] ?? '')) end++;
    const name = text.slice(start, end);
    // Part of an address, a path or a longer name; `[ci-runner-4]` heading a log line is the process's tag.
    if (/[@/.:\\\w]/.test(text[start - 1] ?? '') || /^(?:[\w@]|\.\w)/.test(text.slice(end, end + 2)))
      continue;
    if (text[start - 1] === '[' && text[end] === ']') continue;
    if (!FLEET_NAME.test(name) || !/[a-z]\d*-?\d+$/.test(name) || !/-\d{1,4}$|[a-z]\d{1,2}$/.test(name))
      continue;
    spans.push({ start, end, type: 'HOST' });
    ROLE.lastIndex = end;
  }
  return spans;
}
