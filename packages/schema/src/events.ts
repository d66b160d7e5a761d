import type { SwapView } from './catalog.js';
import type { LeaseView, QueuedSwapView } from './leases.js';
import type { DeepHealth, ServiceStatus } from './services.js';

/** Events on the server's one bus, streamed to the dashboard over `/api/events`. Never carry secrets. */
export type AppEvent =
  | { type: 'settings.changed'; at: string; changed: string[] }
  | ServiceStatusEvent
  | ServiceDeepEvent
  | BotOutputEvent
  | BotUpdateEvent
  | SwapPhaseEvent
  | SwapLogEvent
  | LeaseEvent
  | SwapQueuedEvent;

/** A service changed status (only on change; latency updates ride on GET /api/services). */
export interface ServiceStatusEvent {
  type: 'service.status';
  at: string;
  id: string;
  sparkId: string | null;
  from: ServiceStatus;
  status: ServiceStatus;
  detail: string;
  latencyMs: number | null;
}

/** A deep health check finished. */
export interface ServiceDeepEvent {
  type: 'service.deep';
  at: string;
  id: string;
  deep: DeepHealth;
}

/** One line of a running bot operation (update output). */
export interface BotOutputEvent {
  type: 'bot.output';
  at: string;
  runId: string;
  stream: 'stdout' | 'stderr';
  line: string;
}

/** A bot update started or ended; `failed` and `timeout` carry the reason in `message`. */
export interface BotUpdateEvent {
  type: 'bot.update';
  at: string;
  runId: string;
  state: 'started' | 'succeeded' | 'failed' | 'timeout';
  message: string;
}

/** A swap changed phase, progress or ended; carries the whole swap as the API shows it. */
export interface SwapPhaseEvent {
  type: 'swap.phase';
  at: string;
  swap: SwapView;
}

/** One line of the swap's log (launch script output and `docker logs -f`). */
export interface SwapLogEvent {
  type: 'swap.log';
  at: string;
  swapId: string;
  line: string;
}

/** A lease was made, released early or ran out. */
export type LeaseEvent =
  | { type: 'lease.created'; at: string; lease: LeaseView }
  | { type: 'lease.released'; at: string; lease: LeaseView; by: string }
  | { type: 'lease.expired'; at: string; lease: LeaseView };

/**
 * The swap waiting for leases changed: `queued` is it (or null once it started, was cancelled or
 * could not start; `outcome` says which).
 */
export interface SwapQueuedEvent {
  type: 'swap.queued';
  at: string;
  queued: QueuedSwapView | null;
  outcome: 'queued' | 'started' | 'cancelled' | 'failed';
  message: string | null;
}

export type AppEventType = AppEvent['type'];
