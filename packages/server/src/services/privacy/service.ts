import { randomUUID } from 'node:crypto';
import type { Db } from '../../adapters/db/client.js';
import { DomainError } from '../domain-error.js';
import { loadNameLexicon, type NameLexicon } from './detectors/index.js';
import { verbatimNames, type LocalNameCheck } from './local-names.js';
import { restoreJson, restoreText } from './rehydrate.js';
import { ScrubSession, scrubJson, scrubText, type Entity } from './scrub.js';
import type { ScrubbedText } from './scrubbed.js';
import { StreamRestorer } from './stream-restore.js';
import { newNonce } from './tokens.js';
import { Vault, type VaultSession } from './vault.js';

export const DEFAULT_VAULT_TTL_MS = 3600 * 1000;

export interface PrivacyServiceOptions {
  db: Db;
  /** 32-byte AES key, see loadOrCreateVaultKey. */
  vaultKey: Buffer;
  /** The user's own names (from names.txt). */
  names?: readonly string[];
  now?: () => Date;
  ttlMs?: number;
  /** The optional second opinion of the cluster's own vLLM on person names (`privacy.localNameCheck`). */
  localNames?: LocalNameCheck | undefined;
}

export interface ScrubResult<T> {
  value: T;
  sessionId: string;
  entities: Entity[];
}

/** The redaction gateway: scrub before text leaves the LAN, rehydrate the reply. */
export class PrivacyService {
  readonly #vault: Vault;
  readonly #names: readonly string[];
  #lexicon: Promise<NameLexicon> | undefined;
  readonly #now: () => Date;
  readonly #ttlMs: number;
  readonly #localNames: LocalNameCheck | undefined;

  constructor(options: PrivacyServiceOptions) {
    this.#localNames = options.localNames;
    this.#now = options.now ?? (() => new Date());
    this.#ttlMs = options.ttlMs ?? DEFAULT_VAULT_TTL_MS;
    this.#vault = new Vault(options.db, options.vaultKey, this.#now);
    this.#names = options.names ?? [];
  }

  /** Scrubs text; the session belongs to `owner` (see `principalKey`) and only it may restore. */
  async scrubText(text: string, owner: string): Promise<ScrubResult<ScrubbedText>> {
    const localNames = await this.#askLocalModel(text);
    return this.#scrub(owner, (session) => scrubText(text, session), localNames);
  }

  async scrubJson(json: unknown, owner: string): Promise<ScrubResult<unknown>> {
    const localNames = this.#localNames ? await this.#askLocalModel(jsonStrings(json).join('\n')) : [];
    return this.#scrub(owner, (session) => scrubJson(json, session), localNames);
  }

  async rehydrateText(sessionId: string, text: string, owner: string): Promise<string> {
    const session = await this.#session(sessionId, owner);
    return restoreText(text, session.nonce, session.entries);
  }

  async rehydrateJson(sessionId: string, json: unknown, owner: string): Promise<unknown> {
    const session = await this.#session(sessionId, owner);
    return restoreJson(json, session.nonce, session.entries);
  }

  /** A restorer for a streamed reply; the vault is read once, up front. */
  async restoreStream(sessionId: string, owner: string): Promise<StreamRestorer> {
    const session = await this.#session(sessionId, owner);
    return new StreamRestorer(session.nonce, session.entries);
  }

  purgeExpired(): Promise<number> {
    return this.#vault.purgeExpired();
  }

  #loadLexicon(): Promise<NameLexicon> {
    this.#lexicon ??= loadNameLexicon(this.#names);
    return this.#lexicon;
  }

  /** The local model's names that occur verbatim in `text` (none when the check is off). */
  async #askLocalModel(text: string): Promise<string[]> {
    if (!this.#localNames) return [];
    return verbatimNames(text, await this.#localNames.names(text), await this.#loadLexicon());
  }

  async #scrub<T>(
    owner: string,
    run: (session: ScrubSession) => T,
    localNames: string[],
  ): Promise<ScrubResult<T>> {
    const session = new ScrubSession(newNonce(), await this.#loadLexicon(), localNames);
    const value = run(session);
    const sessionId = randomUUID();
    await this.#vault.purgeExpired();
    await this.#vault.put(
      sessionId,
      { owner, nonce: session.nonce, entries: session.entries },
      new Date(this.#now().getTime() + this.#ttlMs),
    );
    return { value, sessionId, entities: session.entities };
  }

  async #session(sessionId: string, owner: string): Promise<VaultSession> {
    const session = await this.#vault.get(sessionId, owner);
    // Another principal's session does not exist for the caller.
    if (session === 'not-owner') {
      throw new DomainError(
        'NOT_FOUND',
        'sessionId: no redaction session with this id was created by this caller',
      );
    }
    // Unknown, expired or purged: its originals are gone for good.
    if (!session) {
      throw new DomainError('GONE', 'the redaction session is unknown or has expired; scrub the text again');
    }
    return session;
  }
}

/** Every string in a JSON value (keys too), for one question to the local model. */
function jsonStrings(value: unknown): string[] {
  const out: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length) {
    const item = stack.pop();
    if (typeof item === 'string') out.push(item);
    else if (Array.isArray(item)) stack.push(...(item as unknown[]));
    else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        out.push(key);
        stack.push(child);
      }
    }
  }
  return out;
}
