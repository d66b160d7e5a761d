import type { Span } from '../types.js';
import { matchSpansAt } from './util.js';

/**
 * `Twilio auth token 049d3e84…`, `API key is 7Fq2…`: a random-looking value right after the name of a
 * token or a key, without `:` or `=`: a run of 16+ letters and digits with three digits in it, or a
 * longer run with `_`/`-` in mixed case (not `auth token expired`, `API key rotation_schedule_2024`).
 */
const TOKEN_AFTER_CUE =
  /\b(?:[Aa]uth(?:entication)?|[Aa]ccess|API|[Aa]pi|[Rr]efresh|[Ss]ession) (?:[Tt]oken|[Kk]ey|TOKEN|KEY)\b(?:\s+(?:is|was)\b)?\s*["'“]?((?=(?:[A-Za-z]*\d){3})(?=[0-9]*[A-Za-z])[A-Za-z0-9]{16,128}|(?=[\w-]*\d)(?=[\w-]*[a-z])(?=[\w-]*[A-Z])[\w-]{20,128})["'”]?(?![\w-])/dy;

/** Tokens named in prose, tried only where a cue word (`auth`, `access`, `api`, …) starts. */
export function tokensAfterCue(text: string, cues: readonly number[]): Span[] {
  return matchSpansAt(text, cues, TOKEN_AFTER_CUE, 'SECRET', () => true, 1);
}
