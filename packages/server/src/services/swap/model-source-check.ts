import type { ModelDef, Settings, Spark } from '@spark-control/schema';
import type { HubAnswer } from '../../adapters/huggingface.js';
import { ShellValueError, type ShellCommand } from '../../adapters/ssh/index.js';
import { localPathProblem } from '../catalog/model-paths.js';
import { parseDf } from '../sparks/parse.js';
import { diskFreeCommand, hfWeightsPresentCommand, modelDirectoryCommand } from './commands.js';
import type { Launcher } from './launcher.js';
import type { PreflightDeps } from './preflight.js';

/** Reports one preflight line. */
export type Report = (check: string, ok: boolean, detail: string) => void;

export const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;

/**
 * The model's files on every node that will run it: a local directory with a config.json, or Hugging Face
 * weights already in the cache the launcher mounts; when they are not, what the download needs (access to
 * a gated repo, disk space), as far as the Hub says.
 */
export async function checkModelSource(
  deps: Pick<PreflightDeps, 'cluster' | 'hub'>,
  settings: Settings,
  model: ModelDef,
  nodes: Spark[],
  launcher: Launcher,
  add: Report,
  signal: AbortSignal,
): Promise<void> {
  const [head] = nodes as [Spark];
  if (model.localPath) {
    const problem = localPathProblem(settings, head, model);
    if (problem) {
      add(`model on ${head.label}`, false, `localPath ${problem}`);
      return;
    }
    const check = modelDirectoryCommand(model.localPath);
    const results = await Promise.all(nodes.map((node) => deps.cluster.run(node, check, signal)));
    for (const [index, node] of nodes.entries()) {
      const found = results[index]?.code === 0;
      add(
        `model on ${node.label}`,
        found,
        found
          ? `${model.localPath} has a config.json`
          : `${model.localPath} on ${node.label} has no config.json${node === head ? '' : ': a tensor-parallel model must be at the same path on every Spark; copy it there'}`,
      );
    }
    return;
  }
  const repo = model.hfRepo ?? '';
  let check: ShellCommand;
  try {
    check = hfWeightsPresentCommand(launcher.hfCache, repo);
  } catch (error) {
    if (!(error instanceof ShellValueError)) throw error;
    add(
      `model on ${head.label}`,
      false,
      `the Hugging Face cache path ${launcher.hfCache} cannot be used: ${error.message}`,
    );
    return;
  }
  const results = await Promise.all(nodes.map((node) => deps.cluster.run(node, check, signal)));
  let asked: Promise<HubAnswer | undefined> | undefined;
  const askHub = () => (asked ??= deps.hub?.describe(repo, signal) ?? Promise.resolve(undefined));
  for (const [index, node] of nodes.entries()) {
    if (results[index]?.code === 0) {
      add(`model on ${node.label}`, true, `${repo} is in the Hugging Face cache (${launcher.hfCache})`);
      continue;
    }
    const hub = await askHub();
    if (hub?.kind === 'missing') {
      add(
        `model on ${node.label}`,
        false,
        `Hugging Face has no repo ${repo} (or it is private to another account)`,
      );
      continue;
    }
    if (hub?.kind === 'found' && hub.gated && !settings.vllm.hfToken) {
      add(
        `model on ${node.label}`,
        false,
        `${repo} is not downloaded yet and is gated: accept its licence on huggingface.co and set the Hugging Face token (vllm.hfToken) in Configure Sparks`,
      );
      continue;
    }
    const size = hub?.kind === 'found' ? hub.sizeBytes : undefined;
    if (size !== undefined) {
      const disk = parseDf((await deps.cluster.run(node, diskFreeCommand(launcher.hfCache), signal)).stdout);
      if (disk && disk.freeBytes < size) {
        add(
          `model on ${node.label}`,
          false,
          `${repo} needs ${gib(size)} to download but ${node.label} has ${gib(disk.freeBytes)} free in ${disk.path}`,
        );
        continue;
      }
    }
    add(
      `model on ${node.label}`,
      true,
      `${repo} is not downloaded yet; vLLM will download it${size !== undefined ? ` (${gib(size)})` : hub === undefined ? ' (size and access not checked: huggingface.co did not answer)' : ''}${settings.vllm.hfToken ? '' : ', without a Hugging Face token'}`,
    );
  }
}
