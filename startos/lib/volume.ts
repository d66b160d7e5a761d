import { join } from 'node:path';
import { adminPasswordSubpath, settingsSubpath } from '../utils.js';

/** Where StartOS mounts the main volume for package scripts (`sdk.volumes.main.path`). */
const STARTOS_MAIN_VOLUME = '/media/startos/volumes/main';

/**
 * The main volume as the package scripts see it. `SPARK_CONTROL_STARTOS_VOLUME` points the
 * actions at another directory for tests and local runs; StartOS never sets it.
 */
export function mainVolumeDir(): string {
  return process.env.SPARK_CONTROL_STARTOS_VOLUME || STARTOS_MAIN_VOLUME;
}

export const settingsFile = (): string => join(mainVolumeDir(), settingsSubpath);
export const adminPasswordFile = (): string => join(mainVolumeDir(), adminPasswordSubpath);
