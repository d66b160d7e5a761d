import { sparkContextFromEnv } from '../layout.js';

// The fake `ip`: `ip [-br|-j] addr`, with the Spark's LAN address, ConnectX links and wg0 on the first Spark.
const context = sparkContextFromEnv();
const args = process.argv.slice(2);
const index = context.config.sparks.findIndex((spark) => spark.id === context.spark.id);

interface Interface {
  ifname: string;
  flags: string[];
  mtu: number;
  operstate: string;
  link_type: string;
  address?: string;
  addr_info: { family: 'inet' | 'inet6'; local: string; prefixlen: number; scope: string; label?: string }[];
}

const interfaces: Interface[] = [
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
    flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'],
    mtu: 1500,
    operstate: 'UP',
    link_type: 'ether',
    address: `4c:bb:47:2e:10:${(index + 1).toString(16).padStart(2, '0')}`,
    addr_info: [
      { family: 'inet', local: context.spark.host, prefixlen: 24, scope: 'global', label: 'enP7s7' },
    ],
  },
  {
    ifname: 'enp1s0f0np0',
    flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'],
    mtu: 9000,
    operstate: 'UP',
    link_type: 'ether',
    address: `4c:bb:47:2e:20:${(index + 1).toString(16).padStart(2, '0')}`,
    addr_info: [
      {
        family: 'inet',
        local: `192.168.177.${11 + index}`,
        prefixlen: 24,
        scope: 'global',
        label: 'enp1s0f0np0',
      },
    ],
  },
  {
    ifname: 'enP2p1s0f1np1',
    flags: ['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'UP'],
    mtu: 1500,
    operstate: 'DOWN',
    link_type: 'ether',
    address: `4c:bb:47:2e:30:${(index + 1).toString(16).padStart(2, '0')}`,
    addr_info: [],
  },
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

const objects = args.filter((arg) => !arg.startsWith('-'));
const object = objects[0] ?? '';
if (!['a', 'addr', 'address', 'l', 'link'].includes(object)) {
  process.stderr.write(`Object "${object}" is unknown, try "ip help".\n`);
  process.exitCode = 1;
} else {
  const link = object === 'l' || object === 'link';
  const selected =
    objects[1] === 'show' && objects[2]
      ? interfaces.filter((entry) => entry.ifname === objects[2])
      : interfaces;
  if (args.includes('-j') || args.includes('-json')) {
    process.stdout.write(
      `${JSON.stringify(selected.map((entry, position) => ({ ifindex: position + 1, ...entry, ...(link ? { addr_info: undefined } : {}) })))}\n`,
    );
  } else if (args.includes('-br') || args.includes('-brief')) {
    for (const entry of selected) {
      const addresses = link
        ? [entry.address ?? '']
        : entry.addr_info.map((info) => `${info.local}/${info.prefixlen}`);
      process.stdout.write(
        `${entry.ifname.padEnd(16)} ${entry.operstate.padEnd(14)} ${addresses.join(' ')} \n`,
      );
    }
  } else {
    selected.forEach((entry, position) => {
      process.stdout.write(
        `${position + 1}: ${entry.ifname}: <${entry.flags.join(',')}> mtu ${entry.mtu} state ${entry.operstate}\n`,
      );
      process.stdout.write(`    link/${entry.link_type}${entry.address ? ` ${entry.address}` : ''}\n`);
      if (!link)
        for (const info of entry.addr_info)
          process.stdout.write(
            `    ${info.family} ${info.local}/${info.prefixlen} scope ${info.scope} ${info.label ?? ''}\n`,
          );
    });
  }
}
