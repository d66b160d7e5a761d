import { describe, expect, it } from 'vitest';
import { SECRET_MASK } from './fields.js';
import { parseSettings, redactSettings, settingsSecrets } from './settings.js';

const twoSparks = {
  sparks: [
    { id: 'spark-1', host: '192.168.1.21' },
    { id: 'spark-2', host: 'spark-2.lan', sshPort: 2222, sshUser: 'admin' },
  ],
};

function errorsOf(input: unknown): string[] {
  const result = parseSettings(input);
  if (result.success) throw new Error('expected the settings to be rejected');
  return result.errors;
}

describe('SettingsSchema defaults', () => {
  it('fills every optional field from an empty object', () => {
    const result = parseSettings({});
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.settings.sparks).toEqual([]);
    expect(result.settings.vllm).toEqual({
      port: 8888,
      container: 'vllm_node',
      launchScript: '~/spark-vllm-docker/launch-cluster.sh',
      readyTimeoutSec: 1200,
      rollback: true,
      modelRoots: [],
      hfToken: '',
    });
    expect(result.settings.privacy).toEqual({ localNameCheck: false, localNameCheckBudgetMs: 1500 });
    expect(result.settings.reasoning).toMatchObject({
      nvidiaApiKey: '',
      baseUrl: 'https://integrate.api.nvidia.com/v1',
      model: 'nvidia/nemotron-3-super-120b-a12b',
      fallbackModel: 'nvidia/llama-3.3-nemotron-super-49b-v1',
      allowLocalFallback: false,
      localBaseUrl: '',
    });
    expect(result.settings.monitor).toEqual({ intervalSec: 5, downAfterProbes: 3, downAfterSec: 15 });
    expect(result.settings.bot.user).toBe('');
    expect(result.settings.webhook).toEqual({ url: '', secret: '' });
    expect(result.settings.disabledServices).toEqual([]);
  });

  it('gives Sparks their ssh defaults, a label and the reference roles by position', () => {
    const result = parseSettings(twoSparks);
    if (!result.success) throw new Error(result.errors.join());
    const [first, second] = result.settings.sparks;
    expect(first).toEqual({
      id: 'spark-1',
      label: 'spark-1',
      host: '192.168.1.21',
      sshPort: 22,
      sshUser: 'spark',
      roles: ['vllm'],
      clusterIp: '',
    });
    expect(second?.roles).toEqual(['stt', 'tts', 'embeddings', 'qdrant']);
    expect(second?.sshPort).toBe(2222);
  });

  it('keeps roles that are given, even an empty list', () => {
    const result = parseSettings({ sparks: [{ id: 'a', host: '10.0.0.2', roles: [] }] });
    expect(result.success && result.settings.sparks[0]?.roles).toEqual([]);
  });
});

describe('SettingsSchema rejects bad values by field name', () => {
  it.each([
    [{ vllm: { port: '' } }, 'vllm.port: must be a number'],
    [{ vllm: { port: 70000 } }, 'vllm.port: must be a port from 1 to 65535'],
    [{ vllm: { port: 80.5 } }, 'vllm.port: must be a whole number'],
    [{ sparks: [{ id: 'spark-1', host: 'spark 1.lan' }] }, 'sparks.0.host: must be an IPv4 address'],
    [{ sparks: [{ id: 'spark-1', host: '' }] }, 'sparks.0.host: must be an IPv4 address'],
    [{ sparks: [{ id: 'Spark One', host: '10.0.0.2' }] }, 'sparks.0.id: must be lowercase'],
    [
      { sparks: [{ id: 'a', host: '10.0.0.2', sshUser: 'root; rm -rf /' }] },
      'sparks.0.sshUser: must be a Linux user name',
    ],
    [{ vllm: { container: 'vllm;reboot' } }, 'vllm.container: must be a Docker container name'],
    [{ vllm: { launchScript: '~/../etc/passwd' } }, 'vllm.launchScript: must be an absolute path'],
    [{ vllm: { readyTimeoutSec: 5 } }, 'vllm.readyTimeoutSec: must be at least 30 seconds'],
    [{ monitor: { intervalSec: 0 } }, 'monitor.intervalSec: must be at least 1 second'],
    [{ monitor: { downAfterProbes: 0 } }, 'monitor.downAfterProbes: must be at least 1'],
    [{ monitor: { downAfterProbes: 2.5 } }, 'monitor.downAfterProbes: must be a whole number'],
    [{ monitor: { downAfterSec: -1 } }, 'monitor.downAfterSec: must be at least 0 seconds'],
    [{ reasoning: { baseUrl: 'ftp://x' } }, 'reasoning.baseUrl: must start with http:// or https://'],
    [{ reasoning: { allowLocalFallback: 'yes' } }, 'reasoning.allowLocalFallback: must be true or false'],
    [{ webhook: { url: 'not a url' } }, 'webhook.url: must be'],
    [
      { webhook: { url: 'http://user:pw@hooks.example.com/x' } },
      'webhook.url: must not contain a user name or password',
    ],
    [
      { reasoning: { baseUrl: 'https://key@integrate.api.nvidia.com/v1' } },
      'reasoning.baseUrl: must not contain a user name or password',
    ],
    [
      { reasoning: { localBaseUrl: 'http://a:b@10.0.0.2:8888/v1' } },
      'reasoning.localBaseUrl: must not contain a user name or password',
    ],
    [{ bot: { branch: '-delete' } }, 'bot.branch: must be a git branch name'],
    [{ vllm: { prot: 8888 } }, 'vllm.prot: is not a known setting'],
  ])('%j', (input, expected) => {
    expect(errorsOf(input).join('\n')).toContain(expected);
  });

  it('rejects duplicate Spark ids', () => {
    const errors = errorsOf({
      sparks: [
        { id: 'a', host: '10.0.0.2' },
        { id: 'a', host: '10.0.0.3' },
      ],
    });
    expect(errors).toContain('sparks: ids must be unique');
  });

  it('needs exactly one of sparkId or host for a custom service', () => {
    const base = { id: 'vllm-2', kind: 'vllm', port: 8001 };
    expect(errorsOf({ customServices: [base] }).join()).toContain('needs exactly one of sparkId or host');
    expect(
      errorsOf({
        sparks: [{ id: 's', host: '10.0.0.2' }],
        customServices: [{ ...base, sparkId: 's', host: '10.0.0.3' }],
      }).join(),
    ).toContain('needs exactly one of sparkId or host');
    expect(errorsOf({ customServices: [{ ...base, sparkId: 'nope' }] })).toContain(
      'customServices: sparkId must name a configured Spark',
    );
  });

  it('accepts a custom vLLM on Spark 2 and one by host', () => {
    const result = parseSettings({
      ...twoSparks,
      customServices: [
        { id: 'vllm-2', kind: 'vllm', sparkId: 'spark-2', port: 8001 },
        { id: 'wiki', kind: 'http', host: 'fd00::10', port: 80, path: '/status' },
      ],
    });
    expect(result.success).toBe(true);
  });
});

