import { EXTRA_ARG_RULES, type ModelDef, type Settings, type Spark } from '@spark-control/schema';
import { command, shellArg, type ShellCommand } from '../../adapters/ssh/index.js';

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

/** `--solo` for Spark 1 alone, `-n head,worker` for both (head first, as the script requires). */
function nodesOption(nodes: readonly Spark[]): ShellCommand {
  const [head, worker] = nodes;
  if (!head) throw new Error('no vLLM node configured');
  if (!worker) return command`--solo`;
  return command`-n ${shellArg.host(head.host)},${shellArg.host(worker.host)}`;
}

function launcher(settings: Settings): ShellCommand {
  return command`${shellArg.remotePath(settings.vllm.launchScript)} --name ${shellArg.container(settings.vllm.container)}`;
}

/** Stops the vLLM containers on the head and, for two nodes, the worker. */
export function stopCommand(settings: Settings, nodes: readonly Spark[]): ShellCommand {
  return command`${launcher(settings)} ${nodesOption(nodes)} stop`;
}

/** The `vllm serve …` arguments of a catalog entry. */
export function serveArguments(settings: Settings, model: ModelDef): ShellCommand {
  const source = model.localPath
    ? shellArg.localPath(containerModelPath(model.localPath))
    : shellArg.modelId(model.hfRepo ?? '');
  const options = model.vllm;
  const parts: ShellCommand[] = [
    command`vllm serve ${source} --host 0.0.0.0 --port ${shellArg.port(settings.vllm.port)}`,
    command`--served-model-name ${shellArg.servedName(model.servedName)}`,
    command`-tp ${model.tensorParallel} --gpu-memory-utilization ${options.gpuMemoryUtilization}`,
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

/**
 * Starts the model detached (`-d exec`): the script starts the containers, dispatches `vllm
 * serve` with its output into `docker logs`, and exits at once. A local model is bind-mounted
 * read-only through VLLM_SPARK_EXTRA_DOCKER_ARGS.
 */
export function launchCommand(settings: Settings, model: ModelDef, nodes: readonly Spark[]): ShellCommand {
  const launch = join([
    launcher(settings),
    nodesOption(nodes),
    ...(model.ray ? [command`--ray`] : []),
    command`-d exec`,
    serveArguments(settings, model),
  ]);
  if (!model.localPath) return launch;
  const mount = shellArg.envAssignment(
    'VLLM_SPARK_EXTRA_DOCKER_ARGS',
    `-v ${model.localPath}:${containerModelPath(model.localPath)}:ro`,
  );
  return command`${mount} ${launch}`;
}

/** Follows the vLLM container's log from its start until it stops or the reader aborts. */
export function followLogsCommand(settings: Settings): ShellCommand {
  return command`docker logs -f ${shellArg.container(settings.vllm.container)}`;
}

export function containerStateCommand(settings: Settings): ShellCommand {
  return command`docker inspect -f '{{.State.Status}}' ${shellArg.container(settings.vllm.container)}`;
}

export function memInfoCommand(): ShellCommand {
  return command`cat /proc/meminfo`;
}

export function directoryExistsCommand(path: string): ShellCommand {
  return command`test -d ${shellArg.localPath(path)}`;
}

/** The Hugging Face cache directory of a downloaded model (`models--Org--Name`). */
export function removeHfCacheCommand(hfRepo: string): ShellCommand {
  const cacheName = `models--${hfRepo.replace('/', '--')}`;
  const directory = shellArg.remotePath(`~/.cache/huggingface/hub/${cacheName}`);
  return command`rm -rf -- ${directory}`;
}
