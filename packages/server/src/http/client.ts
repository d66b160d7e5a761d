import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './context.js';

/** What the server may believe about the caller, forwarded headers included only from a trusted proxy. */
export interface ClientInfo {
  /** The caller's address: the TCP peer, or what a trusted proxy says the peer was. */
  address: string;
  /** The caller reached us over TLS (here, or at a trusted proxy). */
  https: boolean;
  /** The host the caller addressed (`Host`, or a trusted proxy's `X-Forwarded-Host`). */
  host: string | undefined;
}

/** Proxies whose `X-Forwarded-*` headers are believed: addresses and CIDR ranges. */
export class TrustedProxies {
  readonly #list = new BlockList();
  readonly entries: readonly string[];

  constructor(entries: readonly string[] = []) {
    this.entries = entries;
    for (const entry of entries) {
      const [address = '', bits] = entry.split('/');
      const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (bits === undefined) this.#list.addAddress(address, family);
      else this.#list.addSubnet(address, Number(bits), family);
    }
  }

  has(address: string): boolean {
    const family = isIP(address);
    if (family === 0) return false;
    return this.#list.check(address, family === 6 ? 'ipv6' : 'ipv4');
  }

  /**
   * Parses `SPARK_CONTROL_TRUSTED_PROXIES`: addresses and CIDR ranges separated by commas, and
   * `gateway` for this machine's default gateway (on StartOS, the OS reverse proxy in front of the
   * service container). Throws naming the entry it cannot read.
   */
  static parse(spec: string, readGateway: () => string | undefined = defaultGateway): TrustedProxies {
    const entries: string[] = [];
    for (const raw of spec.split(',')) {
      const entry = raw.trim();
      if (entry === '') continue;
      if (entry === 'gateway') {
        const gateway = readGateway();
        if (!gateway)
          throw new Error('SPARK_CONTROL_TRUSTED_PROXIES: gateway: this machine has no default route');
        entries.push(gateway);
        continue;
      }
      const [address = '', bits, extra] = entry.split('/');
      const family = isIP(address);
      const maxBits = family === 6 ? 128 : 32;
      const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
      if (family === 0 || !validBits || extra !== undefined) {
        throw new Error(
          `SPARK_CONTROL_TRUSTED_PROXIES: ${JSON.stringify(entry)} is not an address, a CIDR range or "gateway"`,
        );
      }
      entries.push(entry);
    }
    return new TrustedProxies(entries);
  }
}

/** The IPv4 default gateway from `/proc/net/route` (hex, little-endian), if there is one. */
export function defaultGateway(routeTable = readRouteTable()): string | undefined {
  for (const line of routeTable.split('\n').slice(1)) {
    const [, destination, gateway, , , , , mask] = line.trim().split(/\s+/);
    if (destination !== '00000000' || mask !== '00000000' || !gateway || gateway === '00000000') continue;
    const value = Number.parseInt(gateway, 16);
    return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, value >>> 24].join('.');
  }
  return undefined;
}

function readRouteTable(): string {
  try {
    return readFileSync('/proc/net/route', 'utf8');
  } catch {
    return '';
  }
}

const unmapped = (address: string) => (address.startsWith('::ffff:') ? address.slice(7) : address);

function peerAddress(c: Context): string {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return unmapped(incoming?.socket?.remoteAddress ?? 'unknown');
}

/** Works out the ClientInfo of a request; forwarded headers count only when the peer is trusted. */
export function resolveClient(c: Context, proxies: TrustedProxies): ClientInfo {
  const peer = peerAddress(c);
  const host = c.req.header('host');
  if (!proxies.has(peer)) return { address: peer, https: new URL(c.req.url).protocol === 'https:', host };
  // The right-most address a trusted proxy did not add is the one nobody could forge.
  const chain = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => unmapped(part.trim()))
    .filter((part) => isIP(part) !== 0);
  const address = [...chain, peer].reverse().find((hop) => !proxies.has(hop)) ?? peer;
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return { address, https: proto === 'https', host: c.req.header('x-forwarded-host') ?? host };
}

/** Sets `client` for the rest of the chain. */
export function clientInfo(proxies: TrustedProxies) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('client', resolveClient(c, proxies));
    await next();
  });
}

/** The request's ClientInfo; sub-apps used on their own (tests) trust no proxy. */
export function clientOf(c: Context<AppEnv>): ClientInfo {
  return c.get('client') ?? resolveClient(c, new TrustedProxies());
}
