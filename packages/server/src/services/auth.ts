import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, ne } from 'drizzle-orm';
import { TOKEN_SCOPES, type ApiTokenInfo, type TokenLimits, type TokenScope } from '@spark-control/schema';
import type { Db } from '../adapters/db/client.js';
import { apiTokens, sessions } from '../adapters/db/schema.js';
import type { AdminPassword } from './password.js';

export const SESSION_COOKIE = 'sc_session';
export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
/** How often a token's `lastUsedAt` is written while it is in use. */
const TOUCH_INTERVAL_MS = 60_000;

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

/** A stable name for who is calling, for what a principal owns: `session` or `token:<id>`. */
export function principalKey(principal: Principal): string {
  return principal.kind === 'session' ? 'session' : `token:${principal.tokenId}`;
}

export function hasScope(principal: Principal, scope: TokenScope): boolean {
  return principal.scopes.includes('admin') || principal.scopes.includes(scope);
}

/** Sessions, API tokens and the admin password, behind one interface for the HTTP layer. */
export class AuthService {
  readonly #tokens = new Map<
    string,
    { principal: Extract<Principal, { kind: 'token' }>; touchedAt: number }
  >();
  readonly #revocationListeners = new Set<(tokenId: string) => void>();

  constructor(
    private readonly db: Db,
    private readonly password: AdminPassword,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Returns a new session id for the cookie, or undefined when the password is wrong. */
  async login(password: string): Promise<string | undefined> {
    if (!(await this.password.verify(password))) return undefined;
    const sessionId = randomBytes(32).toString('base64url');
    await this.db.insert(sessions).values({
      idHash: sha256(sessionId),
      expiresAt: new Date(this.now().getTime() + SESSION_TTL_MS),
    });
    await this.db.delete(sessions).where(lt(sessions.expiresAt, this.now()));
    return sessionId;
  }

  async logout(sessionId: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.idHash, sha256(sessionId)));
  }

  async fromSession(sessionId: string): Promise<Principal | undefined> {
    const [row] = await this.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.idHash, sha256(sessionId)), gt(sessions.expiresAt, this.now())));
    return row ? { kind: 'session', actor: 'admin', scopes: TOKEN_SCOPES } : undefined;
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
    const [row] = await this.db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt)));
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
    const now = this.now();
    if (now.getTime() - entry.touchedAt < TOUCH_INTERVAL_MS) return;
    entry.touchedAt = now.getTime();
    await this.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, entry.principal.tokenId));
  }

  #expired(principal: { expiresAt: Date | null }): boolean {
    return principal.expiresAt !== null && principal.expiresAt.getTime() <= this.now().getTime();
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
        : new Date(this.now().getTime() + options.expiresInDays * 24 * 3600 * 1000);
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
    const [row] = await this.db
      .update(apiTokens)
      .set({
        ...(changes.name === undefined ? {} : { name: changes.name }),
        ...(changes.scopes === undefined ? {} : { scopes: [...changes.scopes] }),
        ...(changes.models === undefined
          ? {}
          : { models: changes.models === null ? null : [...new Set(changes.models)] }),
        ...(changes.limits === undefined ? {} : { limits: changes.limits }),
      })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning();
    this.#tokens.clear();
    return row ? toInfo(row) : undefined;
  }

  /** Names of every token ever created, revoked ones included (usage outlives its token). */
  async tokenNames(): Promise<Map<string, string>> {
    const rows = await this.db.select({ id: apiTokens.id, name: apiTokens.name }).from(apiTokens);
    return new Map(rows.map((row) => [row.id, row.name]));
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
    const replaced = await this.db
      .update(apiTokens)
      .set({ revokedAt: this.now() })
      .where(
        and(eq(apiTokens.name, 'environment'), ne(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt)),
      )
      .returning({ id: apiTokens.id });
    this.#revoked(replaced.map((row) => row.id));
    const [existing] = await this.db.select().from(apiTokens).where(eq(apiTokens.tokenHash, hash));
    if (existing) {
      await this.db
        .update(apiTokens)
        .set({ revokedAt: null, scopes: [...TOKEN_SCOPES], expiresAt: null, models: null, limits: {} })
        .where(eq(apiTokens.id, existing.id));
      return;
    }
    await this.#insertToken('environment', token, TOKEN_SCOPES, null);
  }

  async listTokens(): Promise<ApiTokenInfo[]> {
    const rows = await this.db
      .select()
      .from(apiTokens)
      .where(isNull(apiTokens.revokedAt))
      .orderBy(desc(apiTokens.createdAt));
    return rows.map(toInfo);
  }

  /** True when a live token was revoked. */
  async revokeToken(id: string): Promise<boolean> {
    const revoked = await this.db
      .update(apiTokens)
      .set({ revokedAt: this.now() })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    this.#revoked(revoked.map((row) => row.id));
    return revoked.length > 0;
  }

  async #insertToken(
    name: string,
    token: string,
    scopes: readonly TokenScope[],
    expiresAt: Date | null,
    gateway: { models: string[] | null; limits: TokenLimits } = { models: null, limits: {} },
  ): Promise<ApiTokenInfo> {
    const [row] = await this.db
      .insert(apiTokens)
      .values({
        id: randomUUID(),
        name,
        prefix: token.slice(0, 10),
        tokenHash: sha256(token),
        scopes: [...scopes],
        expiresAt,
        models: gateway.models,
        limits: gateway.limits,
      })
      .returning();
    if (!row) throw new Error('token insert returned no row');
    return toInfo(row);
  }
}

function toInfo(row: typeof apiTokens.$inferSelect): ApiTokenInfo {
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
