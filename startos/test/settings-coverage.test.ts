import { parseSettings, SECRET_MASK } from '@spark-control/schema';
import { describe, expect, it } from 'vitest';
import { defaults, formToSettings, settingsToForm } from '../lib/configure-form.js';
import { fieldLabel } from '../lib/form-errors.js';
import { settingsLeaves } from '../lib/settings-schema.js';
import { fakeEffects, loadBundle } from './support/bundle.js';
import { modelPolicyInput, placementInput, validInput } from './support/input.js';

type Json = unknown;
type SpecNode = Record<string, Json> & { type: string };

/** Settings flattened to leaves: `vllm.port`, `sparks[].clusterIp`, lists of text as one leaf. */
function flatten(value: Json, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value) && value.some((item) => typeof item === 'object' && item !== null)) {
    value.forEach((item, index) => flatten(item, `${prefix}[]#${index}`, into));
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into.set(prefix, JSON.stringify(value));
  }
  return into;
}

const normalize = (path: string) => path.replace(/\[\]#\d+/g, '[]');

function changedLeaves(before: Json, after: Json): string[] {
  const a = flatten(before);
  const b = flatten(after);
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((key) => a.get(key) !== b.get(key)).map(normalize);
}

let marker = 0;
const nextMarker = () => `m${++marker}`;

/** A value for a field the form did not hold yet (a union variant being filled in). */
function fill(spec: Record<string, SpecNode>): Record<string, Json> {
  return Object.fromEntries(
    Object.entries(spec).map(([key, node]) => {
      if (node.type === 'text' || node.type === 'textarea') return [key, nextMarker()];
      if (node.type === 'number') return [key, node.min ?? 1];
      if (node.type === 'toggle') return [key, true];
      if (node.type === 'object') return [key, fill(node.spec as Record<string, SpecNode>)];
      return [key, node.default ?? null];
    }),
  );
}

/**
 * Every way to change one field of the form: each yields the form with that one field changed.
 * Lists of objects are changed inside their first item; unions are switched to each other variant.
 */
function* perturbations(spec: SpecNode, value: Json, set: (next: Json) => Json): Generator<Json> {
  switch (spec.type) {
    case 'text':
    case 'textarea':
      yield set(nextMarker());
      return;
    case 'number': {
      const current = value as number;
      yield set(typeof spec.max === 'number' && current >= spec.max ? current - 1 : current + 1);
      return;
    }
    case 'toggle':
      yield set(!(value as boolean));
      return;
    case 'select': {
      const other = Object.keys(spec.values as object).find((key) => key !== value);
      if (other) yield set(other);
      return;
    }
    case 'multiselect': {
      const first = Object.keys(spec.values as object)[0] ?? '';
      const list = value as string[];
      yield set(list.includes(first) ? list.filter((item) => item !== first) : [...list, first]);
      return;
    }
    case 'object': {
      const object = value as Record<string, Json>;
      for (const [key, child] of Object.entries(spec.spec as Record<string, SpecNode>)) {
        yield* perturbations(child, object[key], (next) => set({ ...object, [key]: next }));
      }
      return;
    }
    case 'list': {
      const list = value as Json[];
      const item = (spec.spec as { type: string; spec: Record<string, SpecNode> }).type;
      if (item !== 'object') {
        yield set([...list, nextMarker()]);
        return;
      }
      const itemSpec = { type: 'object', spec: (spec.spec as { spec: Record<string, SpecNode> }).spec };
      expect(list.length, 'the base form needs one item in each list').toBeGreaterThan(0);
      yield* perturbations(itemSpec, list[0], (next) => set([next, ...list.slice(1)]));
      return;
    }
    case 'union': {
      const current = value as { selection: string; value: Record<string, Json> };
      for (const [variant, { spec: variantSpec }] of Object.entries(
        spec.variants as Record<string, { spec: Record<string, SpecNode> }>,
      )) {
        const inner = variant === current.selection ? current.value : fill(variantSpec);
        yield set({ selection: variant, value: inner });
        yield* perturbations({ type: 'object', spec: variantSpec }, inner, (next) =>
          set({ selection: variant, value: next }),
        );
      }
      return;
    }
    default:
      throw new Error(`the coverage test does not know form fields of type ${spec.type}`);
  }
}

/** Settings with a value other than the default in every field, to round-trip through the form. */
const everyField = {
  sparks: [
    {
      id: 'gx-a',
      label: 'GX A',
      host: '10.1.0.2',
      sshPort: 2201,
      sshUser: 'ops',
      roles: ['vllm', 'qdrant'],
      clusterIp: '192.168.177.11',
    },
  ],
  vllm: {
    port: 8100,
    container: 'vllm_a',
    launchScript: '/opt/svd/launch-cluster.sh',
    readyTimeoutSec: 900,
    rollback: false,
    modelRoots: ['/data/models', '/srv/models'],
    hfToken: 'hf_secret_value',
  },
  placements: [
    {
      id: 'big',
      sparkIds: ['gx-a'],
      port: 8110,
      container: 'vllm_big',
      memoryShare: 0.6,
      models: ['qwen3-30b', 'gemma-3-4b'],
    },
  ],
  ports: { parakeet: 8101, kokoro: 8102, embeddings: 8103, qdrant: 8104 },
  disabledServices: ['kokoro', 'custom-off'],
  customServices: [
    { id: 'grafana', label: 'Grafana', kind: 'vllm', sparkId: 'gx-a', port: 3000, path: '/api/health' },
    { id: 'nas', kind: 'http', host: 'nas.lan', port: 5000 },
  ],
  bot: { user: 'botuser', sparkId: 'gx-a', container: 'matrix', dir: '/srv/bot', branch: 'release/2' },
  reasoning: {
    nvidiaApiKey: 'nvapi-secret-value',
    baseUrl: 'https://nim.example.com/v1',
    model: 'some/model',
    fallbackModel: 'some/fallback',
    allowLocalFallback: true,
    localBaseUrl: 'http://10.1.0.2:8100/v1',
  },
  webhook: { url: 'https://hooks.example.com/x', secret: 'webhook-secret-value' },
  gateway: {
    queueSize: 7,
    maxWaitSec: 30.5,
    upstreamTimeoutSec: 90,
    swapOnRequest: true,
    minResidencySec: 120,
    idleUnloadSec: 1800,
    modelPolicies: [
      { modelId: 'qwen3-30b', pin: true, idleUnloadSec: 600 },
      { modelId: 'gemma-3-4b', idleUnloadSec: 0 },
    ],
  },
  privacy: { localNameCheck: true, localNameCheckBudgetMs: 900 },
  monitor: { intervalSec: 12, downAfterProbes: 4, downAfterSec: 20 },
  timeZone: 'America/New_York',
};
const SECRETS = ['hf_secret_value', 'nvapi-secret-value', 'webhook-secret-value'];

/** The value at a settings path; for a list, the first item that has one. */
function leafValue(settings: Json, path: string): Json {
  const [part = '', ...rest] = path.split('.');
  const value = (settings as Record<string, Json>)[part.replace(/\[\]$/, '')];
  if (rest.length === 0) return value;
  if (!part.endsWith('[]')) return leafValue(value, rest.join('.'));
  return (value as Json[]).map((item) => leafValue(item, rest.join('.'))).find((item) => item !== undefined);
}

describe('Configure Sparks reaches every setting', () => {
  it('lets the owner change every SettingsSchema field from the form', async () => {
    const action = loadBundle().actions.get('configure-sparks');
    const form = await action?.getInput({ effects: fakeEffects(), prefill: null });
    const spec = { type: 'object', spec: form?.spec as Record<string, SpecNode> };
    const defaultsForm = validInput();
    const base = validInput({
      placements: [placementInput()],
      advanced: {
        ...defaultsForm.advanced,
        gateway: { ...defaultsForm.advanced.gateway, modelPolicies: [modelPolicyInput()] },
      },
    });
    const baseline = formToSettings(base, {});
    const reachable = new Set<string>();
    for (const changed of perturbations(spec, base, (next) => next)) {
      for (const leaf of changedLeaves(baseline, formToSettings(changed as typeof base, {})))
        reachable.add(leaf);
    }
    const missing = settingsLeaves().filter((leaf) => !reachable.has(leaf));
    expect(missing, 'settings fields the Configure Sparks form cannot change').toEqual([]);
  });

  it('names every settings field by its form label', () => {
    for (const leaf of settingsLeaves()) {
      const label = fieldLabel(leaf.replace(/\[\]/g, '.0'));
      const raw = leaf.split('.').map((part) => part.replace(/\[\]$/, ''));
      for (const part of raw) expect(label.split(/ › | \d+/), `${leaf} → ${label}`).not.toContain(part);
    }
  });

  it('round-trips every field through the pre-filled form, and never puts a secret in it', () => {
    const defaultSettings = defaults() as unknown;
    for (const leaf of settingsLeaves()) {
      expect(leafValue(everyField, leaf), `the fixture sets ${leaf}`).not.toBeUndefined();
      if (leaf.startsWith('sparks[].') || leaf.startsWith('customServices[].')) continue;
      expect(leafValue(everyField, leaf), `the fixture changes ${leaf}`).not.toEqual(
        leafValue(defaultSettings, leaf),
      );
    }
    const form = settingsToForm(everyField);
    for (const secret of SECRETS) expect(JSON.stringify(form)).not.toContain(secret);
    const saved = parseSettings(formToSettings(form, everyField));
    const expected = parseSettings(everyField);
    expect(saved.success && expected.success).toBe(true);
    if (saved.success && expected.success) expect(saved.settings).toEqual(expected.settings);
  });

  it('keeps, replaces or removes a secret as the owner chooses, and never shows it', () => {
    const form = settingsToForm(everyField);
    const kept = formToSettings(form, everyField) as typeof everyField;
    expect(kept.vllm.hfToken).toBe('hf_secret_value');
    const replaced = formToSettings(
      { ...form, vllm: { ...form.vllm, hfToken: { selection: 'replace', value: { value: ' hf_new ' } } } },
      everyField,
    ) as typeof everyField;
    expect(replaced.vllm.hfToken).toBe('hf_new');
    const removed = formToSettings(
      { ...form, vllm: { ...form.vllm, hfToken: { selection: 'clear', value: {} } } },
      everyField,
    ) as typeof everyField;
    expect(removed.vllm.hfToken).toBe('');
    expect(JSON.stringify(form)).not.toContain(SECRET_MASK);
  });
});
