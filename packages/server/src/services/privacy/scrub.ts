import { detectAll, hintForKey, type NameLexicon } from './detectors/index.js';
import { wholeWordAt } from './local-names.js';
import { detectionView, toOriginal } from './normalize.js';
import type { ScrubbedText } from './scrubbed.js';
import { mergeSpans } from './spans.js';
import { formatToken } from './tokens.js';
import type { EntityType, Span } from './types.js';

/** Original values by token; a JSON number keeps its type so it comes back as a number. */
export type VaultEntries = Map<string, string | number>;

export interface Entity {
  type: EntityType;
  token: string;
}

/** The state of one scrub: the same value gets the same token everywhere in one request. */
export class ScrubSession {
  readonly entries: VaultEntries = new Map();
  readonly entities: Entity[] = [];
  readonly #tokens = new Map<string, string>();
  readonly #counters = new Map<EntityType, number>();

  constructor(
    readonly nonce: string,
    readonly names: NameLexicon,
    /** Names the local model found in this request's text (verbatim there): redacted as PERSON too. */
    readonly localNames: readonly string[] = [],
  ) {}

  tokenFor(type: EntityType, original: string | number): string {
    const key = `${type}\u0000${typeof original}\u0000${original}`;
    const known = this.#tokens.get(key);
    if (known) return known;
    const index = (this.#counters.get(type) ?? 0) + 1;
    this.#counters.set(type, index);
    const token = formatToken(type, index, this.nonce);
    this.#tokens.set(key, token);
    this.entries.set(token, original);
    this.entities.push({ type, token });
    return token;
  }
}

/** Every whole-word occurrence of each of `names` in `text`. */
function occurrences(text: string, names: readonly string[]): Span[] {
  const spans: Span[] = [];
  for (const name of names) {
    for (let at = wholeWordAt(text, name, 0); at >= 0; at = wholeWordAt(text, name, at + name.length)) {
      spans.push({ start: at, end: at + name.length, type: 'PERSON' });
    }
  }
  return spans;
}

/**
 * `കുമാര്‍`: a zero-width joiner or non-joiner right after a finding is part of its last word (Indic and Persian
 * scripts write it inside words); the view drops it, so the mapped span would stop before it.
 */
function throughJoiners(text: string, end: number): number {
  let at = end;
  while (at < text.length && (text[at] === '\u200c' || text[at] === '\u200d')) at++;
  return at > end && /[\p{L}\p{M}]/u.test(text[end - 1] ?? '') ? at : end;
}

/** Findings in `text`, as ranges of the original characters; `localNames` are added as persons. */
export function findEntities(
  text: string,
  names: NameLexicon,
  hint?: EntityType,
  localNames: readonly string[] = [],
): Span[] {
  const view = detectionView(text);
  let spans = detectAll(view.text, names).map((span) => {
    const [start, end] = toOriginal(view, span.start, span.end);
    return { start, end: throughJoiners(text, end), type: span.type };
  });
  if (localNames.length > 0) spans = mergeSpans([...spans, ...occurrences(text, localNames)]);
  if (hint) {
    const start = text.search(/\S/);
    const end = text.trimEnd().length;
    if (start >= 0 && /[\p{L}\p{N}]/u.test(text)) return mergeSpans([...spans, { start, end, type: hint }]);
  }
  return spans;
}

/** Replaces every finding with its session token; every other character stays as it was. */
export function scrubText(text: string, session: ScrubSession, hint?: EntityType): ScrubbedText {
  let out = '';
  let cursor = 0;
  for (const span of findEntities(text, session.names, hint, session.localNames)) {
    out += text.slice(cursor, span.start) + session.tokenFor(span.type, text.slice(span.start, span.end));
    cursor = span.end;
  }
  return (out + text.slice(cursor)) as ScrubbedText;
}

function scrubNumber(value: number, session: ScrubSession, hint: EntityType | undefined): number | string {
  const text = String(value);
  const [span] = findEntities(text, session.names, hint, session.localNames);
  return span && span.start === 0 && span.end === text.length ? session.tokenFor(span.type, value) : value;
}

/** Scrubs every string (keys too) and every number that is a finding of its own; structure is kept. */
export function scrubJson(value: unknown, session: ScrubSession, hint?: EntityType): unknown {
  if (typeof value === 'string') return scrubText(value, session, hint);
  if (typeof value === 'number') return scrubNumber(value, session, hint);
  if (Array.isArray(value)) return value.map((item) => scrubJson(item, session, hint));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[scrubText(key, session)] = scrubJson(item, session, hintForKey(key));
    }
    return out;
  }
  return value;
}
