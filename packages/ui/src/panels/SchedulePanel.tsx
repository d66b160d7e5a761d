import type { ScheduleRun, ScheduleTimeline, ScheduleView } from '@spark-control/schema';
import { useEffect, useState } from 'hono/jsx/dom';
import { api, errorMessage } from '../api.js';
import { useLiveEvent } from '../live.js';

const HOURS = 24;
const REFRESH_MS = 60_000;

const OUTCOME_WORDS: Record<ScheduleRun['outcome'], string> = {
  swapped: 'swapped',
  'already-serving': 'already served',
  skipped: 'skipped',
  failed: 'failed',
};

function clock(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', timeZone });
}

/**
 * The schedules: a strip of the next 24 h (planned swaps, and holds such as leases when there are any),
 * the schedules with a short add form, and the recent window starts with why one was skipped.
 */
export function SchedulePanel(props: { reloadKey: number }) {
  const [timeline, setTimeline] = useState<ScheduleTimeline | null>(null);
  const [schedules, setSchedules] = useState<ScheduleView[]>([]);
  const [runs, setRuns] = useState<ScheduleRun[]>([]);
  const [form, setForm] = useState({ modelId: '', start: '08:00', end: '18:00' });
  const [error, setError] = useState('');

  const load = async () => {
    const [strip, list] = await Promise.all([
      api.api.schedules.timeline.$get({ query: { hours: String(HOURS) } }),
      api.api.schedules.$get(),
    ]);
    if (!strip.ok || !list.ok)
      return setError(await errorMessage(strip.ok ? list : strip, 'schedules are unavailable'));
    setTimeline(await strip.json());
    const body = await list.json();
    setSchedules(body.schedules);
    setRuns(body.runs);
  };
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [props.reloadKey]);
  useLiveEvent(['swap.phase'], () => void load());

  const add = async (event: Event) => {
    event.preventDefault();
    setError('');
    const response = await api.api.schedules.$post({
      json: { ...form, placement: 'vllm', enabled: true, note: '' },
    });
    if (!response.ok) return setError(await errorMessage(response, 'the schedule could not be added'));
    await load();
  };
  const remove = async (id: string) => {
    const response = await api.api.schedules[':id'].$delete({ param: { id } });
    if (!response.ok) return setError(await errorMessage(response, 'the schedule could not be deleted'));
    await load();
  };

  const from = timeline ? Date.parse(timeline.from) : 0;
  const span = HOURS * 3600_000;
  const share = (iso: string) => Math.min(100, Math.max(0, ((Date.parse(iso) - from) / span) * 100));
  const zone = timeline?.timeZone ?? 'UTC';
  return (
    <section class="card" aria-labelledby="schedule-title" data-schedules>
      <h2 id="schedule-title">
        Schedule <span class="muted small">next 24 h · {zone}</span>
      </h2>
      {timeline && (
        <>
          <div class="timeline-strip" role="img" aria-label="Planned swaps in the next 24 hours">
            {timeline.entries.map((entry) =>
              entry.kind === 'swap' ? (
                <span
                  class="window"
                  data-timeline-swap={entry.modelId}
                  style={`left:${share(entry.at)}%;width:${share(entry.until) - share(entry.at)}%`}
                  title={`${clock(entry.at, zone)}–${clock(entry.until, zone)} ${entry.modelId}`}
                >
                  {entry.modelId}
                </span>
              ) : (
                <span
                  class="lease"
                  style={`left:${share(entry.from)}%;width:${share(entry.until) - share(entry.from)}%`}
                  title={`${entry.modelId} held by ${entry.holder} until ${clock(entry.until, zone)}`}
                />
              ),
            )}
          </div>
          <div class="timeline-axis" aria-hidden="true">
            <span>now</span>
            <span>+6 h</span>
            <span>+12 h</span>
            <span>+18 h</span>
            <span>+24 h</span>
          </div>
          <ul class="small">
            {timeline.entries
              .filter((entry) => entry.kind === 'swap')
              .map((entry) => (
                <li>
                  {clock(entry.at, zone)} → <span class="mono">{entry.modelId}</span>
                </li>
              ))}
          </ul>
        </>
      )}
      <ul class="catalog-list">
        {schedules.map((schedule) => (
          <li data-schedule-id={schedule.id}>
            <div>
              <strong>
                {schedule.start}–{schedule.end}
              </strong>{' '}
              <span class="mono">{schedule.modelId}</span>
              {!schedule.enabled && <span class="muted small"> (off)</span>}
              {schedule.lastRun && (
                <div class="small muted">
                  last: {OUTCOME_WORDS[schedule.lastRun.outcome]}
                  {schedule.lastRun.reason && ` — ${schedule.lastRun.reason}`}
                </div>
              )}
            </div>
            <button class="secondary small-button" onClick={() => void remove(schedule.id)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      <form class="inline-form" onSubmit={(event: Event) => void add(event)}>
        <div class="row">
          <label for="schedule-model">Model id</label>
          <input
            id="schedule-model"
            required
            value={form.modelId}
            onInput={(event: Event) =>
              setForm({ ...form, modelId: (event.target as HTMLInputElement).value })
            }
          />
          <label for="schedule-start">From</label>
          <input
            id="schedule-start"
            type="time"
            required
            value={form.start}
            onInput={(event: Event) => setForm({ ...form, start: (event.target as HTMLInputElement).value })}
          />
          <label for="schedule-end">to</label>
          <input
            id="schedule-end"
            type="time"
            required
            value={form.end}
            onInput={(event: Event) => setForm({ ...form, end: (event.target as HTMLInputElement).value })}
          />
          <button type="submit">Add</button>
        </div>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {runs.some((run) => run.outcome === 'skipped' || run.outcome === 'failed') && (
        <>
          <h3 class="small">Recently skipped or failed</h3>
          <ul class="small">
            {runs
              .filter((run) => run.outcome === 'skipped' || run.outcome === 'failed')
              .slice(0, 5)
              .map((run) => (
                <li data-schedule-run={run.outcome}>
                  {clock(run.windowStart, zone)} {OUTCOME_WORDS[run.outcome]}: {run.reason}
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}
