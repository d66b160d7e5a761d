import { mkdtempSync } from 'node:fs';
import { access, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExtendedVersion } from '@start9labs/start-sdk';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeEffects, loadBundle, runAction } from './support/bundle.js';
import { validInput } from './support/input.js';

// File models fix their path when their module loads: point them at this volume first.
const volume = mkdtempSync(join(tmpdir(), 'startos-upgrade-'));
process.env.SPARK_CONTROL_STARTOS_VOLUME = volume;
const { saveConfigureSparks } = await import('../actions/configureSparks.js');
const { adminPasswordTask } = await import('../init/adminPasswordTask.js');
const { configureSparksTask } = await import('../init/configureSparksTask.js');
const { versionGraph } = await import('../versions/index.js');

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

beforeEach(async () => {
  for (const file of await readdir(volume)) await rm(join(volume, file), { recursive: true, force: true });
});

afterAll(async () => {
  delete process.env.SPARK_CONTROL_STARTOS_VOLUME;
  await rm(volume, { recursive: true, force: true });
});

/** The effects init uses here: the data version and the tasks it creates (as severity + action id). */
function initEffects(dataVersion: string | null) {
  const tasks: string[] = [];
  const versions: (string | null)[] = [];
  const effects = {
    ...fakeEffects('init'),
    // Reads with .const() need a context; without constRetry they read once and do not re-run.
    isInContext: true,
    getDataVersion: () => Promise.resolve(dataVersion),
    setDataVersion: ({ version }: { version: string | null }) => {
      versions.push(version);
      return Promise.resolve(null);
    },
    action: {
      export: () => Promise.resolve(null),
      createTask: (task: { actionId: string; severity: string }) => {
        tasks.push(`${task.severity} ${task.actionId}`);
        return Promise.resolve(null);
      },
    },
  };
  return { effects, tasks, versions };
}

type InitEffects = Parameters<typeof configureSparksTask.init>[0];

describe('updating from the earlier Spark Control package', () => {
  it('migrates 0.24.0:0 to this version, keeping the volume and moving unreadable settings aside', async () => {
    await writeFile(join(volume, 'settings.json'), JSON.stringify({ spark1_host: '192.168.1.50' }));
    await writeFile(join(volume, 'history.db'), 'earlier data');
    const { effects, versions } = initEffects('0.24.0:0');
    await versionGraph.migrate({
      effects: effects as unknown as InitEffects,
      from: ExtendedVersion.parse('0.24.0:0'),
      to: versionGraph.currentVersion(),
    });
    expect(versions).toEqual([loadBundle().manifest.version]);
    expect(await readFile(join(volume, 'history.db'), 'utf8')).toBe('earlier data');
    expect(await exists(join(volume, 'settings.json'))).toBe(false);
    expect(JSON.parse(await readFile(join(volume, 'settings.earlier.json'), 'utf8'))).toEqual({
      spark1_host: '192.168.1.50',
    });
  });

  it('keeps a settings file this version can read', async () => {
    const valid = JSON.stringify({ sparks: [{ id: 'spark1', host: '10.0.0.1' }] });
    await writeFile(join(volume, 'settings.json'), valid);
    const { effects } = initEffects('0.1.0:0');
    await versionGraph.migrate({
      effects: effects as unknown as InitEffects,
      from: ExtendedVersion.parse('0.1.0:0'),
      to: versionGraph.currentVersion(),
    });
    expect(await readFile(join(volume, 'settings.json'), 'utf8')).toBe(valid);
  });

  it('then makes Configure Sparks critical and offers the import, until Configure Sparks is saved', async () => {
    const { effects } = initEffects('0.24.0:0');
    await versionGraph.migrate({
      effects: effects as unknown as InitEffects,
      from: ExtendedVersion.parse('0.24.0:0'),
      to: versionGraph.currentVersion(),
    });
    const first = initEffects(null);
    await configureSparksTask.init(first.effects as unknown as InitEffects, 'update');
    expect(first.tasks).toEqual(['important import-earlier-settings', 'critical configure-sparks']);

    await saveConfigureSparks(validInput());
    const after = initEffects(null);
    await configureSparksTask.init(after.effects as unknown as InitEffects, null);
    expect(after.tasks).toEqual([]);
  });

  it('asks for Configure Sparks on a fresh install without offering an import', async () => {
    const { effects, tasks } = initEffects(null);
    await configureSparksTask.init(effects as unknown as InitEffects, 'install');
    expect(tasks).toEqual(['critical configure-sparks']);
  });
});

describe('the admin password at install', () => {
  it('is made before the server starts, kept to show, and pointed at by an important task', async () => {
    const { effects, tasks } = initEffects(null);
    await adminPasswordTask.init(effects as unknown as InitEffects, 'install');
    expect(tasks).toEqual(['important show-admin-password']);
    expect(await readFile(join(volume, 'admin-password'), 'utf8')).toMatch(/^scrypt\$/);
    const shown = (await runAction(loadBundle(), 'show-admin-password', {})) as { result: { value: string } };
    expect(shown.result.value).toMatch(/^[A-Za-z0-9]{24}$/);

    const again = initEffects(null);
    await adminPasswordTask.init(again.effects as unknown as InitEffects, null);
    expect(again.tasks).toEqual([]);
    const still = (await runAction(loadBundle(), 'show-admin-password', {})) as { result: { value: string } };
    expect(still.result.value).toBe(shown.result.value);
  });
});
