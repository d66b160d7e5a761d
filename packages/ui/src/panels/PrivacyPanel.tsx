import { useState } from 'hono/jsx/dom';
import { errorMessage } from '../api.js';
import { privacyApi } from '../clients.js';

type Entity = { type: string; token: string };

/** Paste text, see what the redaction gateway replaces with tokens, and the text restored from them. */
export function PrivacyPanel() {
  const [text, setText] = useState('Email jane.doe@example.com or call +1 415 555 0100 about plate 7ABC123.');
  const [scrubbed, setScrubbed] = useState<{ text: string; sessionId: string; entities: Entity[] } | null>(
    null,
  );
  const [restored, setRestored] = useState('');
  const [error, setError] = useState('');

  const scrub = async () => {
    setError('');
    setRestored('');
    const response = await privacyApi.scrub.$post({ json: { text } });
    if (!response.ok) return setError(await errorMessage(response, 'scrubbing failed'));
    const body = await response.json();
    setScrubbed({
      text: 'text' in body ? String(body.text) : '',
      sessionId: body.sessionId,
      entities: body.entities,
    });
  };
  const rehydrate = async () => {
    if (!scrubbed) return;
    const response = await privacyApi.rehydrate.$post({
      json: { sessionId: scrubbed.sessionId, text: scrubbed.text },
    });
    if (!response.ok) return setError(await errorMessage(response, 'restoring failed'));
    const body = await response.json();
    setRestored('text' in body ? body.text : '');
  };

  return (
    <section class="card" aria-labelledby="privacy-title">
      <h2 id="privacy-title">Redaction playground</h2>
      <p class="muted small">What the gateway sends to the cloud instead of your text.</p>
      <label for="privacy-text">Text</label>
      <textarea
        id="privacy-text"
        rows={3}
        value={text}
        onInput={(event: Event) => setText((event.target as HTMLTextAreaElement).value)}
      />
      <div class="row">
        <button onClick={() => void scrub()}>Scrub</button>
        <button class="secondary" disabled={!scrubbed} onClick={() => void rehydrate()}>
          Restore
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {scrubbed && (
        <>
          <h3>Scrubbed</h3>
          <pre class="log wrap-text">{scrubbed.text}</pre>
          <p class="small muted">
            {scrubbed.entities.length} replaced:{' '}
            {scrubbed.entities.map((entity) => `${entity.token} (${entity.type.toLowerCase()})`).join(', ') ||
              'nothing'}
          </p>
        </>
      )}
      {restored && (
        <>
          <h3>Restored</h3>
          <pre class="log wrap-text">{restored}</pre>
          <p class={restored === text ? 'ok small' : 'warning small'}>
            {restored === text ? 'Identical to the original.' : 'Differs from the original.'}
          </p>
        </>
      )}
    </section>
  );
}
