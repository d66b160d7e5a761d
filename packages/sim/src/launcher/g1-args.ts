/** G1's command line after its argument loop. */
export interface G1Options {
  nodesArg: string;
  image: string;
  name: string;
  ethIf: string;
  ibIf: string;
  mods: string[];
  ncclDebug: string;
  checkConfig: boolean;
  daemon: boolean;
  action: 'start' | 'stop' | 'status' | 'exec';
  /** `COMMAND_TO_RUN="$@"`: the remaining words joined by spaces, unquoted. */
  command: string;
}

/**
 * G1's argument loop: `start` is the default action, and the first word it does not know (`--solo`,
 * `--ray`, a command) starts the command of an implicit `exec`.
 */
export function parseG1(args: string[]): G1Options | 'usage' {
  const options: G1Options = {
    nodesArg: '',
    image: 'vllm-node',
    name: 'vllm_node',
    ethIf: '',
    ibIf: '',
    mods: [],
    ncclDebug: '',
    checkConfig: false,
    daemon: false,
    action: 'start',
    command: '',
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    const next = () => args[++index] ?? '';
    switch (arg) {
      case '-n':
      case '--nodes':
        options.nodesArg = next();
        break;
      case '-t':
        options.image = next();
        break;
      case '--name':
        options.name = next();
        break;
      case '--eth-if':
        options.ethIf = next();
        break;
      case '--ib-if':
        options.ibIf = next();
        break;
      case '--apply-mod':
        options.mods.push(next());
        break;
      case '--nccl-debug':
        options.ncclDebug = /^(VERSION|WARN|INFO|TRACE)$/.test(args[index + 1] ?? '') ? next() : 'INFO';
        break;
      case '--check-config':
        options.checkConfig = true;
        break;
      case '-d':
        options.daemon = true;
        break;
      case '-h':
      case '--help':
        return 'usage';
      case 'start':
      case 'stop':
      case 'status':
        options.action = arg;
        break;
      case 'exec':
        options.action = 'exec';
        options.command = args.slice(index + 1).join(' ');
        return options;
      default:
        options.action = 'exec';
        options.command = args.slice(index).join(' ');
        return options;
    }
  }
  return options;
}
