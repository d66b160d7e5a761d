import { commonDefaults, readCommonFlag, type CommonOptions } from './common-args.js';

/** bash's `printf %q`: unsafe characters backslash-escaped, an empty word as `''`. */
export function printfQ(word: string): string {
  if (word === '') return "''";
  return word.replace(/[^A-Za-z0-9_@%+=:,./-]/g, (char) => `\\${char}`);
}

export type Action = '' | 'start' | 'stop' | 'status' | 'exec';

/** G2's command line after its argument loop. */
export interface G2Options extends CommonOptions {
  /** `-e K=V` entries (added to DOCKER_ARGS). */
  env: string[];
  volumes: string[];
  publish: string[];
  masterPort: string;
  solo: boolean;
  noRay: boolean;
  rayExplicit: boolean;
  noRayExplicit: boolean;
  cacheDirs: boolean;
  configFile: string;
  action: Action;
  /** After `exec`: each argument `printf %q`-quoted, joined by spaces. */
  command: string;
}

/** What the loop decided: go on with these options, or exit with a code after printing `lines`. */
export type G2Parse = { options: G2Options } | { exit: number; lines: string[]; usage: boolean };

/** G2's `while [[ "$#" -gt 0 ]]; do case $1 in … esac` over the arguments. */
export function parseG2(args: string[]): G2Parse {
  const options: G2Options = {
    ...commonDefaults(),
    env: [],
    volumes: [],
    publish: [],
    masterPort: '29501',
    solo: false,
    noRay: true,
    rayExplicit: false,
    noRayExplicit: false,
    cacheDirs: true,
    configFile: '',
    action: '',
    command: '',
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    const next = () => args[++index] ?? '';
    if (readCommonFlag(options, arg, args[index + 1], next)) continue;
    switch (arg) {
      case '-e':
      case '--env':
        options.env.push(next());
        break;
      case '-j':
      case '--apply-vllm-pr':
      case '--launch-script':
      case '--earlyoom-args':
      case '--mem-limit-gb':
      case '--mem-swap-limit-gb':
      case '--pids-limit':
      case '--shm-size-gb':
        next();
        break;
      case '--master-port':
      case '--head-port':
        options.masterPort = next();
        break;
      case '-p':
      case '--publish':
        options.publish.push(next());
        break;
      case '-v':
      case '--volume':
        options.volumes.push(next());
        break;
      case '--solo':
        options.solo = true;
        break;
      case '--ray':
        if (options.noRayExplicit)
          return { exit: 1, lines: ['Error: --ray and --no-ray are mutually exclusive.'], usage: false };
        options.noRay = false;
        options.rayExplicit = true;
        break;
      case '--no-ray':
        if (options.rayExplicit)
          return { exit: 1, lines: ['Error: --ray and --no-ray are mutually exclusive.'], usage: false };
        options.noRay = true;
        options.noRayExplicit = true;
        break;
      case '--no-cache-dirs':
        options.cacheDirs = false;
        break;
      case '--keep-entrypoint':
      case '--earlyoom':
      case '--non-privileged':
      case '--setup':
      case '--discover':
        break;
      case '-h':
      case '--help':
        return { exit: 1, lines: [], usage: true };
      case '--config':
        options.configFile = next();
        break;
      case 'start':
      case 'stop':
      case 'status':
        options.action = arg;
        break;
      case 'exec':
        options.action = 'exec';
        options.command = args
          .slice(index + 1)
          .map((word) => `${printfQ(word)} `)
          .join('');
        return { options };
      default:
        if (/^-[pv]=|^--(publish|volume|earlyoom-args)=/.test(arg)) {
          const value = arg.slice(arg.indexOf('=') + 1);
          if (arg.startsWith('-p') || arg.startsWith('--publish')) options.publish.push(value);
          else if (!arg.startsWith('--earlyoom')) options.volumes.push(value);
          break;
        }
        return { exit: 1, lines: [`Error: Unknown argument or action: ${arg}`], usage: true };
    }
  }
  return { options };
}
