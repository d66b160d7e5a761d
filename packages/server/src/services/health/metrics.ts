/**
 * A small Prometheus registry: counters, gauges and histograms with labels, rendered in the
 * text exposition format (0.0.4). Other services register their own metrics here. Why not
 * prom-client: docs/adr/0016-prometheus-registry-kept-hand-written.md.
 */
export type Labels = Record<string, string>;

interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  render(): string[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function escapeLabel(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll('"', '\\"');
}

function renderLabels(labels: Labels, extra?: [string, string]): string {
  const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  if (extra) entries.push(extra);
  if (entries.length === 0) return '';
  return `{${entries.map(([key, value]) => `${key}="${escapeLabel(value)}"`).join(',')}}`;
}

function keyOf(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
}

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function checkLabels(labels: Labels): void {
  for (const key of Object.keys(labels)) {
    if (!LABEL.test(key) || key.startsWith('__')) throw new Error(`invalid metric label name: ${key}`);
  }
}

export class Counter {
  readonly #values = new Map<string, { labels: Labels; value: number }>();

  inc(labels: Labels = {}, by = 1): void {
    if (by < 0) throw new Error('a counter only goes up');
    checkLabels(labels);
    const key = keyOf(labels);
    const entry = this.#values.get(key) ?? { labels, value: 0 };
    entry.value += by;
    this.#values.set(key, entry);
  }

  get(labels: Labels = {}): number {
    return this.#values.get(keyOf(labels))?.value ?? 0;
  }

  /** @internal */
  lines(name: string): string[] {
    return [...this.#values.values()].map(
      (entry) => `${name}${renderLabels(entry.labels)} ${formatNumber(entry.value)}`,
    );
  }
}

export class Gauge {
  readonly #values = new Map<string, { labels: Labels; value: number }>();

  set(labels: Labels, value: number): void {
    checkLabels(labels);
    this.#values.set(keyOf(labels), { labels, value });
  }

  get(labels: Labels = {}): number | undefined {
    return this.#values.get(keyOf(labels))?.value;
  }

  /** Keeps only the series `keep` accepts (e.g. services still in the registry). */
  retain(keep: (labels: Labels) => boolean): void {
    for (const [key, entry] of this.#values) if (!keep(entry.labels)) this.#values.delete(key);
  }

  /** @internal */
  lines(name: string): string[] {
    return [...this.#values.values()].map(
      (entry) => `${name}${renderLabels(entry.labels)} ${formatNumber(entry.value)}`,
    );
  }
}

export class Histogram {
  readonly #buckets: readonly number[];
  readonly #values = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();

  constructor(buckets: readonly number[]) {
    this.#buckets = [...buckets].sort((a, b) => a - b);
  }

  observe(labels: Labels, value: number): void {
    checkLabels(labels);
    const key = keyOf(labels);
    const entry = this.#values.get(key) ?? {
      labels,
      counts: this.#buckets.map(() => 0),
      sum: 0,
      count: 0,
    };
    this.#buckets.forEach((bound, index) => {
      if (value <= bound) entry.counts[index] = (entry.counts[index] ?? 0) + 1;
    });
    entry.sum += value;
    entry.count += 1;
    this.#values.set(key, entry);
  }

  /** @internal */
  lines(name: string): string[] {
    const lines: string[] = [];
    for (const entry of this.#values.values()) {
      this.#buckets.forEach((bound, index) => {
        lines.push(
          `${name}_bucket${renderLabels(entry.labels, ['le', formatNumber(bound)])} ${entry.counts[index] ?? 0}`,
        );
      });
      lines.push(`${name}_bucket${renderLabels(entry.labels, ['le', '+Inf'])} ${entry.count}`);
      lines.push(`${name}_sum${renderLabels(entry.labels)} ${formatNumber(entry.sum)}`);
      lines.push(`${name}_count${renderLabels(entry.labels)} ${entry.count}`);
    }
    return lines;
  }
}

/** The one registry the `/metrics` route renders. */
export class MetricsRegistry {
  readonly #families = new Map<string, Family & { metric: Counter | Gauge | Histogram }>();
  readonly #collectors = new Set<() => void>();

  counter(name: string, help: string): Counter {
    return this.#register(name, help, 'counter', () => new Counter()) as Counter;
  }

  gauge(name: string, help: string): Gauge {
    return this.#register(name, help, 'gauge', () => new Gauge()) as Gauge;
  }

  histogram(name: string, help: string, buckets: readonly number[]): Histogram {
    return this.#register(name, help, 'histogram', () => new Histogram(buckets)) as Histogram;
  }

  /** Runs before each render, to set gauges that are cheaper to read than to track. */
  onCollect(collect: () => void): () => void {
    this.#collectors.add(collect);
    return () => this.#collectors.delete(collect);
  }

  render(): string {
    for (const collect of this.#collectors) collect();
    const out: string[] = [];
    for (const family of this.#families.values()) {
      out.push(`# HELP ${family.name} ${family.help.replaceAll('\\', '\\\\').replaceAll('\n', '\\n')}`);
      out.push(`# TYPE ${family.name} ${family.type}`);
      out.push(...family.render());
    }
    return `${out.join('\n')}\n`;
  }

  #register(
    name: string,
    help: string,
    type: Family['type'],
    make: () => Counter | Gauge | Histogram,
  ): Counter | Gauge | Histogram {
    if (!NAME.test(name)) throw new Error(`invalid metric name: ${name}`);
    const existing = this.#families.get(name);
    if (existing) {
      if (existing.type !== type) throw new Error(`metric ${name} is already a ${existing.type}`);
      return existing.metric;
    }
    const metric = make();
    this.#families.set(name, { name, help, type, metric, render: () => metric.lines(name) });
    return metric;
  }
}

/** Seconds buckets for swaps: a model load takes from seconds to tens of minutes. */
export const SWAP_DURATION_BUCKETS = [10, 30, 60, 120, 300, 600, 1200, 1800, 3600];

/**
 * The metrics the product exposes, registered in one place so names stay consistent:
 * the health monitor fills the service ones, the swap and gateway services the others.
 */
export function standardMetrics(registry: MetricsRegistry) {
  return {
    serviceUp: registry.gauge(
      'spark_control_service_up',
      'Whether a service is available (1 up or degraded, 0 down; swapping, unloaded and unknown are absent).',
    ),
    serviceStatus: registry.gauge(
      'spark_control_service_status',
      'Current status of a service: 1 for the status it has, 0 for the others.',
    ),
    serviceLatency: registry.gauge(
      'spark_control_service_latency_seconds',
      'Latency of the last health probe of a service.',
    ),
    sweepDuration: registry.histogram(
      'spark_control_monitor_sweep_duration_seconds',
      'Duration of one health sweep over every service.',
      [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10],
    ),
    swaps: registry.counter('spark_control_swaps_total', 'Model swaps by outcome.'),
    swapDuration: registry.histogram(
      'spark_control_swap_duration_seconds',
      'Duration of model swaps by outcome.',
      SWAP_DURATION_BUCKETS,
    ),
    gatewayRequests: registry.counter(
      'spark_control_gateway_requests_total',
      'Gateway requests by route and status code.',
    ),
  };
}

export type StandardMetrics = ReturnType<typeof standardMetrics>;
