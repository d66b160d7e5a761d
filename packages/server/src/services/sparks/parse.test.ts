import { describe, expect, it } from 'vitest';
import {
  parseDf,
  parseMeminfo,
  parseNvidiaSmi,
  parseUptime,
  parseWireguard,
  splitSections,
} from './parse.js';

describe('hardware output parsers', () => {
  it('reads unified memory from /proc/meminfo as total minus available', () => {
    const memory = parseMeminfo(
      'MemTotal:       125034288 kB\nMemFree:        100000000 kB\nMemAvailable:   110000000 kB\n',
    );
    expect(memory).toEqual({
      totalBytes: 125_034_288 * 1024,
      usedBytes: (125_034_288 - 110_000_000) * 1024,
      availableBytes: 110_000_000 * 1024,
    });
    expect(parseMeminfo('cat: /proc/meminfo: No such file or directory')).toBeNull();
  });

  it('reads the GPU line of nvidia-smi and keeps [N/A] fields empty', () => {
    expect(parseNvidiaSmi('NVIDIA GB10, 7, 51\n')).toEqual({
      name: 'NVIDIA GB10',
      utilizationPct: 7,
      temperatureC: 51,
    });
    expect(parseNvidiaSmi('NVIDIA GB10, [N/A], [N/A]')).toEqual({
      name: 'NVIDIA GB10',
      utilizationPct: null,
      temperatureC: null,
    });
    expect(parseNvidiaSmi('sh: 1: nvidia-smi: not found')).toBeNull();
    expect(
      parseNvidiaSmi(
        "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver, make sure, it runs",
      ),
    ).toBeNull();
  });

  it('reads free space from df -Pk', () => {
    const text = [
      'Filesystem     1024-blocks      Used Available Capacity Mounted on',
      '/dev/nvme0n1p2  3844660232 812345678 2836000000      23% /',
    ].join('\n');
    expect(parseDf(text)).toEqual({
      path: '/',
      totalBytes: 3_844_660_232 * 1024,
      freeBytes: 2_836_000_000 * 1024,
    });
    expect(parseDf('df: /nope: No such file or directory')).toBeNull();
  });

  it('finds a WireGuard interface and its address in ip -j addr', () => {
    const text = JSON.stringify([
      { ifname: 'lo', addr_info: [{ family: 'inet', local: '127.0.0.1', prefixlen: 8 }] },
      {
        ifname: 'wg0',
        addr_info: [
          { family: 'inet6', local: 'fd00::1', prefixlen: 64 },
          { family: 'inet', local: '10.8.0.2', prefixlen: 24 },
        ],
      },
    ]);
    expect(parseWireguard(text)).toEqual({ interface: 'wg0', address: '10.8.0.2/24' });
    expect(parseWireguard('[{"ifname":"eth0","addr_info":[]}]')).toBeNull();
    expect(parseWireguard('Object "addr" is unknown')).toBeNull();
  });

  it('splits the combined output at its markers and reads /proc/uptime', () => {
    const sections = splitSections('a\n@@sc:gpu\nb\n@@sc:uptime\n12345.67 99.0\n');
    expect(sections.get('head')).toBe('a');
    expect(sections.get('gpu')).toBe('b');
    expect(parseUptime(sections.get('uptime') ?? '')).toBe(12_345);
  });
});
