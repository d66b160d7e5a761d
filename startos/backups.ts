import { sdk } from './sdk.js';

/** Backs up the whole main volume: settings, admin password, the embedded database. */
export const { createBackup, restoreInit } = sdk.setupBackups(() =>
  Promise.resolve(sdk.Backups.ofVolumes('main')),
);
