import { parseSettings, ModelDefSchema, type ModelDefInput, type Settings } from '@spark-control/schema';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { launchCommand, removeHfCacheCommand, stopCommand } from './commands.js';
import { vllmNodes } from './vllm-cluster.js';

function settingsOf(input: unknown): Settings {
  const result = parseSettings(input);
  if (!result.success) throw new Error(result.errors.join());
  return result.settings;
}

const settings = settingsOf({
  sparks: [
    { id: 'spark-1', host: '10.0.0.2' },
    { id: 'spark-2', host: '10.0.0.3' },
  ],
});
const model = (input: Partial<ModelDefInput>) =>
  v.parse(ModelDefSchema, {
    id: 'm',
    label: 'M',
    servedName: 'm',
    hfRepo: 'Qwen/Qwen3-30B-A3B-FP8',
    ...input,
  });

describe('launch commands', () => {
  it('launches a TP=1 model in solo mode, detached', () => {
    const cmd = launchCommand(settings, model({ vllm: { maxModelLen: 32768 } }), vllmNodes(settings, 1));
    expect(cmd.text).toBe(
      `"$HOME"/'spark-vllm-docker/launch-cluster.sh' --name 'vllm_node' --solo -d exec vllm serve 'Qwen/Qwen3-30B-A3B-FP8' --host 0.0.0.0 --port 8888 --served-model-name 'm' -tp 1 --gpu-memory-utilization 0.85 --max-model-len 32768`,
    );
  });

  it('launches a TP=2 model on both Sparks, head first, with Ray when asked', () => {
    const cmd = launchCommand(settings, model({ tensorParallel: 2, ray: true }), vllmNodes(settings, 2));
    expect(cmd.text).toContain(`-n '10.0.0.2','10.0.0.3' --ray -d exec vllm serve`);
    expect(cmd.text).toContain('-tp 2');
  });

  it('bind-mounts a local model read-only and points vLLM and its chat template inside the mount', () => {
    const cmd = launchCommand(
      settings,
      model({
        hfRepo: undefined,
        localPath: '/home/spark/models/ft-v2',
        vllm: { chatTemplate: '/home/spark/models/ft-v2/chat.jinja' },
      }),
      vllmNodes(settings, 1),
    );
    expect(
      cmd.text.startsWith(`VLLM_SPARK_EXTRA_DOCKER_ARGS='-v /home/spark/models/ft-v2:/models/ft-v2:ro' `),
    ).toBe(true);
    expect(cmd.text).toContain(`vllm serve '/models/ft-v2'`);
    expect(cmd.text).toContain(`--chat-template '/models/ft-v2/chat.jinja'`);
  });

  it('adds typed options and allow-listed extra args', () => {
    const cmd = launchCommand(
      settings,
      model({
        vllm: {
          quantization: 'modelopt_fp4',
          reasoningParser: 'qwen3',
          toolCallParser: 'hermes',
          extraArgs: ['--enforce-eager', '--max-num-seqs=64'],
        },
      }),
      vllmNodes(settings, 1),
    );
    expect(cmd.text).toContain(
      `--quantization 'modelopt_fp4' --tool-call-parser 'hermes' --reasoning-parser 'qwen3' --enforce-eager --max-num-seqs '64'`,
    );
  });

  it('uses the configured port, container and script', () => {
    const custom = settingsOf({
      sparks: [{ id: 'a', host: 'spark-1.lan' }],
      vllm: { port: 8000, container: 'vllm-node-2', launchScript: '/opt/svd/launch-cluster.sh' },
    });
    const cmd = launchCommand(custom, model({}), vllmNodes(custom, 1));
    expect(cmd.text).toContain(`'/opt/svd/launch-cluster.sh' --name 'vllm-node-2'`);
    expect(cmd.text).toContain('--port 8000');
    expect(stopCommand(custom, vllmNodes(custom, 1)).text).toBe(
      `'/opt/svd/launch-cluster.sh' --name 'vllm-node-2' --solo stop`,
    );
  });

  it('refuses a TP=2 model when only one Spark is configured', () => {
    const one = settingsOf({ sparks: [{ id: 'a', host: '10.0.0.2' }] });
    expect(() => vllmNodes(one, 2)).toThrow(/second Spark/);
  });

  it('removes exactly the model’s HF cache directory', () => {
    expect(removeHfCacheCommand('Qwen/Qwen3-30B-A3B-FP8').text).toBe(
      `rm -rf -- "$HOME"/'.cache/huggingface/hub/models--Qwen--Qwen3-30B-A3B-FP8'`,
    );
  });
});
