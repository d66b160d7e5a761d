import type { SwapCause } from '@spark-control/schema';

/** A swap that cannot go on, with the classified cause (and what to do) shown to the user. */
export class SwapFailure extends Error {
  constructor(
    readonly swapCause: SwapCause,
    message: string,
    readonly hint: string | null = null,
  ) {
    super(message);
    this.name = 'SwapFailure';
  }
}
