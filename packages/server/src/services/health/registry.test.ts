import { parseSettings, type SettingsInput } from '@spark-control/schema';
import { describe, expect, it } from 'vitest';
import { buildRegistry } from './registry.js';

function registryOf(input: SettingsInput) {
  const result = parseSettings(input);
  if (!result.success) throw new Error(result.errors.join('; '));
  return buildRegistry(result.settings).map((service) => ({
    id: service.id,
    label: service.label,
    where: `${service.sparkId ?? service.host}:${service.port}`,
    placementId: service.placementId,
  }));
}

const sparks = [
  { id: 'spark1', label: 'Spark 1', host: '127.0.0.2', roles: ['vllm' as const] },
  { id: 'spark2', label: 'Spark 2', host: '127.0.0.3', roles: ['vllm' as const, 'stt' as const] },
];

describe('buildRegistry', () => {
  it('the default layout: one vLLM, on the first Spark with the role (the second is its worker)', () => {
    expect(registryOf({ sparks })).toEqual([
      { id: 'vllm', label: 'vLLM (Spark 1)', where: 'spark1:8888', placementId: 'vllm' },
      { id: 'parakeet', label: 'Speech-to-text (Spark 2)', where: 'spark2:8000', placementId: undefined },
    ]);
  });

  it('a vLLM per placement, on its head Spark and its port', () => {
    const registry = registryOf({
      sparks,
      placements: [
        { id: 'vllm', sparkIds: ['spark1'], port: 8888, container: 'vllm_node', memoryShare: 0.7 },
        { id: 'small', sparkIds: ['spark2'], port: 8890, container: 'vllm_small', memoryShare: 0.25 },
        { id: 'side', sparkIds: ['spark1'], port: 8891, container: 'vllm_side', memoryShare: 0.2 },
      ],
    });
    expect(registry.filter((service) => service.placementId !== undefined)).toEqual([
      { id: 'vllm', label: 'vLLM (Spark 1)', where: 'spark1:8888', placementId: 'vllm' },
      { id: 'vllm-side', label: 'vLLM side (Spark 1)', where: 'spark1:8891', placementId: 'side' },
      { id: 'vllm-small', label: 'vLLM small (Spark 2)', where: 'spark2:8890', placementId: 'small' },
    ]);
  });
});
