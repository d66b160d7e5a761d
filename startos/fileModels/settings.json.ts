import { FileHelper } from '@start9labs/start-sdk';
import { join } from 'node:path';
import { isRecord } from '../lib/files.js';
import { mainVolumeDir } from '../lib/volume.js';
import { settingsSubpath } from '../utils.js';

/**
 * settings.json on the main volume, as init reads it. Reading is lenient (the server is the
 * judge of validity); the Configure Sparks action writes it after validating with the shared schema.
 */
export const settingsJson = FileHelper.raw<Record<string, unknown>>(
  { base: { subpath: (path: string) => join(mainVolumeDir(), path) }, subpath: settingsSubpath },
  (data) => `${JSON.stringify(data, null, 2)}\n`,
  (text) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return {};
    }
  },
  (data) => (isRecord(data) ? data : {}),
);

/** How many Sparks the settings file lists. */
export const sparkCount = (settings: Record<string, unknown> | null): number =>
  Array.isArray(settings?.sparks) ? settings.sparks.length : 0;

/** The configured Sparks' ids and dashboard labels (the id when the file gives none). */
export const configuredSparks = (settings: Record<string, unknown> | null): { id: string; label: string }[] =>
  (Array.isArray(settings?.sparks) ? settings.sparks : [])
    .filter(isRecord)
    .filter((spark): spark is Record<string, unknown> & { id: string } => typeof spark.id === 'string')
    .map((spark) => ({
      id: spark.id,
      label: typeof spark.label === 'string' && spark.label !== '' ? spark.label : spark.id,
    }));
