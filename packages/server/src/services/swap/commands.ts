import {
  EXTRA_ARG_RULES,
  memoryShareOn,
  resolvePlacements,
  type ModelDef,
  type Placement,
  type Settings,
} from '@spark-control/schema';
import { command, shellArg, type ShellCommand } from '../../adapters/ssh/index.js';
import { VLLM_IMAGE, type LaunchPlan } from './launcher.js';

/** Where a local model directory is mounted inside the vLLM container. */
export function containerModelPath(localPath: string): string {
  return `/models/${localPath.slice(localPath.lastIndexOf('/') + 1)}`;
}

const PARSER = /^[a-z0-9_]{1,40}$/;
const QUANTIZATION = /^[a-z0-9_-]{1,32}$/;

/** Joins command fragments with single spaces. */
function join(parts: readonly ShellCommand[]): ShellCommand {
  const [first, ...rest] = parts;
  if (!first) return command``;
  return rest.reduce((line, part) => command`${line} ${part}`, first);
}

/** The `vllm serve …` arguments of a catalog entry on a placement (its port and memory budget). */
export function serveArguments(
  model: ModelDef,
  placement: Pick<Placement, 'port' | 'memoryShare'>,
): ShellCommand {
  const source = model.localPath
    ? shellArg.localPath(containerModelPath(model.localPath))
    : shellArg.modelId(model.hfRepo ?? '');
  const options = model.vllm;
  const parts: ShellCommand[] = [
    command`vllm serve ${source} --host 0.0.0.0 --port ${shellArg.port(placement.port)}`,
    command`--served-model-name ${shellArg.servedName(model.servedName)}`,
    command`-tp ${model.tensorParallel} --gpu-memory-utilization ${memoryShareOn(placement, model)}`,
  ];
  if (options.maxModelLen !== undefined) parts.push(command`--max-model-len ${options.maxModelLen}`);
  if (options.quantization)
    parts.push(command`--quantization ${shellArg.token('quantization', options.quantization, QUANTIZATION)}`);
  if (options.chatTemplate && model.localPath) {
    const inside = options.chatTemplate.slice(model.localPath.length);
    parts.push(command`--chat-template ${shellArg.localPath(containerModelPath(model.localPath) + inside)}`);
  }
  if (options.toolCallParser)
    parts.push(
      command`--tool-call-parser ${shellArg.token('tool call parser', options.toolCallParser, PARSER)}`,
    );
  if (options.reasoningParser)
    parts.push(
      command`--reasoning-parser ${shellArg.token('reasoning parser', options.reasoningParser, PARSER)}`,
    );
  for (const arg of options.extraArgs) {
    const [flag = '', value] = arg.split('=', 2);
    const rule = EXTRA_ARG_RULES[flag];
    if (rule === undefined) throw new Error(`vLLM flag ${flag} is not allowed`);
    parts.push(
      rule === true || value === undefined
        ? command`${shellArg.flag(flag)}`
        : command`${shellArg.flag(flag)} ${shellArg.token(flag, value, rule)}`,
    );
  }
  return join(parts);
}

/** `--solo` for a G2 launch on the head alone, else `-n` with every node's cluster address (head first). */
function nodesOption(plan: LaunchPlan): ShellCommand {
  if (plan.launcher.generation === 'G2' && plan.nodes.length === 1) return command`--solo`;
  const [first, ...rest] = plan.clusterIps.map((ip) => shellArg.host(ip));
  if (!first) throw new Error('a launch with -n needs the cluster address of every node');
  return rest.reduce((list, ip) => command`${list},${ip}`, command`-n ${first}`);
}

/**
 * `VLLM_SPARK_EXTRA_DOCKER_ARGS`, which the launcher appends to every node's `docker run` (paths are the
 * head's): a local model mounted read-only, and on G1 (no `-e` option) the Hugging Face token.
 */
function extraDockerArgs(settings: Settings, model: ModelDef, plan: LaunchPlan): ShellCommand | undefined {
  const words: string[] = [];
  if (model.localPath) words.push(`-v ${model.localPath}:${containerModelPath(model.localPath)}:ro`);
  if (plan.launcher.generation === 'G1' && settings.vllm.hfToken)
    words.push(`-e HF_TOKEN=${settings.vllm.hfToken}`);
  if (words.length === 0) return undefined;
  return command`${shellArg.envAssignment('VLLM_SPARK_EXTRA_DOCKER_ARGS', words.join(' '))}`;
}

/** The launcher itself; `--name` is always the placement's, though G2's `.env` may replace the default. */
function launcher(plan: LaunchPlan): ShellCommand {
  return command`${shellArg.remotePath(plan.launcher.path)} --name ${shellArg.container(plan.placement.container)}`;
}

/**
 * How a model is started. G2: one `-d exec`, which starts the containers, dispatches `vllm serve` with its
 * output into `docker logs`, and returns at once. G1 cannot detach an exec: `start -d` starts the Ray
 * cluster, then `exec` is the controller's own `docker exec -d … bash -i -c '<cmd> >> /proc/1/fd/1 2>&1'`.
 */
