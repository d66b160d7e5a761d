import os from 'node:os';
import { parseArgs } from 'node:util';
import { type SimCluster, startCluster } from './cluster.js';

// `tsx packages/sim/src/cli.ts --sparks 2 --root DIR --password …`: starts the simulation, prints what runs where.
const { values } = parseArgs({
  options: {
    sparks: { type: 'string', default: '2' },
    root: { type: 'string' },
    password: { type: 'string' },
    'authorized-key': { type: 'string', multiple: true },
    'ssh-port': { type: 'string', default: '2222' },
    'control-port': { type: 'string', default: '7070' },
    'cloud-port': { type: 'string', default: '7071' },
    model: { type: 'string' },
    'model-port': { type: 'string', default: '8888' },
    'no-services': { type: 'boolean', default: false },
    'load-delay-ms': { type: 'string' },
    'memory-lag-ms': { type: 'string', default: '2000' },
    host: { type: 'string', multiple: true },
  },
});

// Installed before start-up: a stop (Ctrl-C, SIGTERM, a closed terminal) at any moment stops it all.
const startup = new AbortController();
let stopping = false;
const shutdown = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  startup.abort(new Error(`stopped by ${signal}`));
  const code = 128 + (os.constants.signals[signal] ?? 0);
  void cluster
    .then((started) => started.stop())
    // A start-up that was aborted has stopped what it started already.
    .catch(() => undefined)
    .then(() => process.exit(code));
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, shutdown);

const cluster: Promise<SimCluster> = startCluster({
  sparks: Number(values.sparks),
  ...(values.root ? { root: values.root } : {}),
  ...(values.host ? { hosts: values.host } : {}),
  ...(values.password ? { password: values.password } : {}),
  authorizedKeys: values['authorized-key'] ?? [],
  sshPort: Number(values['ssh-port']),
  control: { port: Number(values['control-port']) },
  cloud: { port: Number(values['cloud-port']) },
  services: !values['no-services'],
  ...(values.model
    ? { initialModel: { model: values.model, port: Number(values['model-port']), waitReady: false } }
    : {}),
  ...(values['load-delay-ms'] ? { loadDelayMs: Number(values['load-delay-ms']) } : {}),
  memoryReleaseLagMs: Number(values['memory-lag-ms']),
  signal: startup.signal,
});

cluster.then(
  (started) =>
    process.stdout.write(
      `${JSON.stringify(
        {
          root: started.root,
          controlUrl: started.controlUrl,
          cloudUrl: started.cloudUrl,
          sparks: started.sparks.map((spark) => ({
            id: spark.id,
            host: spark.host,
            sshPort: spark.sshPort,
            home: spark.home,
            services: spark.services,
          })),
        },
        null,
        2,
      )}\n`,
    ),
  (error: unknown) => {
    if (stopping) return;
    process.stderr.write(`the simulation did not start: ${String(error)}\n`);
    process.exit(1);
  },
);
