/**
 * A small Gitea releases client (see ../../shared/contracts/gitea-releases.md): create a
 * release, upload assets, read the latest release. Node built-ins only.
 */

export interface GiteaAsset {
  id: number;
  name: string;
  size: number;
  uuid?: string;
  browser_download_url: string;
}

export interface GiteaRelease {
  id: number;
  tag_name: string;
  name: string;
  body: string;
  draft: boolean;
  prerelease: boolean;
  html_url: string;
  assets: GiteaAsset[];
}

export interface GiteaOptions {
  /** Where the Gitea server answers, e.g. `https://git.lan/` (its API is under `api/v1`). */
  baseUrl: string;
  /** `owner/name`. */
  repo: string;
  token?: string | undefined;
}

export class GiteaError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const REPO_PATTERN = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export class GiteaClient {
  readonly base: string;
  readonly #repo: string;
  readonly #token: string | undefined;

  constructor(options: GiteaOptions) {
    if (!REPO_PATTERN.test(options.repo))
      throw new Error(`GITEA_REPO must look like owner/name, got "${options.repo}"`);
    this.base = withSlash(new URL(options.baseUrl).href);
    this.#repo = options.repo;
    this.#token = options.token || undefined;
  }

  /** Creates the release; 409 (it exists) is reported as `undefined` so callers can reuse it. */
  async createRelease(release: {
    tag: string;
    name: string;
    body: string;
    target?: string | undefined;
  }): Promise<GiteaRelease | undefined> {
    const response = await this.#api('POST', 'releases', {
      tag_name: release.tag,
      name: release.name,
      body: release.body,
      draft: false,
      prerelease: false,
      ...(release.target ? { target_commitish: release.target } : {}),
    });
    if (response.status === 409) return undefined;
    return this.#json<GiteaRelease>(response, 201, `create release ${release.tag}`);
  }

  async releaseByTag(tag: string): Promise<GiteaRelease> {
    const response = await this.#api('GET', `releases/tags/${encodeURIComponent(tag)}`);
    return this.#json<GiteaRelease>(response, 200, `read release ${tag}`);
  }

  /** The newest published, non-prerelease release, or undefined when there is none. */
  async latestRelease(): Promise<GiteaRelease | undefined> {
    const response = await this.#api('GET', 'releases/latest');
    if (response.status === 404) return undefined;
    return this.#json<GiteaRelease>(response, 200, 'read the latest release');
  }

  /** Uploads one file as the multipart field `attachment`. */
  async uploadAsset(releaseId: number, name: string, bytes: Uint8Array): Promise<GiteaAsset> {
    const form = new FormData();
    form.append('attachment', new Blob([bytes]), name);
    const response = await this.#api(
      'POST',
      `releases/${releaseId}/assets?name=${encodeURIComponent(name)}`,
      form,
    );
    return this.#json<GiteaAsset>(response, 201, `upload ${name}`);
  }

  /** Headers for downloads: private repositories need the token there too. */
  authHeaders(): Record<string, string> {
    return this.#token ? { Authorization: `token ${this.#token}` } : {};
  }

  async #api(method: string, path: string, body?: unknown): Promise<Response> {
    const url = `${this.base}api/v1/repos/${this.#repo}/${path}`;
    const headers: Record<string, string> = { Accept: 'application/json', ...this.authHeaders() };
    let payload: RequestInit['body'];
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    try {
      return await fetch(url, {
        method,
        headers,
        body: payload ?? null,
        signal: AbortSignal.timeout(10 * 60_000),
      });
    } catch (error) {
      throw new GiteaError(`cannot reach Gitea at ${this.base} (${describe(error)})`, 0);
    }
  }

  async #json<T>(response: Response, expected: number, what: string): Promise<T> {
    if (response.status === expected) return (await response.json()) as T;
    const text = await response.text();
    let message = text.slice(0, 300);
    try {
      const parsed = JSON.parse(text) as { message?: unknown };
      if (typeof parsed.message === 'string') message = parsed.message;
    } catch {
      // an HTML error page from a proxy: keep the start of it
    }
    const hint =
      response.status === 401
        ? ' (check GITEA_TOKEN)'
        : response.status === 403
          ? ' (the token needs the write:repository scope)'
          : response.status === 413
            ? ' (the file is larger than Gitea or its proxy accepts)'
            : '';
    throw new GiteaError(`cannot ${what}: HTTP ${response.status} ${message}${hint}`, response.status);
  }
}

export function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

export function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: unknown } }).cause;
    return typeof cause?.code === 'string' ? `${error.message}: ${cause.code}` : error.message;
  }
  return String(error);
}
