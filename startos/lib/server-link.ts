import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { ApiTokenInfo, SparkHardware, SwapView, TokenScope } from '@spark-control/schema';
import { isRecord, readJsonObject, writeFileAtomic } from './files.js';
import { mainVolumeDir } from './volume.js';

/**
 * How the package's scripts reach the running server: its address inside the service container
 * and the package's own credential, an API token with every scope that main.ts makes at each
 * start, hands to the server (SPARK_CONTROL_API_TOKEN, which revokes the previous one) and writes
 * here, root-only, for the actions.
 */
export interface ServerLink {
  url: string;
  token: string;
}

export const serverLinkFile = (): string => join(mainVolumeDir(), 'startos-server.json');

export const newPackageToken = (): string => `sc_${randomBytes(32).toString('base64url')}`;

export async function writeServerLink(link: ServerLink, file = serverLinkFile()): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(link)}\n`, { mode: 0o600 });
}

export async function readServerLink(file = serverLinkFile()): Promise<ServerLink | undefined> {
  const value = await readJsonObject(file);
  return value && typeof value.url === 'string' && typeof value.token === 'string'
    ? { url: value.url, token: value.token }
    : undefined;
}

/** The server said no; `message` is its own explanation. */
export class ServerRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 5000;

/** The few server calls the package makes, with the package's credential. */
export class ServerClient {
  constructor(private readonly link: ServerLink) {}

  async sparks(): Promise<SparkHardware[]> {
    const body = await this.#json('GET', '/api/sparks');
    return isRecord(body) && Array.isArray(body.sparks) ? (body.sparks as SparkHardware[]) : [];
  }

  async swapHistory(): Promise<SwapView[]> {
    const body = await this.#json('GET', '/api/swap/history');
    return isRecord(body) && Array.isArray(body.swaps) ? (body.swaps as SwapView[]) : [];
  }

  /** The gateway's model list: the status and, on an OpenAI error, its message. */
  async gatewayModels(): Promise<{
    status: number;
    models: string[];
    error: string | null;
    code: string | null;
  }> {
    const response = await this.#fetch('GET', '/v1/models');
    const body: unknown = await response.json().catch(() => null);
    const data = isRecord(body) && Array.isArray(body.data) ? body.data : [];
    const error = isRecord(body) && isRecord(body.error) ? body.error : {};
    return {
      status: response.status,
      models: data.filter(isRecord).map((entry) => String(entry.id)),
      error: typeof error.message === 'string' ? error.message : null,
      code: typeof error.code === 'string' ? error.code : null,
    };
  }

  async createToken(name: string, scopes: TokenScope[]): Promise<ApiTokenInfo & { token: string }> {
    return (await this.#json('POST', '/api/tokens', { name, scopes })) as ApiTokenInfo & { token: string };
  }

  async #json(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await this.#fetch(method, path, body);
    const parsed: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = isRecord(parsed) && isRecord(parsed.error) ? parsed.error : {};
      const message = typeof error.message === 'string' ? error.message : `HTTP ${response.status}`;
      throw new ServerRefused(response.status, message);
    }
    return parsed;
  }

  #fetch(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.link.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.link.token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  }
}
