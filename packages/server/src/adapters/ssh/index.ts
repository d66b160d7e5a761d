import { join } from 'node:path';
import type { Logger } from '../logger.js';
import { copyPublicKey, type CopyKeyResult } from './copy-key.js';
import type { SshTarget } from './connect.js';
import { HostKeyStore } from './host-keys.js';
import { ControllerKey } from './keys.js';
import { SshPool, type SshPoolOptions } from './pool.js';

export type { SshTarget } from './connect.js';
export type { ExecOptions, ExecResult, SshLine, SshStream } from './pool.js';
export { SshPool } from './pool.js';
export { ControllerKey } from './keys.js';
export { HostKeyStore, fingerprintOf, type HostKeyPin } from './host-keys.js';
export { copyPublicKey, type CopyKeyResult } from './copy-key.js';
export * from './errors.js';
export {
  ShellArg,
  ShellCommand,
  ShellValueError,
  command,
  joinCommands,
  shellArg,
  type CommandPart,
} from './shell.js';

/** Everything the server needs to reach Sparks, rooted at `<dataDir>/ssh`. */
export interface SshAdapter {
  pool: SshPool;
  key: ControllerKey;
  hostKeys: HostKeyStore;
  /** The one-time password flow of the "Copy SSH key" action. */
  copyPublicKey(params: { spark: SshTarget; password: string }): Promise<CopyKeyResult>;
}

/**
 * Loads (or creates) the controller key and the pinned host keys under `<dataDir>/ssh`.
 *
 * @example
 * const ssh = await createSshAdapter({ dataDir: env.dataDir, log });
 * settings.subscribe((current) => ssh.pool.retain(sshTargetsInUse(current)));
 */
export async function createSshAdapter(
  options: { dataDir: string; log?: Logger } & Omit<SshPoolOptions, 'key' | 'hostKeys' | 'log'>,
): Promise<SshAdapter> {
  const { dataDir, ...poolOptions } = options;
  const dir = join(dataDir, 'ssh');
  const key = await ControllerKey.load(dir);
  const hostKeys = new HostKeyStore(join(dir, 'known_hosts.json'));
  const pool = new SshPool({ ...poolOptions, key, hostKeys });
  return {
    pool,
    key,
    hostKeys,
    copyPublicKey: ({ spark, password }) => copyPublicKey({ spark, password, key, hostKeys }),
  };
}
