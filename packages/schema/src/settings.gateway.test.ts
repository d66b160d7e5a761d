import { describe, expect, it } from 'vitest';
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
});
