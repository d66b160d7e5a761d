import { TOKEN_SCOPES, type ApiTokenInfo, type TokenScope } from '@spark-control/schema';
import { useEffect, useState } from 'hono/jsx/dom';
import { api, errorMessage } from '../api.js';
import { ago } from '../format.js';

function expiry(expiresAt: string): string {
  const at = new Date(expiresAt);
  return at.getTime() <= Date.now() ? 'expired' : `expires ${at.toLocaleDateString()}`;
}

/** API tokens for other apps: create (shown once), list, revoke. */
export function TokensPanel() {
  const [tokens, setTokens] = useState<ApiTokenInfo[]>([]);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['gateway']);
  const [expiresInDays, setExpiresInDays] = useState('');
  const [models, setModels] = useState('');
  const [rpm, setRpm] = useState('');
  const [tokensPerDay, setTokensPerDay] = useState('');
  const [created, setCreated] = useState('');
  const [error, setError] = useState('');

  const load = async () => {
    const response = await api.api.tokens.$get();
    if (response.ok) setTokens((await response.json()).tokens);
    else setError(await errorMessage(response, 'tokens are unavailable'));
  };
  useEffect(() => {
    void load();
  }, []);

  const create = async (event: Event) => {
    event.preventDefault();
    setError('');
    const days = expiresInDays === '' ? undefined : Number(expiresInDays);
    const modelList = models
      .split(',')
      .map((model) => model.trim())
      .filter(Boolean);
    const limits = {
      ...(rpm === '' ? {} : { rpm: Number(rpm) }),
      ...(tokensPerDay === '' ? {} : { tokensPerDay: Number(tokensPerDay) }),
    };
    const response = await api.api.tokens.$post({
      json: {
        name,
        scopes,
        expiresInDays: days,
        ...(modelList.length > 0 ? { models: modelList } : {}),
        limits,
      },
    });
    if (!response.ok) return setError(await errorMessage(response, 'the token was not created'));
    setCreated((await response.json()).token);
    setName('');
    setModels('');
    setRpm('');
    setTokensPerDay('');
    await load();
  };
  const revoke = async (token: ApiTokenInfo) => {
    if (!window.confirm(`Revoke "${token.name}"? Apps using it stop working.`)) return;
    const response = await api.api.tokens[':id'].$delete({ param: { id: token.id } });
    if (!response.ok) return setError(await errorMessage(response, 'the token was not revoked'));
    await load();
  };
  const toggle = (scope: TokenScope) =>
    setScopes(scopes.includes(scope) ? scopes.filter((s) => s !== scope) : [...scopes, scope]);

  return (
    <section class="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <form onSubmit={(event: Event) => void create(event)}>
        <label for="token-name">Name</label>
        <input
          id="token-name"
          required
          value={name}
          onInput={(event: Event) => setName((event.target as HTMLInputElement).value)}
        />
        <fieldset class="scopes">
          <legend>Scopes</legend>
          {TOKEN_SCOPES.map((scope) => (
            <label class="check">
              <input type="checkbox" checked={scopes.includes(scope)} onChange={() => toggle(scope)} />{' '}
              {scope}
            </label>
          ))}
        </fieldset>
        <label for="token-expiry">Expires</label>
        <select
          id="token-expiry"
          value={expiresInDays}
          onChange={(event: Event) => setExpiresInDays((event.target as HTMLSelectElement).value)}
        >
          <option value="">never</option>
          <option value="1">in 1 day</option>
          <option value="30">in 30 days</option>
          <option value="90">in 90 days</option>
          <option value="365">in a year</option>
        </select>
        <label for="token-models">Models (served names, comma-separated; empty: all)</label>
        <input
          id="token-models"
          value={models}
          onInput={(event: Event) => setModels((event.target as HTMLInputElement).value)}
        />
        <label for="token-rpm">Requests per minute (empty: no limit)</label>
        <input
          id="token-rpm"
          type="number"
          min="1"
          value={rpm}
          onInput={(event: Event) => setRpm((event.target as HTMLInputElement).value)}
        />
        <label for="token-daily">Tokens per 24 hours (empty: no limit)</label>
        <input
          id="token-daily"
          type="number"
          min="1"
          value={tokensPerDay}
          onInput={(event: Event) => setTokensPerDay((event.target as HTMLInputElement).value)}
        />
        <button type="submit">Create token</button>
      </form>
      {created && (
        <div class="created" role="status">
          <p>Copy this token now; it is not shown again.</p>
          <input
            class="mono"
            readOnly
            value={created}
            aria-label="New token"
            onFocus={(event: Event) => (event.target as HTMLInputElement).select()}
          />
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <ul class="token-list">
        {tokens.map((token) => (
          <li>
            <span>
              <strong>{token.name}</strong> <span class="mono small">{token.prefix}…</span>
              <span class="muted small">
                {' '}
                {token.scopes.join(', ')} · used {ago(token.lastUsedAt)}
                {token.expiresAt && ` · ${expiry(token.expiresAt)}`}
                {token.models && ` · models ${token.models.join(', ')}`}
                {token.limits.rpm !== undefined && ` · ${token.limits.rpm}/min`}
                {token.limits.tokensPerDay !== undefined &&
                  ` · ${token.limits.tokensPerDay.toLocaleString()} tokens/day`}
              </span>
            </span>
            <button
              class="secondary small-button"
              aria-label={`Revoke ${token.name}`}
              onClick={() => void revoke(token)}
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
