import type { ServiceHistory } from '@spark-control/schema';
import { describe, expect, it } from 'vitest';
import { hourlyUptime, latencyPoints } from './history.js';

const NOW = Date.parse('2026-11-21T12:00:00Z');
const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();

function history(partial: Partial<ServiceHistory>): ServiceHistory {
  return { id: 'vllm', transitions: [], samples: [], minutes: [], ...partial };
}

describe('latencyPoints', () => {
  it('puts minute averages before raw samples and drops gaps', () => {
    const points = latencyPoints(
      history({
        minutes: [
          { minute: at(120), samples: 12, available: 12, excluded: 0, latencyAvgMs: 30, latencyMaxMs: 40 },
          { minute: at(119), samples: 12, available: 0, excluded: 0, latencyAvgMs: null, latencyMaxMs: null },
        ],
        samples: [
          { at: at(1), status: 'up', latencyMs: 10 },
          { at: at(0.5), status: 'down', latencyMs: null },
          { at: at(0), status: 'up', latencyMs: 12 },
        ],
      }),
    );
    expect(points).toEqual([30, 10, 12]);
  });

  it('keeps only the newest points', () => {
    const samples = Array.from({ length: 100 }, (_, i) => ({
      at: at(100 - i),
      status: 'up' as const,
      latencyMs: i,
    }));
    expect(latencyPoints(history({ samples }), 5)).toEqual([95, 96, 97, 98, 99]);
  });
});

describe('hourlyUptime', () => {
  it('gives each of the last 24 hours its available share, null without data', () => {
    const hours = hourlyUptime(
      history({
        minutes: [
          // 3 hours ago: 9 of 12 available. 30 hours ago: outside the window.
          { minute: at(180), samples: 12, available: 9, excluded: 0, latencyAvgMs: 5, latencyMaxMs: 9 },
          {
            minute: at(1800),
            samples: 12,
            available: 0,
            excluded: 0,
            latencyAvgMs: null,
            latencyMaxMs: null,
          },
        ],
        samples: [
          { at: at(10), status: 'up', latencyMs: 5 },
          { at: at(9), status: 'degraded', latencyMs: 900 },
          { at: at(8), status: 'down', latencyMs: null },
          { at: at(7), status: 'down', latencyMs: null },
        ],
      }),
      NOW,
    );
    expect(hours).toHaveLength(24);
    expect(hours[23]).toBe(0.5);
    expect(hours[20]).toBe(0.75);
    expect(hours.filter((share) => share !== null)).toHaveLength(2);
  });

  it('leaves planned swaps out of the share', () => {
    const hours = hourlyUptime(
      history({
        minutes: [
          { minute: at(30), samples: 12, available: 6, excluded: 6, latencyAvgMs: 5, latencyMaxMs: 9 },
        ],
        samples: [
          { at: at(2), status: 'swapping', latencyMs: null },
          { at: at(1), status: 'up', latencyMs: 5 },
        ],
      }),
      NOW,
    );
    expect(hours[23]).toBe(1);
  });

  it('leaves a placement unloaded on purpose out of the share', () => {
    const samples = [
      { at: at(3), status: 'up' as const, latencyMs: 5 },
      { at: at(2), status: 'unloaded' as const, latencyMs: null },
      { at: at(1), status: 'unloaded' as const, latencyMs: null },
    ];
    expect(hourlyUptime(history({ samples }), NOW)[23]).toBe(1);
  });
});
