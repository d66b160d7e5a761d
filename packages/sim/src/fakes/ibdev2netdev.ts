import { sparkContextFromEnv } from '../layout.js';
import { ibdev2netdevLines } from '../network.js';

// The fake `ibdev2netdev` (from the Mellanox OFED tools on a DGX Spark): RDMA device to netdev, Up or Down.
for (const line of ibdev2netdevLines(sparkContextFromEnv())) process.stdout.write(`${line}\n`);
