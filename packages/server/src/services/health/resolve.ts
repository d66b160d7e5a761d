import { lookup } from 'node:dns/promises';
import { PATTERNS, isIpv6 } from '@spark-control/schema';

export type Resolver = (host: string) => Promise<string[]>;

/** The OS resolver (getaddrinfo: /etc/hosts, mDNS for `.local` where nss-mdns is set up). */
export const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true })).map((entry) => entry.address);

export type Resolution = { ok: true; address: string } | { ok: false; error: string };

/**
 * Resolves each distinct host once, concurrently and within `timeoutMs`: IP literals are used
 * as they are, names go to the resolver and the first IPv4 address (else the first) wins.
 */
export async function resolveHosts(
  hosts: Iterable<string>,
  resolver: Resolver,
  timeoutMs: number,
): Promise<Map<string, Resolution>> {
  const unique = [...new Set(hosts)];
  const entries = await Promise.all(
    unique.map(async (host): Promise<[string, Resolution]> => {
      if (PATTERNS.ipv4.test(host) || isIpv6(host)) return [host, { ok: true, address: host }];
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        const addresses = await Promise.race([resolver(host), timeout]);
        const address = addresses.find((candidate) => PATTERNS.ipv4.test(candidate)) ?? addresses[0];
        if (address === undefined) return [host, { ok: false, error: `cannot resolve ${host}` }];
        return [host, { ok: true, address }];
      } catch (error) {
        const code = (error as { code?: string }).code;
        return [host, { ok: false, error: `cannot resolve ${host} (${code ?? (error as Error).message})` }];
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return new Map(entries);
}

/** One host, IPv4 first; throws with the resolver's reason when it cannot be resolved. */
export async function resolveHost(
  host: string,
  resolver: Resolver = systemResolver,
  timeoutMs = 2000,
): Promise<string> {
  const resolution = (await resolveHosts([host], resolver, timeoutMs)).get(host);
  if (!resolution?.ok) throw new Error(resolution?.error ?? `cannot resolve ${host}`);
  return resolution.address;
}

/**
 * A fetch that sends plain-HTTP requests for a hostname to its IPv4-first address (as the monitor
 * does); HTTPS and address literals go as they are (a certificate names the host, not the address).
 */
export function ipv4FirstFetch(
  base: typeof fetch = fetch,
  resolver: Resolver = systemResolver,
): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.protocol !== 'http:' || PATTERNS.ipv4.test(url.hostname) || url.hostname.startsWith('['))
      return base(input, init);
    const address = await resolveHost(url.hostname, resolver);
    url.hostname = isIpv6(address) ? `[${address}]` : address;
    return base(input instanceof Request ? new Request(url, input) : url, init);
  };
}
