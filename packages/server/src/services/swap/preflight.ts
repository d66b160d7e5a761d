import {
  memoryShareOn,
  resolvePlacements,
  type ModelDef,
  type Placement,
  type PreflightLine,
  type Settings,
  type Spark,
} from '@spark-control/schema';
import type { CatalogStore } from '../catalog/catalog-store.js';
import type { ModelHub } from '../../adapters/huggingface.js';
import { clusterAddress } from '../sparks/cluster-address.js';
import type { SparkProbe } from '../sparks/probe.js';
import { imageIdCommand, workerSshCommand } from './commands.js';
import { checkModelSource, gib, type Report } from './model-source-check.js';
import { SwapFailure } from './errors.js';
import { launcherFor, needsClusterIps, VLLM_IMAGE, type LaunchPlan, type Launcher } from './launcher.js';
import { placementNodes, type VllmCluster } from './vllm-cluster.js';
import type { SettingsSource } from '../settings-source.js';

/** What vLLM preallocates when a served model is not in the catalog (its default utilisation). */
const UNKNOWN_MODEL_UTILISATION = 0.9;
/**
 * The ports a Ray head takes besides `ray start --port` (the launcher passes no others): the client
 * server's 10001, the dashboard's 8265 and its agent's 52365 (docs.ray.io, "ray start").
 */
const RAY_FIXED_PORTS = '10001, 8265 and 52365';

export interface PreflightDeps {
  cluster: VllmCluster;
  settings: SettingsSource;
  /** Names what the other placements on a Spark serve, for the memory they hold. */
  catalog: Pick<CatalogStore, 'byServedName'>;
  /** Asked whether a repo that is not downloaded yet is gated and how big it is; optional. */
  hub: ModelHub | undefined;
}

/** What the placement's model being served holds, so the memory check counts what the stop will free. */
export interface Served {
  previous: ModelDef | undefined;
  somethingServed: boolean;
}

export interface PreflightOutcome {
  plan: LaunchPlan;
  /** Bytes of unified memory each node must have free before the launch. */
  needs: Map<string, number>;
}

/**
 * Every check a swap makes before anything is stopped, each reported on its own line. A check that
 * finds a problem does not stop the others, so the owner sees everything at once; then the swap is
 * refused with cause `preflight` and the model being served is left alone.
 */
export class Preflight {
  constructor(private readonly deps: PreflightDeps) {}

  async run(
    model: ModelDef,
    placement: Placement,
    served: Served,
    report: (line: PreflightLine) => void,
    signal: AbortSignal,
    /** Probes taken moments ago (when the swap was asked for), by Spark id. */
    probed: ReadonlyMap<string, SparkProbe> = new Map(),
  ): Promise<PreflightOutcome> {
    const lines: PreflightLine[] = [];
    const add = (check: string, ok: boolean, detail: string) => {
      const line = { check, ok, detail };
      lines.push(line);
      report(line);
    };
    const settings = this.deps.settings.current;
    let nodes: Spark[];
    try {
      nodes = placementNodes(settings, placement, model.tensorParallel);
    } catch (error) {
      add(`Sparks for tensor parallel ${model.tensorParallel}`, false, (error as Error).message);
      throw refusal(lines);
    }
    const [head] = nodes as [Spark, ...Spark[]];
    const probes = new Map(probed);
    if (!probes.has(head.id)) probes.set(head.id, await this.deps.cluster.probe(head, signal));
    const launcher = launcherFor(probes.get(head.id) as SparkProbe, settings, placement, nodes.length);
    if ('problem' in launcher) {
      add(`launcher on ${head.label}`, false, `${launcher.problem} (vllm.launchScript)`);
      throw refusal(lines);
    }
    add(
      `launcher on ${head.label}`,
      true,
      `spark-vllm-docker ${launcher.generation} at ${launcher.path}, container ${launcher.container}${launcher.ownMasterPort ? `, master port ${launcher.masterPort}` : ''}`,
    );
    const clusterIps = needsClusterIps(launcher.generation, nodes.length)
      ? await this.#addresses(settings, nodes, probes, add, signal)
      : [];
    if (nodes.length > 1) {
      add(
        `Sparks for tensor parallel ${model.tensorParallel}`,
        true,
        `${nodes.map((node, index) => (index === 0 ? `${node.label} (head)` : node.label)).join(', ')} of ${settings.sparks.length} configured`,
      );
    }
    if (model.ray && nodes.length > 1) await this.#rayPorts(settings, placement, head, add, signal);
    await this.#images(nodes, add, signal);
    if (nodes.length > 1 && clusterIps.length === nodes.length)
      await this.#workerSsh(nodes, clusterIps, add, signal);
    await checkModelSource(this.deps, settings, model, nodes, launcher, add, signal);
    const needs = await this.#memory(settings, model, placement, nodes, served, add, signal);
    await this.#port(settings, placement, head, launcher, served, add, signal);
    if (lines.some((line) => !line.ok)) throw refusal(lines);
    return { plan: { placement, nodes, clusterIps, launcher }, needs };
  }

