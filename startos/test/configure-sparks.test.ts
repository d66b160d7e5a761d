import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSettings } from '@spark-control/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeEffects, loadBundle, runAction } from './support/bundle.js';
import { keep, placementInput, replace, validInput } from './support/input.js';
import { bundleRequest, repoRoot } from './support/paths.js';

const bundle = loadBundle();
let volume: string;
let settingsFile: string;

beforeEach(async () => {
  volume = await mkdtemp(join(tmpdir(), 'startos-volume-'));
  settingsFile = join(volume, 'settings.json');
  process.env.SPARK_CONTROL_STARTOS_VOLUME = volume;
});

afterEach(async () => {
  delete process.env.SPARK_CONTROL_STARTOS_VOLUME;
  await rm(volume, { recursive: true, force: true });
});

describe('configure-sparks', () => {
  it('writes a settings file the shared schema accepts, readable only by its owner', async () => {
    await runAction(bundle, 'configure-sparks', validInput());
    const written = JSON.parse(await readFile(settingsFile, 'utf8')) as unknown;
    const parsed = parseSettings(written);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(
      parsed.settings.sparks.map((spark) => [spark.id, spark.host, spark.sshPort, spark.sshUser]),
    ).toEqual([
      ['spark1', '10.0.0.11', 22, 'spark'],
      ['spark2', 'spark2.lan', 2222, 'ops'],
    ]);
    expect(parsed.settings.sparks[0]?.roles).toEqual(['vllm']);
    expect(parsed.settings.sparks[1]?.roles).toEqual(['stt', 'tts']);
    expect(parsed.settings.vllm).toMatchObject({ port: 8001, container: 'vllm_main' });
    expect(parsed.settings.disabledServices).toEqual(['kokoro']);
    expect(parsed.settings.customServices[0]).toMatchObject({ id: 'grafana', host: '10.0.0.20', port: 3000 });
    expect(parsed.settings.reasoning).toMatchObject({
      nvidiaApiKey: 'nvapi-test-key',
      allowLocalFallback: true,
    });
    expect((await stat(settingsFile)).mode & 0o777).toBe(0o600);
    expect(await readdir(volume)).toEqual(['settings.json']);
  });

  it('keeps the saved secrets and the hidden services the form does not offer', async () => {
    await writeFile(
      settingsFile,
      JSON.stringify({
        disabledServices: ['grafana'],
        vllm: { hfToken: 'hf_saved_token' },
        webhook: { secret: 'whsec_saved' },
      }),
    );
    await runAction(bundle, 'configure-sparks', validInput());
    const written = JSON.parse(await readFile(settingsFile, 'utf8')) as {
      disabledServices: string[];
      vllm: { hfToken: string };
      webhook: { secret: string };
    };
    expect(written.disabledServices).toEqual(['kokoro', 'grafana']);
    expect(written.vllm.hfToken).toBe('hf_saved_token');
    expect(written.webhook.secret).toBe('whsec_saved');
  });

  it('pre-fills the form from the current file, without the secrets', async () => {
    await runAction(
      bundle,
      'configure-sparks',
      validInput({ vllm: { ...validInput().vllm, hfToken: replace('hf_prefill_secret') } }),
    );
    const action = bundle.actions.get('configure-sparks');
    const input = await action?.getInput({ effects: fakeEffects(), prefill: null });
    expect(input?.value).toEqual(
      validInput({
        customServices: [{ ...validInput().customServices[0]!, path: '/api/health' }],
        reasoning: { ...validInput().reasoning, nvidiaApiKey: keep },
      }),
    );
    expect(JSON.stringify(input?.value)).not.toMatch(/hf_prefill_secret|nvapi-test-key/);
  });

  it('pre-fills the schema defaults on a fresh install', async () => {
    const input = await bundle.actions
      .get('configure-sparks')
      ?.getInput({ effects: fakeEffects(), prefill: null });
    expect(input?.value).toMatchObject({
      sparks: [],
      vllm: { port: 8888, container: 'vllm_node', launchScript: '~/spark-vllm-docker/launch-cluster.sh' },
      hiddenServices: [],
    });
  });

  const badInputs: [string, ReturnType<typeof validInput>, RegExp][] = [
    [
      'an SSH port of 70000',
      validInput({ sparks: [{ ...validInput().sparks[0]!, sshPort: 70000 }] }),
      /Sparks 1 › SSH port: must be a port from 1 to 65535/,
    ],
    [
      'a vLLM port of 70000',
      validInput({ vllm: { ...validInput().vllm, port: 70000 } }),
      /vLLM › vLLM port: must be a port from 1 to 65535/,
    ],
    [
      'a host with spaces',
      validInput({ sparks: [{ ...validInput().sparks[0]!, host: 'spark one.lan' }] }),
      /Sparks 1 › Address: must be an IPv4 address/,
    ],
    [
      'a container name with ;',
      validInput({ vllm: { ...validInput().vllm, container: 'vllm;reboot' } }),
      /vLLM › Container name: must be a Docker container name/,
    ],
    ['an empty Spark list', validInput({ sparks: [] }), /Sparks: add at least one Spark/],
    [
      'a cluster address that is not IPv4',
      validInput({ sparks: [{ ...validInput().sparks[0]!, clusterIp: '192.168.177' }] }),
      /Sparks 1 › Cluster address: must be blank or an IPv4 address/,
    ],
    [
      'a ready timeout of 10 seconds',
      validInput({
        advanced: { ...validInput().advanced, swap: { ...validInput().advanced.swap, readyTimeoutSec: 10 } },
      }),
      /Advanced › Model swaps › Ready timeout: must be at least 30 seconds/,
    ],
    [
      'a relative model folder',
      validInput({
        advanced: {
          ...validInput().advanced,
          swap: { ...validInput().advanced.swap, modelRoots: ['models'] },
        },
      }),
      /Advanced › Model swaps › Model folders 1: must be an absolute path/,
    ],
    [
      'an NVIDIA API URL that is not http(s)',
      validInput({ advanced: { ...validInput().advanced, reasoningBaseUrl: 'ftp://nim.example.com/v1' } }),
      /Advanced › NVIDIA API URL: must start with http:\/\/ or https:\/\//,
    ],
    [
      'a queue of -1',
      validInput({
        advanced: { ...validInput().advanced, gateway: { ...validInput().advanced.gateway, queueSize: -1 } },
      }),
      /Advanced › Gateway › Queue during a swap: must be at least 0/,
    ],
    [
      'two placements with the same port on one Spark',
      validInput({
        placements: [
          placementInput({ memoryShare: 0.4 }),
          placementInput({ id: 'small', container: 'vllm_small', memoryShare: 0.4 }),
        ],
      }),
      /Placements 2 › Port: 8010 is also the port of placement big on spark1/,
    ],
    [
      'a placement on a Spark that is not configured',
      validInput({ placements: [placementInput({ sparkIds: ['spark1', 'spark9'] })] }),
      /Placements 1 › On Sparks \(ids\) 2: no Spark "spark9"/,
    ],
  ];

  for (const [what, input, message] of badInputs) {
    it(`refuses ${what} with a message naming the field, and writes nothing`, async () => {
      const { saveConfigureSparks } = await import('../actions/configureSparks.js');
      await expect(saveConfigureSparks(input, settingsFile)).rejects.toThrow(message);
      await expect(saveConfigureSparks(input, settingsFile)).rejects.toThrow(/^Nothing was saved/);
      expect(await readdir(volume)).toEqual([]);
    });
  }

  it('leaves the current file untouched when the bundled action gets bad input', async () => {
    await runAction(bundle, 'configure-sparks', validInput());
    const before = await readFile(settingsFile, 'utf8');
    for (const [, input] of badInputs) {
      await expect(runAction(bundle, 'configure-sparks', input)).rejects.toThrow();
    }
    expect(await readFile(settingsFile, 'utf8')).toBe(before);
    expect(await readdir(volume)).toEqual(['settings.json']);
  });

  it('explains errors in the StartOS language', () => {
    const script = `
      const bundle = require('${bundleRequest()}');
      const action = bundle.actions.get('configure-sparks');
      const effects = { eventId: 'es', child: () => effects, action: { export: async () => null } };
      action.getInput({ effects, prefill: null })
        .then(() => action.run({ effects, input: ${JSON.stringify(validInput({ sparks: [] }))} }))
        .then(() => { console.log('saved'); }, (error) => { console.log(error.message); });
    `;
    const output = execFileSync(process.execPath, ['-e', script], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'es_ES.UTF-8', SPARK_CONTROL_STARTOS_VOLUME: volume },
    });
    expect(output).toContain('No se guardó nada. Corrija:');
    expect(output).toContain('Sparks: añada al menos un Spark');
  });
});

