import type { DeepHealth, ServiceDescriptor, ServiceStatus } from '@spark-control/schema';
import type { Resolution } from './resolve.js';

/** What the monitor knows of one service now: written by the sweeper and the deep checks, read by the views. */
export interface ServiceState {
  status: ServiceStatus;
  detail: string;
  latencyMs: number | null;
  checkedAt: Date | null;
  since: Date | null;
  servedModel?: string | undefined;
  deep: DeepHealth | null;
}

/** Every service's state by id, shared by the parts of the health monitor. */
export type ServiceStates = Map<string, ServiceState>;

/** A service no sweep has given a status yet. */
export function notProbedYet(checkedAt: Date | null, deep: DeepHealth | null = null): ServiceState {
  return { status: 'unknown', detail: 'not probed yet', latencyMs: null, checkedAt, since: null, deep };
}

/** The swap service restarts the built-in vLLM only; a custom vLLM keeps being probed. */
export function isSwappable(service: ServiceDescriptor): boolean {
  return service.kind === 'vllm' && service.source === 'builtin';
}

export function resolutionError(resolution: Resolution | undefined): string {
  return resolution && !resolution.ok ? resolution.error : 'cannot resolve host';
}
