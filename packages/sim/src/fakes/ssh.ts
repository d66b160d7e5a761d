import { sparkContextFromEnv } from '../layout.js';
import { sshDestination, sshStream } from './remote.js';

// The fake OpenSSH client on a simulated Spark's PATH: `ssh [options] [user@]host [command…]`, with this
// node's key (the passwordless SSH between Sparks that spark-vllm-docker needs).

/** OpenSSH options that take an argument. */
const VALUE_OPTIONS = new Set('BbcDEeFIiJLlmOoPpQRSWw'.split('').map((letter) => `-${letter}`));

function parseArgs(args: string[]): { host: string; command: string; connectTimeoutMs: number } | undefined {
  let connectTimeoutMs = 10_000;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (VALUE_OPTIONS.has(arg)) {
      const value = args[++index] ?? '';
      const timeout = /^ConnectTimeout=(\d+)$/i.exec(value);
      if (arg === '-o' && timeout) connectTimeoutMs = Number(timeout[1]) * 1000;
      continue;
    }
    if (/^-[A-Za-z0-9]+$/.test(arg)) continue;
    const host = arg.slice(arg.indexOf('@') + 1);
    return { host, command: args.slice(index + 1).join(' '), connectTimeoutMs };
  }
  return undefined;
}

const parsed = parseArgs(process.argv.slice(2));
if (!parsed) {
  process.stderr.write(
    'usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]\n           [-c cipher_spec] [-D [bind_address:]port] [-E log_file] [-e escape_char]\n           destination [command [argument ...]]\n',
  );
  process.exitCode = 255;
} else {
  const context = sparkContextFromEnv();
  const destination = sshDestination(context, parsed.host);
  if ('error' in destination) {
    process.stderr.write(`${destination.error}\n`);
    process.exitCode = 255;
  } else {
    process.exitCode = await sshStream(context.spark.home, destination.spark, parsed.command || 'true', {
      timeoutMs: parsed.connectTimeoutMs,
      onStdout: (text) => process.stdout.write(text),
      onStderr: (text) => process.stderr.write(text),
    });
  }
}
