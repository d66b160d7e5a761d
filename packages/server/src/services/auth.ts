import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { TOKEN_SCOPES, type ApiTokenInfo, type TokenLimits, type TokenScope } from '@spark-control/schema';
import { AttemptLimiter, type AttemptPolicy } from './attempt-limiter.js';
import type { ApiTokenRow, AuthRepo } from './auth-repo.js';
import { DomainError } from './domain-error.js';
import type { AdminPassword } from './password.js';

export const SESSION_COOKIE = 'sc_session';
export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
/** How often a token's `lastUsedAt` is written while it is in use. */
const TOUCH_INTERVAL_MS = 60_000;

/** 10 wrong passwords a minute per client address; past 100 in all, one check a second. */
const LOGIN_ATTEMPTS: AttemptPolicy = {
  perKey: 10,
  windowMs: 60_000,
  global: 100,
  slowLaneIntervalMs: 1000,
  slowLaneQueue: 32,
};

/** Who is calling: the dashboard admin (all scopes) or an API token with its scopes. */
export type Principal =
  | { kind: 'session'; actor: 'admin'; scopes: readonly TokenScope[] }
  | {
      kind: 'token';
      actor: string;
      tokenId: string;
      scopes: readonly TokenScope[];
      /** Null: never expires. */
      expiresAt: Date | null;
      /** Served model names the token may use on the gateway; null: every model. */
      models: readonly string[] | null;
      limits: TokenLimits;
    };

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A stable name for who is calling, for what a principal owns: `session` or `token:<id>`. */
export function principalKey(principal: Principal): string {
  return principal.kind === 'session' ? 'session' : `token:${principal.tokenId}`;
}

export function hasScope(principal: Principal, scope: TokenScope): boolean {
  return principal.scopes.includes('admin') || principal.scopes.includes(scope);
}

export interface AuthServiceOptions {
  repo: AuthRepo;
  password: Pick<AdminPassword, 'verify'>;
  now?: () => Date;
  /** A scrape-only bearer token for `/metrics` (SPARK_CONTROL_METRICS_TOKEN); unset: only admin credentials. */
  metricsToken?: string | undefined;
}

/** Sessions, API tokens and the admin password, behind one interface for the HTTP layer. */
export class AuthService {
  readonly #repo: AuthRepo;
  readonly #password: Pick<AdminPassword, 'verify'>;
  readonly #now: () => Date;
  readonly #metricsToken: string | undefined;
  readonly #loginAttempts = new AttemptLimiter(LOGIN_ATTEMPTS);
  readonly #tokens = new Map<
    string,
    { principal: Extract<Principal, { kind: 'token' }>; touchedAt: number }
  >();
  readonly #revocationListeners = new Set<(tokenId: string) => void>();

  constructor(options: AuthServiceOptions) {
    this.#repo = options.repo;
    this.#password = options.password;
    this.#now = options.now ?? (() => new Date());
    this.#metricsToken = options.metricsToken;
  }

  /**
   * Returns a new session id for the cookie, or undefined when the password is wrong. Attempts are
   * counted per client address before the hash runs (LOGIN_ATTEMPTS); past the limit this throws
   * `RATE_LIMITED`.
   */
  async login(password: string, clientAddress = ''): Promise<string | undefined> {
    const attempt = await this.#loginAttempts.acquire(clientAddress);
    let sessionId: string | undefined;
    try {
      sessionId = await this.#startSession(password);
    } finally {
      if (sessionId) attempt.succeeded();
      else attempt.failed();
    }
    return sessionId;
  }

