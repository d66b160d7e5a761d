import { useEffect, useState } from 'hono/jsx/dom';
import { api } from './api.js';
import { Announcer } from './announce.js';
import { useLiveEvents } from './live.js';
import { BotPanel } from './panels/BotPanel.js';
import { CatalogPanel } from './panels/CatalogPanel.js';
import { ConnectivityPanel } from './panels/ConnectivityPanel.js';
import { Overview } from './panels/Overview.js';
import { PrivacyPanel } from './panels/PrivacyPanel.js';
import { ReasoningPanel } from './panels/ReasoningPanel.js';
import { SchedulePanel } from './panels/SchedulePanel.js';
import { SettingsPanel } from './panels/SettingsPanel.js';
import { SwapPanel } from './panels/SwapPanel.js';
import { TokensPanel } from './panels/TokensPanel.js';
import { UsagePanel } from './panels/UsagePanel.js';
import { useTheme } from './theme.js';

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'catalog', label: 'Models' },
  { id: 'operations', label: 'Operations' },
  { id: 'tools', label: 'Tools' },
] as const;
type Tab = (typeof TABS)[number]['id'];

function tabFromHash(): Tab {
  const hash = location.hash.slice(1);
  return TABS.find((tab) => tab.id === hash)?.id ?? 'overview';
}

export function Dashboard(props: { onSignedOut: () => void }) {
  const [tab, setTab] = useState<Tab>(tabFromHash());
  // Bumped after a reconnect so every panel reloads what it may have missed.
  const [reloadKey, setReloadKey] = useState(0);
  const [catalogVersion, setCatalogVersion] = useState(0);
  const [theme, toggleTheme] = useTheme();
  const live = useLiveEvents(() => setReloadKey((key) => key + 1));

  useEffect(() => {
    const onHash = () => setTab(tabFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    // A lapsed session shows the login page instead of panels full of errors.
    void api.api.auth.me.$get().then((response) => {
      if (response.status === 401) props.onSignedOut();
    });
  }, [reloadKey]);

  const signOut = async () => {
    await api.api.auth.logout.$post();
    props.onSignedOut();
  };

  return (
    <>
      <header class="bar">
        <h1>
          <span aria-hidden="true" class="logo">
            ⚡
          </span>
          Spark Control
        </h1>
        <span class={`live live-${live}`} role="status" aria-live="polite" data-live={live}>
          {live === 'live' ? 'Live' : live === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
        </span>
        <button
          class="link"
          onClick={toggleTheme}
          aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
        >
          {theme === 'dark' ? '☀' : '☾'}
        </button>
        <button class="link" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <nav class="tabs" aria-label="Sections">
        {TABS.map((entry) => (
          <a href={`#${entry.id}`} aria-current={tab === entry.id ? 'page' : undefined}>
            {entry.label}
          </a>
        ))}
      </nav>
      <Announcer />
      <main id="main">
        {tab === 'overview' && (
          <div class="overview">
            <Overview reloadKey={reloadKey} />
            <div class="groups">
              <SwapPanel reloadKey={reloadKey} catalogVersion={catalogVersion} />
              <SchedulePanel reloadKey={reloadKey} />
            </div>
          </div>
        )}
        {tab === 'catalog' && (
          <div class="columns">
            <SwapPanel reloadKey={reloadKey} catalogVersion={catalogVersion} />
            <CatalogPanel reloadKey={reloadKey} onChanged={() => setCatalogVersion((v) => v + 1)} />
          </div>
        )}
        {tab === 'operations' && (
          <div class="columns">
            <BotPanel reloadKey={reloadKey} />
            <ConnectivityPanel reloadKey={reloadKey} />
          </div>
        )}
        {tab === 'tools' && (
          <div class="columns">
            <PrivacyPanel />
            <ReasoningPanel />
            <TokensPanel />
            <UsagePanel reloadKey={reloadKey} />
            <SettingsPanel reloadKey={reloadKey} />
          </div>
        )}
      </main>
    </>
  );
}
