import { describe, expect, it } from 'vitest';
import { unknownPolicyModels } from './gateway-settings.js';
import { parseSettings } from './settings.js';

describe('SettingsSchema gateway section', () => {
  it('has queueing and timeout defaults', () => {
    const result = parseSettings({});
    if (!result.success) throw new Error(result.errors.join());
    expect(result.settings.gateway).toEqual({
      queueSize: 64,
      maxWaitSec: 120,
      upstreamTimeoutSec: 600,
      swapOnRequest: false,
      minResidencySec: 300,
      idleUnloadSec: 0,
      modelPolicies: [],
    });
  });

  it('accepts explicit values', () => {
    const result = parseSettings({ gateway: { queueSize: 0, maxWaitSec: 5, swapOnRequest: true } });
    if (!result.success) throw new Error(result.errors.join());
    expect(result.settings.gateway).toMatchObject({ queueSize: 0, maxWaitSec: 5, swapOnRequest: true });
  });

  it('names each bad field', () => {
    const result = parseSettings({
      gateway: { queueSize: 1.5, maxWaitSec: -1, upstreamTimeoutSec: 0, swapOnRequest: 'yes', extra: 1 },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        'gateway.queueSize: must be a whole number',
        'gateway.maxWaitSec: must be at least 0 seconds',
        'gateway.upstreamTimeoutSec: must be at least 1 second',
        'gateway.swapOnRequest: must be true or false',
        'gateway.extra: is not a known setting',
      ]),
    );
  });

  it('takes model policies: pinned, or with their own idle time', () => {
    const result = parseSettings({
      gateway: {
        idleUnloadSec: 900,
        modelPolicies: [
          { modelId: 'qwen3-30b', pin: true },
          { modelId: 'gpt-oss-120b', idleUnloadSec: 0 },
        ],
      },
    });
    if (!result.success) throw new Error(result.errors.join());
    expect(result.settings.gateway.modelPolicies).toEqual([
      { modelId: 'qwen3-30b', pin: true },
      { modelId: 'gpt-oss-120b', pin: false, idleUnloadSec: 0 },
    ]);
  });

  it('names each bad residency, idle time and policy field', () => {
    const result = parseSettings({
      gateway: {
        minResidencySec: -1,
        idleUnloadSec: 1.5,
        modelPolicies: [
          { modelId: 'Qwen 3', pin: 'yes' },
          { modelId: 'qwen', idleUnloadSec: 10 ** 9, extra: 1 },
        ],
      },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        'gateway.minResidencySec: must be at least 0 seconds',
        'gateway.idleUnloadSec: must be a whole number',
        'gateway.modelPolicies.0.modelId: must be lowercase letters, digits and dashes (at most 63), starting with a letter or digit',
        'gateway.modelPolicies.0.pin: must be true or false',
        'gateway.modelPolicies.1.idleUnloadSec: must be at most 604800 seconds',
        'gateway.modelPolicies.1.extra: is not a known setting',
      ]),
    );
  });

  it('refuses two policies for one model, naming the second', () => {
    const result = parseSettings({
      gateway: {
        modelPolicies: [
          { modelId: 'qwen', pin: true },
          { modelId: 'qwen', idleUnloadSec: 60 },
        ],
      },
    });
    expect(result).toEqual({
      success: false,
      errors: ['gateway.modelPolicies.1.modelId: qwen already has a policy (gateway.modelPolicies.0)'],
    });
  });

  it('names a policy for a model the catalog lacks (checked by the server against its catalog)', () => {
    expect(unknownPolicyModels([{ modelId: 'qwen' }, { modelId: 'nope' }], ['qwen', 'gpt-oss-120b'])).toEqual(
      ['gateway.modelPolicies.1.modelId: no model "nope" in the catalog'],
    );
  });
});
