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

/**
 * Whether a swap runs on the placement the service serves: the swap service restarts the built-in
 * vLLM of one placement only; a custom vLLM keeps being probed.
 */
export function isBeingSwapped(
  service: ServiceDescriptor,
  isSwapping: (placementId: string) => boolean,
): boolean {
  return service.placementId !== undefined && isSwapping(service.placementId);
}

/** Whether the service is the built-in vLLM of a placement whose model was unloaded on purpose. */
export function isUnloadedOnPurpose(
  service: ServiceDescriptor,
  isUnloaded: ((placementId: string) => boolean) | undefined,
): boolean {
  return service.placementId !== undefined && (isUnloaded?.(service.placementId) ?? false);
}

export function resolutionError(resolution: Resolution | undefined): string {
  return resolution && !resolution.ok ? resolution.error : 'cannot resolve host';
}
