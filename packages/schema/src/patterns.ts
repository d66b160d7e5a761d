/**
 * Strict patterns for every kind of value that may reach a remote shell or a URL.
 * The settings schema and the server's shell-safety module both use these, so a value
 * that passes validation here is always safe to quote and send.
 */
export const PATTERNS = {
  /** Spark ids, service ids, catalog ids: lowercase slugs. */
  slug: /^[a-z0-9][a-z0-9-]{0,62}$/,
  /** Docker container names (docker's own rule, bounded). */
  containerName: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/,
  /** POSIX-portable user names. */
  unixUser: /^[a-z_][a-z0-9_-]{0,31}$/,
  /** Git branch names: a safe subset of git-check-ref-format. */
  gitBranch: /^(?!-)(?!.*\.\.)(?!.*\/\/)(?!.*\.lock$)[A-Za-z0-9._/-]{1,200}(?<![/.])$/,
  /** Hugging Face repository ids like `Qwen/Qwen3-30B-A3B-FP8`. */
  hfRepo: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,95}\/[A-Za-z0-9][A-Za-z0-9_.-]{0,95}$/,
  /** Names vLLM serves a model under. */
  servedName: /^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,127}$/,
  /** DNS hostnames (RFC 1123 labels). */
  hostname:
    /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/,
  ipv4: /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/,
  /** URL paths of health probes and custom services. */
  urlPath: /^\/[A-Za-z0-9._~/-]{0,200}$/,
  /** One path segment of a remote file path. */
  pathSegment: /^[A-Za-z0-9_+@=,.-]{1,255}$/,
  /** Environment variable names such as `VLLM_SPARK_EXTRA_DOCKER_ARGS`. */
  envName: /^[A-Z_][A-Z0-9_]{0,63}$/,
  /**
   * Values of `VLLM_SPARK_EXTRA_DOCKER_ARGS`-style variables: words of safe characters separated
   * by single spaces, where `$HOME` is the one variable allowed (the launcher appends them unparsed).
   */
  envValue:
    /^(?=.{1,1024}$)(?:[A-Za-z0-9_@%+=:,./-]|\$HOME(?![A-Za-z0-9_]))+(?: (?:[A-Za-z0-9_@%+=:,./-]|\$HOME(?![A-Za-z0-9_]))+)*$/,
  /** An OpenSSH ed25519 public key line: type, base64 blob, optional comment. */
  sshPublicKey: /^ssh-ed25519 [A-Za-z0-9+/]{1,1000}={0,2}(?: [A-Za-z0-9@._-]{1,64})?$/,
} as const;

const IPV6_CHARS = /^[0-9A-Fa-f:.]{2,45}$/;

/** True for an IPv6 literal such as `fd00::2` or `::ffff:10.0.0.2` (no zone, no brackets). */
export function isIpv6(value: string): boolean {
  if (!IPV6_CHARS.test(value) || !value.includes(':') || value.includes(':::')) return false;
  const halves = value.split('::');
  if (halves.length > 2) return false;
  const groupsOf = (part: string | undefined) => (part ? part.split(':') : []);
  const groups = [...groupsOf(halves[0]), ...groupsOf(halves[1])];
  let width = 8;
  const last = groups.at(-1);
  if (last?.includes('.')) {
    if (!PATTERNS.ipv4.test(last) || !value.endsWith(last)) return false;
    groups.pop();
    width = 6;
  }
  if (!groups.every((group) => /^[0-9A-Fa-f]{1,4}$/.test(group))) return false;
  return halves.length === 2 ? groups.length < width : groups.length === width;
}

/** True for a DNS hostname whose last label is not all digits (so `10.0.0.256` is no hostname). */
function isHostname(value: string): boolean {
  return PATTERNS.hostname.test(value) && !/^\d+$/.test(value.slice(value.lastIndexOf('.') + 1));
}

/** True for an IPv4 literal, an IPv6 literal or a DNS hostname. */
export function isHost(value: string): boolean {
  return PATTERNS.ipv4.test(value) || isIpv6(value) || isHostname(value);
}

/**
 * True for an absolute, normalised remote path (`/home/spark/models/ft-v2`) or one under the
 * remote user's home (`~/spark-vllm-docker/launch-cluster.sh`): no `.`/`..` segments, no
 * doubled or trailing slashes, only safe characters.
 */
export function isRemotePath(value: string, options: { allowHome?: boolean } = {}): boolean {
  if (value.length > 1024) return false;
  let rest: string;
  if (options.allowHome && value.startsWith('~/')) rest = value.slice(2);
  else if (value.startsWith('/')) rest = value.slice(1);
  else return false;
  if (rest === '') return value === '/';
  return rest
    .split('/')
    .every((segment) => PATTERNS.pathSegment.test(segment) && segment !== '.' && segment !== '..');
}
