import type { ConfigureSparksInput, SecretInput } from '../../lib/configure-form.js';

export const keep: SecretInput = { selection: 'keep', value: {} };
export const replace = (value: string): SecretInput => ({ selection: 'replace', value: { value } });
export const clear: SecretInput = { selection: 'clear', value: {} };

/** A complete, valid Configure Sparks form for two Sparks (the advanced section at its defaults). */
export function validInput(overrides: Partial<ConfigureSparksInput> = {}): ConfigureSparksInput {
  return {
    sparks: [
      {
        id: 'spark1',
        label: 'Spark One',
        host: '10.0.0.11',
        sshPort: 22,
        sshUser: 'spark',
        roles: [],
        clusterIp: null,
      },
      {
        id: 'spark2',
        label: null,
        host: 'spark2.lan',
        sshPort: 2222,
        sshUser: 'ops',
        roles: ['stt', 'tts'],
        clusterIp: null,
      },
    ],
    vllm: {
      port: 8001,
      container: 'vllm_main',
      launchScript: '~/spark-vllm-docker/launch-cluster.sh',
      hfToken: keep,
    },
    placements: [],
    hiddenServices: ['kokoro'],
    customServices: [
      {
        id: 'grafana',
        label: 'Grafana',
        kind: 'http',
        sparkId: null,
        host: '10.0.0.20',
        port: 3000,
        path: '/api/health',
      },
    ],
    bot: { user: null, sparkId: 'spark2', container: 'bot', dir: null, branch: 'main' },
    reasoning: {
      nvidiaApiKey: replace('nvapi-test-key'),
      model: 'nvidia/nemotron-3-super-120b-a12b',
      fallbackModel: 'nvidia/llama-3.3-nemotron-super-49b-v1',
      allowLocalFallback: true,
      localBaseUrl: 'http://10.0.0.11:8001/v1',
    },
    webhook: { url: null, secret: keep },
    privacy: { localNameCheck: false, localNameCheckBudgetMs: 1500 },
    advanced: {
      ports: { parakeet: 8000, kokoro: 8880, embeddings: 8080, qdrant: 6333 },
      swap: { readyTimeoutSec: 1200, rollback: true, modelRoots: [] },
      gateway: {
        queueSize: 64,
        maxWaitSec: 120,
        upstreamTimeoutSec: 600,
        swapOnRequest: false,
        minResidencySec: 300,
        idleUnloadSec: 0,
        modelPolicies: [],
      },
      monitorIntervalSec: 5,
      monitorDownAfterProbes: 3,
      monitorDownAfterSec: 15,
      timeZone: null,
      reasoningBaseUrl: 'https://integrate.api.nvidia.com/v1',
    },
    ...overrides,
  };
}

type PlacementInput = ConfigureSparksInput['placements'][number];

/** A placement on spark1 of validInput(), every field filled. */
export function placementInput(overrides: Partial<PlacementInput> = {}): PlacementInput {
  return {
    id: 'big',
    sparkIds: ['spark1'],
    port: 8010,
    container: 'vllm_big',
    memoryShare: 0.6,
    models: ['qwen3-30b'],
    ...overrides,
  };
}

type ModelPolicyInput = ConfigureSparksInput['advanced']['gateway']['modelPolicies'][number];

/** A model policy, every field filled. */
export function modelPolicyInput(overrides: Partial<ModelPolicyInput> = {}): ModelPolicyInput {
  return { modelId: 'qwen3-30b', pin: true, idleUnloadSec: 600, ...overrides };
}
