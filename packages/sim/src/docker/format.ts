import { type ContainerRecord, humanDuration } from './store.js';
import { displayCommand } from './images.js';

/** Docker's `CreatedAt` layout: `2026-11-21 05:50:34 +0000 UTC`. */
function dockerDate(ms: number): string {
  return `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)} +0000 UTC`;
}

function shellWords(words: string[]): string {
  return words.join(' ');
}

function ellipsis(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One `docker ps --format '{{json .}}'` object (every field a string). */
export function psObject(record: ContainerRecord, now = Date.now()): Record<string, string> {
  const status =
    record.status === 'running'
      ? `Up ${humanDuration(now - record.startedAt)}`
      : record.status === 'created'
        ? 'Created'
        : `Exited (${record.exitCode}) ${humanDuration(now - (record.finishedAt ?? now))} ago`;
  return {
    Command: `"${ellipsis(shellWords(displayCommand(record.spec)), 20)}"`,
    CreatedAt: dockerDate(record.createdAt),
    ID: record.id.slice(0, 12),
    Image: record.spec.image,
    Labels: Object.entries(record.spec.labels)
      .map(([key, value]) => `${key}=${value}`)
      .join(','),
    LocalVolumes: '0',
    Mounts: record.spec.mounts.map((mount) => ellipsis(mount.source, 15)).join(','),
    Names: record.spec.name,
    Networks: record.spec.network,
    Ports: '',
    RunningFor: `${humanDuration(now - record.createdAt)} ago`,
    Size: '0B',
    State: record.status,
    Status: status,
  };
}

/** `docker inspect` object with the fields the contract names. */
export function inspectObject(record: ContainerRecord): Record<string, unknown> {
  const cmd = displayCommand(record.spec);
  return {
    Id: record.id,
    Created: new Date(record.createdAt).toISOString(),
    Path: cmd[0] ?? '',
    Args: cmd.slice(1),
    State: {
      Status: record.status,
      Running: record.status === 'running',
      Paused: false,
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      Pid: record.status === 'running' ? record.pid : 0,
      ExitCode: record.exitCode,
      Error: '',
      StartedAt: new Date(record.startedAt).toISOString(),
      FinishedAt: record.finishedAt ? new Date(record.finishedAt).toISOString() : '0001-01-01T00:00:00Z',
    },
    Image: `sha256:${record.id.slice(0, 12)}`,
    Name: `/${record.spec.name}`,
    RestartCount: 0,
    HostConfig: {
      AutoRemove: record.spec.autoRemove,
      NetworkMode: record.spec.network,
      Binds: record.spec.mounts.map(
        (mount) => `${mount.source}:${mount.destination}${mount.mode ? `:${mount.mode}` : ''}`,
      ),
    },
    Mounts: record.spec.mounts.map((mount) => ({
      Type: 'bind',
      Source: mount.source,
      Destination: mount.destination,
      Mode: mount.mode,
      RW: mount.mode !== 'ro',
      Propagation: 'rprivate',
    })),
    Config: {
      Hostname: record.spec.name,
      Image: record.spec.image,
      Cmd: cmd,
      Env: record.spec.env,
      Labels: record.spec.labels,
    },
    NetworkSettings: { Networks: { [record.spec.network]: {} } },
  };
}

function lookup(value: unknown, path: string): unknown {
  if (path === '' || path === '.') return value;
  let current = value;
  for (const key of path.replace(/^\./, '').split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function plain(value: unknown): string {
  if (value === undefined || value === null) return '<no value>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(plain).join(' ')}]`;
  return `map[${Object.entries(value as Record<string, unknown>)
    .map(([key, entry]) => `${key}:${plain(entry)}`)
    .join(' ')}]`;
}

/** The subset of Go templates the controller uses: `{{json .}}`, `{{json .A.B}}`, `{{.A.B}}`, `\t`. */
export function renderTemplate(template: string, value: unknown): string {
  return template
    .replace(
      /\{\{\s*(json\s+)?(\.[A-Za-z0-9_.]*)\s*\}\}/g,
      (_match, json: string | undefined, path: string) => {
        const found = lookup(value, path);
        return json ? JSON.stringify(found ?? null) : plain(found);
      },
    )
    .replace(/\\t/g, '\t')
    .replace(/\\n/g, '\n');
}
