import { readFile } from 'node:fs/promises';
import { unwatchFile, watchFile } from 'node:fs';
import { parseSettings, type Settings } from '@spark-control/schema';
import type { EventBus } from '../adapters/event-bus.js';
import type { Logger } from '../adapters/logger.js';

export interface SettingsOverrides {
  nvidiaApiKey?: string | undefined;
}

type Listener = (settings: Settings, previous: Settings) => void;

/**
 * The one settings store: reads settings.json plus env overrides, validates, and watches the
 * file so valid edits apply live. An invalid edit is logged by field name and changes nothing.
 */
export class SettingsStore {
  readonly file: string;
  readonly #overrides: SettingsOverrides;
  readonly #log: Logger;
  readonly #bus: EventBus;
  readonly #listeners = new Set<Listener>();
  #current: Settings;
  #currentJson: string;
  #errors: string[] = [];
  #watching = false;
  #reading: Promise<void> = Promise.resolve();

  constructor(options: { file: string; overrides?: SettingsOverrides; log: Logger; bus: EventBus }) {
    this.file = options.file;
    this.#overrides = options.overrides ?? {};
    this.#log = options.log;
    this.#bus = options.bus;
    const defaults = parseSettings(this.#withOverrides({}));
    if (!defaults.success) throw new Error(`default settings are invalid: ${defaults.errors.join('; ')}`);
    this.#current = defaults.settings;
    this.#currentJson = JSON.stringify(this.#current);
  }

  get current(): Settings {
    return this.#current;
  }

  /** Errors of the last rejected edit, by field; empty when the file is in force. */
  get errors(): readonly string[] {
    return this.#errors;
  }

  /** Reads the file once; call before serving. */
  async load(): Promise<void> {
    await this.#reload({ announce: false });
  }

  /** Watches the file (stat polling: survives atomic renames and missing files). */
  watch(intervalMs = 500): void {
    if (this.#watching) return;
    this.#watching = true;
    watchFile(this.file, { interval: intervalMs, persistent: false }, () => {
      this.#reading = this.#reading
        .then(() => this.#reload({ announce: true }))
        .catch((error: unknown) => this.#log.error({ err: error }, 'settings reload failed'));
    });
  }

  stop(): void {
    if (!this.#watching) return;
    unwatchFile(this.file);
    this.#watching = false;
  }

  /** Called after every applied change with the new and the previous settings. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async #reload({ announce }: { announce: boolean }): Promise<void> {
    const raw = await this.#readRaw();
    if (raw === undefined) return;
    const result = parseSettings(this.#withOverrides(raw));
    if (!result.success) {
      this.#reject(result.errors);
      return;
    }
    this.#errors = [];
    const json = JSON.stringify(result.settings);
    if (json === this.#currentJson) return;
    const previous = this.#current;
    this.#current = result.settings;
    this.#currentJson = json;
    const changed = Object.keys(result.settings).filter(
      (key) =>
        JSON.stringify(result.settings[key as keyof Settings]) !==
        JSON.stringify(previous[key as keyof Settings]),
    );
    this.#log.info({ changed }, 'settings applied');
    if (!announce) return;
    for (const listener of this.#listeners) listener(result.settings, previous);
    this.#bus.publish({ type: 'settings.changed', at: new Date().toISOString(), changed });
  }

  /** The parsed file, `{}` when it does not exist, undefined when it cannot be used. */
  async #readRaw(): Promise<unknown> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      this.#reject([`settings file: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
      return undefined;
    }
    if (text.trim() === '') return {};
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      // The parser's message quotes the file, which may hold a secret: keep only the position.
      const position = /position (\d+)/.exec(String(error))?.[1];
      this.#reject([`settings file: is not valid JSON${position ? ` (near character ${position})` : ''}`]);
      return undefined;
    }
  }

  #reject(errors: string[]): void {
    this.#errors = errors;
    this.#log.error({ file: this.file, errors }, 'settings rejected; the last good settings stay in force');
  }

  #withOverrides(raw: unknown): unknown {
    if (this.#overrides.nvidiaApiKey === undefined || typeof raw !== 'object' || raw === null) return raw;
    const settings = raw as Record<string, unknown>;
    const reasoning =
      typeof settings.reasoning === 'object' && settings.reasoning !== null ? settings.reasoning : {};
    return { ...settings, reasoning: { ...reasoning, nvidiaApiKey: this.#overrides.nvidiaApiKey } };
  }
}
