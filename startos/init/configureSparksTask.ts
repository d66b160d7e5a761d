import { configureSparks } from '../actions/configureSparks.js';
import { importEarlierSettingsAction } from '../actions/importEarlierSettings.js';
import { settingsJson, sparkCount } from '../fileModels/settings.json.js';
import { i18n } from '../i18n/index.js';
import { upgradePending } from '../lib/upgrade.js';
import { sdk } from '../sdk.js';

/**
 * Configure Sparks is a critical task while no Spark is configured, and after an upgrade from
 * the earlier package until it is saved once; Import Earlier Settings is offered alongside.
 * Re-checked whenever settings.json changes.
 */
export const configureSparksTask = sdk.setupOnInit(async (effects) => {
  const count = await settingsJson.read(sparkCount).const(effects);
  const upgraded = await upgradePending();
  if (upgraded) {
    await sdk.action.createOwnTask(effects, importEarlierSettingsAction, 'important', {
      reason: i18n('Bring over the settings of the earlier Spark Control package'),
    });
  }
  if (!count || upgraded) {
    await sdk.action.createOwnTask(effects, configureSparks, 'critical', {
      reason: upgraded
        ? i18n('Spark Control 1.0 keeps its settings in a new form: check them and save once')
        : i18n('Tell Spark Control where your Sparks are'),
    });
  }
});
