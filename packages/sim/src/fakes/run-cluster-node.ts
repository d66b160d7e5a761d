import { rayStart } from './ray-node.js';

// `run-cluster-node.sh`, PID 1 of a G1 container: checks its arguments, then becomes a Ray head or worker.

const usage = () => {
  process.stdout.write(
    "Usage: ./run-cluster-node.sh [OPTIONS]\n\nRequired Arguments:\n  -r, --role <head|node>      : Set the node type\n  -h, --host-ip <ip>          : IP address of this interface (Host IP)\n  -e, --eth-if <name>         : Ethernet interface name (e.g., eth0)\n  -i, --ib-if <name>          : InfiniBand/RDMA interface name\n\nConditional Arguments:\n  -m, --head-ip <ip>          : IP of the head node (REQUIRED if role is 'node')\n",
  );
  process.exit(1);
};

const values: Record<string, string> = {};
const args = process.argv.slice(2);
const names: Record<string, string> = {
  '-r': 'role',
  '--role': 'role',
  '-h': 'hostIp',
  '--host-ip': 'hostIp',
  '-e': 'ethIf',
  '--eth-if': 'ethIf',
  '-i': 'ibIf',
  '--ib-if': 'ibIf',
  '-m': 'headIp',
  '--head-ip': 'headIp',
};
for (let index = 0; index < args.length; index++) {
  const name = names[args[index] ?? ''];
  if (!name) {
    process.stdout.write(`Unknown parameter passed: ${args[index] ?? ''}\n`);
    usage();
  } else values[name] = args[++index] ?? '';
}
if (!values.role || !values.hostIp || !values.ethIf || !values.ibIf) {
  process.stdout.write('Error: Missing required arguments.\n');
  usage();
}
if (values.role !== 'head' && values.role !== 'node') {
  process.stdout.write("Error: --role must be 'head' or 'node'.\n");
  process.exit(1);
}
if (values.role === 'node' && !values.headIp) {
  process.stdout.write("Error: When --role is 'node', you must provide --head-ip.\n");
  process.exit(1);
}
process.stdout.write(`Configuring environment for [${values.role}] at ${values.hostIp}...\n`);
if (values.role === 'head') {
  process.stdout.write('Starting Ray HEAD node...\n');
  rayStart(['--head', '--port', '6379', '--node-ip-address', values.hostIp ?? '']);
} else {
  process.stdout.write(`Starting Ray WORKER node connecting to ${values.headIp ?? ''}...\n`);
  rayStart([`--address=${values.headIp ?? ''}:6379`, '--node-ip-address', values.hostIp ?? '']);
}
