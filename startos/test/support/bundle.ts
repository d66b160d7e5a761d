import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bundleRequest, repoRoot } from './paths.js';

/** The parts of the StartOS action API the tests drive. */
export interface BundleAction {
  id: string;
  exportMetadata(options: { effects: FakeEffects }): Promise<Record<string, unknown>>;
  getInput(options: { effects: FakeEffects; prefill: null }): Promise<{ spec: unknown; value: unknown }>;
  run(options: { effects: FakeEffects; input: unknown }): Promise<unknown>;
}

export interface Bundle {
  manifest: {
    id: string;
    version: string;
    title: string;
    volumes: string[];
    images: Record<string, { source: unknown; arch: string[] }>;
    description: { short: Record<string, string>; long: Record<string, string> };
    releaseNotes: Record<string, string>;
    canMigrateFrom: string;
  };
  actions: { get(id: string): BundleAction | undefined; actions: Record<string, BundleAction> };
  main: unknown;
  init: unknown;
  uninit: unknown;
  createBackup: unknown;
}

export interface FakeEffects {
  eventId: string;
  child(name: string): FakeEffects;
  action: { export(options: unknown): Promise<null> };
}

/** Just enough of StartOS's effects for actions that only read and write the volume. */
export function fakeEffects(eventId = 'test-event'): FakeEffects {
  const effects: FakeEffects = {
    eventId,
    child: () => effects,
    action: { export: () => Promise.resolve(null) },
  };
  return effects;
}

/** Loads the bundle the way start-cli does: `require('<S9PK_PACKAGE>/javascript/index.js')` from the repository root. */
export function loadBundle(): Bundle {
  return createRequire(join(repoRoot, 'package.json'))(bundleRequest()) as Bundle;
}

/** Runs an action the way StartOS does: fetch its input spec first, then run with the input. */
export async function runAction(bundle: Bundle, id: string, input: unknown): Promise<unknown> {
  const action = bundle.actions.get(id);
  if (!action) throw new Error(`no action ${id}`);
  const effects = fakeEffects(`${id}-${Math.random()}`);
  await action.getInput({ effects, prefill: null });
  return action.run({ effects, input });
}
