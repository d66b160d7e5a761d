import {
  parseSettings,
  resolvePlacements,
  ModelDefSchema,
  type ModelDefInput,
  type Settings,
  type SettingsInput,
} from '@spark-control/schema';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { launchCommands, removeHfCacheAsRootCommand, removeHfCacheCommand, stopCommand } from './commands.js';
import { launcherFor, type LaunchPlan, type Launcher } from './launcher.js';
import type { SparkProbe } from '../sparks/probe.js';
import { placementNodes } from './vllm-cluster.js';

function settingsOf(input: SettingsInput): Settings {
  const result = parseSettings(input);
  if (!result.success) throw new Error(result.errors.join());
  return result.settings;
}

const settings = settingsOf({
  sparks: [
    { id: 'spark-1', host: '10.0.0.2' },
    { id: 'spark-2', host: 'spark-2.local' },
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
const G2: Launcher = {
  generation: 'G2',
  path: '~/spark-vllm-docker/launch-cluster.sh',
  container: 'vllm_node',
  masterPort: 29501,
  ownMasterPort: false,
  hfCache: '/home/spark/.cache/huggingface',
};
const G1: Launcher = { ...G2, generation: 'G1', masterPort: 6379 };
const plan = (launcher: Launcher, tp: 1 | 2, of = settings): LaunchPlan => {
  const [placement] = resolvePlacements(of);
  if (!placement) throw new Error('no placement');
  return {
    placement,
    nodes: placementNodes(of, placement, tp),
    clusterIps: ['192.168.177.11', '192.168.177.12'].slice(0, tp),
    launcher,
  };
};

describe('launch commands', () => {
  it('G2, one Spark: --solo -d exec, which needs no cluster address', () => {
    const { launch, exec } = launchCommands(settings, model({ vllm: { maxModelLen: 32768 } }), {
      ...plan(G2, 1),
      clusterIps: [],
    });
    expect(launch.text).toBe(
      `"$HOME"/'spark-vllm-docker/launch-cluster.sh' --name 'vllm_node' --solo -d exec vllm serve 'Qwen/Qwen3-30B-A3B-FP8' --host 0.0.0.0 --port 8888 --served-model-name 'm' -tp 1 --gpu-memory-utilization 0.85 --max-model-len 32768`,
    );
    expect(exec).toBeUndefined();
  });

  it('G2, tensor parallel 2: -n carries the cluster addresses (never the hostnames), Ray when asked', () => {
    const { launch } = launchCommands(settings, model({ tensorParallel: 2, ray: true }), plan(G2, 2));
    expect(launch.text).toContain(`-n '192.168.177.11','192.168.177.12' --ray -d exec vllm serve`);
    expect(launch.text).not.toContain('spark-2.local');
    expect(launch.text).toContain('-tp 2');
  });

  it('passes the Hugging Face token as -e HF_TOKEN (G2) or in the extra docker args (G1)', () => {
    const withToken = settingsOf({ sparks: [{ id: 'a', host: '10.0.0.2' }], vllm: { hfToken: 'hf_abc123' } });
    const g2 = launchCommands(withToken, model({}), { ...plan(G2, 1, withToken), clusterIps: [] });
    expect(g2.launch.text).toContain(`--solo -e HF_TOKEN='hf_abc123' -d exec vllm serve`);
    const g1 = launchCommands(withToken, model({}), plan(G1, 1, withToken));
    expect(g1.launch.text).toMatch(/^VLLM_SPARK_EXTRA_DOCKER_ARGS='-e HF_TOKEN=hf_abc123' /);
    expect(launchCommands(settings, model({}), plan(G2, 1)).launch.text).not.toContain('HF_TOKEN');
  });

  it('G1: start -d with -n (it has no --solo), then its own detached exec into docker logs', () => {
    const one = launchCommands(settings, model({}), plan(G1, 1));
    expect(one.launch.text).toBe(
      `"$HOME"/'spark-vllm-docker/launch-cluster.sh' --name 'vllm_node' -n '192.168.177.11' start -d`,
    );
    expect(one.exec?.text).toMatch(
      /^docker exec -d 'vllm_node' bash -i -c 'vllm serve '\\''Qwen\/Qwen3-30B-A3B-FP8'\\'' .* >> \/proc\/1\/fd\/1 2>&1'$/,
    );
    expect(one.exec?.text).not.toContain('distributed-executor-backend');
    const two = launchCommands(settings, model({ tensorParallel: 2 }), plan(G1, 2));
    expect(two.launch.text).toContain(`-n '192.168.177.11','192.168.177.12' start -d`);
    expect(two.exec?.text).toContain(
      '-tp 2 --gpu-memory-utilization 0.85 --distributed-executor-backend ray >>',
    );
  });

  it('execs into the container the launcher really runs (its .env may rename it)', () => {
    const renamed = launchCommands(settings, model({}), plan({ ...G1, container: 'vllm_custom' }, 1));
    expect(renamed.exec?.text).toMatch(/^docker exec -d 'vllm_custom' /);
  });

  it('bind-mounts a local model read-only and points vLLM and its chat template inside the mount', () => {
    const { launch } = launchCommands(
      settings,
      model({
        hfRepo: undefined,
        localPath: '/home/spark/models/ft-v2',
        vllm: { chatTemplate: '/home/spark/models/ft-v2/chat.jinja' },
      }),
      plan(G2, 1),
    );
    expect(
      launch.text.startsWith(`VLLM_SPARK_EXTRA_DOCKER_ARGS='-v /home/spark/models/ft-v2:/models/ft-v2:ro' `),
    ).toBe(true);
    expect(launch.text).toContain(`vllm serve '/models/ft-v2'`);
    expect(launch.text).toContain(`--chat-template '/models/ft-v2/chat.jinja'`);
  });

  it('adds typed options and allow-listed extra args', () => {
    const { launch } = launchCommands(
      settings,
      model({
        vllm: {
          quantization: 'modelopt_fp4',
          reasoningParser: 'qwen3',
          toolCallParser: 'hermes',
          extraArgs: ['--enforce-eager', '--max-num-seqs=64'],
        },
      }),
      plan(G2, 1),
    );
    expect(launch.text).toContain(
      `--quantization 'modelopt_fp4' --tool-call-parser 'hermes' --reasoning-parser 'qwen3' --enforce-eager --max-num-seqs '64'`,
    );
  });

  it('uses the configured port, container and script', () => {
    const custom = settingsOf({
      sparks: [{ id: 'a', host: 'spark-1.lan' }],
      vllm: { port: 8000, container: 'vllm-node-2', launchScript: '/opt/svd/launch-cluster.sh' },
    });
    const { launch } = launchCommands(custom, model({}), {
      ...plan({ ...G2, path: '/opt/svd/launch-cluster.sh' }, 1, custom),
      clusterIps: [],
    });
    expect(launch.text).toContain(`'/opt/svd/launch-cluster.sh' --name 'vllm-node-2'`);
    expect(launch.text).toContain('--port 8000');
  });

  it('stops by container name and succeeds only once no such container is left', () => {
    expect(stopCommand('vllm_node').text).toBe(
      `docker stop 'vllm_node' >/dev/null 2>&1; ! docker inspect 'vllm_node' >/dev/null 2>&1 || docker rm -f 'vllm_node' >/dev/null 2>&1`,
    );
  });

  it('refuses a TP=2 model when only one Spark is configured', () => {
    const one = settingsOf({ sparks: [{ id: 'a', host: '10.0.0.2' }] });
    const [placement] = resolvePlacements(one);
    if (!placement) throw new Error('no placement');
    expect(() => placementNodes(one, placement, 2)).toThrow(
      'tensor parallel 2 needs 2 Sparks; placement vllm has 1',
    );
  });

  it('launches on a configured placement with its port, container and memory share', () => {
    const layout = settingsOf({
      sparks: [
        { id: 'a', host: '10.0.0.2' },
        { id: 'b', host: '10.0.0.3' },
      ],
      placements: [
        { id: 'big', sparkIds: ['a'], port: 8888, container: 'vllm_big' },
        { id: 'small', sparkIds: ['b'], port: 8001, container: 'vllm_small', memoryShare: 0.3 },
      ],
    });
    const small = resolvePlacements(layout)[1];
    if (!small) throw new Error('no placement');
    const { launch } = launchCommands(layout, model({}), {
      placement: small,
      nodes: placementNodes(layout, small, 1),
      clusterIps: [],
      launcher: { ...G2, container: 'vllm_small' },
    });
    expect(launch.text).toContain(`--name 'vllm_small' --solo`);
    expect(launch.text).toContain('--port 8001');
    expect(launch.text).toContain('--gpu-memory-utilization 0.3');
    expect(placementNodes(layout, small, 1).map((spark) => spark.id)).toEqual(['b']);
  });

  it('gives a second multi-Spark placement on the same head its own master port (G2), and refuses it on G1', () => {
    const layout = settingsOf({
      sparks: [
        { id: 'a', host: '10.0.0.2' },
        { id: 'b', host: '10.0.0.3' },
        { id: 'c', host: '10.0.0.4' },
      ],
      placements: [
        { id: 'first', sparkIds: ['a', 'b'], port: 8888, container: 'vllm_first', memoryShare: 0.4 },
        { id: 'solo', sparkIds: ['a'], port: 8001, container: 'vllm_solo', memoryShare: 0.2 },
        { id: 'second', sparkIds: ['a', 'c'], port: 8889, container: 'vllm_second', memoryShare: 0.3 },
        { id: 'other-head', sparkIds: ['b', 'c'], port: 8890, container: 'vllm_b', memoryShare: 0.3 },
      ],
    });
    const probe = (generation: 'G1' | 'G2', dotenv: Record<string, string> = {}): SparkProbe => ({
      interfaces: [],
      rdma: undefined,
      home: '/home/spark',
      hfHome: '',
      launcher: { path: '~/spark-vllm-docker/launch-cluster.sh', generation },
      dotenv,
    });
    const [first, solo, second, otherHead] = resolvePlacements(layout);
    if (!first || !solo || !second || !otherHead) throw new Error('no placements');
    const launchOn = (placement: typeof first, launcher: Launcher) =>
      launchCommands(layout, model({ tensorParallel: 2 }), {
        placement,
        nodes: placementNodes(layout, placement, 2),
        clusterIps: ['192.168.177.11', '192.168.177.12'],
        launcher,
      }).launch.text;
    const launcher = (placement: typeof first, nodes: number, of = probe('G2')) => {
      const found = launcherFor(of, layout, placement, nodes);
      if ('problem' in found) throw new Error(found.problem);
      return found;
    };
    expect(launcher(first, 2)).toMatchObject({ masterPort: 29501, ownMasterPort: false });
    expect(launchOn(first, launcher(first, 2))).not.toContain('--master-port');
    expect(launcher(second, 2)).toMatchObject({ masterPort: 29502, ownMasterPort: true });
    expect(launchOn(second, launcher(second, 2))).toContain(
      `-n '192.168.177.11','192.168.177.12' --master-port 29502 -d exec`,
    );
    // The launcher's own port comes first: .env MASTER_PORT, then the offset.
    expect(launcher(second, 2, probe('G2', { MASTER_PORT: '30000' })).masterPort).toBe(30001);
    // A TP=1 model on a multi-Spark placement runs solo: no master port.
    expect(launcher(second, 1)).toMatchObject({ masterPort: 29501, ownMasterPort: false });
    expect(launcher(otherHead, 2)).toMatchObject({ masterPort: 29501, ownMasterPort: false });
    expect(launcherFor(probe('G1'), layout, first, 2)).toMatchObject({ masterPort: 6379 });
    expect(launcherFor(probe('G1'), layout, second, 2)).toEqual({
      problem:
        'the G1 launcher always starts Ray on port 6379, which another multi-Spark placement on this head uses; placement second needs spark-vllm-docker G2 (its --master-port) or a head Spark of its own',
    });
  });

  it('removes exactly the model’s cache directory, under the cache the launcher mounts', () => {
    expect(removeHfCacheCommand('/data/hf', 'Qwen/Qwen3-30B-A3B-FP8').text).toBe(
      `rm -rf -- '/data/hf/hub/models--Qwen--Qwen3-30B-A3B-FP8'`,
    );
    expect(removeHfCacheAsRootCommand('/data/hf', 'Qwen/Qwen3-30B-A3B-FP8').text).toBe(
      `docker run --rm --network none --entrypoint= -v '/data/hf/hub':/hub 'vllm-node' rm -rf -- '/hub/models--Qwen--Qwen3-30B-A3B-FP8'`,
    );
  });
});
