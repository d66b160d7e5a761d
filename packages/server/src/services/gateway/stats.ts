import { standardMetrics, type MetricsRegistry } from '../health/metrics.js';
import type { StreamOutcome } from './reply.js';
import type { QueueOutcome } from './swap-queue.js';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

/** The gateway's counters and latencies, registered in the one `/metrics` registry. */
export class GatewayStats {
  readonly #requests;
  readonly #latency;
  readonly #queued;
  readonly #queueWait;
  readonly #streams;

  constructor(registry: MetricsRegistry, queueDepth: () => number = () => 0) {
    this.#requests = standardMetrics(registry).gatewayRequests;
    this.#latency = registry.histogram(
      'spark_control_gateway_request_duration_seconds',
      'Time from a gateway request to its response headers, by route.',
      LATENCY_BUCKETS,
    );
    this.#queued = registry.counter(
      'spark_control_gateway_swap_queue_total',
      'Requests that met a running swap, by outcome (ran, full, timeout, aborted).',
    );
    this.#queueWait = registry.histogram(
      'spark_control_gateway_swap_queue_wait_seconds',
      'How long requests waited for a swap to finish.',
      LATENCY_BUCKETS,
    );
    this.#streams = registry.counter(
      'spark_control_gateway_streams_total',
      'Relayed response bodies by outcome (complete, upstream-error, client-gone).',
    );
    const depth = registry.gauge(
      'spark_control_gateway_swap_queue_depth',
      'Requests waiting for a swap now.',
    );
    registry.onCollect(() => depth.set({}, queueDepth()));
  }

  request(route: string, status: number, seconds: number): void {
    this.#requests.inc({ route, status: String(status) });
    this.#latency.observe({ route }, seconds);
  }

  queue(outcome: QueueOutcome, waitedMs: number): void {
    this.#queued.inc({ outcome });
    if (outcome === 'ran' || outcome === 'timeout') this.#queueWait.observe({}, waitedMs / 1000);
  }

  stream(outcome: StreamOutcome): void {
    this.#streams.inc({ outcome });
  }
}