  async #startSession(password: string): Promise<string | undefined> {
    if (!(await this.#password.verify(password))) return undefined;
    const sessionId = randomBytes(32).toString('base64url');
    const now = this.#now();
    await this.#repo.addSession(sha256(sessionId), new Date(now.getTime() + SESSION_TTL_MS), now);
    return sessionId;
  }

  async logout(sessionId: string): Promise<void> {
    await this.#repo.deleteSession(sha256(sessionId));
  }

  async fromSession(sessionId: string): Promise<Principal | undefined> {
    return (await this.#repo.hasLiveSession(sha256(sessionId), this.#now()))
      ? { kind: 'session', actor: 'admin', scopes: TOKEN_SCOPES }
      : undefined;
  }

  /**
   * Who may read `/metrics` (mounted outside `/api`, so it is asked here): the metrics token for a
   * scraper, or an admin token or session. Throws `UNAUTHORIZED` or `FORBIDDEN` otherwise.
   */
  async checkMetricsAccess(credentials: {
    bearer?: string | undefined;
    sessionId?: string | undefined;
  }): Promise<void> {
    const { bearer, sessionId } = credentials;
    if (bearer && this.#metricsToken && sameSecret(bearer, this.#metricsToken)) return;
    const principal = bearer
      ? await this.fromToken(bearer)
      : sessionId
        ? await this.fromSession(sessionId)
        : undefined;
    if (!principal) throw new DomainError('UNAUTHORIZED', 'send the metrics token or an admin token');
    if (!hasScope(principal, 'admin'))
      throw new DomainError('FORBIDDEN', 'this call needs the "admin" scope');
  }

  /**
   * The principal of a token. Live tokens are remembered in memory (the gateway checks one per
   * request) and `lastUsedAt` is written at most once a minute; revoking clears the memory at once.
   */
  async fromToken(token: string): Promise<Principal | undefined> {
    const hash = sha256(token);
    const known = this.#tokens.get(hash);
    if (known) {
      if (this.#expired(known.principal)) {
        this.#tokens.delete(hash);
        return undefined;
      }
      await this.#touch(known);
      return known.principal;
    }
    const row = await this.#repo.liveToken(hash);
    if (!row) return undefined;
    const entry = {
      principal: {
        kind: 'token',
        actor: `token:${row.name}`,
        tokenId: row.id,
        scopes: row.scopes as TokenScope[],
        expiresAt: row.expiresAt,
        models: row.models,
        limits: row.limits,
      } as const,
      touchedAt: 0,
    };
    if (this.#expired(entry.principal)) return undefined;
    this.#tokens.set(hash, entry);
    await this.#touch(entry);
    return entry.principal;
  }

  async #touch(entry: { principal: { tokenId: string }; touchedAt: number }): Promise<void> {
    const now = this.#now();
    if (now.getTime() - entry.touchedAt < TOUCH_INTERVAL_MS) return;
    entry.touchedAt = now.getTime();
    await this.#repo.touchToken(entry.principal.tokenId, now);
  }

  #expired(principal: { expiresAt: Date | null }): boolean {
    return principal.expiresAt !== null && principal.expiresAt.getTime() <= this.#now().getTime();
  }

  /** Creates a token; the secret is returned once and only its hash is kept. */
  async createToken(
    name: string,
    scopes: readonly TokenScope[],
    options: {
      expiresInDays?: number | undefined;
      models?: readonly string[] | undefined;
      limits?: TokenLimits | undefined;
    } = {},
  ): Promise<{ token: string; info: ApiTokenInfo }> {
    const token = `sc_${randomBytes(32).toString('base64url')}`;
    const expiresAt =
      options.expiresInDays === undefined
        ? null
        : new Date(this.#now().getTime() + options.expiresInDays * 24 * 3600 * 1000);
    return {
      token,
      info: await this.#insertToken(name, token, scopes, expiresAt, {
        models: options.models ? [...new Set(options.models)] : null,
        limits: options.limits ?? {},
      }),
    };
  }

  /**
   * Changes a live token's name, scopes, models (null: every model) or limits (replaced whole);
   * undefined when there is no such live token. Takes effect on the token's next request.
   */
  async updateToken(
    id: string,
    changes: {
      name?: string | undefined;
      scopes?: readonly TokenScope[] | undefined;
      models?: readonly string[] | null | undefined;
      limits?: TokenLimits | undefined;
    },
  ): Promise<ApiTokenInfo | undefined> {
    const row = await this.#repo.updateLiveToken(id, {
      name: changes.name,
      scopes: changes.scopes === undefined ? undefined : [...changes.scopes],
      models:
        changes.models === undefined
          ? undefined
          : changes.models === null
            ? null
            : [...new Set(changes.models)],
      limits: changes.limits,
    });
    this.#tokens.clear();
    return row ? toInfo(row) : undefined;
  }

  /** Names of every token ever created, revoked ones included (usage outlives its token). */
  async tokenNames(): Promise<Map<string, string>> {
    return this.#repo.tokenNames();
  }

  /** Calls `listener` with the id of every token revoked from now on; returns the unsubscribe. */
  onRevoke(listener: (tokenId: string) => void): () => void {
    this.#revocationListeners.add(listener);
    return () => this.#revocationListeners.delete(listener);
  }

  #revoked(tokenIds: readonly string[]): void {
    this.#tokens.clear();
    for (const tokenId of tokenIds) for (const listener of this.#revocationListeners) listener(tokenId);
  }

  /**
   * Makes sure `token` (from SPARK_CONTROL_API_TOKEN) works with every scope. There is one
   * environment token: a different earlier one is revoked.
   */
  async seedToken(token: string): Promise<void> {
    this.#tokens.clear();
    const hash = sha256(token);
    this.#revoked(await this.#repo.revokeNamedExcept('environment', hash, this.#now()));
    const existing = await this.#repo.tokenByHash(hash);
    if (existing) {
      await this.#repo.restoreFullToken(existing.id, [...TOKEN_SCOPES]);
      return;
    }
    await this.#insertToken('environment', token, TOKEN_SCOPES, null);
  }

  async listTokens(): Promise<ApiTokenInfo[]> {
    return (await this.#repo.liveTokensNewestFirst()).map(toInfo);
  }

  /** True when a live token was revoked. */
  async revokeToken(id: string): Promise<boolean> {
    const revoked = await this.#repo.revokeToken(id, this.#now());
    this.#revoked(revoked);
    return revoked.length > 0;
  }

  async #insertToken(
    name: string,
    token: string,
    scopes: readonly TokenScope[],
    expiresAt: Date | null,
    gateway: { models: string[] | null; limits: TokenLimits } = { models: null, limits: {} },
  ): Promise<ApiTokenInfo> {
    const row = await this.#repo.insertToken({
      id: randomUUID(),
      name,
      prefix: token.slice(0, 10),
      tokenHash: sha256(token),
      scopes: [...scopes],
      expiresAt,
      models: gateway.models,
      limits: gateway.limits,
    });
    return toInfo(row);
  }
}

function toInfo(row: ApiTokenRow): ApiTokenInfo {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as TokenScope[],
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    models: row.models,
    limits: row.limits,
  };
}
