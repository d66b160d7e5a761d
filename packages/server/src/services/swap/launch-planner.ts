import type { ModelDef, Placement, Spark } from '@spark-control/schema';
import { resolveHost } from '../health/resolve.js';
import { clusterAddress } from '../sparks/cluster-address.js';
import type { SparkProbe } from '../sparks/probe.js';
import { DomainError } from '../domain-error.js';
import { SwapFailure } from './errors.js';
import { launcherFor, needsClusterIps, type LaunchPlan } from './launcher.js';
import { placementNodes, type VllmCluster } from './vllm-cluster.js';
import type { SettingsSource } from '../settings-source.js';

/** Works out how a model is launched (nodes, cluster addresses, launcher) from fresh probes of the Sparks. */
export class LaunchPlanner {
  private readonly cluster: VllmCluster;
  private readonly settings: SettingsSource;

  constructor(options: { cluster: VllmCluster; settings: SettingsSource }) {
    this.cluster = options.cluster;
    this.settings = options.settings;
  }

  /** The launch plan of a model on a placement without the checks: a rollback to the model served before, a restart. */
  async plan(model: ModelDef, placement: Placement, signal: AbortSignal): Promise<LaunchPlan> {
    const settings = this.settings.current;
    const nodes = placementNodes(settings, placement, model.tensorParallel);
    const [head] = nodes as [Spark, ...Spark[]];
    const headProbe = await this.cluster.probe(head, signal);
    const launcher = launcherFor(headProbe, settings, placement, nodes.length);
    if ('problem' in launcher) throw new SwapFailure('preflight', launcher.problem);
    if (!needsClusterIps(launcher.generation, nodes.length))
      return { placement, nodes, clusterIps: [], launcher };
    const clusterIps: string[] = [];
    for (const node of nodes) {
      const probe = node === head ? headProbe : await this.cluster.probe(node, signal);
      const address = clusterAddress(node, settings.sparks.indexOf(node), probe);
      if (!address.ok) throw new SwapFailure('bad_args', `${address.field}: ${address.problem}`);
      clusterIps.push(address.ip);
    }
    return { placement, nodes, clusterIps, launcher };
  }

  /**
   * Settings that make the swap impossible, refused before a swap exists (`VALIDATION_FAILED`, naming the setting): a Spark host that does not
   * resolve, a ConnectX link that is down, a cluster address that is not on its Spark. A Spark that
   * cannot be asked is left to the preflight, which reports it. Returns the probes, fresh for the preflight.
   */
  async refuseBadSettings(model: ModelDef, placement: Placement): Promise<Map<string, SparkProbe>> {
    const settings = this.settings.current;
    const fresh = new Map<string, SparkProbe>();
    let nodes: Spark[];
    try {
      nodes = placementNodes(settings, placement, model.tensorParallel);
    } catch {
      return fresh;
    }
    for (const node of nodes) {
      const index = settings.sparks.indexOf(node);
      try {
        await resolveHost(node.host);
      } catch (error) {
        throw new DomainError(
          'VALIDATION_FAILED',
          `sparks.${index}.host: ${node.label}: ${(error as Error).message}`,
        );
      }
    }
    const signal = AbortSignal.timeout(8000);
    let probes: SparkProbe[];
    try {
      probes = await Promise.all(nodes.map((node) => this.cluster.probe(node, signal)));
    } catch {
      return fresh;
    }
    nodes.forEach((node, position) => fresh.set(node.id, probes[position] as SparkProbe));
    const launcher = launcherFor(probes[0] as SparkProbe, settings, placement, nodes.length);
    if ('problem' in launcher || !needsClusterIps(launcher.generation, nodes.length)) return fresh;
    nodes.forEach((node, position) => {
      const address = clusterAddress(node, settings.sparks.indexOf(node), probes[position] as SparkProbe);
      if (!address.ok) throw new DomainError('VALIDATION_FAILED', `${address.field}: ${address.problem}`);
    });
    return fresh;
  }
}