export function launchCommands(
  settings: Settings,
  model: ModelDef,
  plan: LaunchPlan,
): { launch: ShellCommand; exec?: ShellCommand } {
  const prefix = extraDockerArgs(settings, model, plan);
  const withPrefix = (line: ShellCommand) => (prefix ? command`${prefix} ${line}` : line);
  const serve = serveArguments(model, plan.placement);
  const nodes = nodesOption(plan);
  if (plan.launcher.generation === 'G1') {
    const backend = plan.nodes.length > 1 ? command` --distributed-executor-backend ray` : command``;
    const inner = command`${serve}${backend} >> /proc/1/fd/1 2>&1`;
    return {
      launch: withPrefix(command`${launcher(plan)} ${nodes} start -d`),
      exec: command`docker exec -d ${shellArg.container(plan.launcher.container)} bash -i -c ${shellArg.script(inner)}`,
    };
  }
  const parts = [
    launcher(plan),
    nodes,
    ...(model.ray && plan.nodes.length > 1 ? [command`--ray`] : []),
    ...(plan.launcher.ownMasterPort
      ? [command`--master-port ${shellArg.port(plan.launcher.masterPort)}`]
      : []),
    ...(settings.vllm.hfToken
      ? [command`-e ${shellArg.envAssignment('HF_TOKEN', settings.vllm.hfToken)}`]
      : []),
    command`-d exec`,
    serve,
  ];
  return { launch: withPrefix(join(parts)) };
}

/**
 * Stops the container if this node has one (it runs with --rm, so it then vanishes) and removes one that
 * stayed; exits 0 once no container of that name is left.
 */
export function stopCommand(container: string): ShellCommand {
  const name = shellArg.container(container);
  return command`docker stop ${name} >/dev/null 2>&1; ! docker inspect ${name} >/dev/null 2>&1 || docker rm -f ${name} >/dev/null 2>&1`;
}

/** Follows a vLLM container's log from its start until it stops or the reader aborts. */
export function followLogsCommand(container: string): ShellCommand {
  return command`docker logs -f ${shellArg.container(container)}`;
}

export function containerStateCommand(container: string): ShellCommand {
  return command`docker inspect -f '{{.State.Status}}' ${shellArg.container(container)}`;
}

export function imageIdCommand(): ShellCommand {
  return command`docker image inspect --format '{{.Id}}' ${shellArg.container(VLLM_IMAGE)}`;
}

/** What the launcher does before a cluster launch: the head logs in to a worker with its own key. */
export function workerSshCommand(clusterIp: string): ShellCommand {
  return command`ssh -o BatchMode=yes -o ConnectTimeout=5 -o StrictHostKeyChecking=no ${shellArg.host(clusterIp)} true`;
}

export function memInfoCommand(): ShellCommand {
  return command`cat /proc/meminfo`;
}

export function directoryExistsCommand(path: string): ShellCommand {
  return command`test -d ${shellArg.localPath(path)}`;
}

/** A model directory vLLM can load: a `config.json` in it. */
export function modelDirectoryCommand(path: string): ShellCommand {
  return command`test -f ${shellArg.localPath(`${path}/config.json`)}`;
}

/** The Hugging Face cache directory of a repo (`<cache>/hub/models--Org--Name`). */
export function hfRepoDirectory(hfCache: string, hfRepo: string): string {
  return `${hfCache.replace(/\/$/, '')}/hub/models--${hfRepo.replace('/', '--')}`;
}

/** A complete download: `refs/main` names a snapshot that has a `config.json`. */
export function hfWeightsPresentCommand(hfCache: string, hfRepo: string): ShellCommand {
  const dir = shellArg.localPath(hfRepoDirectory(hfCache, hfRepo));
  return command`test -f ${dir}/snapshots/"$(cat ${dir}/refs/main 2>/dev/null)"/config.json`;
}

/** Free space where the cache is (or, before the first download, in the home directory). */
export function diskFreeCommand(hfCache: string): ShellCommand {
  return command`df -Pk ${shellArg.localPath(hfCache)} 2>/dev/null || df -Pk "$HOME"`;
}

/** Deletes a repo's cache directory as the SSH user. */
export function removeHfCacheCommand(hfCache: string, hfRepo: string): ShellCommand {
  return command`rm -rf -- ${shellArg.localPath(hfRepoDirectory(hfCache, hfRepo))}`;
}

/** The same as root, in a short-lived container on the same mount: vLLM's downloads belong to root. */
export function removeHfCacheAsRootCommand(hfCache: string, hfRepo: string): ShellCommand {
  const hub = shellArg.localPath(`${hfCache.replace(/\/$/, '')}/hub`);
  const inside = shellArg.localPath(`/hub/models--${hfRepo.replace('/', '--')}`);
  return command`docker run --rm --network none --entrypoint= -v ${hub}:/hub ${shellArg.container(VLLM_IMAGE)} rm -rf -- ${inside}`;
}

/** Checks every value of a model that will reach a remote shell, before anything runs (throws ShellValueError). */
export function checkShellValues(settings: Settings, model: ModelDef): void {
  const nodes = settings.sparks.slice(0, model.tensorParallel);
  for (const placement of resolvePlacements(settings)) {
    for (const generation of ['G1', 'G2'] as const) {
      launchCommands(settings, model, {
        placement,
        nodes,
        clusterIps: nodes.map(() => '192.0.2.1'),
        launcher: {
          generation,
          path: settings.vllm.launchScript,
          container: placement.container,
          masterPort: 29501,
          ownMasterPort: false,
          hfCache: '/',
        },
      });
    }
  }
}
