import { parseSettings, type LeaseView, type Settings, type SettingsInput } from '@spark-control/schema';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error.js';
import { PlacementDirectory } from '../placements/placement-directory.js';
import { PlacementActivity } from './placement-activity.js';
import { SwapChoices } from './swap-choice.js';

const SPARKS = [
  { id: 'spark1', host: '127.0.0.2' },
  { id: 'spark2', host: '127.0.0.3' },
];
const THREE_PLACEMENTS: SettingsInput['placements'] = [
  { id: 'p1', sparkIds: ['spark1'], port: 8001, container: 'vllm_p1', memoryShare: 0.3 },
  { id: 'p2', sparkIds: ['spark1'], port: 8002, container: 'vllm_p2', memoryShare: 0.3 },
  { id: 'p3', sparkIds: ['spark2'], port: 8003, container: 'vllm_p3', memoryShare: 0.3, models: ['c'] },
];
/** Catalog ids a … e, served as `<id>-served`. */
const model = (id: string) => ({ id, tensorParallel: 1 });

/** The rule with a fake clock (`clock.ms`), and what each placement serves, is swapping or is leased. */
function setup(
  options: {
    gateway?: SettingsInput['gateway'];
    served?: Record<string, string[]>;
    swapping?: string[];
    /** Placement → the catalog model being swapped in there. */
    swappingTo?: Record<string, string>;
    leases?: Pick<LeaseView, 'modelId' | 'note' | 'createdBy' | 'until'>[];
  } = {},
) {
  const parsed = parseSettings({ sparks: SPARKS, placements: THREE_PLACEMENTS, gateway: options.gateway });
  if (!parsed.success) throw new Error(parsed.errors.join('; '));
  const settings: { current: Settings } = { current: parsed.settings };
  const clock = { ms: 1_000_000 };
  const activity = new PlacementActivity(() => clock.ms);
  const served = new Map(Object.entries(options.served ?? {}));
  const choices = new SwapChoices({
    settings,
    placements: new PlacementDirectory({ settings }),
    activity,
    swaps: {
      isSwapping: (id) => (options.swapping ?? []).includes(id ?? ''),
      swappingTo: (id) => options.swappingTo?.[id] ?? null,
    },
    leases: {
      active: () =>
        (options.leases ?? []).map((lease, index) => ({ id: `l${index}`, createdAt: '', ...lease })),
    },
    catalog: { byServedName: (name) => (name.endsWith('-served') ? { id: name.slice(0, -7) } : undefined) },
    served: () => Promise.resolve(served),
  });
  /** A request to `placementId` that stays in flight until the returned function is called. */
  const inFlight = (placementId: string) => {
    let finish: () => void = () => {};
    void activity.track(
      (sentTo) =>
        new Promise((resolve) => {
          sentTo(placementId);
          finish = () => resolve({ kind: 'whole', status: 200, headers: {}, body: '{}' });
        }),
    );
    return () => finish();
  };
  /** A request to `placementId` answered at once. */
  const use = (placementId: string) =>
    activity.track((sentTo) => {
      sentTo(placementId);
      return Promise.resolve({ kind: 'whole', status: 200, headers: {}, body: '{}' });
    });
  return { choices, activity, clock, served, inFlight, use };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe('SwapChoices', () => {
  it('needs no swap where a placement serves the model already', async () => {
    const { choices } = setup({ served: { p1: ['a-served'], p2: ['b-served'] } });
    expect(await choices.choose(model('b'), 'b-served')).toEqual({ placementId: 'p2', swapNeeded: false });
  });

  it('waits for a swap to the model that runs already, rather than starting another', async () => {
    const { choices } = setup({ served: {}, swapping: ['p2'], swappingTo: { p2: 'b' } });
    expect(await choices.choose(model('b'), 'b-served')).toEqual({ placementId: 'p2', swapNeeded: false });
    expect(await choices.choose(model('a'), 'a-served')).toEqual({ placementId: 'p1', swapNeeded: true });
  });

  it('takes an empty placement before evicting anything, even one idle far longer', async () => {
    const { choices, activity, clock } = setup({ served: { p1: ['a-served'] } });
    activity.loaded('p1', clock.ms - 86_400_000);
    expect(await choices.choose(model('b'), 'b-served')).toEqual({ placementId: 'p2', swapNeeded: true });
  });

  it('never considers a placement where the model may not run', async () => {
    const { choices, activity } = setup({ served: { p1: ['a-served'], p2: ['b-served'] } });
    activity.loaded('p1');
    activity.loaded('p2');
    // p3 is empty but serves only c.
    const busy = await refusal(choices.choose(model('d'), 'd-served'));
    expect(busy.message).not.toContain('p3');
    expect(await choices.choose(model('c'), 'c-served')).toEqual({ placementId: 'p3', swapNeeded: true });
  });

  it('evicts the placement idle longest', async () => {
    const { choices, clock, use } = setup({
      gateway: { minResidencySec: 0 },
      served: { p1: ['a-served'], p2: ['b-served'] },
    });
    await use('p1');
    clock.ms += 10_000;
    await use('p2');
    expect(await choices.choose(model('d'), 'd-served')).toEqual({ placementId: 'p1', swapNeeded: true });
    clock.ms += 10_000;
    await use('p1');
    expect(await choices.choose(model('d'), 'd-served')).toEqual({ placementId: 'p2', swapNeeded: true });
  });

  it('never evicts a model loaded less than the minimum residency ago, and says when to retry', async () => {
    const { choices, activity, clock } = setup({
      gateway: { minResidencySec: 300 },
      served: { p1: ['a-served'], p2: ['b-served'] },
    });
    activity.loaded('p1', clock.ms - 42_000);
    activity.loaded('p2', clock.ms - 100_000);
    const busy = await refusal(choices.choose(model('d'), 'd-served'));
    expect(busy.code).toBe('UNAVAILABLE');
    expect(busy.openAiCode).toBe('placements_busy');
    expect(busy.retryAfterSec).toBe(200);
    expect(busy.message).toBe(
      'The model `d-served` is not loaded and every placement that may serve it is busy: ' +
        'p1 holds a-served (loaded 42 s ago, minimum residency 300 s); ' +
        'p2 holds b-served (loaded 100 s ago, minimum residency 300 s).',
    );
    clock.ms += 200_000;
    expect(await choices.choose(model('d'), 'd-served')).toEqual({ placementId: 'p2', swapNeeded: true });
  });

  it('never evicts a model with a request in flight (a stream until it ends)', async () => {
    const { choices, inFlight } = setup({
      gateway: { minResidencySec: 0 },
      served: { p1: ['a-served'], p2: ['b-served'] },
    });
    const endA = inFlight('p1');
    const endB = inFlight('p2');
    inFlight('p2');
    const busy = await refusal(choices.choose(model('d'), 'd-served'));
    expect(busy.message).toContain('p1 holds a-served (1 request in flight)');
    expect(busy.message).toContain('p2 holds b-served (2 requests in flight)');
    expect(busy.retryAfterSec).toBe(30);
    endA();
    endB();
    await Promise.resolve();
    expect(await choices.choose(model('d'), 'd-served')).toEqual({ placementId: 'p1', swapNeeded: true });
  });

  it('never evicts a pinned model', async () => {
    const { choices } = setup({
      gateway: { minResidencySec: 0, modelPolicies: [{ modelId: 'a', pin: true }] },
      served: { p1: ['a-served'], p2: ['b-served'] },
    });
    expect(await choices.choose(model('d'), 'd-served')).toEqual({ placementId: 'p2', swapNeeded: true });
    const pinnedBoth = setup({
      gateway: {
        modelPolicies: [
          { modelId: 'a', pin: true },
          { modelId: 'b', pin: true },
        ],
      },
      served: { p1: ['a-served'], p2: ['b-served'] },
    });
    const busy = await refusal(pinnedBoth.choices.choose(model('d'), 'd-served'));
    expect(busy.message).toContain('p1 holds a-served (pinned); p2 holds b-served (pinned)');
  });

  it('never evicts a leased model; leases on every placement answer 409 model_leased', async () => {
    const lease = { note: 'batch job', createdBy: 'admin', until: '2030-01-01T00:00:00.000Z' };
    const one = setup({
      gateway: { minResidencySec: 0 },
      served: { p1: ['a-served'], p2: ['b-served'] },
      leases: [{ modelId: 'b', ...lease }],
    });
    expect(await one.choices.choose(model('d'), 'd-served')).toEqual({ placementId: 'p1', swapNeeded: true });
    const both = setup({
      gateway: { minResidencySec: 0 },
      served: { p1: ['a-served'], p2: ['b-served'] },
      leases: [
        { modelId: 'a', ...lease },
        { modelId: 'b', ...lease },
      ],
    });
    const busy = await refusal(both.choices.choose(model('d'), 'd-served'));
    expect(busy.code).toBe('LEASED');
    expect(busy.openAiCode).toBe('model_leased');
    expect(busy.message).toContain('leased by "batch job"');
  });

  it('never takes a placement being swapped', async () => {
    const { choices } = setup({
      gateway: { minResidencySec: 0 },
      served: { p1: ['a-served'] },
      swapping: ['p2'],
    });
    expect(await choices.choose(model('d'), 'd-served')).toEqual({ placementId: 'p1', swapNeeded: true });
    const all = setup({ served: { p1: ['a-served'] }, swapping: ['p1', 'p2'] });
    const busy = await refusal(all.choices.choose(model('d'), 'd-served'));
    expect(busy.message).toContain('p1 holds a model being swapped in; p2 holds a model being swapped in');
  });

  it('answers 404 for a model no placement may serve', async () => {
    const parsed = parseSettings({
      sparks: SPARKS,
      placements: [{ id: 'only', sparkIds: ['spark1'], port: 8001, container: 'v', models: ['a'] }],
    });
    if (!parsed.success) throw new Error(parsed.errors.join('; '));
    const settings = { current: parsed.settings };
    const choices = new SwapChoices({
      settings,
      placements: new PlacementDirectory({ settings }),
      activity: new PlacementActivity(() => 0),
      swaps: { isSwapping: () => false },
      catalog: { byServedName: () => undefined },
      served: () => Promise.resolve(new Map()),
    });
    const refused = await refusal(choices.choose(model('b'), 'b-served'));
    expect(refused.code).toBe('NOT_FOUND');
    expect(refused.message).toBe('The model `b-served` may not run on any placement.');
  });
});
