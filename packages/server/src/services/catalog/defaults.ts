import type { ModelDefInput } from '@spark-control/schema';

/** The catalog a new install starts with: models known to run well on one or two DGX Sparks. */
export const DEFAULT_CATALOG: ModelDefInput[] = [
  {
    id: 'qwen3-30b-a3b',
    label: 'Qwen3 30B A3B (FP8)',
    hfRepo: 'Qwen/Qwen3-30B-A3B-FP8',
    servedName: 'qwen3-30b',
    tensorParallel: 1,
    vllm: {
      maxModelLen: 32768,
      gpuMemoryUtilization: 0.7,
      reasoningParser: 'qwen3',
      toolCallParser: 'hermes',
      extraArgs: ['--enable-auto-tool-choice'],
    },
    notes: 'Fast general-purpose model on Spark 1 alone.',
  },
  {
    id: 'gpt-oss-120b',
    label: 'gpt-oss 120B (MXFP4)',
    hfRepo: 'openai/gpt-oss-120b',
    servedName: 'gpt-oss-120b',
    tensorParallel: 1,
    vllm: { maxModelLen: 131072, gpuMemoryUtilization: 0.8 },
    notes: 'Fits one Spark thanks to MXFP4 weights.',
  },
  {
    id: 'nemotron-super',
    label: 'Nemotron 3 Super 120B (NVFP4)',
    hfRepo: 'nvidia/NVIDIA-Nemotron-3-Super-120B-A12B-NVFP4',
    servedName: 'nemotron-super',
    tensorParallel: 2,
    vllm: { maxModelLen: 131072, gpuMemoryUtilization: 0.8, extraArgs: ['--trust-remote-code'] },
    // NVIDIA's own repository ships the model code vLLM needs; confirmed for this repository only.
    trustRemoteCode: 'nvidia/NVIDIA-Nemotron-3-Super-120B-A12B-NVFP4',
    notes: 'Spans both Sparks (tensor parallel 2).',
  },
  {
    id: 'llama-3-3-70b',
    label: 'Llama 3.3 70B Instruct (FP8)',
    hfRepo: 'nvidia/Llama-3.3-70B-Instruct-FP8',
    servedName: 'llama-3.3-70b',
    tensorParallel: 2,
    vllm: { maxModelLen: 65536, gpuMemoryUtilization: 0.8 },
    notes: 'Dense 70B across both Sparks.',
  },
  {
    id: 'qwen3-4b',
    label: 'Qwen3 4B',
    hfRepo: 'Qwen/Qwen3-4B',
    servedName: 'qwen3-4b',
    tensorParallel: 1,
    vllm: {
      maxModelLen: 32768,
      gpuMemoryUtilization: 0.25,
      reasoningParser: 'qwen3',
      toolCallParser: 'hermes',
      extraArgs: ['--enable-auto-tool-choice'],
    },
    notes: 'Small and quick: fits on a Spark beside a big model or the speech services.',
  },
  {
    id: 'phi-4-mini',
    label: 'Phi-4 mini instruct',
    hfRepo: 'microsoft/Phi-4-mini-instruct',
    servedName: 'phi-4-mini',
    tensorParallel: 1,
    vllm: { maxModelLen: 32768, gpuMemoryUtilization: 0.25 },
    notes: 'Small and quick: fits on a Spark beside a big model or the speech services.',
  },
];
