import { describe, expect, it } from 'vitest';
import { keep, placementInput, validInput } from '../test/support/input.js';
import { formToSettings, settingsToForm, validateSettings } from './configure-form.js';
import { fieldLabel, formErrorMessage } from './form-errors.js';

describe('the Configure Sparks form and settings.json', () => {
  it('round-trips: the pre-filled form is what was saved, secrets left as they are', () => {
    const input = validInput({
      placements: [
        placementInput(),
        placementInput({
          id: 'small',
          sparkIds: ['spark2', 'spark1'],
          port: 8011,
          container: 'vllm_small',
          memoryShare: null,
          models: [],
        }),
      ],
    });
    const saved = formToSettings(input);
    expect(validateSettings(saved).success).toBe(true);
    expect(settingsToForm(saved)).toEqual({
      ...input,
      reasoning: { ...input.reasoning, nvidiaApiKey: keep },
    });
  });

  it('trims text and leaves blank optional fields to the schema defaults', () => {
    const saved = formToSettings(
      validInput({
        sparks: [
          {
            id: ' spark1 ',
            label: '  ',
            host: ' 10.0.0.1 ',
            sshPort: 22,
            sshUser: 'spark',
            roles: [],
            clusterIp: ' ',
          },
        ],
      }),
    );
    expect(saved.sparks).toEqual([
      { id: 'spark1', host: '10.0.0.1', sshPort: 22, sshUser: 'spark', clusterIp: '' },
    ]);
  });

  it('saves a blank memory share as null and leaves blank models out', () => {
    const saved = formToSettings(
      validInput({
        placements: [placementInput({ sparkIds: [' spark1 '], memoryShare: null, models: [' '] })],
      }),
    );
    expect(saved.placements).toEqual([
      { id: 'big', sparkIds: ['spark1'], port: 8010, container: 'vllm_big', memoryShare: null, models: [] },
    ]);
    expect(validateSettings(saved).success).toBe(true);
  });

  it('names fields by their form labels', () => {
    expect(fieldLabel('sparks.1.host')).toBe('Sparks 2 › Address');
    expect(fieldLabel('customServices.0.id')).toBe('Custom services 1 › Service id');
    expect(fieldLabel('vllm.container')).toBe('vLLM › Container name');
    expect(fieldLabel('vllm.readyTimeoutSec')).toBe('Advanced › Model swaps › Ready timeout');
    expect(fieldLabel('ports.qdrant')).toBe('Advanced › Service ports › Vector search (Qdrant)');
    expect(fieldLabel('placements.1.port')).toBe('Placements 2 › Port');
    expect(fieldLabel('placements.0.sparkIds.1')).toBe('Placements 1 › On Sparks (ids) 2');
    expect(fieldLabel('placements.0.memoryShare')).toBe('Placements 1 › Memory share');
    expect(fieldLabel('somethingNew.x')).toBe('somethingNew › x');
  });

  it('collects every problem at once', () => {
    const result = validateSettings(
      formToSettings(
        validInput({
          sparks: [
            {
              id: 'Bad Id',
              label: null,
              host: 'a b',
              sshPort: 0,
              sshUser: 'spark',
              roles: [],
              clusterIp: '10.0.0',
            },
          ],
          advanced: { ...validInput().advanced, monitorIntervalSec: 0 },
          customServices: [
            { id: 'x', label: null, kind: 'http', sparkId: 'ghost', host: null, port: 80, path: null },
          ],
        }),
      ),
    );
    expect(result.success).toBe(false);
    if (result.success) return;
    const message = formErrorMessage(result.errors);
    expect(message).toContain('Sparks 1 › Spark id: must be lowercase letters');
    expect(message).toContain('Sparks 1 › Address: must be an IPv4 address');
    expect(message).toContain('Sparks 1 › SSH port: must be a port from 1 to 65535');
    expect(message).toContain('Custom services: sparkId must name a configured Spark');
    expect(message).toContain('Sparks 1 › Cluster address: must be blank or an IPv4 address');
    expect(message).toContain('Advanced › Health check interval: must be at least 1 second');
  });
});
