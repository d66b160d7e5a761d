import { access, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSettings } from '@spark-control/schema';
import { readJsonObject, writeFileAtomic } from './files.js';
import { mainVolumeDir, settingsFile } from './volume.js';

/**
 * Upgrading from an earlier package (the Python Spark Control, versions up to 0.24.0:0): the
 * volume is kept as it is; a settings.json this version cannot read is moved aside to
 * settings.earlier.json, and a marker asks init to make Configure Sparks a critical task and to
 * offer Import Earlier Settings until the new settings are saved.
 */
export const upgradeMarkerFile = (): string => join(mainVolumeDir(), 'startos-upgrade.json');
export const earlierSettingsFile = (): string => join(mainVolumeDir(), 'settings.earlier.json');

export async function prepareUpgrade(now = new Date()): Promise<void> {
  const current = await readJsonObject(settingsFile());
  const exists = await access(settingsFile()).then(
    () => true,
    () => false,
  );
  if (exists && (current === undefined || !parseSettings(current).success))
    await rename(settingsFile(), earlierSettingsFile());
  await writeFileAtomic(upgradeMarkerFile(), `${JSON.stringify({ upgradedAt: now.toISOString() })}\n`, {
    mode: 0o600,
  });
}

export async function upgradePending(): Promise<boolean> {
  return (await readJsonObject(upgradeMarkerFile())) !== undefined;
}

export async function clearUpgradeMarker(): Promise<void> {
  await rm(upgradeMarkerFile(), { force: true });
}
