import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSettings } from '@spark-control/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EARLIER_SETTINGS } from './support/earlier-settings.js';
import { fakeEffects, loadBundle, runAction } from './support/bundle.js';

const bundle = loadBundle();
let volume: string;

beforeEach(async () => {
  volume = await mkdtemp(join(tmpdir(), 'startos-import-'));
  process.env.SPARK_CONTROL_STARTOS_VOLUME = volume;
});

afterEach(async () => {
  delete process.env.SPARK_CONTROL_STARTOS_VOLUME;
  await rm(volume, { recursive: true, force: true });
});

interface Member {
  name: string;
  value: string | Member[];
  description: string | null;
  masked?: boolean;
}
interface Result {
  title: string;
  message: string;
  result: { value: Member[] };
}
const group = (result: Result, name: string) =>
  (result.result.value.find((member) => member.name === name)?.value ?? []) as Member[];

describe('import-earlier-settings', () => {
  it('previews without writing, masks the key and names each line it did not understand', async () => {
    const preview = (await runAction(bundle, 'import-earlier-settings', {
      lines: EARLIER_SETTINGS,
      save: false,
    })) as Result;
    expect(await readdir(volume)).toEqual([]);
    expect(preview.title).toBe('Preview: nothing saved yet');
    const understood = group(preview, 'Understood');
    expect(understood.map((member) => member.name)).toContain('sparks[spark1].host');
    expect(understood.find((member) => member.name === 'reasoning.nvidiaApiKey')).toMatchObject({
      value: '********',
      masked: true,
    });
    expect(JSON.stringify(preview)).not.toContain('nvapi-earlier-key');
    expect(group(preview, 'Not understood').map((member) => member.description)).toEqual([
      'line 12: not a setting Spark Control knows (webui_port)',
      'line 13: not a KEY=value line (this line is no setting)',
      'line 15: has no value (DISABLED_SERVICES_EXTRA)',
    ]);
    const again = await bundle.actions
      .get('import-earlier-settings')
      ?.getInput({ effects: fakeEffects(), prefill: null });
    expect(again?.value).toEqual({ lines: EARLIER_SETTINGS, save: false });
  });

  it('writes valid settings only when asked to save', async () => {
    const saved = (await runAction(bundle, 'import-earlier-settings', {
      lines: EARLIER_SETTINGS,
      save: true,
    })) as Result;
    expect(saved.title).toBe('Earlier settings saved');
    const written = JSON.parse(await readFile(join(volume, 'settings.json'), 'utf8')) as unknown;
    const parsed = parseSettings(written);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.settings.sparks.map((spark) => [spark.id, spark.host])).toEqual([
      ['spark1', '192.168.1.50'],
      ['spark2', 'spark2.lan'],
    ]);
    expect(parsed.settings.reasoning.nvidiaApiKey).toBe('nvapi-earlier-key');
    expect(parsed.settings.vllm.port).toBe(8000);
  });

  it('refuses to save what the settings cannot hold, naming the line, and writes nothing', async () => {
    await writeFile(
      join(volume, 'settings.json'),
      JSON.stringify({ sparks: [{ id: 'spark1', host: '10.0.0.1' }] }),
    );
    const before = await readFile(join(volume, 'settings.json'), 'utf8');
    const lines = `spark2_host=10.0.0.2\nNVIDIA_API_KEY=${'k'.repeat(5000)}\nWEBUI_PORT=3000`;
    await expect(runAction(bundle, 'import-earlier-settings', { lines, save: true })).rejects.toThrow(
      /^Nothing was saved\. Please correct:\n- line 2 \(NVIDIA_API_KEY\): is too long\n- line 3: not a setting Spark Control knows \(webui_port\)$/,
    );
    expect(await readFile(join(volume, 'settings.json'), 'utf8')).toBe(before);
    const preview = (await runAction(bundle, 'import-earlier-settings', { lines, save: false })) as Result;
    expect(preview.message).toBe('These settings cannot be saved as they are: see Problems.');
    expect(group(preview, 'Problems').map((member) => member.value)).toEqual([
      'line 2 (NVIDIA_API_KEY): is too long',
    ]);
  });
});
