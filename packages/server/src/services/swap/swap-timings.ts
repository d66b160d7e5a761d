import type { SwapPhase, SwapTimings, SwapView } from '@spark-control/schema';

/** The log lines that end the weights part: vLLM has the weights in memory. */
const WEIGHTS_LOADED = /Loading weights took|Model loading took/;

/** The timed parts that end when the next phase starts. */
const PART_OF_PHASE: Partial<Record<SwapPhase, keyof SwapTimings>> = {
  stopping: 'stop',
  'releasing-memory': 'memoryReleased',
  launching: 'launch',
};

/**
 * Times the parts of one swap with the swap service's clock and writes them into `view.timings`:
 * a phase's part when the next phase starts, weights at vLLM's first "weights loaded" line, warm-up
 * and the whole swap when the model is served.
 */
export class SwapStopwatch {
  readonly #view: SwapView;
  readonly #now: () => number;
  readonly #startedAt: number;
  #phase: SwapPhase | undefined;
  #phaseAt = 0;
  #loadingAt: number | undefined;
  #weightsAt: number | undefined;

  constructor(view: SwapView, now: () => number) {
    this.#view = view;
    this.#now = now;
    this.#startedAt = now();
  }

  enter(phase: SwapPhase): void {
    const at = this.#now();
    const part = this.#phase ? PART_OF_PHASE[this.#phase] : undefined;
    if (part) this.#view.timings[part] = at - this.#phaseAt;
    if (phase === 'loading') this.#loadingAt = at;
    this.#phase = phase;
    this.#phaseAt = at;
  }

  logLine(line: string): void {
    if (this.#loadingAt === undefined || this.#weightsAt !== undefined || !WEIGHTS_LOADED.test(line)) return;
    this.#weightsAt = this.#now();
    this.#view.timings.weights = this.#weightsAt - this.#loadingAt;
  }

  served(): void {
    const at = this.#now();
    if (this.#weightsAt !== undefined) this.#view.timings.warmup = at - this.#weightsAt;
    this.#view.timings.ready = at - this.#startedAt;
  }
}

/** The median of each part over the given swaps (parts no swap has are absent). */
export function medianTimings(all: readonly SwapTimings[]): SwapTimings {
  const result: SwapTimings = {};
  const parts = new Set(all.flatMap((timings) => Object.keys(timings) as (keyof SwapTimings)[]));
  for (const part of parts) {
    const values = all
      .map((timings) => timings[part])
      .filter((value): value is number => value !== undefined)
      .sort((a, b) => a - b);
    const middle = Math.floor(values.length / 2);
    const upper = values[middle] ?? 0;
    result[part] = values.length % 2 === 1 ? upper : Math.round(((values[middle - 1] ?? 0) + upper) / 2);
  }
  return result;
}
