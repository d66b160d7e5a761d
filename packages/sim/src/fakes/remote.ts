import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import type { SparkContext, SparkInfo } from '../layout.js';
import { clusterLinkUp } from '../network.js';

const { Client } = ssh2;

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

export interface RemoteResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** POSIX single-quoting for one word (safe words stay bare, like bash's `%q` output for them). */
export function quote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/**
 * The Spark an `ssh HOST` from this Spark reaches: HOST is a Spark's cluster (ConnectX) address or its LAN
 * address. The cluster network needs both ConnectX links up; anything else fails the way OpenSSH reports it.
 */
export function sshDestination(
  context: SparkContext,
  host: string,
): { spark: SparkInfo } | { error: string } {
  const byCluster = context.config.sparks.find((spark) => spark.clusterIp === host);
  if (byCluster) {
    if (byCluster.id === context.spark.id || clusterLinkUp(context, byCluster)) return { spark: byCluster };
    const reason = clusterLinkUp(context, context.spark) ? 'No route to host' : 'Network is unreachable';
    return { error: `ssh: connect to host ${host} port 22: ${reason}` };
  }
  const byLan = context.config.sparks.find((spark) => spark.host === host);
  if (byLan) return { spark: byLan };
  return IPV4.test(host)
    ? { error: `ssh: connect to host ${host} port 22: No route to host` }
    : { error: `ssh: Could not resolve hostname ${host}: Name or service not known` };
}

export interface StreamOptions {
  timeoutMs?: number;
  onStdout?: (text: string) => void;
  onStderr?: (text: string) => void;
}

/** Opens an SSH connection with this node's key; resolves undefined (after reporting why) when it fails. */
function connectNode(
  home: string,
  target: SparkInfo,
  timeoutMs: number,
  stderr: (text: string) => void,
): Promise<InstanceType<typeof Client> | undefined> {
  return new Promise((resolve) => {
    const client = new Client();
    let settled = false;
    const fail = (text: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stderr(text);
      client.end();
      resolve(undefined);
    };
    const timer = setTimeout(
      () => fail(`ssh: connect to host ${target.host} port ${target.sshPort}: Connection timed out\n`),
      timeoutMs,
    );
    client.on('error', (error) =>
      fail(
        /authentication/i.test(error.message)
          ? 'spark@spark: Permission denied (publickey).\n'
          : `ssh: ${error.message}\n`,
      ),
    );
    client.on('ready', () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(client);
    });
    let privateKey: Buffer;
    try {
      privateKey = readFileSync(join(home, '.ssh', 'id_ed25519'));
    } catch {
      fail('spark@spark: Permission denied (publickey).\n');
      return;
    }
    client.connect({
      host: target.host,
      port: target.sshPort,
      username: 'spark',
      privateKey,
      readyTimeout: timeoutMs,
    });
  });
}

/** Runs one command on an open connection; the remote exit code, or 255 when the session fails. */
function execOn(
  client: InstanceType<typeof Client>,
  command: string,
  options: StreamOptions,
): Promise<number> {
  return new Promise((resolve) => {
    client.exec(command, (error, channel) => {
      if (error) {
        options.onStderr?.(`${error.message}\n`);
        return resolve(255);
      }
      let code = 0;
      channel.on('data', (chunk: Buffer) => options.onStdout?.(chunk.toString('utf8')));
      channel.stderr.on('data', (chunk: Buffer) => options.onStderr?.(chunk.toString('utf8')));
      channel.on('exit', (exitCode: number | null, signal?: string) => {
        code = exitCode ?? (signal ? 128 + 15 : 255);
      });
      channel.on('close', () => resolve(code));
    });
  });
}

/**
 * Runs a command on another simulated Spark over SSH with this node's key, as `ssh -o BatchMode=yes` would:
 * output is passed on as it arrives; the exit code is the remote one, or 255 when SSH itself fails.
 */
export async function sshStream(
  home: string,
  target: SparkInfo,
  command: string,
  options: StreamOptions = {},
): Promise<number> {
  const client = await connectNode(home, target, options.timeoutMs ?? 5000, (text) =>
    options.onStderr?.(text),
  );
  if (!client) return 255;
  try {
    return await execOn(client, command, options);
  } finally {
    client.end();
  }
}

/**
 * SSH connections one launcher run keeps open, one per Spark (the real script opens one per command;
 * the simulation saves the handshakes, which would otherwise dominate its run time).
 */
export class SshConnections {
  readonly #open = new Map<string, Promise<InstanceType<typeof Client> | undefined>>();

  constructor(private readonly home: string) {}

  async run(target: SparkInfo, command: string, timeoutMs = 5000): Promise<RemoteResult> {
    let stdout = '';
    let stderr = '';
    const onStderr = (text: string) => (stderr += text);
    let connection = this.#open.get(target.id);
    if (!connection) {
      connection = connectNode(this.home, target, timeoutMs, onStderr);
      this.#open.set(target.id, connection);
    }
    const client = await connection;
    if (!client) {
      this.#open.delete(target.id);
      return { code: 255, stdout, stderr };
    }
    const code = await execOn(client, command, { onStdout: (text) => (stdout += text), onStderr });
    return { code, stdout, stderr };
  }

  async close(): Promise<void> {
    for (const connection of this.#open.values()) (await connection)?.end();
    this.#open.clear();
  }
}

/** `sshStream` with the output collected. */
export async function sshRun(
  home: string,
  target: SparkInfo,
  command: string,
  timeoutMs = 5000,
): Promise<RemoteResult> {
  let stdout = '';
  let stderr = '';
  const code = await sshStream(home, target, command, {
    timeoutMs,
    onStdout: (text) => (stdout += text),
    onStderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}
