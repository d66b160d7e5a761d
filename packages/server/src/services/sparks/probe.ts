import type { LauncherGeneration, Settings, Spark } from '@spark-control/schema';
import { command, shellArg, type ShellCommand, type SshPool } from '../../adapters/ssh/index.js';
import { splitSections } from './parse.js';
import { sshTarget } from './target.js';
import type { SettingsSource } from '../settings-source.js';

/** A network interface as `ip -j addr` reports it. */
export interface NetInterface {
  name: string;
  up: boolean;
  ipv4: string[];
}

/** What one SSH command tells about a Spark's network, Hugging Face cache and launch script. */
export interface SparkProbe {
  interfaces: NetInterface[];
  /** `ibdev2netdev`: ConnectX RDMA devices and their netdevs; undefined when the tool is missing. */
  rdma: { ibdev: string; netdev: string; up: boolean }[] | undefined;
  home: string;
  /** `$HF_HOME` of an SSH session, '' when unset. */
  hfHome: string;
  launcher: { path: string; generation: LauncherGeneration } | { path: string; problem: string };
  /** The launcher's `.env` (G2 reads it; CONTAINER_NAME, MASTER_PORT, LOCAL_IP, ETH_IF, …). */
  dotenv: Record<string, string>;
}

/**
 * One command: interfaces, RDMA devices, `$HOME`/`$HF_HOME`, the launch script's usage text (its first
 * 4 kB: `--help` exits at once on both generations) and its `.env`.
 */
export function probeCommand(settings: Settings): ShellCommand {
  const launcher = shellArg.remotePath(settings.vllm.launchScript);
  // G2 reads `.env` beside the script.
  const dotenv = shellArg.remotePath(settings.vllm.launchScript.replace(/[^/]+$/, '.env'));
  return command`ip -j addr 2>/dev/null; echo @@sc:rdma; if command -v ibdev2netdev >/dev/null 2>&1; then ibdev2netdev 2>&1; else echo @@absent; fi; echo @@sc:paths; printf '%s\n%s\n' "$HOME" "\${HF_HOME:-}"; echo @@sc:launcher; if [ -x ${launcher} ]; then ${launcher} --help 2>&1 | head -c 4000; else echo @@missing; fi; echo @@sc:env; cat ${dotenv} 2>/dev/null`;
}

function parseInterfaces(text: string): NetInterface[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.trim() || '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return (parsed as Record<string, unknown>[]).map((entry) => {
    const flags = Array.isArray(entry.flags) ? (entry.flags as unknown[]) : [];
    const infos = Array.isArray(entry.addr_info) ? (entry.addr_info as Record<string, unknown>[]) : [];
    return {
      name: typeof entry.ifname === 'string' ? entry.ifname : '',
      up:
        entry.operstate === 'UP' ||
        (entry.operstate === 'UNKNOWN' && flags.includes('LOWER_UP') && !flags.includes('NO-CARRIER')),
      ipv4: infos
        .filter((info) => info.family === 'inet' && typeof info.local === 'string')
        .map((info) => String(info.local)),
    };
  });
}

function parseRdma(text: string): SparkProbe['rdma'] {
  if (text.trim() === '@@absent') return undefined;
  return text
    .split('\n')
    .map((line) => /^(\S+) port \d+ ==> (\S+) \((\w+)\)/.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ ibdev: match[1] ?? '', netdev: match[2] ?? '', up: match[3] === 'Up' }));
}

/** `.env` as the G2 launcher reads it: `KEY=value`, comments, one pair of surrounding quotes. */
export function parseDotEnv(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(raw);
    if (!match?.[1]) continue;
    let value = (match[2] ?? '').trim();
    if (value.length >= 2 && /^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    values[match[1]] = value;
  }
  return values;
}

/** G2 lists `--solo` in its usage; G1's usage has none of it. */
function parseLauncher(path: string, text: string): SparkProbe['launcher'] {
  if (text.trim() === '@@missing') return { path, problem: `${path} is missing or not executable` };
  if (/--solo\b/.test(text)) return { path, generation: 'G2' };
  if (/^Usage: /m.test(text) && /--nodes/.test(text)) return { path, generation: 'G1' };
  return { path, problem: `${path} does not print spark-vllm-docker's usage: ${text.trim().slice(0, 120)}` };
}

export function parseProbe(output: string, launchScript: string): SparkProbe {
  const sections = splitSections(output);
  const [home = '', hfHome = ''] = (sections.get('paths') ?? '').split('\n');
  return {
    interfaces: parseInterfaces(sections.get('head') ?? ''),
    rdma: parseRdma(sections.get('rdma') ?? ''),
    home: home.trim(),
    hfHome: hfHome.trim(),
    launcher: parseLauncher(launchScript, sections.get('launcher') ?? ''),
    dotenv: parseDotEnv(sections.get('env') ?? ''),
  };
}

/**
 * Probes Sparks over SSH and keeps each answer for a while (the hardware card refreshes often; the
 * generation and addresses rarely change). A swap asks for a fresh probe.
 */
export class SparkProbes {
  readonly #cache = new Map<string, { at: number; probe: SparkProbe }>();

  private readonly pool: Pick<SshPool, 'exec'>;
  private readonly settings: SettingsSource;
  private readonly maxAgeMs: number;

  constructor(options: { pool: Pick<SshPool, 'exec'>; settings: SettingsSource; maxAgeMs?: number }) {
    this.pool = options.pool;
    this.settings = options.settings;
    this.maxAgeMs = options.maxAgeMs ?? 60_000;
  }

  async get(
    spark: Spark,
    options: { fresh?: boolean; signal?: AbortSignal; timeoutMs?: number } = {},
  ): Promise<SparkProbe> {
    const settings = this.settings.current;
    const key = JSON.stringify([sshTarget(spark), settings.vllm.launchScript]);
    const cached = this.#cache.get(key);
    if (!options.fresh && cached && Date.now() - cached.at < this.maxAgeMs) return cached.probe;
    const result = await this.pool.exec(sshTarget(spark), probeCommand(settings), {
      timeoutMs: options.timeoutMs ?? 15_000,
      signal: options.signal,
    });
    const probe = parseProbe(result.stdout, settings.vllm.launchScript);
    this.#cache.set(key, { at: Date.now(), probe });
    return probe;
  }
}
