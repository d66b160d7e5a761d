import { rayStart, rayStatus } from './ray-node.js';

// The `ray` CLI inside a simulated vllm-node container.
const [command, ...rest] = process.argv.slice(2);
if (command === 'start') rayStart(rest);
else if (command === 'status') process.exitCode = rayStatus();
else {
  process.stderr.write(
    `Usage: ray [OPTIONS] COMMAND [ARGS]...\nError: No such command '${command ?? ''}'.\n`,
  );
  process.exitCode = 2;
}
