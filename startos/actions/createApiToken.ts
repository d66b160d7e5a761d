import { TOKEN_SCOPES, type TokenScope } from '@spark-control/schema';
import type { I18nKey } from '../i18n/dictionaries/default.js';
import { i18n } from '../i18n/index.js';
import { readServerLink, ServerClient, ServerRefused } from '../lib/server-link.js';
import { sdk } from '../sdk.js';

const { InputSpec, Value } = sdk;

const SCOPE_LABELS = {
  gateway: 'Gateway: chat, embeddings, speech and search (/v1)',
  privacy: 'Redaction: scrub and rehydrate',
  reasoning: 'Reasoning tasks',
  control: 'Control: model swaps, services and the bot',
  admin: 'Everything, including settings and tokens',
} as const satisfies Record<TokenScope, I18nKey>;

export const inputSpec = InputSpec.of({
  name: Value.text({
    name: i18n('Token name'),
    description: i18n('Which app will use it, such as open-webui. Shown in the token list.'),
    required: true,
    default: null,
    maxLength: 80,
  }),
  scopes: Value.multiselect({
    name: i18n('What the app may do'),
    default: ['gateway'],
    minLength: 1,
    values: Object.fromEntries(TOKEN_SCOPES.map((scope) => [scope, i18n(SCOPE_LABELS[scope])])) as Record<
      TokenScope,
      string
    >,
  }),
});

/** Asks the running server for a token with the package's own credential; the server keeps only its hash. */
export async function createApiToken(name: string, scopes: TokenScope[]): Promise<string> {
  const link = await readServerLink();
  if (!link) throw new Error(i18n('Start Spark Control first: tokens are made by the running service.'));
  try {
    return (await new ServerClient(link).createToken(name.trim(), scopes)).token;
  } catch (error) {
    if (error instanceof ServerRefused)
      throw new Error(i18n('Spark Control refused: ${message}', { message: error.message }));
    throw new Error(i18n('Start Spark Control first: tokens are made by the running service.'));
  }
}

export const createApiTokenAction = sdk.Action.withInput(
  'create-api-token',
  {
    name: i18n('Create API Token'),
    description: i18n(
      'A token for an app that calls Spark Control (Authorization: Bearer …). It is shown once; revoke it in the dashboard.',
    ),
    warning: null,
    allowedStatuses: 'only-running',
    group: null,
    visibility: 'enabled',
  },
  inputSpec,
  () => Promise.resolve({ scopes: ['gateway' as const] }),
  async ({ input }) => {
    const token = await createApiToken(input.name, input.scopes);
    return {
      version: '1',
      title: i18n('API token created'),
      message: i18n('Copy it now: it is not shown again. Send it as Authorization: Bearer <token>.'),
      result: { type: 'single', value: token, masked: true, copyable: true, qr: false },
    };
  },
);
