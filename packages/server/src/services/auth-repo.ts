import { and, desc, eq, gt, isNull, lt, ne } from 'drizzle-orm';
import type { TokenLimits, TokenScope } from '@spark-control/schema';
import type { Db } from '../adapters/db/client.js';
import { apiTokens, sessions } from '../adapters/db/schema.js';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** The changes `updateToken` may make; an absent field stays as it is. */
export interface TokenChanges {
  name?: string | undefined;
  scopes?: TokenScope[] | undefined;
  models?: string[] | null | undefined;
  limits?: TokenLimits | undefined;
}

/** Sessions and API tokens in the database, by hash only (the secrets are never stored). */
export class AuthRepo {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Adds a session and drops the ones that expired before `now`. */
  async addSession(idHash: string, expiresAt: Date, now: Date): Promise<void> {
    await this.#db.insert(sessions).values({ idHash, expiresAt });
    await this.#db.delete(sessions).where(lt(sessions.expiresAt, now));
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.#db.delete(sessions).where(eq(sessions.idHash, idHash));
  }

  async hasLiveSession(idHash: string, now: Date): Promise<boolean> {
    const [row] = await this.#db
      .select()
      .from(sessions)
      .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)));
    return row !== undefined;
  }

  /** The token with this hash unless it was revoked. */
  async liveToken(tokenHash: string): Promise<ApiTokenRow | undefined> {
    const [row] = await this.#db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
    return row;
  }

  /** The token with this hash, revoked or not. */
  async tokenByHash(tokenHash: string): Promise<ApiTokenRow | undefined> {
    const [row] = await this.#db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash));
    return row;
  }

  async touchToken(id: string, at: Date): Promise<void> {
    await this.#db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
  }

  async insertToken(row: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
    const [inserted] = await this.#db.insert(apiTokens).values(row).returning();
    if (!inserted) throw new Error('token insert returned no row');
    return inserted;
  }

  /** Changes a live token; undefined when there is no such live token. */
  async updateLiveToken(id: string, changes: TokenChanges): Promise<ApiTokenRow | undefined> {
    const [row] = await this.#db
      .update(apiTokens)
      .set({
        ...(changes.name === undefined ? {} : { name: changes.name }),
        ...(changes.scopes === undefined ? {} : { scopes: changes.scopes }),
        ...(changes.models === undefined ? {} : { models: changes.models }),
        ...(changes.limits === undefined ? {} : { limits: changes.limits }),
      })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning();
    return row;
  }

  /** Gives a token every scope, no expiry and no gateway restriction, and un-revokes it. */
  async restoreFullToken(id: string, scopes: TokenScope[]): Promise<void> {
    await this.#db
      .update(apiTokens)
      .set({ revokedAt: null, scopes, expiresAt: null, models: null, limits: {} })
      .where(eq(apiTokens.id, id));
  }

  /** Revokes the live tokens named `name` whose hash is not `keepHash`; returns their ids. */
  async revokeNamedExcept(name: string, keepHash: string, at: Date): Promise<string[]> {
    const rows = await this.#db
      .update(apiTokens)
      .set({ revokedAt: at })
      .where(and(eq(apiTokens.name, name), ne(apiTokens.tokenHash, keepHash), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    return rows.map((row) => row.id);
  }

  /** Revokes a live token; returns the ids revoked (none when it was not live). */
  async revokeToken(id: string, at: Date): Promise<string[]> {
    const rows = await this.#db
      .update(apiTokens)
      .set({ revokedAt: at })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    return rows.map((row) => row.id);
  }

  async liveTokensNewestFirst(): Promise<ApiTokenRow[]> {
    return this.#db
      .select()
      .from(apiTokens)
      .where(isNull(apiTokens.revokedAt))
      .orderBy(desc(apiTokens.createdAt));
  }

  /** Names of every token ever created, revoked ones included. */
  async tokenNames(): Promise<Map<string, string>> {
    const rows = await this.#db.select({ id: apiTokens.id, name: apiTokens.name }).from(apiTokens);
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
