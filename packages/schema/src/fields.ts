import * as v from 'valibot';
import { PATTERNS, isHost, isRemotePath } from './patterns.js';

/** Reusable field schemas with messages that say what a good value looks like. */

/** What a secret is shown as. */
export const SECRET_MASK = '********';

export const PortSchema = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(1, 'must be a port from 1 to 65535'),
  v.maxValue(65535, 'must be a port from 1 to 65535'),
);

/**
 * A number from `min` to `max` inclusive, optionally whole, with messages such as
 * `must be at least 30 seconds` (`unit` is plural; a bound of 1 takes the singular).
 */
export function NumberRangeSchema(
  min: number,
  max: number,
  options: { integer?: boolean; unit?: string } = {},
) {
  const unit = (bound: number) =>
    options.unit ? ` ${bound === 1 ? options.unit.replace(/s$/, '') : options.unit}` : '';
  return v.pipe(
    v.number('must be a number'),
    v.check((value) => !options.integer || Number.isInteger(value), 'must be a whole number'),
    v.minValue(min, `must be at least ${min}${unit(min)}`),
    v.maxValue(max, `must be at most ${max}${unit(max)}`),
  );
}

export const SlugSchema = v.pipe(
  v.string('must be text'),
  v.regex(
    PATTERNS.slug,
    'must be lowercase letters, digits and dashes (at most 63), starting with a letter or digit',
  ),
);

export const HostSchema = v.pipe(
  v.string('must be text'),
  v.check(isHost, 'must be an IPv4 address, an IPv6 address or a hostname (no spaces, no brackets, no port)'),
);

export const UnixUserSchema = v.pipe(
  v.string('must be text'),
  v.regex(PATTERNS.unixUser, 'must be a Linux user name: lowercase letters, digits, _ and -'),
);

export const ContainerNameSchema = v.pipe(
  v.string('must be text'),
  v.regex(PATTERNS.containerName, 'must be a Docker container name: letters, digits, _ . and -'),
);

export const GitBranchSchema = v.pipe(
  v.string('must be text'),
  v.regex(PATTERNS.gitBranch, 'must be a git branch name such as main or release/1.2'),
);

export const RemotePathSchema = v.pipe(
  v.string('must be text'),
  v.check(
    (value) => isRemotePath(value, { allowHome: true }),
    'must be an absolute path or one starting with ~/, without .. or special characters',
  ),
);

export const AbsolutePathSchema = v.pipe(
  v.string('must be text'),
  v.check((value) => isRemotePath(value), 'must be an absolute path without .. or special characters'),
);

export const UrlPathSchema = v.pipe(
  v.string('must be text'),
  v.regex(PATTERNS.urlPath, 'must be a URL path starting with /'),
);

/** True when the URL carries a user name or password (`http://user:pw@host`). */
function hasUserinfo(value: string): boolean {
  try {
    const url = new URL(value);
    return url.username !== '' || url.password !== '';
  } catch {
    return false;
  }
}

export const HttpUrlSchema = v.pipe(
  v.string('must be text'),
  v.url('must be a URL such as https://example.com/v1'),
  v.check((value) => /^https?:\/\//.test(value), 'must start with http:// or https://'),
  // Fetch refuses such URLs at every request, and they would show the password wherever the URL is shown.
  v.check(
    (value) => !hasUserinfo(value),
    'must not contain a user name or password (user:password@); use the key or secret setting',
  ),
);

/**
 * The URL as it may be shown (settings, errors, logs): every query value, a fragment and any
 * user name or password replaced by a mask. Anything that is not a URL comes back unchanged.
 */
export function maskUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return value;
  }
  if (!url.search && !url.hash && !url.username && !url.password) return value;
  if (url.username || url.password) {
    url.username = 'masked';
    url.password = '';
  }
  url.search = [...url.searchParams.keys()]
    .map((key) => `${encodeURIComponent(key)}=${SECRET_MASK}`)
    .join('&');
  if (url.hash) url.hash = SECRET_MASK;
  return url.toString();
}

/** The parts of a URL maskUrl hides, for the log scrubber (values too short to be secrets left out). */
export function urlSecrets(value: string): string[] {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return [];
  }
  const decoded = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  return [
    ...url.searchParams.values(),
    decoded(url.hash.slice(1)),
    decoded(url.username),
    decoded(url.password),
  ].filter((part) => part.length >= 6);
}

/** A URL, or blank to mean "not set". */
export const OptionalHttpUrlSchema = v.union(
  [v.literal(''), HttpUrlSchema],
  'must be blank or a URL such as http://10.0.0.2:8888/v1',
);

/** An IPv4 address, or blank to mean "discover it". */
const OPTIONAL_IPV4 = 'must be blank or an IPv4 address such as 192.168.177.11';
export const OptionalIpv4Schema = v.union(
  [v.literal(''), v.pipe(v.string(OPTIONAL_IPV4), v.regex(PATTERNS.ipv4, OPTIONAL_IPV4))],
  OPTIONAL_IPV4,
);

export const SecretSchema = v.pipe(v.string('must be text'), v.maxLength(4096, 'is too long'));
