/**
 * The script's `trap cleanup EXIT INT TERM HUP`: before `arm()` a signal ends the launcher at once (bash's
 * default action); after it, the signal runs `cleanup` once and the launcher exits.
 */
export class Trap {
  #cleanup: (() => Promise<void>) | undefined;
  #fired = false;

  constructor() {
    // Like bash, keep going when the terminal is gone (the trap must still run after a hang-up).
    process.stdout.on('error', () => undefined);
    process.stderr.on('error', () => undefined);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, () => void this.#fire(signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 129));
    }
  }

  /** From here on a signal runs `cleanup` before the launcher exits. */
  arm(cleanup: () => Promise<void>): void {
    this.#cleanup = cleanup;
  }

  /** Runs the armed cleanup once (the EXIT trap); later calls and signals do nothing. */
  async exit(): Promise<void> {
    if (this.#fired) return;
    this.#fired = true;
    await this.#cleanup?.();
  }

  async #fire(code: number): Promise<void> {
    if (this.#fired) return;
    await this.exit();
    process.exit(code);
  }
}
