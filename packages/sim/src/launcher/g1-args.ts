import { commonDefaults, readCommonFlag, type CommonOptions } from './common-args.js';

/** G1's command line after its argument loop. */
export interface G1Options extends CommonOptions {
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
    ...commonDefaults(),
    action: 'start',
    command: '',
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    const next = () => args[++index] ?? '';
    if (readCommonFlag(options, arg, args[index + 1], next)) continue;
    switch (arg) {
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