describe('the admin password actions', () => {
  it('refuse a short password and write nothing', async () => {
    await expect(runAction(bundle, 'reset-admin-password', { password: 'short' })).rejects.toThrow(
      /New password: must be at least 12 characters/,
    );
    expect(await readdir(volume)).toEqual([]);
  });

  it('store a hash in the server format and show a generated password again on request', async () => {
    const result = (await runAction(bundle, 'reset-admin-password', { password: null })) as {
      result: { value: string; masked: boolean };
    };
    expect(result.result.value).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(result.result.masked).toBe(true);
    const stored = await readFile(join(volume, 'admin-password'), 'utf8');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}\n$/);
    expect(stored).not.toContain(result.result.value);
    for (const file of await readdir(volume))
      expect((await stat(join(volume, file))).mode & 0o777).toBe(0o600);
    const shown = (await runAction(bundle, 'show-admin-password', {})) as { result: { value: string } };
    expect(shown.result.value).toBe(result.result.value);
  });

  it('keep no copy of a password the owner typed', async () => {
    await runAction(bundle, 'reset-admin-password', { password: null });
    await runAction(bundle, 'reset-admin-password', { password: 'my own password 123' });
    const shown = (await runAction(bundle, 'show-admin-password', {})) as {
      result: unknown;
      message: string;
    };
    expect(shown.result).toBeNull();
    expect(shown.message).toContain('You chose your own password');
    for (const file of await readdir(volume))
      expect(await readFile(join(volume, file), 'utf8')).not.toContain('my own password 123');
  });
});
