import type { SparkHistoryPoint } from '@spark-control/schema';
import { useEffect, useState } from 'hono/jsx/dom';
import { sparksApi } from '../clients.js';
import { Sparkline } from './Sparkline.js';

const REFRESH_MS = 60_000;

type Series = { label: string; unit: string; values: number[]; max?: number };

/** The numbers one chart draws; a point without the value leaves it out. */
function series(points: SparkHistoryPoint[]): Series[] {
  const pick = (value: (point: SparkHistoryPoint) => number | null) =>
    points.map(value).filter((value): value is number => value !== null);
  return [
    {
      label: 'Memory',
      unit: '%',
      max: 100,
      values: pick((point) =>
        point.memUsedBytes === null || !point.memTotalBytes
          ? null
          : (point.memUsedBytes / point.memTotalBytes) * 100,
      ),
    },
    { label: 'GPU', unit: '%', max: 100, values: pick((point) => point.gpuPct) },
    { label: 'Temperature', unit: ' °C', values: pick((point) => point.temperatureC) },
    {
      label: 'Disk free',
      unit: ' GiB',
      values: pick((point) => (point.diskFreeBytes === null ? null : point.diskFreeBytes / 1024 ** 3)),
    },
  ];
}

/** Small charts of a Spark's memory, GPU use, temperature and free disk over the last hour or day. */
export function HardwareHistory(props: { sparkId: string }) {
  const [hours, setHours] = useState<'1' | '24'>('1');
  const [points, setPoints] = useState<SparkHistoryPoint[] | null>(null);

  useEffect(() => {
    const load = async () => {
      const response = await sparksApi[':id'].history.$get({
        param: { id: props.sparkId },
        query: { hours },
      });
      if (response.ok) setPoints((await response.json()).points);
    };
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [props.sparkId, hours]);

  return (
    <div class="history-charts" data-hardware-history={props.sparkId}>
      <div class="row small">
        <span class="muted">History</span>
        {(['1', '24'] as const).map((choice) => (
          <button
            class={`secondary small-button${hours === choice ? ' selected' : ''}`}
            aria-pressed={hours === choice}
            onClick={() => setHours(choice)}
          >
            {choice === '1' ? '1 h' : '24 h'}
          </button>
        ))}
      </div>
      {points !== null && points.length < 2 ? (
        <p class="muted small">No history yet; a sample is taken every 5 seconds.</p>
      ) : (
        <div class="chart-grid">
          {series(points ?? []).map((chart) => {
            const last = chart.values.at(-1);
            return (
              <div class="chart" data-chart={chart.label}>
                <span class="small">
                  {chart.label}{' '}
                  <span class="muted">{last === undefined ? '—' : `${Math.round(last)}${chart.unit}`}</span>
                </span>
                <Sparkline points={chart.values} {...(chart.max === undefined ? {} : { max: chart.max })} />
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
