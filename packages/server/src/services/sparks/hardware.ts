import type { Settings, Spark, SparkHardware } from '@spark-control/schema';
import { command, SshError, type SshPool } from '../../adapters/ssh/index.js';
import {
  parseDf,
  parseMeminfo,
  parseNvidiaSmi,
  parseUptime,
  parseWireguard,
  splitSections,
} from './parse.js';
import { clusterAddress } from './cluster-address.js';
import type { SparkProbes } from './probe.js';
import { sshTarget } from './target.js';
import type { SettingsSource } from '../settings-source.js';

// Only literal text: the HF cache is wherever HF_HOME says, else the default; `ip` needs no privilege.
const HARDWARE_COMMAND = command`cat /proc/meminfo; echo @@sc:gpu; nvidia-smi --query-gpu=name,utilization.gpu,temperature.gpu --format=csv,noheader,nounits 2>&1; echo @@sc:disk; df -Pk "\${HF_HOME:-$HOME/.cache/huggingface}" 2>/dev/null || df -Pk "$HOME"; echo @@sc:ip; ip -j addr 2>/dev/null; echo @@sc:uptime; cat /proc/uptime`;
const PING_COMMAND = command`echo ok`;

export interface SparkInspectorOptions {
  pool: Pick<SshPool, 'exec'>;
  settings: SettingsSource;
  /** The cluster address and the launcher on the card come from here. */
  probes: Pick<SparkProbes, 'get'>;
  /** Per Spark, both commands included (default 8 s). */
  timeoutMs?: number;
  /** A card younger than this is served from memory (default 10 s). */
  cacheMs?: number;
  now?: () => Date;
}

/** Reads each Spark's hardware card over SSH; cards are cached briefly and refreshed concurrently. */
export class SparkInspector {
  readonly #options: SparkInspectorOptions;
  readonly #cache = new Map<string, { key: string; at: number; card: SparkHardware }>();
  readonly #inFlight = new Map<string, Promise<SparkHardware>>();

  constructor(options: SparkInspectorOptions) {
    this.#options = options;
  }

  async list(options: { fresh?: boolean } = {}): Promise<SparkHardware[]> {
    const settings = this.#options.settings.current;
    return Promise.all(settings.sparks.map((spark) => this.#card(spark, settings, options.fresh ?? false)));
  }

  async get(sparkId: string, options: { fresh?: boolean } = {}): Promise<SparkHardware | undefined> {
    const settings = this.#options.settings.current;
    const spark = settings.sparks.find((candidate) => candidate.id === sparkId);
    return spark ? this.#card(spark, settings, options.fresh ?? false) : undefined;
  }

  /** Drops the cached card (after a key copy, for instance). */
  invalidate(sparkId: string): void {
    this.#cache.delete(sparkId);
  }

  #card(spark: Spark, _settings: Settings, fresh: boolean): Promise<SparkHardware> {
    const key = JSON.stringify(sshTarget(spark));
    const cached = this.#cache.get(spark.id);
    const now = Date.now();
    if (!fresh && cached && cached.key === key && now - cached.at < (this.#options.cacheMs ?? 10_000)) {
      return Promise.resolve({ ...cached.card, label: spark.label });
    }
    const running = this.#inFlight.get(key);
    if (running) return running;
    const reading = this.#inspect(spark)
      .then((card) => {
        this.#cache.set(spark.id, { key, at: Date.now(), card });
        return card;
      })
      .finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, reading);
    return reading;
  }

  async #inspect(spark: Spark): Promise<SparkHardware> {
    const target = sshTarget(spark);
    const timeoutMs = this.#options.timeoutMs ?? 8000;
    const deadline = Date.now() + timeoutMs;
    const card: SparkHardware = {
      sparkId: spark.id,
      label: spark.label,
      host: spark.host,
      checkedAt: (this.#options.now?.() ?? new Date()).toISOString(),
      ssh: { reachable: false, latencyMs: null, error: null },
      memory: null,
      gpu: null,
      disk: null,
      wireguard: null,
      uptimeSec: null,
      clusterIp: null,
      clusterIpProblem: null,
      launcher: null,
    };
    try {
      const started = performance.now();
      const ping = await this.#options.pool.exec(target, PING_COMMAND, { timeoutMs });
      card.ssh = {
        reachable: ping.code === 0,
        latencyMs: Math.round(performance.now() - started),
        error: ping.code === 0 ? null : `echo exited ${ping.code ?? ping.signal ?? 'abnormally'}`,
      };
      const [result, probe] = await Promise.all([
        this.#options.pool.exec(target, HARDWARE_COMMAND, { timeoutMs: Math.max(1, deadline - Date.now()) }),
        this.#options.probes.get(spark, { timeoutMs: Math.max(1, deadline - Date.now()) }),
      ]);
      const index = this.#options.settings.current.sparks.findIndex((candidate) => candidate.id === spark.id);
      const address = clusterAddress(spark, index, probe);
      card.clusterIp = address.ok ? address.ip : null;
      card.clusterIpProblem = address.ok ? null : address.problem;
      card.launcher = 'generation' in probe.launcher ? { ...probe.launcher } : null;
      const sections = splitSections(result.stdout);
      card.memory = parseMeminfo(sections.get('head') ?? '');
      card.gpu = parseNvidiaSmi(sections.get('gpu') ?? '');
      card.disk = parseDf(sections.get('disk') ?? '');
      card.wireguard = parseWireguard(sections.get('ip') ?? '');
      card.uptimeSec = parseUptime(sections.get('uptime') ?? '');
    } catch (error) {
      card.ssh.error = error instanceof SshError ? error.message : 'SSH command failed';
    }
    return card;
  }
}
