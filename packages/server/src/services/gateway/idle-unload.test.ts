import { parseSettings, type Settings, type SettingsInput } from '@spark-control/schema';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/logger.js';
import { PlacementDirectory } from '../placements/placement-directory.js';
import { IdleUnload } from './idle-unload.js';
import { PlacementActivity } from './placement-activity.js';

const PLACEMENTS: SettingsInput['placements'] = [
  { id: 'p1', sparkIds: ['spark1'], port: 8001, container: 'vllm_p1', memoryShare: 0.4 },
  { id: 'p2', sparkIds: ['spark2'], port: 8002, container: 'vllm_p2', memoryShare: 0.4 },
];

/** p1 serves a-served, p2 b-served (catalog ids a, b); `x-served` is not in the catalog. */
function setup(
  gateway: SettingsInput['gateway'],
  options: { served?: Record<string, string[]>; swapping?: string[]; leased?: string[] } = {},
) {
  const parsed = parseSettings({
    sparks: [
      { id: 'spark1', host: '127.0.0.2' },
      { id: 'spark2', host: '127.0.0.3' },
    ],
    placements: PLACEMENTS,
    gateway,
  });
  if (!parsed.success) throw new Error(parsed.errors.join('; '));
  const settings: { current: Settings } = { current: parsed.settings };
  const clock = { ms: 0 };
  const activity = new PlacementActivity(() => clock.ms);
  const unloads: string[] = [];
  let asked = 0;
  const idle = new IdleUnload({
    settings,
    placements: new PlacementDirectory({ settings }),
    activity,
    swaps: {
      isSwapping: (id) => (options.swapping ?? []).includes(id ?? ''),
      unload: (id) => {
        unloads.push(id);
        return Promise.resolve();
      },
    },
    leases: {
      active: () =>
        (options.leased ?? []).map((modelId) => ({
          id: modelId,
          modelId,
          note: '',
          createdBy: 'admin',
          createdAt: '',
          until: '',
        })),
    },
    catalog: { byServedName: (name) => (name === 'x-served' ? undefined : { id: name.slice(0, 1) }) },
    served: () => {
      asked += 1;
      return Promise.resolve(
        new Map(Object.entries(options.served ?? { p1: ['a-served'], p2: ['b-served'] })),
      );
    },
    log: createLogger({ level: 'silent' }),
  });
  return { idle, clock, activity, unloads, asked: () => asked };
}

describe('IdleUnload', () => {
  it('does nothing (and asks nothing) when no idle time is set', async () => {
    const { idle, clock, asked } = setup({});
    clock.ms = 10 ** 9;
    expect(await idle.check()).toEqual([]);
    expect(asked()).toBe(0);
  });

  it('unloads a model once it has had no request for gateway.idleUnloadSec', async () => {
    const { idle, clock, activity, unloads } = setup({ idleUnloadSec: 600 });
    clock.ms = 100_000;
    await activity.track((sentTo) => {
      sentTo('p1');
      return Promise.resolve({ kind: 'whole', status: 200, headers: {}, body: '{}' });
    });
    clock.ms = 599_999;
    expect(await idle.check()).toEqual([]);
    clock.ms = 600_000;
    expect(await idle.check()).toEqual(['p2']);
    clock.ms = 700_000;
    expect(await idle.check()).toEqual(['p1', 'p2']);
    expect(unloads).toEqual(['p2', 'p1', 'p2']);
  });

  it("lets a model's policy replace the idle time, or pin it", async () => {
    const shorter = setup({ idleUnloadSec: 600, modelPolicies: [{ modelId: 'a', idleUnloadSec: 60 }] });
    shorter.clock.ms = 60_000;
    expect(await shorter.idle.check()).toEqual(['p1']);
    const never = setup({ idleUnloadSec: 600, modelPolicies: [{ modelId: 'b', idleUnloadSec: 0 }] });
    never.clock.ms = 10 ** 9;
    expect(await never.idle.check()).toEqual(['p1']);
    const onlyPolicy = setup({ modelPolicies: [{ modelId: 'b', idleUnloadSec: 30 }] });
    onlyPolicy.clock.ms = 30_000;
    expect(await onlyPolicy.idle.check()).toEqual(['p2']);
    const pinned = setup({
      idleUnloadSec: 60,
      modelPolicies: [{ modelId: 'a', pin: true, idleUnloadSec: 5 }],
    });
    pinned.clock.ms = 10 ** 9;
    expect(await pinned.idle.check()).toEqual(['p2']);
  });

  it('leaves a model with a request in flight, a leased one, one being swapped and one the catalog lacks', async () => {
    const { idle, clock, activity } = setup(
      { idleUnloadSec: 60 },
      { served: { p1: ['a-served'], p2: ['x-served'] }, leased: [] },
    );
    let finish: () => void = () => {};
    const stream = activity.track(
      (sentTo) =>
        new Promise((resolve) => {
          sentTo('p1');
          finish = () => resolve({ kind: 'whole', status: 200, headers: {}, body: '{}' });
        }),
    );
    clock.ms = 10 ** 9;
    expect(await idle.check()).toEqual([]);
    finish();
    await stream;
    clock.ms += 60_000;
    expect(await idle.check()).toEqual(['p1']);

    const leased = setup({ idleUnloadSec: 60 }, { leased: ['a'] });
    leased.clock.ms = 10 ** 9;
    expect(await leased.idle.check()).toEqual(['p2']);
    const swapping = setup({ idleUnloadSec: 60 }, { swapping: ['p2'] });
    swapping.clock.ms = 10 ** 9;
    expect(await swapping.idle.check()).toEqual(['p1']);
  });
});
