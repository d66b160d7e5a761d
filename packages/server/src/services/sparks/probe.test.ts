import { parseSettings, type Spark } from '@spark-control/schema';
import { describe, expect, it } from 'vitest';
import { clusterAddress } from './cluster-address.js';
import { parseProbe, probeCommand, type SparkProbe } from './probe.js';

const IP_JSON = JSON.stringify([
  {
    ifname: 'lo',
    operstate: 'UNKNOWN',
    flags: ['LOOPBACK', 'UP', 'LOWER_UP'],
    addr_info: [{ family: 'inet', local: '127.0.0.1' }],
  },
  {
    ifname: 'enP7s7',
    operstate: 'UP',
    flags: ['UP', 'LOWER_UP'],
    addr_info: [{ family: 'inet', local: '192.168.1.21' }],
  },
  {
    ifname: 'enp1s0f0np0',
    operstate: 'UP',
    flags: ['UP', 'LOWER_UP'],
    addr_info: [{ family: 'inet', local: '192.168.177.11' }],
  },
  { ifname: 'enp1s0f1np1', operstate: 'DOWN', flags: ['NO-CARRIER', 'UP'], addr_info: [] },
  {
    ifname: 'enP2p1s0f0np0',
    operstate: 'UP',
    flags: ['UP', 'LOWER_UP'],
    addr_info: [{ family: 'inet', local: '169.254.3.4' }],
  },
  {
    ifname: 'wg0',
    operstate: 'UNKNOWN',
    flags: ['POINTOPOINT', 'UP', 'LOWER_UP'],
    addr_info: [{ family: 'inet', local: '10.8.0.1' }],
  },
]);
const RDMA = [
  'rocep1s0f0 port 1 ==> enp1s0f0np0 (Up)',
  'rocep1s0f1 port 1 ==> enp1s0f1np1 (Down)',
  'roceP2p1s0f0 port 1 ==> enP2p1s0f0np0 (Up)',
].join('\n');
const G2_USAGE =
  'Usage: ./launch-cluster.sh [-n <node_ips>] [-t <image_name>] [--name <container_name>] [--check-config] [--solo] [--ray|--no-ray] [-d] [action] [command]\n  -n, --nodes     Comma-separated list of node IPs';
const G1_USAGE =
  'Usage: ./launch-cluster.sh [-n <node_ips>] [-t <image_name>] [--name <container_name>] [--check-config] [-d] [action] [command]\n  -n, --nodes     Comma-separated list of node IPs';

function output(parts: { ip?: string; rdma?: string; usage?: string; env?: string }): string {
  return [
    parts.ip ?? IP_JSON,
    '@@sc:rdma',
    parts.rdma ?? RDMA,
    '@@sc:paths',
    '/home/spark',
    '',
    '@@sc:launcher',
    parts.usage ?? G2_USAGE,
    '@@sc:env',
    parts.env ?? '',
  ].join('\n');
}

const spark = (clusterIp = ''): Spark => {
  const result = parseSettings({ sparks: [{ id: 'spark1', host: '192.168.1.21', clusterIp }] });
  if (!result.success) throw new Error(result.errors.join());
  return result.settings.sparks[0]!;
};
const address = (probe: SparkProbe, clusterIp = '') => clusterAddress(spark(clusterIp), 0, probe);

describe('the Spark probe', () => {
  it('tells the launcher generations apart by --solo in the usage, and reads .env as G2 does', () => {
    const g2 = parseProbe(
      output({ env: 'CONTAINER_NAME="vllm_custom"\n# a comment\nMASTER_PORT=29600\n' }),
      '~/l.sh',
    );
    expect(g2.launcher).toEqual({ path: '~/l.sh', generation: 'G2' });
    expect(g2.dotenv).toEqual({ CONTAINER_NAME: 'vllm_custom', MASTER_PORT: '29600' });
    expect(g2.home).toBe('/home/spark');
    expect(parseProbe(output({ usage: G1_USAGE }), '~/l.sh').launcher).toEqual({
      path: '~/l.sh',
      generation: 'G1',
    });
    expect(parseProbe(output({ usage: '@@missing' }), '~/l.sh').launcher).toEqual({
      path: '~/l.sh',
      problem: '~/l.sh is missing or not executable',
    });
    expect(parseProbe(output({ usage: 'bash: syntax error' }), '~/l.sh').launcher).toMatchObject({
      problem: expect.stringContaining("does not print spark-vllm-docker's usage") as unknown,
    });
  });

  it('reads .env beside the launch script', () => {
    const settings = parseSettings({ vllm: { launchScript: '/opt/svd/launch-cluster.sh' } });
    if (!settings.success) throw new Error('settings');
    expect(probeCommand(settings.settings).text).toContain(`cat '/opt/svd/.env' 2>/dev/null`);
  });

  it('finds the cluster address on the ConnectX port, preferring enp… over enP…', () => {
    expect(address(parseProbe(output({}), 'l'))).toEqual({
      ok: true,
      ip: '192.168.177.11',
      source: 'enp1s0f0np0',
    });
    // Without ibdev2netdev, ports are known by their ConnectX names.
    expect(address(parseProbe(output({ rdma: '@@absent' }), 'l'))).toMatchObject({ ip: '192.168.177.11' });
  });

  it("takes the launcher's .env LOCAL_IP or ETH_IF first", () => {
    expect(address(parseProbe(output({ env: 'LOCAL_IP=169.254.3.4' }), 'l'))).toEqual({
      ok: true,
      ip: '169.254.3.4',
      source: '.env LOCAL_IP',
    });
    expect(address(parseProbe(output({ env: 'ETH_IF=enP2p1s0f0np0' }), 'l'))).toMatchObject({
      ip: '169.254.3.4',
    });
  });

  it('checks an address set by hand against the Spark', () => {
    const probe = parseProbe(output({}), 'l');
    expect(address(probe, '192.168.177.11')).toEqual({ ok: true, ip: '192.168.177.11', source: 'settings' });
    expect(address(probe, '10.9.9.9')).toEqual({
      ok: false,
      field: 'sparks.0.clusterIp',
      problem: expect.stringMatching(
        /^10\.9\.9\.9 is not an address of spark1 \(it has .*192\.168\.177\.11 on enp1s0f0np0/,
      ) as unknown,
    });
  });

  it('says the ConnectX link is down when no port has carrier', () => {
    const down = JSON.parse(IP_JSON) as { ifname: string; operstate: string }[];
    for (const entry of down)
      if (entry.ifname.startsWith('enp') || entry.ifname.startsWith('enP2')) entry.operstate = 'DOWN';
    const probe = parseProbe(
      output({ ip: JSON.stringify(down), rdma: RDMA.replaceAll('(Up)', '(Down)') }),
      'l',
    );
    expect(address(probe)).toEqual({
      ok: false,
      field: 'sparks.0.clusterIp',
      problem: expect.stringMatching(
        /^the ConnectX link of spark1 is down \(enp1s0f0np0, enp1s0f1np1, enP2p1s0f0np0\)/,
      ) as unknown,
    });
    expect(address(probe, '192.168.177.11')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('whose link is down') as unknown,
    });
  });
});
