import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePrivateKey } from '../keys.js';

export const SSHD = '/usr/sbin/sshd';

/** sshd refuses to start without its privilege-separation directory; only root can make it. */
export function sshdUsable(): boolean {
  if (!existsSync(SSHD)) return false;
  if (existsSync('/run/sshd')) return true;
  try {
    mkdirSync('/run/sshd', { mode: 0o755 });
    return true;
  } catch {
    return false;
  }
}

export interface SshdOptions {
  dir: string;
  port: number;
  /** Private host key (OpenSSH format). */
  hostKey: string;
  /** Files sshd reads authorized keys from (absolute, or relative to the user's home). */
  authorizedKeysFiles: string[];
  passwordAuthentication?: boolean;
}

/**
 * Debian's real sshd on 127.0.0.1 with a temporary config, as the current user (root in CI):
 * `sshd -D -e -f <config>`, resolved once it logs that it listens.
 */
export class Sshd {
  readonly log: string[] = [];
  readonly #child: ChildProcess;

  private constructor(child: ChildProcess) {
    this.#child = child;
  }

  static async start(options: SshdOptions): Promise<Sshd> {
    const hostKeyFile = join(options.dir, `host_key_${options.port}_${Date.now()}`);
    writeFileSync(hostKeyFile, options.hostKey, { mode: 0o600 });
    const config = join(options.dir, 'sshd_config');
    writeFileSync(
      config,
      [
        'ListenAddress 127.0.0.1',
        `Port ${options.port}`,
        `HostKey ${hostKeyFile}`,
        `PidFile ${join(options.dir, 'sshd.pid')}`,
        `AuthorizedKeysFile ${options.authorizedKeysFiles.join(' ')}`,
        'PubkeyAuthentication yes',
        `PasswordAuthentication ${options.passwordAuthentication ? 'yes' : 'no'}`,
        'KbdInteractiveAuthentication no',
        'PermitRootLogin prohibit-password',
        'UsePAM no',
        'StrictModes no',
        'MaxSessions 10',
        'LogLevel VERBOSE',
        '',
      ].join('\n'),
    );
    const child = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    const sshd = new Sshd(child);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`sshd did not start:\n${sshd.log.join('\n')}`)),
        10_000,
      );
      child.stderr?.setEncoding('utf8').on('data', (text: string) => {
        sshd.log.push(...text.trimEnd().split('\n'));
        if (text.includes(`Server listening on 127.0.0.1 port ${options.port}`)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`sshd exited with ${String(code)}:\n${sshd.log.join('\n')}`));
      });
    });
    return sshd;
  }

  static hostKey(): string {
    return generatePrivateKey();
  }

  async stop(): Promise<void> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.#child.once('exit', resolve));
    this.#child.kill('SIGTERM');
    await exited;
  }
}
