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
export { freePort } from './ports.js';
export { randomSparkHosts } from './ssh-testing.js';
export { startVllm, type VllmOptions } from './services/vllm.js';
export { startEmbeddings } from './services/embeddings.js';
export { startParakeet } from './services/parakeet.js';
export { startCloud, type ReceivedRequest } from './cloud/nvidia.js';
export type { RunningService, ServiceOptions, ServiceLog } from './services/http.js';
export { tempStateDir } from './services/testing.js';
