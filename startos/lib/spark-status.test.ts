import { describe, expect, it } from 'vitest';
import { describeSparkStatus, type SparkHealthText } from './spark-status.js';

const text: SparkHealthText = {
  allReachable: (count) => `all ${count}`,
  unreachable: (names) => `down: ${names.join(', ')}`,
  noSparks: 'none',
  monitorPending: 'pending',
  unexpected: 'unexpected',
};

describe('describeSparkStatus', () => {
  it('reports the plain /health answer as not checked yet', () => {
    expect(describeSparkStatus({ status: 'ok', version: '0.1.0' }, text)).toEqual({
      result: 'disabled',
      message: 'pending',
    });
  });

  it('reads the health monitor answer', () => {
    expect(
      describeSparkStatus(
        {
          sparks: [
            { id: 'a', reachable: true },
            { id: 'b', status: 'up' },
          ],
        },
        text,
      ),
    ).toEqual({
      result: 'success',
      message: 'all 2',
    });
    expect(
      describeSparkStatus(
        {
          sparks: [
            { id: 'a', label: 'Spark A', reachable: false },
            { id: 'b', status: 'down' },
          ],
        },
        text,
      ),
    ).toEqual({ result: 'failure', message: 'down: Spark A, b' });
    expect(describeSparkStatus({ sparks: [] }, text)).toEqual({ result: 'disabled', message: 'none' });
  });

  it('reads GET /api/sparks entries', () => {
    const sparks = [
      { sparkId: 'spark1', label: 'Spark 1', ssh: { reachable: true, latencyMs: 3, error: null } },
      { sparkId: 'spark2', label: '', ssh: { reachable: false, latencyMs: null, error: 'timeout' } },
    ];
    expect(describeSparkStatus({ sparks }, text)).toEqual({ result: 'failure', message: 'down: spark2' });
  });

  it('fails on anything else', () => {
    expect(describeSparkStatus('nope', text).result).toBe('failure');
    expect(describeSparkStatus({ status: 'degraded' }, text).result).toBe('failure');
  });
});
