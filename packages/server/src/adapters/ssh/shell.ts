import { PATTERNS, isHost, isRemotePath } from '@spark-control/schema';

/**
 * The one place that builds remote command strings. Every value is checked against a strict
 * pattern for its kind, then POSIX single-quoted; `command` accepts only such values, so an
 * unvalidated string cannot reach a remote shell (passing one is a compile error).
 */

/** A value refused by a validator; `field` names what it was meant to be. */
export class ShellValueError extends Error {
  readonly field: string;

  constructor(field: string, reason: string) {
    super(`${field} ${reason}`);
    this.name = 'ShellValueError';
    this.field = field;
  }
}

// Module-private factories: nothing outside this file can make a ShellArg or ShellCommand.
const MINT = Symbol('shell-module');
let makeArg: (quoted: string) => ShellArg;
let makeCommand: (text: string) => ShellCommand;

/** One validated, quoted shell word (or a fixed composition of quoted parts). */
export class ShellArg {
  readonly #text: string;

  private constructor(mint: symbol, text: string) {
    if (mint !== MINT) throw new ShellValueError('shell value', 'is made only by the shell module');
    this.#text = text;
  }

  static {
    makeArg = (quoted) => new ShellArg(MINT, quoted);
  }

  /** The word as it appears in a command line (already quoted). */
  toString(): string {
    return this.#text;
  }
}

/** A complete command line built by `command`; the only input the SSH adapter accepts. */
export class ShellCommand {
  readonly #text: string;

  private constructor(mint: symbol, text: string) {
    if (mint !== MINT) throw new ShellValueError('command', 'is made only by the shell module');
    this.#text = text;
  }

  static {
    makeCommand = (text) => new ShellCommand(MINT, text);
  }

  get text(): string {
    return this.#text;
  }

  toString(): string {
    return this.#text;
  }
}

const MAX_TEXT = 4096;

/**
 * POSIX single-quote quoting: the result reaches the shell as exactly `value`.
 * Refuses NUL, which no shell argument can carry.
 */
export function quote(value: string): string {
  if (value.includes('\0')) throw new ShellValueError('value', 'must not contain NUL');
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

function refuseCommon(field: string, value: unknown, maxLength: number): string {
  if (typeof value !== 'string') throw new ShellValueError(field, 'must be text');
  if (value.length === 0) throw new ShellValueError(field, 'must not be blank');
  if (value.length > maxLength) throw new ShellValueError(field, `must be at most ${maxLength} characters`);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(value)) {
    throw new ShellValueError(field, 'must not contain control or invisible characters');
  }
  if (value.startsWith('-')) throw new ShellValueError(field, 'must not start with -');
  return value;
}

function byPattern(field: string, pattern: RegExp, expected: string, maxLength = 256) {
  return (value: string): ShellArg => {
    const text = refuseCommon(field, value, maxLength);
    if (!pattern.test(text)) throw new ShellValueError(field, `must be ${expected}`);
    return makeArg(quote(text));
  };
}

function renderRemotePath(path: string): string {
  if (!path.startsWith('~/')) return quote(path);
  // A quoted ~ does not expand, so the home directory comes from "$HOME".
  return `"$HOME"/${quote(path.slice(2))}`;
}

