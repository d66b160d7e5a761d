import { readFaults } from './faults.js';
import type { SparkContext, SparkInfo } from './layout.js';

/** One network interface of a simulated Spark, as `ip -j addr` reports it. */
export interface SimInterface {
  ifname: string;
  flags: string[];
  mtu: number;
  operstate: 'UP' | 'DOWN' | 'UNKNOWN';
  link_type: string;
  address?: string;
  addr_info: { family: 'inet' | 'inet6'; local: string; prefixlen: number; scope: string; label?: string }[];
  /** The RDMA device `ibdev2netdev` maps to this netdev (ConnectX ports only). */
  ibdev?: string;
}

const up = ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'];
const noCarrier = ['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'UP'];

/**
 * A DGX Spark's interfaces: `enP7s7` on the LAN (the Spark's simulated address), the four ConnectX-7 netdevs
 * of which the cabled port's two halves are up (`enp1s0f0np0` carries the cluster IP), and `wg0` on the first
 * Spark. The `cx7LinkDown` fault takes the cable out: both halves lose carrier, the address stays configured.
 */
export function sparkInterfaces(context: SparkContext, spark: SparkInfo = context.spark): SimInterface[] {
  const index = context.config.sparks.findIndex((candidate) => candidate.id === spark.id);
  const mac = (prefix: string) => `4c:bb:47:2e:${prefix}:${(index + 1).toString(16).padStart(2, '0')}`;
  const linked = !readFaults(spark.stateDir).cx7LinkDown;
  const cx7 = (ifname: string, ibdev: string, cabled: boolean, address?: string): SimInterface => ({
    ifname,
    flags: cabled && linked ? up : noCarrier,
    mtu: cabled ? 9000 : 1500,
    operstate: cabled && linked ? 'UP' : 'DOWN',
    link_type: 'ether',
    address: mac(ibdev.endsWith('f0') ? '20' : '30'),
    addr_info: address
      ? [{ family: 'inet', local: address, prefixlen: 24, scope: 'global', label: ifname }]
      : [],
    ibdev,
  });
  const interfaces: SimInterface[] = [
    {
      ifname: 'lo',
      flags: ['LOOPBACK', 'UP', 'LOWER_UP'],
      mtu: 65536,
      operstate: 'UNKNOWN',
      link_type: 'loopback',
      address: '00:00:00:00:00:00',
      addr_info: [{ family: 'inet', local: '127.0.0.1', prefixlen: 8, scope: 'host', label: 'lo' }],
    },
    {
      ifname: 'enP7s7',
      flags: up,
      mtu: 1500,
      operstate: 'UP',
      link_type: 'ether',
      address: mac('10'),
      addr_info: [{ family: 'inet', local: spark.host, prefixlen: 24, scope: 'global', label: 'enP7s7' }],
    },
    cx7('enp1s0f0np0', 'rocep1s0f0', true, spark.clusterIp),
    cx7('enp1s0f1np1', 'rocep1s0f1', false),
    cx7('enP2p1s0f0np0', 'roceP2p1s0f0', true),
    cx7('enP2p1s0f1np1', 'roceP2p1s0f1', false),
  ];
  if (index === 0) {
    interfaces.push({
      ifname: 'wg0',
      flags: ['POINTOPOINT', 'NOARP', 'UP', 'LOWER_UP'],
      mtu: 1420,
      operstate: 'UNKNOWN',
      link_type: 'none',
      addr_info: [{ family: 'inet', local: '10.8.0.1', prefixlen: 24, scope: 'global', label: 'wg0' }],
    });
  }
  return interfaces;
}

/** `ibdev2netdev` output: one line per RDMA device. */
export function ibdev2netdevLines(context: SparkContext): string[] {
  return sparkInterfaces(context)
    .filter((entry) => entry.ibdev)
    .map(
      (entry) =>
        `${entry.ibdev ?? ''} port 1 ==> ${entry.ifname} (${entry.operstate === 'UP' ? 'Up' : 'Down'})`,
    );
}

/** The first IPv4 address with prefix of an interface (`ip -o -f inet addr show IF`), if any. */
export function inetCidr(context: SparkContext, ifname: string): string | undefined {
  const entry = sparkInterfaces(context).find((candidate) => candidate.ifname === ifname);
  const info = entry?.addr_info.find((candidate) => candidate.family === 'inet');
  return info ? `${info.local}/${info.prefixlen}` : undefined;
}

/** Whether this Spark can reach `target` over the ConnectX network (both cables in). */
export function clusterLinkUp(context: SparkContext, target: SparkInfo): boolean {
  return !readFaults(context.spark.stateDir).cx7LinkDown && !readFaults(target.stateDir).cx7LinkDown;
}
