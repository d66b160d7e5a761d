import { lookup as systemLookup, type LookupAddress, type LookupOptions } from 'node:dns';

/** The resolver a lookup asks: every address of a name, in the resolver's order. */
export type ResolveAll = (
  hostname: string,
  options: { all: true },
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for the upstream client's connections that prefers IPv4 like the monitor does (a
 * Spark's `.local` name often has an IPv6 link-local address first, which vLLM bound to 0.0.0.0
 * never answers). Each family keeps the resolver's order.
 */
export function ipv4FirstLookup(resolve: ResolveAll = systemLookup) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const ordered = ipv4First(addresses);
      if (options.all) return callback(null, ordered);
      const first = ordered[0];
      if (!first)
        return callback(Object.assign(new Error(`cannot resolve ${hostname}`), { code: 'ENOTFOUND' }), '');
      callback(null, first.address, first.family);
    });
  };
}

/** IPv4 addresses first, each family in the resolver's order. */
export function ipv4First(addresses: readonly LookupAddress[]): LookupAddress[] {
  return [
    ...addresses.filter((entry) => entry.family === 4),
    ...addresses.filter((entry) => entry.family !== 4),
  ];
}
