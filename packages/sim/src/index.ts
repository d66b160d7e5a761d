export {
  startCluster,
  waitForPort,
  SPARK2_SERVICES,
  type SimCluster,
  type SimSpark,
  type StartClusterOptions,
} from './cluster.js';
export { SimControl, type SimState, type SparkState, type CloudState } from './control.js';
export { SimControlClient } from './control-client.js';
export { controlApp, startControlApi, SparkFaultsSchema, type ControlAppType } from './control-api.js';
export { readFaults, writeFaults, type SparkFaults, type HttpFault, type SimServiceKind } from './faults.js';
export { SEEDED_MODELS, LOCAL_MODELS } from './sandbox.js';
export type { SparkInfo, SimConfig } from './layout.js';
export { randomSparkHosts } from './ssh-testing.js';
