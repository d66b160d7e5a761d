import { SshAbortedError, SshTimeoutError, type SshError } from './errors.js';

/** The deadline and abort signal of one command, as a promise-friendly object. */
export class Cancellation {
  readonly #sparkId: string;
  readonly #timer: NodeJS.Timeout | undefined;
  readonly #signal: AbortSignal | undefined;
  readonly #onAbort = () => this.cancel(new SshAbortedError(this.#sparkId, { cause: this.#signal?.reason }));
  readonly #listeners = new Set<(error: SshError) => void>();
  #error: SshError | undefined;

  constructor(sparkId: string, timeoutMs: number | undefined, signal: AbortSignal | undefined) {
    this.#sparkId = sparkId;
    this.#signal = signal;
    if (signal?.aborted) this.#error = new SshAbortedError(sparkId, { cause: signal.reason });
    else signal?.addEventListener('abort', this.#onAbort, { once: true });
    if (timeoutMs !== undefined && Number.isFinite(timeoutMs)) {
      this.#timer = setTimeout(() => this.cancel(new SshTimeoutError(sparkId, timeoutMs)), timeoutMs);
    }
  }

  get error(): SshError | undefined {
    return this.#error;
  }

  cancel(error: SshError): void {
    if (this.#error) return;
    this.#error = error;
    for (const listener of this.#listeners) listener(error);
    this.#listeners.clear();
  }

  /** Runs `listener` once on cancellation (at once if already cancelled); returns an unsubscribe. */
  onCancel(listener: (error: SshError) => void): () => void {
    if (this.#error) {
      listener(this.#error);
      return () => undefined;
    }
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Waits for `promise` unless cancelled first; a value that arrives late goes to `discard`. */
  race<T>(promise: Promise<T>, discard?: (late: T) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const unsubscribe = this.onCancel(reject);
      promise.then(
        (value) => {
          unsubscribe();
          if (this.#error) discard?.(value);
          else resolve(value);
        },
        (error: unknown) => {
          unsubscribe();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#signal?.removeEventListener('abort', this.#onAbort);
    this.#listeners.clear();
  }
}
