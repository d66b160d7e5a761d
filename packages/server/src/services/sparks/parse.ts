import type { SparkHardware } from '@spark-control/schema';

/** Output of the hardware command split at its `@@sc:<name>` marker lines. */
export function splitSections(output: string): Map<string, string> {
  const sections = new Map<string, string>();
  let name = 'head';
  let lines: string[] = [];
  for (const line of output.split('\n')) {
    const marker = /^@@sc:([a-z]+)$/.exec(line.trim());
    if (marker?.[1]) {
      sections.set(name, lines.join('\n'));
      name = marker[1];
      lines = [];
    } else {
      lines.push(line);
    }
  }
  sections.set(name, lines.join('\n'));
  return sections;
}

/** Unified memory from /proc/meminfo: used = total − available (what the kernel could hand out). */
export function parseMeminfo(text: string): SparkHardware['memory'] {
  const fields = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^(\w+):\s+(\d+)(?:\s+kB)?$/.exec(line.trim());
    if (match?.[1] && match[2]) fields.set(match[1], Number(match[2]));
  }
  const total = fields.get('MemTotal');
  const available = fields.get('MemAvailable') ?? fields.get('MemFree');
  if (total === undefined || available === undefined) return null;
  return {
    totalBytes: total * 1024,
    usedBytes: (total - available) * 1024,
    availableBytes: available * 1024,
  };
}

const number = (text: string | undefined): number | null => {
  if (text === undefined) return null;
  const value = Number.parseFloat(text.trim());
  return Number.isFinite(value) ? value : null;
};

/**
 * `nvidia-smi --query-gpu=name,utilization.gpu,temperature.gpu --format=csv,noheader,nounits`;
 * any field may be `[N/A]` (GB10 reports no memory at all), and a failing nvidia-smi gives null.
 */
export function parseNvidiaSmi(text: string): SparkHardware['gpu'] {
  const line = text
    .split('\n')
    .map((candidate) => candidate.trim())
    .find((candidate) => candidate.split(',').length >= 3);
  if (!line) return null;
  const [name, utilization, temperature] = line.split(',').map((part) => part.trim());
  if (!name || /not found|failed|error/i.test(name)) return null;
  return { name, utilizationPct: number(utilization), temperatureC: number(temperature) };
}

/** `df -Pk <path>`: the last line holds size and available in 1K blocks. */
export function parseDf(text: string): SparkHardware['disk'] {
  const rows = text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((row) => row.length >= 6 && /^\d+$/.test(row[1] ?? ''));
  const row = rows.at(-1);
  if (!row) return null;
  return {
    path: row.slice(5).join(' '),
    totalBytes: Number(row[1]) * 1024,
    freeBytes: Number(row[3]) * 1024,
  };
}

/** `ip -j addr`: the first WireGuard-looking interface (`wg*`, or link type `none` named so) with an address. */
export function parseWireguard(text: string): SparkHardware['wireguard'] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.trim() || '[]');
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  for (const entry of parsed as Record<string, unknown>[]) {
    const name = typeof entry.ifname === 'string' ? entry.ifname : '';
    if (!/^wg/.test(name)) continue;
    const infos = Array.isArray(entry.addr_info) ? (entry.addr_info as Record<string, unknown>[]) : [];
    const info = infos.find((candidate) => candidate.family === 'inet') ?? infos[0];
    if (info && typeof info.local === 'string') {
      const prefix = typeof info.prefixlen === 'number' ? `/${info.prefixlen}` : '';
      return { interface: name, address: `${info.local}${prefix}` };
    }
  }
  return null;
}

/** `/proc/uptime`: seconds since boot, first field. */
export function parseUptime(text: string): number | null {
  const value = number(text.split(/\s+/)[0]);
  return value === null ? null : Math.floor(value);
}
