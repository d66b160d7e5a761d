import type { Spark } from '@spark-control/schema';
import type { SshTarget } from '../../adapters/ssh/index.js';

/** Where the controller logs in to a Spark. */
export function sshTarget(spark: Spark): SshTarget {
  return { id: spark.id, host: spark.host, sshPort: spark.sshPort, sshUser: spark.sshUser };
}
