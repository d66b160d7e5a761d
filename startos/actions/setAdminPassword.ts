import { i18n } from '../i18n/index.js';
import { MIN_PASSWORD_LENGTH, generateAdminPassword, hashAdminPassword } from '../lib/admin-password.js';
import { writeFileAtomic } from '../lib/files.js';
import { adminPasswordFile } from '../lib/volume.js';
import { sdk } from '../sdk.js';
import { appGid, appUid } from '../utils.js';

const { InputSpec, Value } = sdk;

export const inputSpec = InputSpec.of({
  password: Value.text({
    name: i18n('New password'),
    description: i18n('At least 12 characters. Leave blank to have a strong password made for you.'),
    required: false,
    default: null,
    masked: true,
  }),
});

/** Hashes the password into the file the server reads on every login; returns the password set. */
export async function saveAdminPassword(
  requested: string | null,
  file = adminPasswordFile(),
): Promise<string> {
  const password = requested ?? '';
  if (password !== '' && password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(
      `${i18n('Nothing was saved. Please correct:')}\n- ${i18n('New password')}: ${i18n('must be at least 12 characters')}`,
    );
  }
  const chosen = password === '' ? generateAdminPassword() : password;
  await writeFileAtomic(file, `${await hashAdminPassword(chosen)}\n`, {
    mode: 0o600,
    owner: { uid: appUid, gid: appGid },
  });
  return chosen;
}

export const setAdminPassword = sdk.Action.withInput(
  'set-admin-password',
  {
    name: i18n('Set Admin Password'),
    description: i18n('Choose the password for the Spark Control dashboard. It applies at the next sign-in.'),
    warning: null,
    allowedStatuses: 'any',
    group: null,
    visibility: 'enabled',
  },
  inputSpec,
  () => Promise.resolve({ password: null }),
  async ({ input }) => {
    const generated = !input.password;
    const password = await saveAdminPassword(input.password);
    return {
      version: '1',
      title: i18n('Admin password set'),
      message: generated
        ? i18n('Sign in to the dashboard with this password. It is not shown again.')
        : i18n('Sign in to the dashboard with your new password.'),
      result: generated ? { type: 'single', value: password, masked: true, copyable: true, qr: false } : null,
    };
  },
);
