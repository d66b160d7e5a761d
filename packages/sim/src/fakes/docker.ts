import { dockerCommand } from '../docker/cli.js';
import { sparkContextFromEnv } from '../layout.js';

// The fake `docker` on a simulated Spark's PATH.
process.exitCode = await dockerCommand(sparkContextFromEnv(), process.argv.slice(2));
