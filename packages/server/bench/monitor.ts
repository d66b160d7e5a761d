// Health monitor cost: CPU of idle monitoring at the default 5 s interval against the simulated
// Sparks, sweep durations, and how sweeps keep their period with one Spark blackholed.
// Run: npx tsx bench/monitor.ts   [--seconds 60]   (prints a markdown section to stdout)
import { loadavg } from 'node:os';
import { startCluster } from '@spark-control/sim';
import { healthFixture } from '../src/services/health/testing.js';

const secondsArg = process.argv.indexOf('--seconds');
const WINDOW_S = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 60;
const INTERVAL_MS = 5000;
const PROBE_TIMEOUT_MS = 3000;
const TARGET_CPU_PCT = 2;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/** Polls `check` for up to a minute (a bench runs outside vitest, so without vi.waitFor). */
async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function cpuOver(seconds: number): Promise<number> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const used = process.cpuUsage(cpu);
  return ((used.user + used.system) / 1000 / (performance.now() - started)) * 100;
}

const sim = await startCluster({
  hosts: ['127.0.46.2', '127.0.46.3'],
  sshPort: 0,
  control: false,
  cloud: false,
  loadDelayMs: 200,
  initialModel: { model: 'Qwen/Qwen3-30B-A3B-FP8', port: 8888 },
});
const t = await healthFixture(
  { sparks: sim.sparks.map((spark) => ({ id: spark.id, host: spark.host, sshPort: spark.sshPort })) },
  { watchMs: 500 },
);
try {
  const services = t.registry.enabled().length;
  const warm = t.monitor({ probeTimeoutMs: PROBE_TIMEOUT_MS });
  await until(async () => {
    await warm.sweep();
    return (await warm.list()).every((view) => view.status === 'up');
  }, 'every service up');

  const baseline = await cpuOver(Math.min(10, WINDOW_S));
  const monitor = t.monitor({ intervalMs: () => INTERVAL_MS, probeTimeoutMs: PROBE_TIMEOUT_MS });
  monitor.start();
  const busy = await cpuOver(WINDOW_S);
  await monitor.stop();
  const durations = monitor.timings.map((timing) => timing.durationMs);

  await sim.control.setFaults('spark2', { blackhole: true });
  const holed = t.monitor({ intervalMs: () => INTERVAL_MS, probeTimeoutMs: PROBE_TIMEOUT_MS });
  holed.start();
  await until(() => holed.timings.length >= 5, 'five sweeps');
  await holed.stop();
  await sim.control.clearFaults('spark2');
  const holedDurations = holed.timings.map((timing) => timing.durationMs);
  const gaps = holed.timings
    .slice(1)
    .map((timing, index) => timing.startedAt - (holed.timings[index]?.startedAt ?? 0));

  const ms = (value: number) => `${Math.round(value)} ms`;
  console.log(
    [
      '## Health monitor (`packages/server/bench/monitor.ts`)',
      '',
      `${services} services on two simulated Sparks, probed every ${INTERVAL_MS / 1000} s for ${WINDOW_S} s (probe timeout ${PROBE_TIMEOUT_MS / 1000} s), samples written to PGlite in the same process. Load average during the run: ${loadavg()[0]?.toFixed(1)}.`,
      '',
      '| measure | value | target |',
      '|---|---|---|',
      `| CPU of the whole process while monitoring (share of one core) | ${busy.toFixed(2)} % | < ${TARGET_CPU_PCT} % ${busy < TARGET_CPU_PCT ? '✓' : '✗'} |`,
      `| CPU of the same process just before, not monitoring (start-up residue, SSH servers, settings watch) | ${baseline.toFixed(2)} % | |`,
      `| sweeps | ${durations.length} | |`,
      `| sweep duration p50 / p95 / max | ${ms(percentile(durations, 50))} / ${ms(percentile(durations, 95))} / ${ms(Math.max(...durations))} | |`,
      `| Spark 2 blackholed: sweep duration max | ${ms(Math.max(...holedDurations))} | ≤ timeout + margin (${ms(PROBE_TIMEOUT_MS + 500)}) ${Math.max(...holedDurations) <= PROBE_TIMEOUT_MS + 500 ? '✓' : '✗'} |`,
      `| Spark 2 blackholed: gap between sweep starts min / max | ${ms(Math.min(...gaps))} / ${ms(Math.max(...gaps))} | ${ms(INTERVAL_MS)} |`,
      '',
    ].join('\n'),
  );
} finally {
  await t.close();
  await sim.stop();
}
