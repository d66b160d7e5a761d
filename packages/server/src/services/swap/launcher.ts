import {
  masterPortOffset,
  resolvePlacements,
  type LauncherGeneration,
  type Placement,
  type Settings,
  type Spark,
} from '@spark-control/schema';
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
  /** Torch's master port or Ray's head port: G2's (`.env` MASTER_PORT over the default) plus the placement's offset; G1's Ray 6379. */
  masterPort: number;
  /** Whether the launch passes `--master-port` (a second multi-Spark placement on the same head). */
  ownMasterPort: boolean;
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

/**
 * The head's launcher for a placement's container as its probe describes it, or why it cannot be used.
 * `masterPortOffset` moves a multi-Spark launch's coordination port off another placement's (G2 only).
 */
export function launcherOf(
  probe: SparkProbe,
  placement: Pick<Placement, 'id' | 'container'>,
  masterPortOffset = 0,
): Launcher | { problem: string } {
  if ('problem' in probe.launcher) return { problem: probe.launcher.problem };
  const { generation, path } = probe.launcher;
  const home = probe.home.replace(/\/$/, '');
  if (generation === 'G1') {
    if (masterPortOffset > 0) {
      return {
        problem: `the G1 launcher always starts Ray on port 6379, which another multi-Spark placement on this head uses; placement ${placement.id} needs spark-vllm-docker G2 (its --master-port) or a head Spark of its own`,
      };
    }
    return {
      generation,
      path,
      container: placement.container,
      masterPort: 6379,
      ownMasterPort: false,
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
    masterPort: (Number(dotenv.MASTER_PORT) || 29501) + masterPortOffset,
    ownMasterPort: masterPortOffset > 0,
    hfCache: probe.hfHome || `${home}/.cache/huggingface`,
  };
}

/** The launcher of a launch on `nodeCount` of a placement's Sparks (a multi-Spark one gets its master port offset). */
export function launcherFor(
  probe: SparkProbe,
  settings: Settings,
  placement: Placement,
  nodeCount: number,
): Launcher | { problem: string } {
  const offset = nodeCount > 1 ? masterPortOffset(resolvePlacements(settings), placement) : 0;
  return launcherOf(probe, placement, offset);
}

/** The Hugging Face cache the head's launcher mounts (its own idea of it when the launcher is unusable). */
export function hfCacheOf(probe: SparkProbe): string {
  const launcher = launcherOf(probe, { id: 'default', container: DEFAULT_CONTAINER });
  return 'problem' in launcher
    ? probe.hfHome || `${probe.home.replace(/\/$/, '')}/.cache/huggingface`
    : launcher.hfCache;
}

/** Whether a launch on these nodes passes `-n` (and so needs every node's cluster address). */
export function needsClusterIps(generation: LauncherGeneration, nodeCount: number): boolean {
  return generation === 'G1' || nodeCount > 1;
}
