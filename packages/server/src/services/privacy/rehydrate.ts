import type { VaultEntries } from './scrub.js';
import { sessionTokenPattern } from './tokens.js';

/** Puts back this session's tokens; any other token-shaped text is left exactly as it is. */
export function restoreText(text: string, nonce: string, entries: VaultEntries): string {
  return text.replace(sessionTokenPattern(nonce), (token) => {
    const original = entries.get(token);
    return original === undefined ? token : String(original);
  });
}

/** Restores a JSON value string by string (keys too); a lone token of a number becomes the number again. */
export function restoreJson(value: unknown, nonce: string, entries: VaultEntries): unknown {
  if (typeof value === 'string') {
    const whole = entries.get(value);
    if (typeof whole === 'number') return whole;
    return restoreText(value, nonce, entries);
  }
  if (Array.isArray(value)) return value.map((item) => restoreJson(item, nonce, entries));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value))
      out[restoreText(key, nonce, entries)] = restoreJson(item, nonce, entries);
    return out;
  }
  return value;
}
