import type { Settings } from '@spark-control/schema';

/**
 * How every service reads settings: `current` is the latest valid settings, read at the moment of
 * use so a change made through the StartOS action applies at once. `SettingsStore` is one; a test
 * passes `{ current: settings }`.
 */
export interface SettingsSource {
  readonly current: Settings;
}