  async #addresses(
    settings: Settings,
    nodes: Spark[],
    probes: Map<string, SparkProbe>,
    add: Report,
    signal: AbortSignal,
  ): Promise<string[]> {
    const ips: string[] = [];
    const fetched = await Promise.all(
      nodes.map(async (node) => probes.get(node.id) ?? (await this.deps.cluster.probe(node, signal))),
    );
    nodes.forEach((node, index) => {
      probes.set(node.id, fetched[index] as SparkProbe);
      const address = clusterAddress(node, settings.sparks.indexOf(node), fetched[index] as SparkProbe);
      if (!address.ok) {
        add(`cluster address of ${node.label}`, false, `${address.field}: ${address.problem}`);
        return;
      }
      add(`cluster address of ${node.label}`, true, `${address.ip} (${address.source})`);
      ips.push(address.ip);
    });
    const [head] = nodes as [Spark];
    const localIp = probes.get(head.id)?.dotenv.LOCAL_IP;
    if (localIp && ips[0] && localIp !== ips[0]) {
      add(
        `LOCAL_IP of the launcher on ${head.label}`,
        false,
        `its .env sets LOCAL_IP=${localIp}, but -n would carry ${ips[0]}: the launcher would refuse ("Local IP (${localIp}) is not in the list of nodes"); make them agree`,
      );
    }
    return ips.length === nodes.length ? ips : [];
  }

  async #images(nodes: Spark[], add: Report, signal: AbortSignal): Promise<void> {
    const ids = await Promise.all(
      nodes.map(async (node) => {
        const result = await this.deps.cluster.run(node, imageIdCommand(), signal);
        return result.code === 0 ? result.stdout.trim() : '';
      }),
    );
    const [headId] = ids;
    const check = nodes.length > 1 ? 'image on every Spark' : `image on ${nodes[0]?.label ?? 'the head'}`;
    const missing = nodes.filter((_node, index) => !ids[index]);
    const different = nodes.filter((_node, index) => ids[index] && ids[index] !== headId);
    if (missing.length === 0 && different.length === 0) {
      add(
        check,
        true,
        `${VLLM_IMAGE} ${headId?.slice(0, 19) ?? ''}…${nodes.length > 1 ? ' everywhere' : ''}`,
      );
      return;
    }
    const problems = [
      ...missing.map((node) => `${VLLM_IMAGE} is not on ${node.label}`),
      ...different.map((node) => `${node.label} has ${ids[nodes.indexOf(node)]?.slice(0, 19) ?? ''}…`),
    ];
    add(
      check,
      false,
      `${problems.join('; ')} (the head has ${headId ? `${headId.slice(0, 19)}…` : 'none'}): run ./build-and-copy.sh -c on ${nodes[0]?.label ?? 'the head'} to build it and copy it to the workers`,
    );
  }

  async #workerSsh(nodes: Spark[], clusterIps: string[], add: Report, signal: AbortSignal): Promise<void> {
    const [head] = nodes as [Spark];
    for (const [index, worker] of nodes.entries()) {
      const ip = clusterIps[index];
      if (index === 0 || !ip) continue;
      const result = await this.deps.cluster.run(head, workerSshCommand(ip), signal);
      add(
        `SSH from ${head.label} to ${worker.label}`,
        result.code === 0,
        result.code === 0
          ? `${head.label} logs in to ${ip} with its own key`
          : `${head.label} cannot log in to ${ip} with its own key (${result.stderr.trim().split('\n').at(-1) ?? `exit ${String(result.code)}`}): run ssh-copy-id ${ip} as ${head.sshUser} on ${head.label}`,
      );
    }
  }

  async #memory(
    settings: Settings,
    model: ModelDef,
    placement: Placement,
    nodes: Spark[],
    served: Served,
    add: Report,
    signal: AbortSignal,
  ): Promise<Map<string, number>> {
    const needs = new Map<string, number>();
    const previousNodes = served.previous
      ? placementNodes(settings, placement, served.previous.tensorParallel)
      : nodes.slice(0, 1);
    const heldShare = served.previous
      ? memoryShareOn(placement, served.previous)
      : served.somethingServed
        ? (placement.memoryShare ?? UNKNOWN_MODEL_UTILISATION)
        : 0;
    const share = memoryShareOn(placement, model);
    const [memories, others] = await Promise.all([
      Promise.all(nodes.map((node) => this.deps.cluster.memory(node, signal))),
      Promise.all(nodes.map((node) => this.#othersOn(settings, placement, node, signal))),
    ]);
    nodes.forEach((node, index) => {
      const memory = memories[index] as { totalBytes: number; availableBytes: number };
      const need = share * memory.totalBytes;
      const held = previousNodes.some((spark) => spark.id === node.id) ? heldShare * memory.totalBytes : 0;
      const free = memory.availableBytes + held;
      const beside = (others[index] ?? [])
        .map(
          (other) => `placement ${other.id} holds ${gib(other.share * memory.totalBytes)} (${other.model})`,
        )
        .join(', ');
      const budget =
        placement.memoryShare === null
          ? `gpuMemoryUtilization ${share}`
          : `placement ${placement.id}'s memoryShare ${share}`;
      add(
        `memory on ${node.label}`,
        free >= need,
        free >= need
          ? `${gib(need)} needed, ${gib(free)} free once the current model stops${beside ? `; ${beside}` : ''}`
          : `${gib(need)} needed (${budget}) but only ${gib(free)} would be free${beside ? ` (${beside})` : ''}: lower ${placement.memoryShare === null ? 'gpuMemoryUtilization' : 'the memory share'} or stop what else runs there`,
      );
      needs.set(node.id, need);
    });
    return needs;
  }

  /** The other placements on a Spark that serve a model now, with the share of its memory they hold. */
  async #othersOn(
    settings: Settings,
    placement: Placement,
    node: Spark,
    signal: AbortSignal,
  ): Promise<{ id: string; model: string; share: number }[]> {
    const others = resolvePlacements(settings).filter(
      (other) => other.id !== placement.id && other.sparkIds.includes(node.id),
    );
    const held = await Promise.all(
      others.map(async (other) => {
        const head = settings.sparks.find((spark) => spark.id === other.sparkIds[0]);
        const [name] =
          (head ? await this.deps.cluster.servedModels(head, other.port, signal) : undefined) ?? [];
        if (name === undefined) return undefined;
        const served = this.deps.catalog.byServedName(name);
        const share = served
          ? memoryShareOn(other, served)
          : (other.memoryShare ?? UNKNOWN_MODEL_UTILISATION);
        return { id: other.id, model: served?.id ?? name, share };
      }),
    );
    return held.filter((entry) => entry !== undefined);
  }

  /** Two Ray heads on one Spark: the second cannot take the fixed ports the first holds. */
  async #rayPorts(
    settings: Settings,
    placement: Placement,
    head: Spark,
    add: Report,
    signal: AbortSignal,
  ): Promise<void> {
    const sameHead = resolvePlacements(settings).filter(
      (other) => other.id !== placement.id && other.sparkIds.length > 1 && other.sparkIds[0] === head.id,
    );
    const underRay = await Promise.all(
      sameHead.map(async (other) => {
        const [name] = (await this.deps.cluster.servedModels(head, other.port, signal)) ?? [];
        const served = name === undefined ? undefined : this.deps.catalog.byServedName(name);
        return served?.ray && served.tensorParallel > 1 ? `placement ${other.id} (${served.id})` : undefined;
      }),
    );
    const holders = underRay.filter((entry) => entry !== undefined);
    add(
      `Ray ports on ${head.label}`,
      holders.length === 0,
      holders.length === 0
        ? 'no other Ray head on this Spark'
        : `${holders.join(', ')} runs a Ray head here, which holds Ray's ports ${RAY_FIXED_PORTS}: turn off ray for one of the two models, or give one placement another head Spark`,
    );
  }

  async #port(
    settings: Settings,
    placement: Placement,
    head: Spark,
    launcher: Launcher,
    served: Served,
    add: Report,
    signal: AbortSignal,
  ): Promise<void> {
    const port = placement.port;
    const check = `port ${port} on ${head.label}`;
    let taken: boolean;
    try {
      taken = await this.deps.cluster.portTaken(head, port);
    } catch (error) {
      add(check, false, `sparks.${settings.sparks.indexOf(head)}.host: ${(error as Error).message}`);
      return;
    }
    if (!taken) {
      add(check, true, 'free');
      return;
    }
    const ours =
      served.somethingServed &&
      (await this.deps.cluster.containerState(head, launcher.container, signal)) === 'running';
    add(
      check,
      ours,
      ours
        ? `held by the model being served, which stops first`
        : `taken by a process other than the ${launcher.container} container: stop it, or change ${portField(settings, placement)}`,
    );
  }
}

/** The setting a placement's port comes from: `vllm.port` in the default layout. */
function portField(settings: Settings, placement: Placement): string {
  const index = settings.placements.findIndex((configured) => configured.id === placement.id);
  return index < 0 ? 'vllm.port' : `placements.${index}.port`;
}

/** The swap's end when checks failed: each failed check in the message, what it means in the hint. */
function refusal(lines: PreflightLine[]): SwapFailure {
  const failed = lines.filter((line) => !line.ok);
  return new SwapFailure(
    'preflight',
    failed.map((line) => `${line.check}: ${line.detail}`).join('; '),
    `Nothing was stopped; the model being served keeps serving. Fix ${failed.length === 1 ? 'this' : 'these'} and swap again.`,
  );
}
