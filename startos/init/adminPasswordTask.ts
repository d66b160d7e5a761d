import { access } from 'node:fs/promises';
import { showAdminPassword } from '../actions/showAdminPassword.js';
import { i18n } from '../i18n/index.js';
import { generateAndStoreAdminPassword } from '../lib/admin-store.js';
import { adminPasswordFile } from '../lib/volume.js';
import { sdk } from '../sdk.js';

/**
 * A fresh install (or an upgrade from the earlier package) has no dashboard password yet: make
 * one now, before the server would make its own and print it only to the log, and point the
 * owner at Show Admin Password.
 */
export const adminPasswordTask = sdk.setupOnInit(async (effects) => {
  const present = await access(adminPasswordFile()).then(
    () => true,
    () => false,
  );
  if (present) return;
  await generateAndStoreAdminPassword();
  await sdk.action.createOwnTask(effects, showAdminPassword, 'important', {
    reason: i18n('Note the dashboard password Spark Control made for you'),
  });
});
