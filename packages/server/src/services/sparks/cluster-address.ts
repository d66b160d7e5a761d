import type { Spark } from '@spark-control/schema';
import type { NetInterface, SparkProbe } from './probe.js';

/** A Spark's cluster address, or why there is none; `field` is the setting the owner can fix. */
export type ClusterAddress =
  { ok: true; ip: string; source: string } | { ok: false; field: string; problem: string };

/** ConnectX-7 netdevs on a DGX Spark: enp1s0f0np0, enp1s0f1np1, enP2p1s0f0np0, enP2p1s0f1np1. */
const CONNECTX = /^en[pP]\d+(?:p\d+)?s\d+f\d+np\d+$/;

function describe(interfaces: NetInterface[]): string {
  const listed = interfaces
    .filter((entry) => entry.ipv4.length > 0 && entry.name !== 'lo')
    .map((entry) => `${entry.ipv4.join(', ')} on ${entry.name}${entry.up ? '' : ' (down)'}`);
  return listed.length > 0 ? listed.join('; ') : 'none';
}

/** The ConnectX netdevs: those `ibdev2netdev` maps, or (without the tool) those named like ConnectX ports. */
function connectx(probe: SparkProbe): NetInterface[] {
  const names = probe.rdma?.map((entry) => entry.netdev);
  return probe.interfaces.filter((entry) => (names ? names.includes(entry.name) : CONNECTX.test(entry.name)));
}

/**
 * The address spark-vllm-docker's autodetection gives a Spark (the IPv4 address of its ConnectX port,
 * preferring `enp…` over `enP…`, or the launcher's `.env`), or `sparks[].clusterIp` once it is checked
 * to be on one of the Spark's up interfaces.
 */
export function clusterAddress(spark: Spark, index: number, probe: SparkProbe): ClusterAddress {
  const field = `sparks.${index}.clusterIp`;
  const withAddress = (ip: string) => probe.interfaces.find((entry) => entry.ipv4.includes(ip));
  if (spark.clusterIp) {
    const carrier = withAddress(spark.clusterIp);
    if (!carrier)
      return {
        ok: false,
        field,
        problem: `${spark.clusterIp} is not an address of ${spark.label} (it has ${describe(probe.interfaces)})`,
      };
    if (!carrier.up)
      return {
        ok: false,
        field,
        problem: `${spark.clusterIp} is on ${carrier.name} of ${spark.label}, whose link is down: check the ConnectX cable`,
      };
    return { ok: true, ip: spark.clusterIp, source: 'settings' };
  }
  const localIp = probe.dotenv.LOCAL_IP;
  if (localIp && withAddress(localIp)?.up) return { ok: true, ip: localIp, source: '.env LOCAL_IP' };
  const ports = connectx(probe);
  const named = probe.dotenv.ETH_IF
    ? probe.interfaces.filter((entry) => entry.name === probe.dotenv.ETH_IF)
    : [];
  const candidates = (named.length > 0 ? named : ports).filter((entry) => entry.up && entry.ipv4.length > 0);
  const chosen = candidates.find((entry) => !entry.name.includes('P')) ?? candidates[0];
  if (chosen?.ipv4[0]) return { ok: true, ip: chosen.ipv4[0], source: chosen.name };
  if (ports.length > 0 && ports.every((entry) => !entry.up))
    return {
      ok: false,
      field,
      problem: `the ConnectX link of ${spark.label} is down (${ports.map((entry) => entry.name).join(', ')}): check the cable between the Sparks, or set the address by hand`,
    };
  return {
    ok: false,
    field,
    problem: `${spark.label} has no ConnectX port with an IPv4 address (it has ${describe(probe.interfaces)}); set its cluster address by hand`,
  };
}
