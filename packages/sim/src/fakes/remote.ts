import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import type { SparkInfo } from '../layout.js';

const { Client } = ssh2;

export interface RemoteResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** POSIX single-quoting for one word (safe words stay bare, like bash's `%q` output for them). */
export function quote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/** Runs a command on another simulated Spark over SSH with this node's key, as `ssh -o BatchMode=yes` would (255 when SSH fails). */
export function sshRun(
  home: string,
  target: SparkInfo,
  command: string,
  timeoutMs = 5000,
): Promise<RemoteResult> {
  return new Promise((resolve) => {
    const client = new Client();
    let stdout = '';
    let stderr = '';
    let settled = false;
    const finish = (result: RemoteResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      client.end();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        finish({
          code: 255,
          stdout,
          stderr: `${stderr}ssh: connect to host ${target.host} port ${target.sshPort}: Connection timed out\n`,
        }),
      timeoutMs,
    );
    client.on('error', (error) => finish({ code: 255, stdout, stderr: `${stderr}ssh: ${error.message}\n` }));
    client.on('ready', () => {
      clearTimeout(timer);
      client.exec(command, (error, channel) => {
        if (error) return finish({ code: 255, stdout, stderr: `${stderr}${error.message}\n` });
        let code = 0;
        channel.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
        channel.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
        channel.on('exit', (exitCode: number | null, signal?: string) => {
          code = exitCode ?? (signal ? 128 + 15 : 255);
        });
        channel.on('close', () => finish({ code, stdout, stderr }));
      });
    });
    let privateKey: Buffer;
    try {
      privateKey = readFileSync(join(home, '.ssh', 'id_ed25519'));
    } catch {
      finish({ code: 255, stdout, stderr: 'Permission denied (publickey).\n' });
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
