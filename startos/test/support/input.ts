import type { ConfigureSparksInput } from '../../lib/configure-form.js';

/** A complete, valid Configure Sparks form for two Sparks. */
export function validInput(overrides: Partial<ConfigureSparksInput> = {}): ConfigureSparksInput {
  return {
    sparks: [
      {
        id: 'spark1',
        label: 'Spark One',
        host: '10.0.0.11',
        sshPort: 22,
        clusterIp: '192.168.177.11',
        sshUser: 'spark',
        roles: [],
      },
      {
        id: 'spark2',
        label: null,
        host: 'spark2.lan',
        sshPort: 2222,
        clusterIp: null,
        sshUser: 'ops',
        roles: ['stt', 'tts'],
      },
    ],
    vllm: {
      port: 8001,
      container: 'vllm_main',
      launchScript: '~/spark-vllm-docker/launch-cluster.sh',
      hfToken: 'hf_testtoken',
    },
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
      nvidiaApiKey: 'nvapi-test-key',
      model: 'nvidia/nemotron-3-super-120b-a12b',
      fallbackModel: 'nvidia/llama-3.3-nemotron-super-49b-v1',
      allowLocalFallback: true,
      localBaseUrl: 'http://10.0.0.11:8001/v1',
    },
    webhook: { url: null, secret: null },
    ...overrides,
  };
}
