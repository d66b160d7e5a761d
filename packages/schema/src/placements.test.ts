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
});
