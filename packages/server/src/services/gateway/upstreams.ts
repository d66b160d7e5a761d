import type { ServiceKind, Settings } from '@spark-control/schema';
import { buildRegistry } from '../health/registry.js';

export type UpstreamKind = Extract<ServiceKind, 'vllm' | 'parakeet' | 'kokoro' | 'embeddings' | 'qdrant'>;

export interface Upstream {
  serviceId: string;
  host: string;
  port: number;
}

/**
 * The enabled service of `kind` from the health monitor's registry (the built-in one of the first
 * Spark with the role wins; a custom vLLM counts for `vllm`). Undefined when none is configured.
 */
export function resolveUpstream(settings: Settings, kind: UpstreamKind): Upstream | undefined {
  const service = buildRegistry(settings).find((candidate) => candidate.enabled && candidate.kind === kind);
  return service ? { serviceId: service.id, host: service.host, port: service.port } : undefined;
}

/** Every host the settings name as a Spark: the only places audio and transcripts may go. */
export function sparkHosts(settings: Settings): Set<string> {
  return new Set(settings.sparks.map((spark) => spark.host));
}
