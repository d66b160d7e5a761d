import { i18n } from '../i18n/index.js';
import { formErrorMessage } from '../lib/form-errors.js';
import { formToSettings, settingsToForm, validateSettings } from '../lib/configure-form.js';
import { inputSpec, type ConfigureSparksInput } from '../lib/configure-spec.js';
import { readJsonObject, writeFileAtomic } from '../lib/files.js';
import { clearUpgradeMarker } from '../lib/upgrade.js';
import { settingsFile } from '../lib/volume.js';
import { sdk } from '../sdk.js';
import { appGid, appUid } from '../utils.js';

export { inputSpec };

/** Validates the form with the shared schema and writes settings.json; nothing is written on error. */
export async function saveConfigureSparks(input: ConfigureSparksInput, file = settingsFile()): Promise<void> {
  const current = (await readJsonObject(file)) ?? {};
  const result = validateSettings(formToSettings(input, current));
  if (!result.success) throw new Error(formErrorMessage(result.errors));
  await writeSettingsFile(result.raw, file);
  await clearUpgradeMarker();
}

/** settings.json, readable only by the server's user; replaced in one step. */
export async function writeSettingsFile(raw: Record<string, unknown>, file = settingsFile()): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(raw, null, 2)}\n`, {
    mode: 0o600,
    owner: { uid: appUid, gid: appGid },
  });
}

export const configureSparks = sdk.Action.withInput(
  'configure-sparks',
  {
    name: i18n('Configure Sparks'),
    description: i18n(
      'Tell Spark Control where your Sparks are and how they are set up. Changes apply without a restart.',
    ),
    warning: null,
    allowedStatuses: 'any',
    group: null,
    visibility: 'enabled',
  },
  inputSpec,
  async () => settingsToForm(await readJsonObject(settingsFile())),
  async ({ input }) => {
    await saveConfigureSparks(input);
    return null;
  },
);