/** Validating constructors, one per kind of value that reaches a remote command. */
export const shellArg = {
  /** A Hugging Face model id such as `Qwen/Qwen3-30B-A3B-FP8`. */
  modelId: (value: string): ShellArg => {
    const text = refuseCommon('model id', value, 193);
    if (!PATTERNS.hfRepo.test(text) || text.includes('..') || text.includes('--')) {
      throw new ShellValueError('model id', 'must be a Hugging Face repo id such as Qwen/Qwen3-30B-A3B-FP8');
    }
    return makeArg(quote(text));
  },
  /** The name vLLM serves a model under (`--served-model-name`). */
  servedName: (value: string): ShellArg => {
    const text = refuseCommon('served model name', value, 128);
    if (!PATTERNS.servedName.test(text) || text.includes('..')) {
      throw new ShellValueError('served model name', 'must be letters, digits and _ . : / - (no ..)');
    }
    return makeArg(quote(text));
  },
  /** An absolute, normalised path on a Spark: `/home/spark/models/ft-v2`. */
  localPath: (value: string): ShellArg => {
    const text = refuseCommon('path', value, 1024);
    if (!isRemotePath(text))
      throw new ShellValueError('path', 'must be an absolute path without .. or special characters');
    return makeArg(quote(text));
  },
  /** An absolute path or one under the remote user's home (`~/spark-vllm-docker/launch-cluster.sh`). */
  remotePath: (value: string): ShellArg => {
    const text = refuseCommon('remote path', value, 1024);
    if (!isRemotePath(text, { allowHome: true })) {
      throw new ShellValueError(
        'remote path',
        'must be an absolute path or one starting with ~/, without .. or special characters',
      );
    }
    return makeArg(renderRemotePath(text));
  },
  container: byPattern(
    'container name',
    PATTERNS.containerName,
    'a Docker container name: letters, digits, _ . and -',
  ),
  /** A hostname, IPv4 or IPv6 literal (no brackets, no port). */
  host: (value: string): ShellArg => {
    const text = refuseCommon('host', value, 253);
    if (!isHost(text)) throw new ShellValueError('host', 'must be an IP address or a hostname');
    return makeArg(quote(text));
  },
  unixUser: byPattern('user', PATTERNS.unixUser, 'a Linux user name: lowercase letters, digits, _ and -'),
  gitBranch: byPattern('git branch', PATTERNS.gitBranch, 'a git branch name such as main or release/1.2'),
  serviceId: byPattern('service id', PATTERNS.slug, 'lowercase letters, digits and dashes'),
  port: (value: number): ShellArg => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
      throw new ShellValueError('port', 'must be a whole number from 1 to 65535');
    }
    return makeArg(String(value));
  },
  /**
   * `NAME=value` as one word, for an env prefix or `docker run -e`. The value may use `$HOME`
   * (expanded remotely), never `~` or other variables: `VLLM_SPARK_EXTRA_DOCKER_ARGS=-v $HOME/m:/m`.
   */
  envAssignment: (name: string, value: string): ShellArg => {
    if (typeof name !== 'string' || !PATTERNS.envName.test(name)) {
      throw new ShellValueError('environment variable name', 'must be upper-case letters, digits and _');
    }
    const field = `value of ${name}`;
    if (typeof value !== 'string') throw new ShellValueError(field, 'must be text');
    if (!PATTERNS.envValue.test(value) || /(^|[/ :=])\.\.($|[/ :])/.test(value)) {
      throw new ShellValueError(
        field,
        'must be words of letters, digits and _ @ % + = : , . / - separated by single spaces ($HOME allowed, no ..)',
      );
    }
    const rendered = value
      .split('$HOME')
      .map((part) => (part === '' ? '' : quote(part)))
      .join('"$HOME"');
    return makeArg(`${name}=${rendered}`);
  },
  /** An OpenSSH ed25519 public key line (the controller's own key, for authorized_keys). */
  publicKey: byPattern('public key', PATTERNS.sshPublicKey, 'an ssh-ed25519 public key line', 1200),
  /** A value matching a strict pattern defined in code (e.g. a vLLM parser name). */
  token: (field: string, value: string, pattern: RegExp): ShellArg => {
    const text = refuseCommon(field, value, 256);
    if (!pattern.test(text)) throw new ShellValueError(field, `must match ${String(pattern)}`);
    return makeArg(quote(text));
  },
  /** A command-line flag such as `--enable-prefix-caching` (the only words that may start with -). */
  flag: (value: string): ShellArg => {
    if (typeof value !== 'string' || !/^--[a-z][a-z0-9-]{1,48}$/.test(value)) {
      throw new ShellValueError('flag', 'must be a long option such as --enforce-eager');
    }
    return makeArg(value);
  },
  /** A command line passed as one argument to `sh -c` or `bash -c`. */
  script: (value: ShellCommand): ShellArg => {
    if (!(value instanceof ShellCommand))
      throw new ShellValueError('script', 'must be a command built by `command`');
    return makeArg(quote(value.text));
  },
  /** A JSON document as one argument (e.g. `--override-generation-config`). */
  json: (field: string, value: unknown): ShellArg => {
    const json = JSON.stringify(value) as string | undefined;
    if (json === undefined) throw new ShellValueError(field, 'must be JSON');
    return makeArg(quote(refuseCommon(field, json, MAX_TEXT)));
  },
} as const;

/** What may appear inside `${…}` of `command`: validated words, whole commands, numbers. */
export type CommandPart = ShellArg | ShellCommand | number | readonly ShellArg[];

function renderPart(part: CommandPart): string {
  if (part instanceof ShellArg) return part.toString();
  if (part instanceof ShellCommand) return part.text;
  if (typeof part === 'number') {
    if (!Number.isFinite(part)) throw new ShellValueError('number', 'must be finite');
    return String(part);
  }
  if (Array.isArray(part) && part.every((item) => item instanceof ShellArg))
    return part.map(String).join(' ');
  throw new ShellValueError('command part', 'must be a validated shell value');
}

/**
 * Builds a command line from literal source text and validated values.
 *
 * @example
 * const cmd = command`docker logs --tail ${200} ${shellArg.container(settings.vllm.container)}`;
 */
export function command(literals: TemplateStringsArray, ...parts: CommandPart[]): ShellCommand {
  // Template literal arrays are frozen and carry `raw`; a hand-made array is refused.
  if (!Object.isFrozen(literals) || !Array.isArray(literals.raw) || literals.length !== parts.length + 1) {
    throw new ShellValueError('command', 'must be written as a tagged template');
  }
  let text = '';
  literals.forEach((literal, index) => {
    if (literal === undefined) throw new ShellValueError('command', 'has an invalid escape sequence');
    text += literal;
    const part = parts[index];
    if (part !== undefined) text += renderPart(part);
  });
  if (text.includes('\0')) throw new ShellValueError('command', 'must not contain NUL');
  return makeCommand(text);
}

/** Joins whole commands with a shell operator, e.g. `joinCommands([a, b], '&&')`. */
export function joinCommands(
  commands: readonly ShellCommand[],
  operator: '&&' | '||' | ';' | '|',
): ShellCommand {
  if (!commands.every((item) => item instanceof ShellCommand)) {
    throw new ShellValueError('command', 'must be built by `command`');
  }
  return makeCommand(commands.map((item) => item.text).join(` ${operator} `));
}
