import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ModelDefSchema } from './catalog.js';
import { formatIssues } from './settings.js';

const hf = { id: 'qwen3-30b', label: 'Qwen3 30B', hfRepo: 'Qwen/Qwen3-30B-A3B-FP8', servedName: 'qwen3-30b' };
const local = {
  id: 'ft-v2',
  label: 'Fine-tune v2',
  localPath: '/home/spark/models/ft-v2',
  servedName: 'ft-v2',
};

function errors(input: unknown): string {
  const result = v.safeParse(ModelDefSchema, input);
  return result.success ? '' : formatIssues(result.issues).join('\n');
}

describe('ModelDefSchema', () => {
  it('fills defaults', () => {
    const model = v.parse(ModelDefSchema, hf);
    expect(model).toMatchObject({
      tensorParallel: 1,
      ray: false,
      notes: '',
      vllm: { gpuMemoryUtilization: 0.85, extraArgs: [] },
    });
  });

  it('accepts real entries', () => {
    expect(errors(local)).toBe('');
    expect(
      errors({
        ...local,
        tensorParallel: 2,
        ray: true,
        vllm: {
          chatTemplate: '/home/spark/models/ft-v2/chat.jinja',
          maxModelLen: 131072,
          quantization: 'nvfp4',
          toolCallParser: 'hermes',
          reasoningParser: 'qwen3',
          extraArgs: ['--enable-prefix-caching', '--kv-cache-dtype=fp8', '--max-num-seqs=64'],
        },
      }),
    ).toBe('');
  });

  it.each([
    [{ ...hf, localPath: '/home/spark/models/x' }, 'needs exactly one of hfRepo or localPath'],
    [{ id: 'x', label: 'x', servedName: 'x' }, 'needs exactly one of hfRepo or localPath'],
    [{ ...hf, hfRepo: 'Qwen/Qwen3; rm -rf /' }, 'hfRepo: must be a Hugging Face repo id'],
    [{ ...hf, hfRepo: '$(reboot)/x' }, 'hfRepo: must be a Hugging Face repo id'],
    [{ ...local, localPath: '/home/spark/models/../../etc' }, 'localPath: must be an absolute path'],
    [{ ...local, localPath: 'models/ft' }, 'localPath: must be an absolute path'],
    [{ ...hf, servedName: 'a b' }, 'servedName: must be letters'],
    [{ ...hf, servedName: '-x' }, 'servedName: must be letters'],
    [{ ...hf, tensorParallel: 9 }, 'tensorParallel: must be a whole number from 1 to 8'],
    [{ ...hf, tensorParallel: 0 }, 'tensorParallel: must be a whole number from 1 to 8'],
    [{ ...hf, tensorParallel: 1.5 }, 'tensorParallel: must be a whole number from 1 to 8'],
    [{ ...hf, tensorParallel: '2' }, 'tensorParallel: must be a whole number from 1 to 8'],
    [{ ...hf, ray: true }, 'ray: only applies to tensorParallel 2'],
    [{ ...hf, vllm: { gpuMemoryUtilization: 1.2 } }, 'vllm.gpuMemoryUtilization: must be from 0.05 to 0.98'],
    [{ ...hf, vllm: { quantization: 'FP8' } }, 'vllm.quantization: must be one of'],
    [
      { ...hf, vllm: { extraArgs: ['--api-key=x'] } },
      'vllm.extraArgs.0: must be one of the allowed vLLM flags',
    ],
    [
      { ...hf, vllm: { extraArgs: ['--max-num-seqs=1; reboot'] } },
      'vllm.extraArgs.0: must be one of the allowed',
    ],
    [{ ...hf, vllm: { extraArgs: ['--enforce-eager=1'] } }, 'vllm.extraArgs.0: must be one of the allowed'],
    [
      { ...hf, vllm: { chatTemplate: '/home/spark/t.jinja' } },
      'vllm.chatTemplate: must lie inside the model directory',
    ],
    [
      { ...local, vllm: { chatTemplate: '/home/spark/models/ft-v2-evil/t.jinja' } },
      'must lie inside the model directory',
    ],
    [{ ...hf, id: 'Qwen 3' }, 'id: must be lowercase'],
    [{ ...hf, label: '   ' }, 'label: must not be blank'],
    [{ ...hf, launch: 'now' }, 'launch: is not a known setting'],
    [
      { ...hf, vllm: { extraArgs: ['--trust-remote-code'] } },
      'trustRemoteCode: --trust-remote-code runs the repository\'s own Python code on the Sparks; confirm it for this model with "trustRemoteCode": "Qwen/Qwen3-30B-A3B-FP8"',
    ],
    [
      {
        ...hf,
        hfRepo: 'Evil/Model',
        trustRemoteCode: hf.hfRepo,
        vllm: { extraArgs: ['--trust-remote-code'] },
      },
      "trustRemoteCode: must name this entry's hfRepo or localPath exactly",
    ],
  ])('rejects %j', (input, message) => {
    expect(errors(input)).toContain(message);
  });

  it('takes --trust-remote-code once the entry confirms its own source', () => {
    expect(errors({ ...hf, trustRemoteCode: hf.hfRepo, vllm: { extraArgs: ['--trust-remote-code'] } })).toBe(
      '',
    );
    expect(
      errors({ ...local, trustRemoteCode: local.localPath, vllm: { extraArgs: ['--trust-remote-code'] } }),
    ).toBe('');
  });
});
