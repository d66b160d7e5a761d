import { describe, expect, it } from 'vitest';
import { parseSettings } from './settings.js';
import { resolvePlacements, whyNotPlaced } from './placements.js';

const sparks = [
  { id: 'spark1', host: '127.0.0.2' },
  { id: 'spark2', host: '127.0.0.3' },
  { id: 'spark3', host: '127.0.0.4' },
];

function settingsOf(input: Record<string, unknown>) {
  const result = parseSettings(input);
  if (!result.success) throw new Error(result.errors.join('; '));
  return result.settings;
}

describe('placements', () => {
  it('default layout: one placement on the vllm Spark and its first peer, with vllm.port and vllm.container', () => {
    const settings = settingsOf({ sparks: sparks.slice(0, 2), vllm: { port: 8001, container: 'mine' } });
    expect(resolvePlacements(settings)).toEqual([
      {
        id: 'vllm',
        sparkIds: ['spark1', 'spark2'],
        port: 8001,
        container: 'mine',
        memoryShare: null,
        models: [],
      },
    ]);
  });

  it('default layout follows the vllm role, and a single Spark gets a one-Spark placement', () => {
    const second = settingsOf({
      sparks: [
        { ...sparks[0], roles: ['stt'] },
        { ...sparks[1], roles: ['vllm'] },
      ],
    });
    expect(resolvePlacements(second)[0]?.sparkIds).toEqual(['spark2', 'spark1']);
    expect(resolvePlacements(settingsOf({ sparks: sparks.slice(0, 1) }))[0]?.sparkIds).toEqual(['spark1']);
    expect(resolvePlacements(settingsOf({ sparks: [{ ...sparks[0], roles: ['stt'] }] }))).toEqual([]);
  });

  it('says why a model may not run on a placement', () => {
    const [pair] = resolvePlacements(settingsOf({ sparks: sparks.slice(0, 2) }));
    if (!pair) throw new Error('no default placement');
    expect(whyNotPlaced(pair, { id: 'm', tensorParallel: 2 })).toBeNull();
    expect(whyNotPlaced(pair, { id: 'm', tensorParallel: 4 })).toBe(
      'tensor parallel 4 needs 4 Sparks; placement vllm has 2 Sparks',
    );
    expect(whyNotPlaced({ ...pair, models: ['other'] }, { id: 'm', tensorParallel: 1 })).toBe(
      'placement vllm serves only other',
    );
  });

  it('configured placements replace the default layout', () => {
    const settings = settingsOf({
      sparks,
      placements: [
        { id: 'big', sparkIds: ['spark2', 'spark3'], port: 8888, container: 'vllm_big' },
        {
          id: 'small',
          sparkIds: ['spark1'],
          port: 8001,
          container: 'vllm_small',
          memoryShare: 0.3,
          models: ['m'],
        },
      ],
    });
    expect(resolvePlacements(settings)).toEqual([
      {
        id: 'big',
        sparkIds: ['spark2', 'spark3'],
        port: 8888,
        container: 'vllm_big',
        memoryShare: null,
        models: [],
      },
      {
        id: 'small',
        sparkIds: ['spark1'],
        port: 8001,
        container: 'vllm_small',
        memoryShare: 0.3,
        models: ['m'],
      },
    ]);
  });

  it('placements may share a Spark with their own port and container and budgets that fit', () => {
    const result = parseSettings({
      sparks,
      placements: [
        { id: 'a', sparkIds: ['spark1'], port: 8001, container: 'vllm_a', memoryShare: 0.4 },
        { id: 'b', sparkIds: ['spark1'], port: 8002, container: 'vllm_b', memoryShare: 0.5 },
      ],
    });
    expect(result.success).toBe(true);
  });

  it.each([
    [
      'an unknown Spark',
      [{ id: 'a', sparkIds: ['spark9'], port: 8001, container: 'a' }],
      'placements.0.sparkIds.0: no Spark "spark9" (configured: spark1, spark2, spark3)',
    ],
    [
      'a port shared on a Spark',
      [
        { id: 'a', sparkIds: ['spark1'], port: 8001, container: 'a' },
        { id: 'b', sparkIds: ['spark2', 'spark1'], port: 8001, container: 'b' },
      ],
      'placements.1.port: 8001 is also the port of placement a on spark1',
    ],
    [
      'a container shared on a Spark',
      [
        { id: 'a', sparkIds: ['spark1'], port: 8001, container: 'same' },
        { id: 'b', sparkIds: ['spark1'], port: 8002, container: 'same' },
      ],
      'placements.1.container: same is also the container of placement a on spark1',
    ],
    [
      'a duplicate id',
      [
        { id: 'a', sparkIds: ['spark1'], port: 8001, container: 'a' },
        { id: 'a', sparkIds: ['spark2'], port: 8001, container: 'a' },
      ],
      'placements.1.id: a is used twice',
    ],
    [
      'budgets above the whole Spark',
      [
        { id: 'a', sparkIds: ['spark1'], port: 8001, container: 'a', memoryShare: 0.6 },
        { id: 'b', sparkIds: ['spark1'], port: 8002, container: 'b', memoryShare: 0.5 },
      ],
      'placements.1.memoryShare: the placements on spark1 (a 0.6, b 0.5) add up to 1.10 of its memory, more than all of it',
    ],
    [
      'a Spark named twice',
      [{ id: 'a', sparkIds: ['spark1', 'spark1'], port: 8001, container: 'a' }],
      'placements.0.sparkIds: must not name a Spark twice',
    ],
    [
      'no Spark',
      [{ id: 'a', sparkIds: [], port: 8001, container: 'a' }],
      'placements.0.sparkIds: must name at least one Spark',
    ],
  ])('refuses %s, naming the field', (_case, placements, message) => {
    const result = parseSettings({ sparks, placements });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.errors).toContain(message);
  });
});
