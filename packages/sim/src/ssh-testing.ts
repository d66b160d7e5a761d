import ssh2 from 'ssh2';

const { Client } = ssh2;

export interface ExecResult {
  code: number | null;
  signal?: string;
  stdout: string;
  stderr: string;
  /** stdout chunks with the time they arrived (ms since the exec started). */
  chunks: { at: number; text: string }[];
  /** Set when the connection broke before the command reported an exit. */
  error?: Error;
}

export type SshAuth = { password: string } | { privateKey: string | Buffer };

/** Runs one command over SSH (a fresh connection, like `ssh host cmd`) and collects everything it reports. */
export function sshExec(
  host: string,
  port: number,
  command: string,
  auth: SshAuth,
  options: { readyTimeoutMs?: number; until?: (stdout: string) => boolean } = {},
): Promise<ExecResult> {
  return new Promise((resolve) => {
    const client = new Client();
    const started = Date.now();
    const result: ExecResult = { code: null, stdout: '', stderr: '', chunks: [] };
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      if (error && result.code === null) result.error = error;
      client.end();
      resolve(result);
    };
    client.on('error', (error) => finish(error));
    client.on('close', () =>
      finish(result.code === null && !result.signal ? new Error('connection closed') : undefined),
    );
    client.on('ready', () => {
      client.exec(command, (error, channel) => {
        if (error) return finish(error);
        channel.on('data', (chunk: Buffer) => {
          const text = chunk.toString('utf8');
          result.stdout += text;
          result.chunks.push({ at: Date.now() - started, text });
          // Like pressing Ctrl+C on `ssh host docker logs -f`: hang up once we have seen enough.
          if (options.until?.(result.stdout)) finish();
        });
        channel.stderr.on('data', (chunk: Buffer) => (result.stderr += chunk.toString('utf8')));
        channel.on('exit', (code: number | null, signal?: string) => {
          result.code = code;
          if (signal) result.signal = signal;
        });
        channel.on('close', () => finish());
      });
    });
    client.connect({
      host,
      port,
      username: 'spark',
      readyTimeout: options.readyTimeoutMs ?? 20_000,
      ...auth,
    });
  });
}

/** Two loopback addresses no other test uses (Linux routes all of 127/8 to lo). */
export function randomSparkHosts(count = 2): string[] {
  const a = 20 + Math.floor(Math.random() * 200);
  const b = Math.floor(Math.random() * 250);
  return Array.from({ length: count }, (_unused, index) => `127.${a}.${b}.${index + 2}`);
}
