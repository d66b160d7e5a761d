/** The flags both generations' argument loops read the same way. */
export interface CommonOptions {
  nodesArg: string;
  image: string;
  name: string;
  ethIf: string;
  ibIf: string;
  mods: string[];
  ncclDebug: string;
  checkConfig: boolean;
  daemon: boolean;
}

export function commonDefaults(): CommonOptions {
  return {
    nodesArg: '',
    image: 'vllm-node',
    name: 'vllm_node',
    ethIf: '',
    ibIf: '',
    mods: [],
    ncclDebug: '',
    checkConfig: false,
    daemon: false,
  };
}

/**
 * Reads `arg` when it is one of the shared flags (`next` takes its value, `following` is the word after
 * it); false for any other word.
 */
export function readCommonFlag(
  options: CommonOptions,
  arg: string,
  following: string | undefined,
  next: () => string,
): boolean {
  switch (arg) {
    case '-n':
    case '--nodes':
      options.nodesArg = next();
      return true;
    case '-t':
      options.image = next();
      return true;
    case '--name':
      options.name = next();
      return true;
    case '--eth-if':
      options.ethIf = next();
      return true;
    case '--ib-if':
      options.ibIf = next();
      return true;
    case '--apply-mod':
      options.mods.push(next());
      return true;
    case '--nccl-debug':
      // A level is taken only when one follows; the bare flag means INFO.
      options.ncclDebug = /^(VERSION|WARN|INFO|TRACE)$/.test(following ?? '') ? next() : 'INFO';
      return true;
    case '--check-config':
      options.checkConfig = true;
      return true;
    case '-d':
      options.daemon = true;
      return true;
    default:
      return false;
  }
}
