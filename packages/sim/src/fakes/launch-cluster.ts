import { launchG1 } from '../launcher/g1.js';
import { launchG2 } from '../launcher/g2.js';
import { NodeShell } from '../launcher/shell.js';
import { Trap } from '../launcher/signals.js';
import { sparkContextFromEnv } from '../layout.js';

// The fake spark-vllm-docker `launch-cluster.sh`: G1 or G2, as the simulated Spark is set up (sim.json).
const trap = new Trap();
const context = sparkContextFromEnv();
const script = process.env.SIM_SCRIPT_PATH ?? './launch-cluster.sh';
const args = process.argv.slice(2);
const shell = new NodeShell(context);
const code =
  context.spark.launcher === 'G1'
    ? await launchG1(shell, args, script, trap)
    : await launchG2(shell, args, script, trap);
await trap.exit();
await shell.close();
process.exitCode = code;
