/** What the "Sparks reachable" check shows, derived from the server's status answer. */
export interface SparkHealth {
  result: 'success' | 'failure' | 'disabled' | 'starting';
  message: string;
}

export interface SparkHealthText {
  allReachable: (count: number) => string;
  unreachable: (names: string[]) => string;
  noSparks: string;
  monitorPending: string;
  unexpected: string;
}

interface SparkEntry {
  id?: unknown;
  sparkId?: unknown;
  label?: unknown;
  reachable?: unknown;
  status?: unknown;
  ssh?: { reachable?: unknown } | null;
}

/**
 * Reads `{ sparks: [...] }` — `GET /api/sparks` entries (`{ sparkId, label, ssh: { reachable } }`)
 * or plain `{ id, reachable | status }` — or the `/health` answer `{ status: 'ok' }`, which has
 * no per-Spark data.
 */
export function describeSparkStatus(body: unknown, text: SparkHealthText): SparkHealth {
  if (typeof body !== 'object' || body === null) return { result: 'failure', message: text.unexpected };
  const sparks = (body as { sparks?: unknown }).sparks;
  if (Array.isArray(sparks)) {
    if (sparks.length === 0) return { result: 'disabled', message: text.noSparks };
    const down = (sparks as SparkEntry[]).filter((spark) => !isReachable(spark));
    if (down.length === 0) return { result: 'success', message: text.allReachable(sparks.length) };
    return { result: 'failure', message: text.unreachable(down.map(name)) };
  }
  if ((body as { status?: unknown }).status === 'ok')
    return { result: 'disabled', message: text.monitorPending };
  return { result: 'failure', message: text.unexpected };
}

function isReachable(spark: SparkEntry): boolean {
  if (typeof spark.ssh?.reachable === 'boolean') return spark.ssh.reachable;
  if (typeof spark.reachable === 'boolean') return spark.reachable;
  return spark.status === 'up' || spark.status === 'reachable' || spark.status === 'ok';
}

function name(spark: SparkEntry): string {
  if (typeof spark.label === 'string' && spark.label) return spark.label;
  if (typeof spark.sparkId === 'string') return spark.sparkId;
  return typeof spark.id === 'string' ? spark.id : '?';
}
