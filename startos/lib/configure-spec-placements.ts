import { i18n } from '../i18n/index.js';
import { sdk } from '../sdk.js';
import { FORM_PATTERNS, pattern, portField } from './form-fields.js';
import { numberBounds } from './settings-schema.js';

const { InputSpec, Value, List } = sdk;

const memoryShare = numberBounds('placements[].memoryShare');

const placementSpec = InputSpec.of({
  id: Value.text({
    name: i18n('Placement id'),
    description: i18n('A short name for this vLLM, such as big or small.'),
    required: true,
    default: null,
    placeholder: 'big',
    patterns: [pattern(FORM_PATTERNS.slug, 'Lowercase letters, digits and dashes')],
  }),
  sparkIds: Value.list(
    List.text(
      {
        name: i18n('On Sparks (ids)'),
        description: i18n(
          'The ids of the Sparks it runs on, the leading one first. With more than one, the model is split across them.',
        ),
        default: [],
        minLength: 1,
      },
      {
        placeholder: 'spark1',
        patterns: [pattern(FORM_PATTERNS.slug, 'Lowercase letters, digits and dashes')],
      },
    ),
  ),
  port: portField('Port', 8888, 'Placements on the same Spark need different ports.'),
  container: Value.text({
    name: i18n('Container name'),
    description: i18n('Placements on the same Spark need different container names.'),
    required: true,
    default: null,
    placeholder: 'vllm_big',
    patterns: [pattern(FORM_PATTERNS.containerName, 'A Docker container name')],
  }),
  memoryShare: Value.number({
    name: i18n('Memory share'),
    description: i18n(
      'The share of each Spark’s memory this vLLM sets aside, from 0.05 to 0.98. Leave blank to use the model’s own setting.',
    ),
    required: false,
    default: null,
    min: memoryShare.min,
    max: memoryShare.max,
    integer: false,
    step: 0.01,
    placeholder: '0.5',
  }),
  models: Value.list(
    List.text(
      {
        name: i18n('Models'),
        description: i18n(
          'The catalog ids of the models it may serve. Leave empty to allow any model that fits.',
        ),
        default: [],
      },
      { patterns: [pattern(FORM_PATTERNS.slug, 'Lowercase letters, digits and dashes')] },
    ),
  ),
});

/** Several vLLM instances at once; an empty list keeps the single vLLM of the vLLM section. */
export const placementsSpec = Value.list(
  List.obj(
    {
      name: i18n('Placements'),
      description: i18n(
        'Leave empty to run one model as before, with the vLLM settings above. Add placements to run several models at once: each is one vLLM on one or more Sparks with its own port and container. Placements on the same Spark need memory shares that fit in its memory together.',
      ),
    },
    { spec: placementSpec, displayAs: '{{id}} on {{sparkIds}}', uniqueBy: 'id' },
  ),
);
