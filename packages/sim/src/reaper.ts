// The simulation's reaper (see startReaper in processes.ts), run once the program that started the
// simulation is gone: `node reaper.mjs <root> <state dir>…` kills every process still registered.
import { killAllRegistered } from './processes.js';

const [root, ...stateDirs] = process.argv.slice(2);
if (!root || stateDirs.length === 0) {
  process.stderr.write('usage: reaper.mjs <sim root> <state dir>...\n');
  process.exit(2);
}
await killAllRegistered(stateDirs, root);
process.stdout.write(`${new Date().toISOString()} owner gone; every simulated process stopped\n`);
