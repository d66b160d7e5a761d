import { parseArgs } from 'node:util';
import { startCluster } from './cluster.js';

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
  },
});

const cluster = await startCluster({
  sparks: Number(values.sparks),
  ...(values.root ? { root: values.root } : {}),
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
});

process.stdout.write(
  `${JSON.stringify(
    {
      root: cluster.root,
      controlUrl: cluster.controlUrl,
      cloudUrl: cluster.cloudUrl,
      sparks: cluster.sparks.map((spark) => ({
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
);

let stopping = false;
const shutdown = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  cluster
    .stop()
    .then(() => process.exit(signal === 'SIGINT' ? 130 : 143))
    .catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    });
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
