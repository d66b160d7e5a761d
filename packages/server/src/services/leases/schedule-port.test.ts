import type { LeaseView } from '@spark-control/schema';
import { describe, expect, it } from 'vitest';
import { leaseSchedulePort } from './schedule-port.js';

const lease = (id: string, modelId: string, createdAt: string, until: string, note = ''): LeaseView => ({
  id,
  modelId,
  createdAt,
  until,
  note,
  createdBy: 'token:ci',
});

const LEASES = [
  lease('1', 'small-a', '2026-12-06T08:00:00Z', '2026-12-06T10:00:00Z', 'nightly eval'),
  lease('2', 'small-a', '2026-12-06T09:00:00Z', '2026-12-06T11:00:00Z'),
  lease('3', 'big', '2026-12-06T07:00:00Z', '2026-12-06T12:00:00Z'),
  lease('4', 'big', '2026-12-05T07:00:00Z', '2026-12-05T08:00:00Z'),
];

describe('leases as schedules see them', () => {
  it('draws every lease in the window on its placement, asking where each model is once', async () => {
    const asked: string[] = [];
    const port = leaseSchedulePort(
      { active: () => LEASES },
      {
        evicted: () => Promise.resolve([]),
        placementOf: (modelId) => {
          asked.push(modelId);
          return Promise.resolve(modelId === 'big' ? 'vllm' : 'small');
        },
      },
    );
    const holds = await port.holds(new Date('2026-12-06T08:30:00Z'), new Date('2026-12-07T08:30:00Z'));
    expect(holds.map((hold) => [hold.modelId, hold.placement, hold.holder, hold.from.toISOString()])).toEqual(
      [
        ['small-a', 'small', 'nightly eval', '2026-12-06T08:30:00.000Z'],
        ['small-a', 'small', 'token:ci', '2026-12-06T09:00:00.000Z'],
        ['big', 'vllm', 'token:ci', '2026-12-06T08:30:00.000Z'],
      ],
    );
    expect(asked.sort()).toEqual(['big', 'small-a']);
  });

  it('blocks a window start with the leases the swap would break, and lets it pass without any', async () => {
    const [first] = LEASES;
    const port = leaseSchedulePort(
      { active: () => LEASES },
      {
        evicted: (modelId) => Promise.resolve(modelId === 'big' && first ? [first] : []),
        placementOf: () => Promise.resolve('vllm'),
      },
    );
    const at = new Date('2026-12-06T09:00:00Z');
    expect(await port.isBlocked({ modelId: 'big', placement: 'vllm' }, at)).toEqual({
      reason: 'small-a is leased by "nightly eval" (token:ci) until 2026-12-06T10:00:00Z',
    });
    expect(await port.isBlocked({ modelId: 'small-a', placement: 'vllm' }, at)).toBeNull();
  });
});
