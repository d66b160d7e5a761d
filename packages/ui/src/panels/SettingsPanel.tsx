import { useEffect, useState } from 'hono/jsx/dom';
import { api, errorMessage } from '../api.js';

/** The settings as the server uses them (secrets already masked by the server), read-only. */
export function SettingsPanel(props: { reloadKey: number }) {
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [file, setFile] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    void (async () => {
      const response = await api.api.settings.$get();
      if (!response.ok) return setError(await errorMessage(response, 'settings are unavailable'));
      const body = await response.json();
      setText(JSON.stringify(body.settings, null, 2));
      setProblems(body.errors);
      setFile(body.file ?? '');
    })();
  }, [props.reloadKey]);

  return (
    <section class="card" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <p>
        Read-only here. To change them, open Spark Control in StartOS and run the{' '}
        <strong>Configure Sparks</strong> action; changes apply live.
      </p>
      {file && <p class="muted small">From {file}</p>}
      {problems.map((problem) => (
        <p class="warning small">{problem}</p>
      ))}
      {error && <p class="error">{error}</p>}
      <pre class="log settings-json" tabindex={0} aria-label="Current settings">
        {text}
      </pre>
    </section>
  );
}
