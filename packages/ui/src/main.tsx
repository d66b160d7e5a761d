import { render, useEffect, useState } from 'hono/jsx/dom';
import { api } from './api.js';
import { Dashboard } from './Dashboard.js';
import { Login } from './Login.js';
import './styles.css';
import { applySavedTheme } from './theme.js';

function App() {
  const [signedIn, setSignedIn] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    void api.api.auth.me.$get().then((response) => setSignedIn(response.ok));
  }, []);
  if (signedIn === undefined) return <p class="muted center">Loading…</p>;
  return signedIn ? (
    <Dashboard onSignedOut={() => setSignedIn(false)} />
  ) : (
    <Login onSignedIn={() => setSignedIn(true)} />
  );
}

applySavedTheme();
const root = document.getElementById('app');
if (root) render(<App />, root);
