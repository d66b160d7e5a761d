import { readText, sharedUpstreamClient } from './upstream/client.js';

/** What the Hugging Face Hub says about a repo: whether it is gated and how big its files are. */
export type HubAnswer =
  { kind: 'found'; gated: boolean; sizeBytes: number | undefined } | { kind: 'missing' };

/** Asks the Hub about a model repo; undefined when the Hub cannot be asked (offline, slow, odd answer). */
export interface ModelHub {
  describe(repo: string, signal?: AbortSignal): Promise<HubAnswer | undefined>;
}

/** The public Hub API (`GET /api/models/{repo}?blobs=true`), bounded to a few seconds. */
export class HuggingFaceHub implements ModelHub {
  constructor(
    private readonly token: () => string,
    private readonly baseUrl = 'https://huggingface.co',
    private readonly timeoutMs = 4000,
  ) {}

  async describe(repo: string, signal?: AbortSignal): Promise<HubAnswer | undefined> {
    const token = this.token();
    const base = new URL(this.baseUrl);
    try {
      const response = await sharedUpstreamClient().request({
        origin: base.origin,
        method: 'GET',
        path: `${base.pathname.replace(/\/$/, '')}/api/models/${repo}?blobs=true`,
        headers: token ? { authorization: `Bearer ${token}` } : {},
        signal,
        timeoutMs: this.timeoutMs,
      });
      const body = parseJson(await readText(response.body, 16 * 1024 * 1024)) as
        { error?: string; gated?: unknown; siblings?: { size?: unknown }[] } | undefined;
      // The Hub answers 401 without a token and 404 with one for a repo that does not exist (or is private).
      if ((response.status === 401 || response.status === 404) && /not found/i.test(body?.error ?? ''))
        return { kind: 'missing' };
      if (response.status < 200 || response.status >= 300 || !body) return undefined;
      const sizes = (body.siblings ?? []).map((file) => file.size);
      return {
        kind: 'found',
        gated: body.gated === 'auto' || body.gated === 'manual' || body.gated === true,
        sizeBytes: sizes.every((size) => typeof size === 'number')
          ? sizes.reduce<number>((sum, size) => sum + size, 0)
          : undefined,
      };
    } catch {
      return undefined;
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
