import type { LauncherGeneration, Placement, Spark } from '@spark-control/schema';
import type { SparkProbe } from '../sparks/probe.js';

/** The image spark-vllm-docker builds and runs (`-t` default); the controller never passes another. */
export const VLLM_IMAGE = 'vllm-node';
const DEFAULT_CONTAINER = 'vllm_node';

/** The launch script on the head, with what it will really do (its `.env` included). */
export interface Launcher {
  generation: LauncherGeneration;
  path: string;
  /** The container name on every node: G2's `.env` CONTAINER_NAME replaces a `--name` equal to the default. */
  container: string;
  /** Torch's master port (G2, `.env` MASTER_PORT over the default) or Ray's head port (G1). */
  masterPort: number;
  /** The Hugging Face cache it mounts, expanded on the head; workers get the same path string. */
  hfCache: string;
}

/** What a launch needs: the placement, the model's nodes (head first), their cluster addresses, the launcher. */
export interface LaunchPlan {
  placement: Placement;
  nodes: Spark[];
  /** One per node; empty for a G2 solo launch, which needs none. */
  clusterIps: string[];
  launcher: Launcher;
}

/** The head's launcher for a placement's container as its probe describes it, or why it cannot be used. */
export function launcherOf(
  probe: SparkProbe,
  placement: Pick<Placement, 'container'>,
): Launcher | { problem: string } {
  if ('problem' in probe.launcher) return { problem: probe.launcher.problem };
  const { generation, path } = probe.launcher;
  const home = probe.home.replace(/\/$/, '');
  if (generation === 'G1') {
    return {
      generation,
      path,
      container: placement.container,
      masterPort: 6379,
      hfCache: `${home}/.cache/huggingface`,
    };
  }
  const dotenv = probe.dotenv;
  return {
    generation,
    path,
    container:
      placement.container === DEFAULT_CONTAINER && dotenv.CONTAINER_NAME
        ? dotenv.CONTAINER_NAME
        : placement.container,
    masterPort: Number(dotenv.MASTER_PORT) || 29501,
    hfCache: probe.hfHome || `${home}/.cache/huggingface`,
  };
}

/** The Hugging Face cache the head's launcher mounts (its own idea of it when the launcher is unusable). */
export function hfCacheOf(probe: SparkProbe): string {
  const launcher = launcherOf(probe, { container: DEFAULT_CONTAINER });
  return 'problem' in launcher
    ? probe.hfHome || `${probe.home.replace(/\/$/, '')}/.cache/huggingface`
    : launcher.hfCache;
}

/** Whether a launch on these nodes passes `-n` (and so needs every node's cluster address). */
export function needsClusterIps(generation: LauncherGeneration, nodeCount: number): boolean {
  return generation === 'G1' || nodeCount > 1;
}
