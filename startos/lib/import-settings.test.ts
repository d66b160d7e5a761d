import { parseSettings } from '@spark-control/schema';
import { describe, expect, it } from 'vitest';
import { EARLIER_SETTINGS } from '../test/support/earlier-settings.js';
import { applyImport, lineFor, parseEarlierSettings } from './import-settings.js';

describe('reading the earlier package settings', () => {
  it('maps each known line to its setting and names every other line with the reason', () => {
    const { imported, rejected } = parseEarlierSettings(EARLIER_SETTINGS);
    expect(imported.map((entry) => [entry.line, entry.path, entry.value])).toEqual([
      [2, 'sparks[spark1].host', '192.168.1.50'],
      [3, 'sparks[spark2].host', 'spark2.lan'],
      [4, 'vllm.port', 8000],
      [5, 'vllm.container', 'vllm_node'],
      [6, 'disabledServices', ['kokoro', 'embeddings']],
      [7, 'bot.user', 'matrix'],
      [8, 'reasoning.nvidiaApiKey', 'nvapi-earlier-key'],
      [9, 'reasoning.model', 'nvidia/nemotron-3-super-120b-a12b'],
      [10, 'reasoning.fallbackModel', 'nvidia/llama-3.3-nemotron-super-49b-v1'],
      [11, 'reasoning.allowLocalFallback', true],
    ]);
    expect(imported.find((entry) => entry.key === 'NVIDIA_API_KEY')?.secret).toBe(true);
    expect(rejected.map((entry) => [entry.line, entry.reason, entry.detail])).toEqual([
      [12, 'unknown setting', 'webui_port'],
      [13, 'not KEY=value', 'this line is no setting'],
      [15, 'empty value', 'DISABLED_SERVICES_EXTRA'],
    ]);
  });

  it('refuses values the settings could not hold, naming them', () => {
    const { imported, rejected } = parseEarlierSettings(
      'spark1_host=spark one\nVLLM_PORT=88888\nVLLM_CONTAINER=vllm;reboot\nmatrix_bridge_user=@bot:matrix.org\nALLOW_LOCAL_FALLBACK=maybe\nDISABLED_SERVICES=kokoro,grafana',
    );
    expect(imported).toEqual([]);
    expect(rejected.map((entry) => [entry.line, entry.reason, entry.detail])).toEqual([
      [1, 'not an address', 'spark one'],
      [2, 'not a port', '88888'],
      [3, 'not a container name', 'vllm;reboot'],
      [4, 'not a Linux user name', '@bot:matrix.org'],
      [5, 'not true or false', 'maybe'],
      [6, 'unknown services', 'grafana'],
    ]);
  });

  it('turns the sample into settings the shared schema accepts, over what is already configured', () => {
    const current = {
      sparks: [{ id: 'spark2', host: '10.0.0.2', sshUser: 'ops', roles: ['stt'] }],
      webhook: { url: 'https://hooks.example.com/x' },
    };
    const next = applyImport(current, parseEarlierSettings(EARLIER_SETTINGS).imported);
    const parsed = parseSettings(next);
    expect(parsed.success).toBe(true);
    expect(next.sparks).toEqual([
      { id: 'spark2', host: 'spark2.lan', sshUser: 'ops', roles: ['stt'] },
      { id: 'spark1', host: '192.168.1.50' },
    ]);
    expect(next).toMatchObject({
      vllm: { port: 8000, container: 'vllm_node' },
      disabledServices: ['kokoro', 'embeddings'],
      bot: { user: 'matrix' },
      reasoning: { nvidiaApiKey: 'nvapi-earlier-key', allowLocalFallback: true },
      webhook: { url: 'https://hooks.example.com/x' },
    });
    expect(current.sparks[0]?.host).toBe('10.0.0.2');
  });

  it('finds the line behind a settings error', () => {
    const { imported } = parseEarlierSettings('spark3_host=10.0.0.3\nVLLM_PORT=8000');
    const next = applyImport({}, imported);
    expect(lineFor(imported, 'sparks.0.host', next)?.line).toBe(1);
    expect(lineFor(imported, 'vllm.port', next)?.line).toBe(2);
    expect(lineFor(imported, 'webhook.url', next)).toBeUndefined();
  });
});
