import { describe, expect, it } from 'vitest';
import { ipv4First } from '../../adapters/upstream/lookup.js';
import { ipv4FirstFetch, resolveHost } from './resolve.js';

describe('IPv4-first resolution for HTTP calls to Sparks', () => {
  it('orders IPv4 addresses before IPv6 ones', () => {
    expect(
      ipv4First([
        { address: 'fe80::1', family: 6 },
        { address: '10.0.0.5', family: 4 },
        { address: '::1', family: 6 },
        { address: '10.0.0.6', family: 4 },
      ]).map((entry) => entry.address),
    ).toEqual(['10.0.0.5', '10.0.0.6', 'fe80::1', '::1']);
  });

  it('sends plain HTTP for a hostname to its IPv4 address, and leaves HTTPS and literals alone', async () => {
    const asked: string[] = [];
    const base = (input: Request | string | URL) => {
      asked.push(input instanceof Request ? input.url : String(input));
      return Promise.resolve(new Response('{}'));
    };
    const resolver = (host: string) =>
      Promise.resolve(host === 'spark-1.local' ? ['fe80::2', '192.168.1.21'] : ['fe80::3']);
    const fetchIpv4 = ipv4FirstFetch(base, resolver);
    await fetchIpv4('http://spark-1.local:8888/v1/models');
    await fetchIpv4('http://only-v6.local:8888/v1/chat/completions', { method: 'POST' });
    await fetchIpv4('https://integrate.api.nvidia.com/v1/models');
    await fetchIpv4('http://10.0.0.2:8888/health');
    expect(asked).toEqual([
      'http://192.168.1.21:8888/v1/models',
      'http://[fe80::3]:8888/v1/chat/completions',
      'https://integrate.api.nvidia.com/v1/models',
      'http://10.0.0.2:8888/health',
    ]);
  });

  it('names the host that does not resolve', async () => {
    await expect(
      resolveHost('spark-9.invalid', () =>
        Promise.reject(Object.assign(new Error('x'), { code: 'ENOTFOUND' })),
      ),
    ).rejects.toThrow('cannot resolve spark-9.invalid (ENOTFOUND)');
  });
});
