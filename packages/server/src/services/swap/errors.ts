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

export class SwapInProgressError extends Error {
  constructor(readonly swapId: string) {
    super(`swap ${swapId} is still running`);
    this.name = 'SwapInProgressError';
  }
}

export class UnknownModelError extends Error {
  constructor(readonly modelId: string) {
    super(`no model "${modelId}" in the catalog`);
    this.name = 'UnknownModelError';
  }
}

/** A setting makes the swap impossible before anything runs: `field` is the setting to fix. */
export class SwapSettingsError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'SwapSettingsError';
  }
}
