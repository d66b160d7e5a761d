import { sparkContextFromEnv } from '../layout.js';
import { sparkInterfaces, type SimInterface } from '../network.js';

// The fake `ip`: `ip [-br|-j|-o] [-f inet|-4] addr|link [show IF]` over the Spark's interfaces (network.ts).
const context = sparkContextFromEnv();
const args = process.argv.slice(2);

const words: string[] = [];
let family: 'inet' | 'inet6' | undefined;
for (let index = 0; index < args.length; index++) {
  const arg = args[index] ?? '';
  if (arg === '-f' || arg === '-family') {
    const value = args[++index];
    family = value === 'inet6' ? 'inet6' : 'inet';
  } else if (arg === '-4') family = 'inet';
  else if (arg === '-6') family = 'inet6';
  else if (!arg.startsWith('-')) words.push(arg);
}
const flag = (...names: string[]) => names.some((name) => args.includes(name));
const [object = '', verb, device] = words;

function addressesOf(entry: SimInterface) {
  return entry.addr_info.filter((info) => family === undefined || info.family === family);
}

if (!['a', 'addr', 'address', 'l', 'link'].includes(object)) {
  process.stderr.write(`Object "${object}" is unknown, try "ip help".\n`);
  process.exitCode = 1;
} else {
  const link = object === 'l' || object === 'link';
  const all = sparkInterfaces(context);
  const selected = verb === 'show' && device ? all.filter((entry) => entry.ifname === device) : all;
  if (verb === 'show' && device && selected.length === 0) {
    process.stderr.write(`Device "${device}" does not exist.\n`);
    process.exitCode = 1;
  } else if (flag('-j', '-json')) {
    process.stdout.write(
      `${JSON.stringify(
        selected.map((entry) => {
          const { ibdev: _ibdev, ...shown } = entry;
          return {
            ifindex: all.indexOf(entry) + 1,
            ...shown,
            ...(link ? { addr_info: undefined } : { addr_info: addressesOf(entry) }),
          };
        }),
      )}\n`,
    );
  } else if (flag('-o', '-oneline')) {
    for (const entry of selected) {
      const position = all.indexOf(entry) + 1;
      for (const info of link ? [] : addressesOf(entry)) {
        process.stdout.write(
          `${position}: ${entry.ifname}    ${info.family} ${info.local}/${info.prefixlen} scope ${info.scope} ${info.label ?? entry.ifname}\\       valid_lft forever preferred_lft forever\n`,
        );
      }
      if (link)
        process.stdout.write(
          `${position}: ${entry.ifname}: <${entry.flags.join(',')}> mtu ${entry.mtu} state ${entry.operstate}\\    link/${entry.link_type} ${entry.address ?? ''}\n`,
        );
    }
  } else if (flag('-br', '-brief')) {
    for (const entry of selected) {
      const addresses = link
        ? [entry.address ?? '']
        : addressesOf(entry).map((info) => `${info.local}/${info.prefixlen}`);
      process.stdout.write(
        `${entry.ifname.padEnd(16)} ${entry.operstate.padEnd(14)} ${addresses.join(' ')} \n`,
      );
    }
  } else {
    for (const entry of selected) {
      process.stdout.write(
        `${all.indexOf(entry) + 1}: ${entry.ifname}: <${entry.flags.join(',')}> mtu ${entry.mtu} state ${entry.operstate}\n`,
      );
      process.stdout.write(`    link/${entry.link_type}${entry.address ? ` ${entry.address}` : ''}\n`);
      if (!link)
        for (const info of addressesOf(entry))
          process.stdout.write(
            `    ${info.family} ${info.local}/${info.prefixlen} scope ${info.scope} ${info.label ?? ''}\n`,
          );
    }
  }
}
