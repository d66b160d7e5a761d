import { describe, expect, it } from 'vitest';
import { defaultGateway, TrustedProxies } from './client.js';

const ROUTE_TABLE = `Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
eth0\t0003000A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
eth0\t00000000\t0103000A\t0003\t0\t0\t0\t00000000\t0\t0\t0
`;

describe('TrustedProxies', () => {
  it('reads addresses, CIDR ranges and "gateway"', () => {
    const proxies = TrustedProxies.parse(' 192.168.1.1, 172.16.0.0/12 ,fd00::/8,gateway', () => '10.0.3.1');
    expect(proxies.entries).toEqual(['192.168.1.1', '172.16.0.0/12', 'fd00::/8', '10.0.3.1']);
    expect(proxies.has('172.20.1.2')).toBe(true);
    expect(proxies.has('10.0.3.1')).toBe(true);
    expect(proxies.has('fd12::1')).toBe(true);
    expect(proxies.has('10.0.3.2')).toBe(false);
    expect(proxies.has('unknown')).toBe(false);
  });

  it('trusts nobody when unset', () => {
    expect(TrustedProxies.parse('').has('127.0.0.1')).toBe(false);
  });

  it.each(['localhost', '10.0.0.0/33', '10.0.0.1/8/1', '300.1.1.1'])('refuses %s, naming it', (entry) => {
    expect(() => TrustedProxies.parse(entry)).toThrow(`"${entry}" is not an address`);
  });

  it('says so when "gateway" is asked for and there is no default route', () => {
    expect(() => TrustedProxies.parse('gateway', () => undefined)).toThrow('no default route');
  });
});

describe('defaultGateway', () => {
  it('reads the default route of /proc/net/route', () => {
    expect(defaultGateway(ROUTE_TABLE)).toBe('10.0.3.1');
    expect(defaultGateway(ROUTE_TABLE.split('\n').slice(0, 2).join('\n'))).toBeUndefined();
  });
});
