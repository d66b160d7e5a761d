import { useEffect, useState } from 'hono/jsx/dom';
import { api } from './api.js';
import { useLiveEvents } from './live.js';

type Spark = { id: string; label: string; host: string; roles: string[] };

export function Dashboard(props: { onSignedOut: () => void }) {
  const [sparks, setSparks] = useState<Spark[] | undefined>(undefined);

  const loadSettings = async () => {
    const response = await api.api.settings.$get();
    if (response.status === 401) return props.onSignedOut();
    if (response.ok) setSparks((await response.json()).settings.sparks);
  };

  const live = useLiveEvents((type) => {
    if (type === 'settings.changed') void loadSettings();
  });
  useEffect(() => {
    void loadSettings();
  }, []);

  const signOut = async () => {
    await api.api.auth.logout.$post();
    props.onSignedOut();
  };

  return (
    <>
      <header class="bar">
        <h1>Spark Control</h1>
        <span class={`live live-${live}`} role="status" aria-live="polite">
          {live === 'live' ? 'Live' : live === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
        </span>
        <button class="link" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <main class="grid" aria-label="Sparks and their services">
        {sparks === undefined && <p class="muted">Loading…</p>}
        {sparks?.length === 0 && (
          <section class="card empty">
            <h2>No Sparks configured yet</h2>
            <p>
              Open Spark Control in StartOS and run the <strong>Configure Sparks</strong> action to add your
              DGX Sparks.
            </p>
          </section>
        )}
        {sparks?.map((spark) => (
          <section class="spark" aria-labelledby={`spark-${spark.id}`} data-spark-id={spark.id}>
            <h2 id={`spark-${spark.id}`}>
              {spark.label} <span class="muted">{spark.host}</span>
            </h2>
            <div class="tiles">
              <p class="muted">No service status yet.</p>
            </div>
          </section>
        ))}
      </main>
    </>
  );
}
