import { StringDecoder } from 'node:string_decoder';

const MAX_LINE = 64 * 1024;

/**
 * Collects one output stream of a command: the text (bounded to the last `maxChars`) and,
 * when asked, each complete line as it arrives, whatever way the bytes were chunked.
 */
export class LineCollector {
  readonly #decoder = new StringDecoder('utf8');
  readonly #onLine: ((line: string) => void) | undefined;
  readonly #maxChars: number;
  #text = '';
  #partial = '';
  #truncated = false;

  constructor(onLine: ((line: string) => void) | undefined, maxChars: number) {
    this.#onLine = onLine;
    this.#maxChars = maxChars;
  }

  push(chunk: Buffer): void {
    this.#add(this.#decoder.write(chunk));
  }

  /** Flushes a last line that had no newline. */
  end(): void {
    this.#add(this.#decoder.end());
    if (this.#partial !== '') {
      const line = this.#partial;
      this.#partial = '';
      this.#onLine?.(line.endsWith('\r') ? line.slice(0, -1) : line);
    }
  }

  get text(): string {
    return this.#text;
  }

  /** True when the start of the output was dropped to stay under the limit. */
  get truncated(): boolean {
    return this.#truncated;
  }

  #add(text: string): void {
    if (text === '') return;
    this.#text += text;
    if (this.#text.length > this.#maxChars) {
      this.#text = this.#text.slice(this.#text.length - this.#maxChars);
      this.#truncated = true;
    }
    if (!this.#onLine) return;
    const parts = (this.#partial + text).split('\n');
    this.#partial = parts.pop() ?? '';
    for (const line of parts) this.#onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
    if (this.#partial.length > MAX_LINE) {
      // Output without newlines (a progress bar, binary): hand it over in pieces.
      this.#onLine(this.#partial);
      this.#partial = '';
    }
  }
}
