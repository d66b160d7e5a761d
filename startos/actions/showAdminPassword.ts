import { i18n } from '../i18n/index.js';
import { readGeneratedPassword } from '../lib/admin-store.js';
import { sdk } from '../sdk.js';

export const showAdminPassword = sdk.Action.withoutInput(
  'show-admin-password',
  {
    name: i18n('Show Admin Password'),
    description: i18n('Shows the dashboard password Spark Control made for you.'),
    warning: null,
    allowedStatuses: 'any',
    group: null,
    visibility: 'enabled',
  },
  async () => {
    const password = await readGeneratedPassword();
    if (!password) {
      return {
        version: '1',
        title: i18n('Admin password'),
        message: i18n(
          'You chose your own password, so Spark Control does not keep it. Run Reset Admin Password to set a new one.',
        ),
        result: null,
      };
    }
    return {
      version: '1',
      title: i18n('Admin password'),
      message: i18n('Sign in to the dashboard with this password.'),
      result: { type: 'single', value: password, masked: true, copyable: true, qr: false },
    };
  },
);
