import { parseTolerant, type TolerantResult, type TruncationMode } from './tolerant-json.js';

export type CandidateSource = 'whole text' | 'string literal' | 'fenced block' | 'embedded object';

export interface Candidate {
  source: CandidateSource;
  /** Where the candidate starts in the reply (after reasoning was removed). */
  offset: number;
  parsed: TolerantResult;
}

const FENCE = /```([A-Za-z]*)[ \t]*\r?\n?/y;
const FENCE_LANGUAGES = new Set(['', 'json', 'jsonc']);
const MAX_EMBEDDED_ATTEMPTS = 200;

/**
 * Every place an answer may sit, in order (rule 2): the whole text, a whole-text JSON string
 * literal decoded once, then fenced blocks and objects embedded in prose as they appear.
 */
export function findCandidates(text: string, mode: TruncationMode): Candidate[] {
  const candidates: Candidate[] = [
    {
      source: 'whole text',
      offset: 0,
      parsed: parseTolerant(text, { atReplyEnd: true, mode, prefix: false }),
    },
  ];
  const literal = decodeStringLiteral(text);
  if (literal !== undefined) {
    // The model closed the literal, so the text inside it was not cut by the token limit.
    candidates.push({
      source: 'string literal',
      offset: 0,
      parsed: parseTolerant(literal, { atReplyEnd: false, mode, prefix: false }),
    });
  }
  // When the whole text is one JSON value, what it holds is part of it, never a separate answer.
  if (candidates[0]?.parsed.ok) return candidates;
  let position = 0;
  let attempts = 0;
  while (position < text.length) {
    const fence = text.indexOf('```', position);
    const brace = text.indexOf('{', position);
    if (fence < 0 && brace < 0) break;
    if (fence >= 0 && (brace < 0 || fence < brace)) {
      position = addFenced(text, fence, mode, candidates);
      continue;
    }
    if (attempts >= MAX_EMBEDDED_ATTEMPTS) break;
    attempts += 1;
    const parsed = parseTolerant(text, { atReplyEnd: true, mode, prefix: true }, brace);
    if (parsed.ok) {
      candidates.push({ source: 'embedded object', offset: brace, parsed });
      // Objects nested in one that parsed are part of it, never separate answers.
      position = parsed.truncated ? text.length : parsed.end;
    } else {
      position = brace + 1;
    }
  }
  return candidates;
}

/** Adds the fenced block opening at `start` when it is JSON; returns where scanning goes on. */
function addFenced(text: string, start: number, mode: TruncationMode, candidates: Candidate[]): number {
  FENCE.lastIndex = start;
  const header = FENCE.exec(text);
  const bodyStart = header ? start + header[0].length : start + 3;
  const language = (header?.[1] ?? '').toLowerCase();
  const close = text.indexOf('```', bodyStart);
  const bodyEnd = close < 0 ? text.length : close;
  if (FENCE_LANGUAGES.has(language)) {
    const body = text.slice(bodyStart, bodyEnd);
    // An unclosed fence runs to the end of the reply: a cut there is truncation.
    const parsed = parseTolerant(body, { atReplyEnd: close < 0, mode, prefix: false });
    candidates.push({ source: 'fenced block', offset: bodyStart, parsed });
  }
  return close < 0 ? text.length : close + 3;
}

/** The object inside a reply that is one JSON string literal, decoded once. */
function decodeStringLiteral(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('"') || !trimmed.endsWith('"') || trimmed.length < 2) return undefined;
  try {
    const decoded: unknown = JSON.parse(trimmed);
    if (typeof decoded !== 'string') return undefined;
    return /^\s*[{[]/.test(decoded) ? decoded : undefined;
  } catch {
    return undefined;
  }
}
