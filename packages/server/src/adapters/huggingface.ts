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
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const token = this.token();
    try {
      const response = await fetch(`${this.baseUrl}/api/models/${repo}?blobs=true`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      const body = (await response.json().catch(() => undefined)) as
        { error?: string; gated?: unknown; siblings?: { size?: unknown }[] } | undefined;
      // The Hub answers 401 without a token and 404 with one for a repo that does not exist (or is private).
      if ((response.status === 401 || response.status === 404) && /not found/i.test(body?.error ?? ''))
        return { kind: 'missing' };
      if (!response.ok || !body) return undefined;
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
