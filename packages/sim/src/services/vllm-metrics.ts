/** Prometheus counters of the simulated vLLM, named as in vllm-openai.md "GET /metrics". */

class Histogram {
  readonly counts: number[];
  sum = 0;
  count = 0;
  constructor(readonly buckets: number[]) {
    this.counts = buckets.map(() => 0);
  }
  observe(value: number): void {
    this.sum += value;
    this.count += 1;
    this.buckets.forEach((le, i) => {
      if (value <= le) this.counts[i] = (this.counts[i] ?? 0) + 1;
    });
  }
}

const LATENCY_BUCKETS = [
  0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 20, 40, 80,
];
const TOKEN_BUCKETS = [1, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384];

const num = (n: number) => (Number.isInteger(n) ? `${n}.0` : String(n));

export class VllmMetrics {
  running = 0;
  promptTokens = 0;
  generationTokens = 0;
  success: Record<string, number> = { stop: 0, length: 0, abort: 0 };
  prefixQueries = 0;
  prefixHits = 0;
  private readonly seenPrompts = new Set<string>();
  readonly ttft = new Histogram(LATENCY_BUCKETS);
  readonly itl = new Histogram(LATENCY_BUCKETS);
  readonly e2e = new Histogram(LATENCY_BUCKETS);
  readonly iterationTokens = new Histogram(TOKEN_BUCKETS);
  /** Tokens since the last periodic stats line. */
  window = { prompt: 0, generation: 0 };

  constructor(private readonly modelName: string) {}

  /** Counts a prompt (a repeated prompt counts as a full prefix-cache hit). */
  prompt(text: string, tokens: number): void {
    this.promptTokens += tokens;
    this.window.prompt += tokens;
    this.prefixQueries += tokens;
    if (this.seenPrompts.has(text)) this.prefixHits += tokens;
    else this.seenPrompts.add(text);
    this.iterationTokens.observe(tokens);
  }

  generated(tokens: number): void {
    this.generationTokens += tokens;
    this.window.generation += tokens;
  }

  finished(
    reason: 'stop' | 'length' | 'abort',
    startedAt: number,
    firstTokenAt: number | undefined,
    tokens: number,
  ): void {
    this.success[reason] = (this.success[reason] ?? 0) + 1;
    const now = performance.now();
    this.e2e.observe((now - startedAt) / 1000);
    if (firstTokenAt !== undefined) {
      this.ttft.observe((firstTokenAt - startedAt) / 1000);
      if (tokens > 1) this.itl.observe((now - firstTokenAt) / 1000 / (tokens - 1));
    }
  }

  get kvCacheUsage(): number {
    return Math.min(1, this.running * 0.02);
  }

  render(): string {
    const labels = `engine="0",model_name="${this.modelName}"`;
    const out: string[] = [];
    const gauge = (name: string, help: string, value: number) =>
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name}{${labels}} ${num(value)}`);
    const counter = (name: string, help: string, value: number) =>
      out.push(
        `# HELP ${name}_total ${help}`,
        `# TYPE ${name}_total counter`,
        `${name}_total{${labels}} ${num(value)}`,
      );
    const histogram = (name: string, help: string, h: Histogram) => {
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} histogram`);
      h.buckets.forEach((le, i) =>
        out.push(`${name}_bucket{${labels},le="${num(le)}"} ${num(h.counts[i] ?? 0)}`),
      );
      out.push(
        `${name}_bucket{${labels},le="+Inf"} ${num(h.count)}`,
        `${name}_count{${labels}} ${num(h.count)}`,
        `${name}_sum{${labels}} ${num(h.sum)}`,
      );
    };
    gauge('vllm:num_requests_running', 'Number of requests in model execution batches.', this.running);
    gauge('vllm:num_requests_waiting', 'Number of requests waiting to be processed.', 0);
    gauge('vllm:kv_cache_usage_perc', 'KV-cache usage. 1 means 100 percent usage.', this.kvCacheUsage);
    counter('vllm:num_preemptions', 'Cumulative number of preemption from the engine.', 0);
    counter(
      'vllm:prefix_cache_queries',
      'Prefix cache queries, in terms of number of queried tokens.',
      this.prefixQueries,
    );
    counter(
      'vllm:prefix_cache_hits',
      'Prefix cache hits, in terms of number of cached tokens.',
      this.prefixHits,
    );
    counter('vllm:prompt_tokens', 'Number of prefill tokens processed.', this.promptTokens);
    counter('vllm:generation_tokens', 'Number of generation tokens processed.', this.generationTokens);
    out.push(
      '# HELP vllm:request_success_total Count of successfully processed requests.',
      '# TYPE vllm:request_success_total counter',
    );
    for (const [reason, value] of Object.entries(this.success))
      out.push(`vllm:request_success_total{${labels},finished_reason="${reason}"} ${num(value)}`);
    histogram(
      'vllm:iteration_tokens_total',
      'Histogram of number of tokens per engine_step.',
      this.iterationTokens,
    );
    histogram('vllm:time_to_first_token_seconds', 'Histogram of time to first token in seconds.', this.ttft);
    histogram('vllm:inter_token_latency_seconds', 'Histogram of inter-token latency in seconds.', this.itl);
    histogram('vllm:e2e_request_latency_seconds', 'Histogram of e2e request latency in seconds.', this.e2e);
    return `${out.join('\n')}\n`;
  }
}
