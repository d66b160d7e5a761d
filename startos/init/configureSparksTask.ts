import { configureSparks } from '../actions/configureSparks.js';
import { settingsJson, sparkCount } from '../fileModels/settings.json.js';
import { i18n } from '../i18n/index.js';
import { sdk } from '../sdk.js';

/** While no Spark is configured, Configure Sparks is a critical task (re-checked when the file changes). */
export const configureSparksTask = sdk.setupOnInit(async (effects) => {
  const count = await settingsJson.read(sparkCount).const(effects);
  if (!count) {
    await sdk.action.createOwnTask(effects, configureSparks, 'critical', {
      reason: i18n('Tell Spark Control where your Sparks are'),
    });
  }
});
