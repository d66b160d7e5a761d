import type { Client } from 'ssh2';
import { openConnection, type SshAuth, type SshTarget } from './connect.js';
import { SshConnectError, SshError, SshTimeoutError } from './errors.js';
import type { HostKeyStore } from './host-keys.js';
import type { ControllerKey } from './keys.js';
import { command, shellArg, type ShellCommand } from './shell.js';

export interface CopyKeyParams {
  spark: SshTarget;
  /** One-time login password: used for this call only, never stored or logged. */
  password: string;
  key: ControllerKey;
  hostKeys: HostKeyStore;
  timeoutMs?: number;
}

export interface CopyKeyResult {
  /** False when authorized_keys already held the key (nothing was appended). */
  added: boolean;
  fingerprint: string;
}

/** The script run with the password: idempotent append, 700 on ~/.ssh and 600 on the file. */
export function authorizeKeyCommand(publicKey: string): ShellCommand {
  const line = shellArg.publicKey(publicKey);
  const [type, blob] = publicKey.split(' ');
  // Match on type and key material, so the same key under another comment is not added twice.
  const material = shellArg.publicKey(`${type ?? ''} ${blob ?? ''}`);
  const dir = shellArg.remotePath('~/.ssh');
  const file = shellArg.remotePath('~/.ssh/authorized_keys');
  return command`umask 077 && mkdir -p ${dir} && chmod 700 ${dir} && touch ${file} && chmod 600 ${file} && if grep -qF ${material} ${file}; then echo present; else { if [ -s ${file} ] && [ -n "$(tail -c 1 ${file})" ]; then echo >> ${file}; fi; printf '%s\n' ${line} >> ${file} && echo added; }; fi`;
}

function run(
  client: Client,
  sparkId: string,
  cmd: ShellCommand,
  timeoutMs: number,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // The client is ended by withConnection afterwards, which also closes a hung channel.
    const timer = setTimeout(() => reject(new SshTimeoutError(sparkId, timeoutMs)), timeoutMs);
    client.exec(cmd.text, (error, channel) => {
      if (error) {
        clearTimeout(timer);
        reject(new SshError(sparkId, `could not start a command on Spark "${sparkId}"`, { cause: error }));
        return;
      }
      let stdout = '';
      let stderr = '';
      let code: number | null = null;
      channel.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      channel.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      channel.on('exit', (exitCode: number | null) => (code = exitCode));
      channel.on('close', () => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  });
}

async function withConnection<T>(
  spark: SshTarget,
  auth: SshAuth,
  params: Pick<CopyKeyParams, 'hostKeys' | 'timeoutMs'>,
  use: (client: Client) => Promise<T>,
): Promise<T> {
  const client = await openConnection({
    target: spark,
    auth,
    hostKeys: params.hostKeys,
    timeoutMs: params.timeoutMs ?? 15_000,
  });
  try {
    return await use(client);
  } finally {
    client.end();
  }
}

/**
 * Logs in once with a password, appends the controller's public key to `~/.ssh/authorized_keys`
 * (no duplicates), then proves that key login works over a fresh connection.
 */
export async function copyPublicKey(params: CopyKeyParams): Promise<CopyKeyResult> {
  const { spark, key } = params;
  const timeoutMs = params.timeoutMs ?? 15_000;
  const script = authorizeKeyCommand(key.publicKey());
  const outcome = await withConnection(spark, { password: params.password }, params, (client) =>
    run(client, spark.id, script, timeoutMs),
  );
  if (outcome.code !== 0) {
    const detail = outcome.stderr.trim().split('\n').at(-1) ?? '';
    throw new SshError(
      spark.id,
      `could not add the controller's key on Spark "${spark.id}" (exit ${String(outcome.code)}): ${detail}`,
    );
  }
  const proof = await withConnection(spark, { privateKey: key.privateKeyForConnection() }, params, (client) =>
    run(client, spark.id, command`true`, timeoutMs),
  ).catch((error: unknown) => {
    if (error instanceof SshConnectError && error.reason === 'auth') {
      throw new SshConnectError(
        spark.id,
        'auth',
        `the key was added on Spark "${spark.id}" but key login is still refused; check PubkeyAuthentication in sshd_config and that the home directory is not group- or world-writable (StrictModes)`,
        { cause: error },
      );
    }
    throw error;
  });
  if (proof.code !== 0)
    throw new SshError(spark.id, `key login to Spark "${spark.id}" works but a test command failed`);
  return { added: outcome.stdout.includes('added'), fingerprint: key.fingerprint() };
}
