import { listConsumers } from '../memory.js';
import { sparkContextFromEnv } from '../layout.js';
import { isAlive } from '../processes.js';

// The fake `nvidia-smi` of a GB10: unified memory, so every memory field is [N/A] as on the real machine.
const context = sparkContextFromEnv();
const args = process.argv.slice(2);
const serving = listConsumers(context.spark.stateDir).filter(
  (consumer) => consumer.endedAt === undefined && isAlive(consumer.pid),
);
const busy = serving.length > 0;
const gpu: Record<string, string> = {
  index: '0',
  name: 'NVIDIA GB10',
  uuid: `GPU-${context.spark.id.padEnd(8, '0').slice(0, 8)}-5c1a-4e0b-9d2f-7a3b2c1d0e9f`,
  'pci.bus_id': '0000000F:01:00.0',
  driver_version: '580.95.05',
  'utilization.gpu': busy ? '7' : '0',
  'utilization.memory': '[N/A]',
  'temperature.gpu': busy ? '51' : '38',
  'power.draw': busy ? '31.42' : '4.87',
  'memory.total': '[N/A]',
  'memory.used': '[N/A]',
  'memory.free': '[N/A]',
  pstate: 'P0',
  'clocks.sm': busy ? '2418' : '208',
};

const query = args.find((arg) => arg.startsWith('--query-gpu='))?.slice('--query-gpu='.length);
const appsQuery = args
  .find((arg) => arg.startsWith('--query-compute-apps='))
  ?.slice('--query-compute-apps='.length);
const format = args.find((arg) => arg.startsWith('--format='))?.slice('--format='.length) ?? '';
const noHeader = format.includes('noheader');
const noUnits = format.includes('nounits');
const units: Record<string, string> = { 'utilization.gpu': ' %', 'power.draw': ' W', 'clocks.sm': ' MHz' };

if (query) {
  const fields = query.split(',').map((field) => field.trim());
  const unknown = fields.find((field) => !(field in gpu));
  if (unknown) {
    process.stdout.write(`Field "${unknown}" is not a valid field to query.\n\n`);
    process.exitCode = 2;
  } else {
    if (!noHeader)
      process.stdout.write(
        `${fields.map((field) => `${field}${!noUnits && units[field] ? ` [${units[field].trim()}]` : ''}`).join(', ')}\n`,
      );
    process.stdout.write(
      `${fields.map((field) => `${gpu[field]}${!noUnits && gpu[field] !== '[N/A]' && units[field] ? units[field] : ''}`).join(', ')}\n`,
    );
  }
} else if (appsQuery) {
  const fields = appsQuery.split(',').map((field) => field.trim());
  if (!noHeader) process.stdout.write(`${fields.join(', ')}\n`);
  for (const consumer of serving) {
    const row: Record<string, string> = {
      pid: String(consumer.pid),
      process_name: 'VLLM::EngineCore',
      used_memory: '[N/A]',
      gpu_uuid: gpu.uuid ?? '',
    };
    process.stdout.write(`${fields.map((field) => row[field] ?? '[N/A]').join(', ')}\n`);
  }
} else if (args.includes('-L')) {
  process.stdout.write(`GPU 0: NVIDIA GB10 (UUID: ${gpu.uuid})\n`);
} else {
  const now = new Date().toUTCString();
  process.stdout.write(
    [
      now,
      '+-----------------------------------------------------------------------------------------+',
      '| NVIDIA-SMI 580.95.05              Driver Version: 580.95.05      CUDA Version: 13.0     |',
      '+-----------------------------------------+------------------------+----------------------+',
      '| GPU  Name                 Persistence-M | Bus-Id          Disp.A | Volatile Uncorr. ECC |',
      '| Fan  Temp   Perf          Pwr:Usage/Cap |           Memory-Usage | GPU-Util  Compute M. |',
      '|=========================================+========================+======================|',
      `|   0  NVIDIA GB10                    On  |   0000000F:01:00.0 Off |                  N/A |`,
      `| N/A   ${gpu['temperature.gpu']}C    P0             ${busy ? '31W' : ' 5W'} /  N/A  | Not Supported          |     ${busy ? ' 7%' : ' 0%'}      Default |`,
      '+-----------------------------------------+------------------------+----------------------+',
      '',
      '+-----------------------------------------------------------------------------------------+',
      '| Processes:                                                                              |',
      '|  GPU   GI   CI              PID   Type   Process name                        GPU Memory |',
      '|=========================================================================================|',
      ...(serving.length === 0
        ? ['|  No running processes found                                                             |']
        : serving.map(
            (consumer) =>
              `|    0   N/A  N/A          ${String(consumer.pid).padStart(7)}      C   VLLM::EngineCore                         N/A |`,
          )),
      '+-----------------------------------------------------------------------------------------+',
      '',
    ].join('\n'),
  );
}
