import { dockerCommand, type Io } from '../docker/cli.js';
import type { SparkContext } from '../layout.js';
import { sleep } from '../processes.js';
import { quote, sshDestination, SshConnections, type RemoteResult } from '../fakes/remote.js';

/** Writes a line to the launcher's stdout (echo) or stderr (echo >&2). */
export const out = (line: string): void => void process.stdout.write(`${line}\n`);
export const err = (line: string): void => void process.stderr.write(`${line}\n`);

/** A node of the launch: the head runs docker locally, every other node over `ssh <ip>`. */
export interface LaunchNode {
  ip: string;
  local: boolean;
}

/**
 * What the launcher does on its nodes, the way the bash script does it: `docker …` on the head,
 * `ssh <ip> "docker …"` on a worker (the head user's key; failures exit 255 as OpenSSH does).
 */
export class NodeShell {
  readonly #connections: SshConnections;

  constructor(readonly context: SparkContext) {
    this.#connections = new SshConnections(context.spark.home);
  }

  /** Closes the SSH connections to the workers. */
  close(): Promise<void> {
    return this.#connections.close();
  }

  /** `docker ARGS` on a node; `raw` is appended unparsed (word-split like an unquoted `$DOCKER_ARGS`). */
  async docker(node: LaunchNode, args: string[], raw = ''): Promise<RemoteResult> {
    if (node.local) {
      let stdout = '';
      let stderr = '';
      const io: Io = { out: (text) => (stdout += text), err: (text) => (stderr += text) };
      const words = raw.trim() === '' ? [] : raw.trim().split(/\s+/);
      const code = await dockerCommand(this.context, [...args, ...words], io);
      return { code, stdout, stderr };
    }
    return this.ssh(node.ip, `docker ${args.map(quote).join(' ')} ${raw}`.trim());
  }

  /** `docker ARGS` on the head with its output going straight to the launcher's (a foreground command). */
  dockerLive(args: string[]): Promise<number> {
    return dockerCommand(this.context, args);
  }

  /** `ssh -o BatchMode=yes -o ConnectTimeout=5 <ip> COMMAND`. */
  async ssh(ip: string, command: string): Promise<RemoteResult> {
    const destination = sshDestination(this.context, ip);
    if ('error' in destination) return { code: 255, stdout: '', stderr: `${destination.error}\n` };
    return this.#connections.run(destination.spark, command);
  }

  /** `docker ps --format '{{.Names}}' | grep -q "^NAME$"` on a node. */
  async running(node: LaunchNode, name: string): Promise<boolean> {
    const result = await this.docker(node, ['ps', '--format', '{{.Names}}']);
    return result.stdout.split('\n').includes(name);
  }

  /** `docker ps | grep -q NAME`: the substring match `status` uses. */
  async listed(node: LaunchNode, name: string): Promise<boolean> {
    const result = await this.docker(node, ['ps']);
    return result.stdout.includes(name);
  }

  /** The pause the script takes after starting idle containers (`sleep 2`, scaled for tests). */
  settle(): Promise<void> {
    return sleep(this.context.config.launcherSettleMs ?? 2000);
  }
}

/** Passes a command's captured output on to the launcher's own stdout and stderr. */
export function relay(result: RemoteResult): void {
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
}
