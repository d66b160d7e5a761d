import type { BotView } from '@spark-control/schema';
import { useEffect, useState } from 'hono/jsx/dom';
import { errorMessage } from '../api.js';
import { botApi } from '../clients.js';
import { useLiveEvent } from '../live.js';

type Action = 'update' | 'restart' | 'stop' | 'start';
const OUTPUT_LINES = 300;

/** The bot container: state, update with streamed output, restart/stop/start and the log tail. */
export function BotPanel(props: { reloadKey: number }) {
  const [bot, setBot] = useState<BotView | null>(null);
  const [unavailable, setUnavailable] = useState('');
  const [busy, setBusy] = useState<Action | null>(null);
  const [output, setOutput] = useState<string[]>([]);
  const [result, setResult] = useState('');
  const [logs, setLogs] = useState<string[] | null>(null);

  const load = async () => {
    const response = await botApi.$get();
    if (response.ok) {
      setBot(await response.json());
      setUnavailable('');
    } else setUnavailable(await errorMessage(response, 'the bot tile is unavailable'));
  };
  useEffect(() => {
    void load();
  }, [props.reloadKey]);

  useLiveEvent(['bot.output', 'bot.update'], (event) => {
    if (event.type === 'bot.output') {
      setOutput((lines) =>
        [...lines, `${event.stream === 'stderr' ? '! ' : ''}${event.line}`].slice(-OUTPUT_LINES),
      );
      return;
    }
    if (event.state === 'started') setOutput([]);
    else {
      setResult(event.state === 'succeeded' ? 'Update finished.' : `Update ${event.state}: ${event.message}`);
      void load();
    }
  });

  const act = async (action: Action) => {
    setBusy(action);
    setResult('');
    const response =
      action === 'update'
        ? await botApi.update.$post()
        : action === 'restart'
          ? await botApi.restart.$post()
          : action === 'stop'
            ? await botApi.stop.$post()
            : await botApi.start.$post();
    setBusy(null);
    if (!response.ok) return setResult(await errorMessage(response, `${action} failed`));
    if (action !== 'update') setResult(`${action[0]?.toUpperCase()}${action.slice(1)} done.`);
    await load();
  };
  const showLogs = async () => {
    const response = await botApi.logs.$get({ query: { tail: '200' } });
    if (response.ok) setLogs((await response.json()).lines);
    else setResult(await errorMessage(response, 'the log is unavailable'));
  };

  return (
    <section class="card" aria-labelledby="bot-title">
      <h2 id="bot-title">Bot</h2>
      {unavailable && <p class="muted">{unavailable}</p>}
      {bot && !bot.configured && (
        <p class="muted">No bot is configured. Add one with the StartOS “Configure Sparks” action.</p>
      )}
      {bot?.configured && (
        <>
          <p>
            <span class="mono">{bot.container}</span> on {bot.sparkId}:{' '}
            <span class={`badge ${bot.state === 'running' ? 'good' : 'bad'}`}>{bot.state}</span>{' '}
            <span class="muted small">{bot.detail}</span>
          </p>
          <div class="row wrap">
            <button disabled={busy !== null || bot.update.running} onClick={() => void act('update')}>
              {bot.update.running ? 'Updating…' : 'Update'}
            </button>
            <button class="secondary" disabled={busy !== null} onClick={() => void act('restart')}>
              Restart
            </button>
            {bot.state === 'running' ? (
              <button class="secondary" disabled={busy !== null} onClick={() => void act('stop')}>
                Stop
              </button>
            ) : (
              <button class="secondary" disabled={busy !== null} onClick={() => void act('start')}>
                Start
              </button>
            )}
            <button class="secondary" onClick={() => void showLogs()}>
              Show log
            </button>
          </div>
        </>
      )}
      {result && <p role="status">{result}</p>}
      {output.length > 0 && (
        <pre class="log" tabindex={0} aria-label="Update output">
          {output.join('\n')}
        </pre>
      )}
      {logs && (
        <pre class="log" tabindex={0} aria-label="Bot log">
          {logs.join('\n') || 'The log is empty.'}
        </pre>
      )}
    </section>
  );
}
