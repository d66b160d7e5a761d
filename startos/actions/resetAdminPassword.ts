import { i18n } from '../i18n/index.js';
import { MIN_PASSWORD_LENGTH } from '../lib/admin-password.js';
import { generateAndStoreAdminPassword, storeAdminPassword } from '../lib/admin-store.js';
import { sdk } from '../sdk.js';

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

/** Sets the dashboard password (generated when `requested` is blank); returns the password set. */
export async function saveAdminPassword(requested: string | null): Promise<string> {
  const password = requested ?? '';
  if (password === '') return generateAndStoreAdminPassword();
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(
      `${i18n('Nothing was saved. Please correct:')}\n- ${i18n('New password')}: ${i18n('must be at least 12 characters')}`,
    );
  }
  await storeAdminPassword(password, false);
  return password;
}

export const resetAdminPassword = sdk.Action.withInput(
  'reset-admin-password',
  {
    name: i18n('Reset Admin Password'),
    description: i18n(
      'Choose a new password for the Spark Control dashboard, or have one made for you. It applies at the next sign-in.',
    ),
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
        ? i18n('Sign in to the dashboard with this password. Show Admin Password shows it again.')
        : i18n('Sign in to the dashboard with your new password.'),
      result: generated ? { type: 'single', value: password, masked: true, copyable: true, qr: false } : null,
    };
  },
);
