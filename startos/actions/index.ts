import { sdk } from '../sdk.js';
import { configureSparks } from './configureSparks.js';
import { createApiTokenAction } from './createApiToken.js';
import { importEarlierSettingsAction } from './importEarlierSettings.js';
import { resetAdminPassword } from './resetAdminPassword.js';
import { showAdminPassword } from './showAdminPassword.js';

export const actions = sdk.Actions.of()
  .addAction(configureSparks)
  .addAction(importEarlierSettingsAction)
  .addAction(createApiTokenAction)
  .addAction(showAdminPassword)
  .addAction(resetAdminPassword);
