/** Unified memory of a Spark as `/proc/meminfo` reports it (GB10 has no separate GPU memory). */
export interface MemInfo {
  totalBytes: number;
  availableBytes: number;
}

/** Parses `/proc/meminfo`; throws when MemTotal or MemAvailable is missing. */
export function parseMemInfo(text: string): MemInfo {
  const field = (name: string) => {
    const match = new RegExp(`^${name}:\\s+(\\d+)\\s*kB`, 'm').exec(text);
    if (!match?.[1]) throw new Error(`/proc/meminfo has no ${name}`);
    return Number(match[1]) * 1024;
  };
  return { totalBytes: field('MemTotal'), availableBytes: field('MemAvailable') };
}