describe('hosts', () => {
  it.each([
    '10.0.0.2',
    '::1',
    'fd00::2',
    '::ffff:10.0.0.2',
    '2001:db8:0:0:0:0:0:1',
    'spark-1.lan',
    'spark1',
    'a.b.c',
  ])('accepts %s', (host) => {
    expect(parseSettings({ sparks: [{ id: 's', host }] }).success).toBe(true);
  });
  it.each([
    '10.0.0.256',
    'spark 1',
    '[::1]',
    'host:22',
    '-rf',
    'a..b',
    'fd00:::2',
    '1:2:3:4:5:6:7:8:9',
    '$(reboot)',
    'x'.repeat(254),
    ':1::2',
    '1.2.3.4::',
    '12345',
  ])('rejects %s', (host) => {
    expect(parseSettings({ sparks: [{ id: 's', host }] }).success).toBe(false);
  });
});

describe('secrets', () => {
  const result = parseSettings({
    reasoning: { nvidiaApiKey: 'nvapi-secret-123' },
    webhook: { secret: 'hook-secret' },
  });
  if (!result.success) throw new Error('valid settings rejected');

  it('masks every secret and keeps blank ones blank', () => {
    const redacted = redactSettings(result.settings);
    expect(redacted.reasoning.nvidiaApiKey).toBe(SECRET_MASK);
    expect(redacted.webhook.secret).toBe(SECRET_MASK);
    expect(JSON.stringify(redacted)).not.toContain('nvapi-secret-123');
    const blank = parseSettings({});
    expect(blank.success && redactSettings(blank.settings).reasoning.nvidiaApiKey).toBe('');
  });

  it('lists the secrets for the logger', () => {
    expect(settingsSecrets(result.settings).sort()).toEqual(['hook-secret', 'nvapi-secret-123']);
  });

  it('masks URL query values wherever settings are shown, and hands them to the logger', () => {
    const withQuery = parseSettings({
      webhook: { url: 'https://hooks.example.com/in?token=tok-abcdef123&channel=ops-room' },
      reasoning: { localBaseUrl: 'http://10.0.0.2:8888/v1?api_key=local-key-42' },
    });
    if (!withQuery.success) throw new Error(withQuery.errors.join());
    const shown = redactSettings(withQuery.settings);
    expect(shown.webhook.url).toBe(
      `https://hooks.example.com/in?token=${SECRET_MASK}&channel=${SECRET_MASK}`,
    );
    expect(shown.reasoning.localBaseUrl).toBe(`http://10.0.0.2:8888/v1?api_key=${SECRET_MASK}`);
    expect(shown.reasoning.baseUrl).toBe('https://integrate.api.nvidia.com/v1');
    expect(JSON.stringify(shown)).not.toMatch(/tok-abcdef123|local-key-42/);
    expect(settingsSecrets(withQuery.settings)).toEqual(
      expect.arrayContaining(['tok-abcdef123', 'ops-room', 'local-key-42']),
    );
  });
});

describe('new settings fields', () => {
  it('takes a cluster IP or blank, and refuses a hostname there', () => {
    expect(
      parseSettings({ sparks: [{ id: 'a', host: 'spark1.lan', clusterIp: '192.168.177.11' }] }).success,
    ).toBe(true);
    const bad = parseSettings({ sparks: [{ id: 'a', host: '10.0.0.2', clusterIp: 'spark1' }] });
    expect(bad.success ? [] : bad.errors).toEqual([
      'sparks.0.clusterIp: must be blank or an IPv4 address such as 192.168.177.11',
    ]);
  });

  it('masks the HF token and hands it to the log scrubber', () => {
    const result = parseSettings({ vllm: { hfToken: 'hf_secret123' } });
    if (!result.success) throw new Error(result.errors.join());
    expect(redactSettings(result.settings).vllm.hfToken).toBe(SECRET_MASK);
    expect(settingsSecrets(result.settings)).toContain('hf_secret123');
  });
});
