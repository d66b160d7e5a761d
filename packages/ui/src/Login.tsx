import { useState } from 'hono/jsx/dom';
import { api, errorMessage } from './api.js';

export function Login(props: { onSignedIn: () => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    const response = await api.api.auth.login.$post({ json: { password } });
    setBusy(false);
    if (response.ok) props.onSignedIn();
    else setError(await errorMessage(response, 'Sign-in failed'));
  };

  return (
    <main class="login">
      <form class="card" onSubmit={(event: Event) => void submit(event)} aria-labelledby="login-title">
        <h1 id="login-title">Spark Control</h1>
        <p class="muted">
          Sign in with the admin password. On StartOS, set it with the “Set admin password” action.
        </p>
        <label for="password">Password</label>
        <input
          id="password"
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={(event: Event) => setPassword((event.target as HTMLInputElement).value)}
        />
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
