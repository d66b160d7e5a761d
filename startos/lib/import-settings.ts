import { isHost, PATTERNS } from '@spark-control/schema';
import { isRecord } from './files.js';
import { KNOWN_SERVICES, type KnownServiceId } from './configure-form.js';

/**
 * Reads the earlier (Python) Spark Control package's `KEY=value` settings and says where each
 * goes in settings.json. Keys are matched without regard to case; `export `, quotes, comments
 * and blank lines are allowed. Every other line is named with the reason.
 */

export interface ImportedLine {
  line: number;
  key: string;
  /** Settings path, such as `sparks[spark1].host` (the Spark with that id) or `vllm.port`. */
  path: string;
  value: unknown;
  secret: boolean;
}

export interface RejectedLine {
  line: number;
  text: string;
  reason: RejectReason;
  /** What the reason is about: the key, the value or the unknown service names. */
  detail: string;
}

export type RejectReason =
  | 'not KEY=value'
  | 'unknown setting'
  | 'not an address'
  | 'not a port'
  | 'not a container name'
  | 'not a Linux user name'
  | 'not true or false'
  | 'empty value'
  | 'unknown services';

export interface ParsedImport {
  imported: ImportedLine[];
  rejected: RejectedLine[];
}

/** Names the earlier package used for the services it could switch off. */
const SERVICE_ALIASES: Record<string, KnownServiceId> = {
  ...(Object.fromEntries(Object.keys(KNOWN_SERVICES).map((id) => [id, id])) as Record<
    string,
    KnownServiceId
  >),
  stt: 'parakeet',
  asr: 'parakeet',
  tts: 'kokoro',
  bge: 'embeddings',
  'bge-m3': 'embeddings',
  tei: 'embeddings',
  rerank: 'embeddings',
};

const BOOLEANS: Record<string, boolean> = { true: true, yes: true, on: true, '1': true };
Object.assign(BOOLEANS, { false: false, no: false, off: false, '0': false });

type Reading = { path: string; value: unknown; secret?: boolean } | { reason: RejectReason; detail: string };

function read(key: string, value: string): Reading {
  const spark = /^spark(\d+)_host$/.exec(key);
  if (spark) {
    return isHost(value)
      ? { path: `sparks[spark${Number(spark[1])}].host`, value }
      : { reason: 'not an address', detail: value };
  }
  switch (key) {
    case 'vllm_port': {
      const port = Number(value);
      return Number.isInteger(port) && port >= 1 && port <= 65535
        ? { path: 'vllm.port', value: port }
        : { reason: 'not a port', detail: value };
    }
    case 'vllm_container':
      return PATTERNS.containerName.test(value)
        ? { path: 'vllm.container', value }
        : { reason: 'not a container name', detail: value };
    case 'matrix_bridge_user':
      return PATTERNS.unixUser.test(value)
        ? { path: 'bot.user', value }
        : { reason: 'not a Linux user name', detail: value };
    case 'nvidia_api_key':
      return { path: 'reasoning.nvidiaApiKey', value, secret: true };
    case 'nvidia_model':
      return { path: 'reasoning.model', value };
    case 'nvidia_fallback_model':
      return { path: 'reasoning.fallbackModel', value };
    case 'allow_local_fallback': {
      const flag = BOOLEANS[value.toLowerCase()];
      return flag === undefined
        ? { reason: 'not true or false', detail: value }
        : { path: 'reasoning.allowLocalFallback', value: flag };
    }
    case 'disabled_services': {
      const names = value.split(/[\s,]+/).filter((name) => name !== '');
      const unknown = names.filter((name) => !SERVICE_ALIASES[name.toLowerCase()]);
      if (unknown.length > 0) return { reason: 'unknown services', detail: unknown.join(', ') };
      return {
        path: 'disabledServices',
        value: [...new Set(names.map((name) => SERVICE_ALIASES[name.toLowerCase()]))],
      };
    }
    default:
      return { reason: 'unknown setting', detail: key };
  }
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/s.exec(value);
  return quoted ? (quoted[2] ?? '') : value;
}

export function parseEarlierSettings(text: string): ParsedImport {
  const imported: ImportedLine[] = [];
  const rejected: RejectedLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const assignment = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(trimmed);
    if (!assignment) return rejected.push({ line, text: raw, reason: 'not KEY=value', detail: trimmed });
    const key = assignment[1] ?? '';
    const value = unquote((assignment[2] ?? '').trim()).trim();
    if (value === '') return rejected.push({ line, text: raw, reason: 'empty value', detail: key });
    const reading = read(key.toLowerCase(), value);
    if ('reason' in reading) return rejected.push({ line, text: raw, ...reading });
    imported.push({ line, key, path: reading.path, value: reading.value, secret: reading.secret ?? false });
  });
  return { imported, rejected };
}

const SPARK_PATH = /^sparks\[([a-z0-9-]+)\]\.(\w+)$/;

/**
 * The current settings file with the imported values written over it. `sparkN_host` sets the
 * host of the Spark with id `sparkN`, or adds that Spark after the configured ones (in number order).
 */
export function applyImport(
  current: Record<string, unknown>,
  imported: readonly ImportedLine[],
): Record<string, unknown> {
  const next = structuredClone(current);
  const sparks: Record<string, unknown>[] = Array.isArray(next.sparks) ? next.sparks.filter(isRecord) : [];
  const added: Record<string, unknown>[] = [];
  for (const entry of imported) {
    const spark = SPARK_PATH.exec(entry.path);
    if (spark) {
      const [, id = '', field = 'host'] = spark;
      const existing = [...sparks, ...added].find((candidate) => candidate.id === id);
      if (existing) existing[field] = entry.value;
      else added.push({ id, [field]: entry.value });
      continue;
    }
    const [head = '', field] = entry.path.split('.');
    if (field === undefined) next[head] = entry.value;
    else next[head] = { ...(isRecord(next[head]) ? next[head] : {}), [field]: entry.value };
  }
  const number = (spark: Record<string, unknown>) => Number(String(spark.id).replace(/^spark/, ''));
  if (added.length > 0) next.sparks = [...sparks, ...added.sort((a, b) => number(a) - number(b))];
  return next;
}

/** The imported line that set a settings path the schema complains about (`sparks.0.host`, `vllm.port`). */
export function lineFor(
  imported: readonly ImportedLine[],
  settingsPath: string,
  settings: Record<string, unknown>,
): ImportedLine | undefined {
  const [head, index, field = 'host'] = settingsPath.split('.');
  if (head === 'sparks' && index !== undefined) {
    const spark: unknown = Array.isArray(settings.sparks) ? settings.sparks[Number(index)] : undefined;
    const id = isRecord(spark) ? String(spark.id) : '';
    return imported.find((entry) => entry.path === `sparks[${id}].${field}`);
  }
  return imported.find((entry) => settingsPath === entry.path || settingsPath.startsWith(`${entry.path}.`));
}
