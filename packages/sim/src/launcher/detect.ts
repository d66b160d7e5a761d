import type { LauncherGeneration, SparkContext } from '../layout.js';
import { inetCidr, sparkInterfaces } from '../network.js';
import { out } from './shell.js';
import type { NodeShell } from './shell.js';

/** What autodiscover.sh works out (or is given): interfaces, this node's cluster IP, the nodes. */
export interface Detection {
  ethIf: string;
  ibIf: string;
  localIp: string;
  /** `-n`, `.env` CLUSTER_NODES or the scan result, as the comma-separated text the script keeps. */
  nodesArg: string;
  peers: string[];
  cidr: string;
}

/** Up ConnectX pairs as `ibdev2netdev | awk '/Up\)/ {print $1 " " $5}'` gives them. */
function upPairs(context: SparkContext): { ibdev: string; netdev: string }[] {
  return sparkInterfaces(context)
    .filter((entry) => entry.ibdev && entry.operstate === 'UP')
    .map((entry) => ({ ibdev: entry.ibdev ?? '', netdev: entry.ifname }));
}

const hasInet = (context: SparkContext, netdev: string) => inetCidr(context, netdev) !== undefined;

/** autodiscover.sh `detect_interfaces`; false after printing the error the script prints. */
export function detectInterfaces(
  context: SparkContext,
  generation: LauncherGeneration,
  detection: Detection,
): boolean {
  if (detection.ethIf && detection.ibIf) return true;
  out('Auto-detecting interfaces...');
  const pairs = upPairs(context);
  if (pairs.length === 0) {
    out('Error: No active IB interfaces found.');
    return false;
  }
  if (generation === 'G2') {
    for (const { netdev } of pairs) {
      if (netdev.startsWith('enp') && !netdev.includes('P') && !hasInet(context, netdev)) {
        out(`Error: Interface ${netdev} (enp*, no capital P) is Up but has no IP address assigned.`);
        return false;
      }
    }
    if (pairs.length !== 2 && pairs.length !== 4) {
      out(
        `Error: Unexpected number of active CX7 interfaces (${pairs.length}). Expected 2 (non-mesh) or 4 (mesh).`,
      );
      return false;
    }
    out(
      pairs.length === 2
        ? '  Non-mesh mode: 2 CX7 interfaces active.'
        : '  Mesh mode: all 4 CX7 interfaces active.',
    );
  }
  if (!detection.ibIf) {
    detection.ibIf = pairs.map((pair) => pair.ibdev).join(',');
    out(`  Detected IB_IF: ${detection.ibIf}`);
  }
  if (!detection.ethIf) {
    const candidates = pairs.map((pair) => pair.netdev).filter((netdev) => hasInet(context, netdev));
    const selected = candidates.find((netdev) => !netdev.includes('P')) ?? candidates[0];
    if (!selected) {
      out('Error: No active IB-associated interfaces have IP addresses.');
      return false;
    }
    detection.ethIf = selected;
    out(`  Detected ETH_IF: ${detection.ethIf}`);
  }
  return true;
}

/** `detect_local_ip`: the IPv4 address of ETH_IF, unless LOCAL_IP is set. */
export function detectLocalIp(
  context: SparkContext,
  generation: LauncherGeneration,
  detection: Detection,
): boolean {
  if (detection.localIp) return true;
  if (!detection.ethIf && !detectInterfaces(context, generation, detection)) return false;
  const cidr = inetCidr(context, detection.ethIf);
  if (!cidr) {
    out(`Error: Could not determine IP/CIDR for interface ${detection.ethIf}`);
    return false;
  }
  detection.cidr = cidr;
  detection.localIp = cidr.slice(0, cidr.indexOf('/'));
  out(`  Detected Local IP: ${detection.localIp} (${cidr})`);
  return true;
}

const trimmed = (text: string) =>
  text
    .split(',')
    .map((node) => node.trim())
    .filter(Boolean);

/** Same /24 as the cluster subnets the simulation uses. */
function inSubnet(cidr: string, ip: string): boolean {
  const prefix = cidr.slice(0, cidr.lastIndexOf('.'));
  return ip.startsWith(`${prefix}.`);
}

/**
 * `detect_nodes`: the given list, `.env` CLUSTER_NODES (G2), or a scan of the cluster subnet for hosts
 * answering SSH (G1) that also report an NVIDIA GB10 (G2).
 */
export async function detectNodes(
  shell: NodeShell,
  generation: LauncherGeneration,
  detection: Detection,
  dotenvNodes: string | undefined,
): Promise<boolean> {
  const { context } = shell;
  if (!detectLocalIp(context, generation, detection)) return false;
  if (detection.nodesArg) {
    detection.peers = trimmed(detection.nodesArg).filter((node) => node !== detection.localIp);
    return true;
  }
  if (generation === 'G2' && dotenvNodes) {
    out(`  Using CLUSTER_NODES from .env: ${dotenvNodes}`);
    detection.peers = trimmed(dotenvNodes).filter((node) => node !== detection.localIp);
    detection.nodesArg = dotenvNodes;
    return true;
  }
  if (generation === 'G2') out(`Auto-detecting nodes on ${detection.cidr} (checking for NVIDIA GB10)...`);
  else {
    out('Auto-detecting nodes...');
    out(`  Scanning for SSH peers on ${detection.cidr}...`);
  }
  const candidates = context.config.sparks
    .map((spark) => spark.clusterIp)
    .filter((ip) => ip !== detection.localIp && inSubnet(detection.cidr, ip));
  const found: string[] = [];
  for (const ip of candidates) {
    const probe = await shell.ssh(ip, 'nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null');
    if (probe.code === 255) continue;
    if (generation === 'G2' && !probe.stdout.includes('NVIDIA GB10')) continue;
    found.push(ip);
    out(generation === 'G2' ? `  Found GB10 peer: ${ip}` : `  Found peer: ${ip}`);
  }
  detection.peers = found.sort();
  detection.nodesArg = [detection.localIp, ...found].sort().join(',');
  out(`  Cluster Nodes: ${detection.nodesArg}`);
  return true;
}

/** The node list as the script splits it, each entry trimmed. */
export function allNodes(detection: Detection): string[] {
  return trimmed(detection.nodesArg);
}
