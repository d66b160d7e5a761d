import { restoreText } from './rehydrate.js';
import type { VaultEntries } from './scrub.js';
import { isTokenPrefix, MAX_TOKEN_LENGTH } from './tokens.js';

/**
 * Restores a streamed reply chunk by chunk. A token split across chunks (`[[PERS` + `ON_1_x7f3ab]]`)
 * is held back until it is complete or can no longer be one.
 */
export class StreamRestorer {
  #pending = '';

  constructor(
    private readonly nonce: string,
    private readonly entries: VaultEntries,
  ) {}

  /** Returns the restored text that is safe to emit now. */
  push(chunk: string): string {
    const text = this.#pending + chunk;
    const hold = this.#heldTail(text);
    this.#pending = text.slice(text.length - hold);
    return restoreText(text.slice(0, text.length - hold), this.nonce, this.entries);
  }

  /** Flushes whatever was held back at the end of the stream. */
  end(): string {
    const rest = this.#pending;
    this.#pending = '';
    return restoreText(rest, this.nonce, this.entries);
  }

  #heldTail(text: string): number {
    const from = Math.max(0, text.length - MAX_TOKEN_LENGTH);
    for (let i = text.lastIndexOf('[', text.length - 1); i >= from; i = text.lastIndexOf('[', i - 1)) {
      if (isTokenPrefix(text.slice(i))) {
        // "[[" may start at i-1 if text[i-1] is also "["; the longest candidate wins.
        const earlier = text[i - 1] === '[' && isTokenPrefix(text.slice(i - 1)) ? 1 : 0;
        return text.length - i + earlier;
      }
      if (i === 0) break;
    }
    return 0;
  }
}
