import type { SettingsInput } from '@spark-control/schema';
import type { StartClusterOptions } from '@spark-control/sim';
import { startGateway } from '../../src/services/gateway/testing/harness.js';
import { buildTestApp, type TestApp, type TestAppOptions } from './app.js';
import { startSimFixture, type SimFixture } from './sim.js';

export type GatewayHarness = Awaited<ReturnType<typeof startGateway>>;

export interface SimGatewayOptions {
  /** The simulated Sparks (`startSimFixture`'s options). */
  sim?: Partial<StartClusterOptions>;
  /** What the settings add to the simulated Sparks (placements, a webhook…), once they run. */
  settings?: (sim: SimFixture) => Partial<SettingsInput>;
  /** More of `buildTestApp`'s options (a clock…). */
  app?: Omit<TestAppOptions, 'settings' | 'ssh'>;
  /** Catalog entries added with `POST /api/catalog` before the tests; each must be created. */
  catalog?: readonly object[];
}

export interface SimGateway {
  sim: SimFixture;
  t: TestApp;
  g: GatewayHarness;
  /** Stops the gateway, the app and the simulated Sparks, in that order. */
  close(): Promise<void>;
}

/**
 * The start-up the simulator tests of the gateway and of swaps share: simulated Sparks, the real
 * app on settings pointing at them (through the real SSH adapter), and the gateway harness in front.
 * Whatever started is stopped again when a later step fails.
 */
export async function startSimGateway(options: SimGatewayOptions = {}): Promise<SimGateway> {
  const sim = await startSimFixture(options.sim);
  let t: TestApp | undefined;
  let g: GatewayHarness | undefined;
  const close = async () => {
    await g?.close();
    await t?.close();
    await sim.close();
  };
  try {
    t = await buildTestApp({ ...options.app, settings: sim.settings(options.settings?.(sim)), ssh: sim.ssh });
    g = await startGateway(t);
    for (const entry of options.catalog ?? []) {
      const response = await t.postJson('/api/catalog', entry);
      if (response.status !== 201)
        throw new Error(`POST /api/catalog: ${response.status} ${await response.text()}`);
    }
    return { sim, t, g, close };
  } catch (error) {
    await close();
    throw error;
  }
}
