import {
  DEFAULT_PLACEMENT_ID,
  resolvePlacements,
  type ServiceDescriptor,
  type ServiceKind,
  type Settings,
  type SparkRole,
} from '@spark-control/schema';
import type { SettingsStore } from '../../config/settings-store.js';

/** The built-in service each Spark role brings, and where its port comes from (vLLM: its placements). */
const ROLE_SERVICES: Record<
  Exclude<SparkRole, 'vllm'>,
  { kind: ServiceKind; label: string; port: (s: Settings) => number }
> = {
  stt: { kind: 'parakeet', label: 'Speech-to-text', port: (s) => s.ports.parakeet },
  tts: { kind: 'kokoro', label: 'Text-to-speech', port: (s) => s.ports.kokoro },
  embeddings: { kind: 'embeddings', label: 'Embeddings', port: (s) => s.ports.embeddings },
  qdrant: { kind: 'qdrant', label: 'Qdrant', port: (s) => s.ports.qdrant },
};

const HEALTH_PATHS: Partial<Record<ServiceKind, string>> = {
  vllm: '/health',
  parakeet: '/health',
  kokoro: '/health',
  embeddings: '/health',
  qdrant: '/healthz',
};

/**
 * Every service the settings describe, disabled ones included (marked `enabled: false`).
 * A vLLM per placement, on its head Spark and port: the first gets the plain id (`vllm`), further ones
 * `vllm-<placementId>`. The other roles: the first Spark with a role gets the plain id (`parakeet`),
 * further ones `<kind>-<sparkId>`. A custom service whose id a built-in one already uses is left out.
 */
export function buildRegistry(settings: Settings): ServiceDescriptor[] {
  const disabled = new Set(settings.disabledServices);
  const services: ServiceDescriptor[] = [];
  const taken = new Set<string>();
  const placements = resolvePlacements(settings);
  for (const spark of settings.sparks) {
    for (const placement of placements.filter((candidate) => candidate.sparkIds[0] === spark.id)) {
      const id = taken.has('vllm') ? `vllm-${placement.id}` : 'vllm';
      taken.add(id);
      const named = placement.id === DEFAULT_PLACEMENT_ID ? '' : ` ${placement.id}`;
      services.push({
        id,
        kind: 'vllm',
        label: `vLLM${named} (${spark.label})`,
        sparkId: spark.id,
        host: spark.host,
        port: placement.port,
        path: HEALTH_PATHS.vllm ?? '/health',
        source: 'builtin',
        enabled: !disabled.has(id),
        placementId: placement.id,
      });
    }
    for (const role of spark.roles) {
      if (role === 'vllm') continue;
      const { kind, label, port } = ROLE_SERVICES[role];
      const id = taken.has(kind) ? `${kind}-${spark.id}` : kind;
      taken.add(id);
      services.push({
        id,
        kind,
        label: `${label} (${spark.label})`,
        sparkId: spark.id,
        host: spark.host,
        port: port(settings),
        path: HEALTH_PATHS[kind] ?? '/health',
        source: 'builtin',
        enabled: !disabled.has(id),
      });
    }
  }
  for (const custom of settings.customServices) {
    if (taken.has(custom.id)) continue;
    taken.add(custom.id);
    const spark = settings.sparks.find((candidate) => candidate.id === custom.sparkId);
    const host = spark?.host ?? custom.host;
    if (host === undefined) continue;
    services.push({
      id: custom.id,
      kind: custom.kind,
      label: custom.label || custom.id,
      sparkId: spark?.id ?? null,
      host,
      port: custom.port,
      // A custom vLLM is probed like the built-in one, whatever path it names.
      path: custom.kind === 'vllm' ? '/health' : custom.path,
      source: 'custom',
      enabled: !disabled.has(custom.id),
    });
  }
  return services;
}

/** The registry kept in step with the settings store: edits apply at once. */
export class ServiceRegistry {
  #services: ServiceDescriptor[];
  readonly #unsubscribe: () => void;
  readonly #listeners = new Set<(services: readonly ServiceDescriptor[]) => void>();

  constructor(settings: SettingsStore) {
    this.#services = buildRegistry(settings.current);
    this.#unsubscribe = settings.subscribe((next) => {
      this.#services = buildRegistry(next);
      for (const listener of this.#listeners) listener(this.#services);
    });
  }

  /** Every service, disabled ones included. */
  all(): readonly ServiceDescriptor[] {
    return this.#services;
  }

  enabled(): ServiceDescriptor[] {
    return this.#services.filter((service) => service.enabled);
  }

  get(id: string): ServiceDescriptor | undefined {
    return this.#services.find((service) => service.id === id);
  }

  onChange(listener: (services: readonly ServiceDescriptor[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    this.#unsubscribe();
    this.#listeners.clear();
  }
}
