import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

const REDACTED = '[REDACTED]';

/**
 * A JSON logger that scrubs every current secret from each line it writes, whatever field
 * or message it hides in; `secrets` is asked on each write so new settings apply at once.
 */
export function createLogger(options: {
  level?: string;
  secrets?: () => readonly string[];
  destination?: DestinationStream;
}): Logger {
  const secrets = options.secrets ?? (() => []);
  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: {
        paths: ['password', '*.password', 'authorization', '*.authorization', 'cookie', '*.cookie'],
        censor: REDACTED,
      },
      hooks: {
        streamWrite: (line) => {
          let scrubbed = line;
          for (const secret of secrets()) {
            if (secret.length >= 4)
              scrubbed = scrubbed.split(JSON.stringify(secret).slice(1, -1)).join(REDACTED);
          }
          return scrubbed;
        },
      },
    },
    options.destination ?? pino.destination(1),
  );
}
