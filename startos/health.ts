import { i18n } from './i18n/index.js';
import { describeSparkStatus, type SparkHealth } from './lib/spark-status.js';
import { sparkStatusPath, uiPort } from './utils.js';

const TIMEOUT_MS = 5000;

/** The "Sparks reachable" check: asks the running server, which does the SSH and HTTP probing. */
export async function checkSparksReachable(statusToken: string): Promise<SparkHealth> {
  try {
    const response = await fetch(`http://127.0.0.1:${uiPort}${sparkStatusPath}`, {
      headers: { Authorization: `Bearer ${statusToken}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok)
      return { result: 'failure', message: i18n('Spark Control did not answer the status check') };
    return describeSparkStatus(await response.json(), {
      allReachable: (count) => i18n('All ${count} Sparks are reachable', { count }),
      unreachable: (names) => i18n('Not reachable: ${names}', { names: names.join(', ') }),
      noSparks: i18n('No Spark is configured yet: run Configure Sparks'),
      monitorPending: i18n(
        'Spark Control is running; per-Spark checks appear here once the health monitor is available',
      ),
      unexpected: i18n('Spark Control did not answer the status check'),
    });
  } catch {
    return { result: 'starting', message: i18n('Waiting for Spark Control to answer') };
  }
}
