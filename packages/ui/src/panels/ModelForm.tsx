import { TRUST_REMOTE_CODE, type ModelDefSchema } from '@spark-control/schema';
import { useState } from 'hono/jsx/dom';
import * as v from 'valibot';
import { api, errorMessage } from '../api.js';

type Field =
  'id' | 'label' | 'servedName' | 'localPath' | 'tensorParallel' | 'maxModelLen' | 'gpuMemoryUtilization';
const EMPTY: Record<Field, string> = {
  id: '',
  label: '',
  servedName: '',
  localPath: '',
  tensorParallel: '1',
  maxModelLen: '',
  gpuMemoryUtilization: '0.85',
};

/** The form's values as the catalog API takes them; trusting remote code confirms this folder only. */
function toModel(values: Record<Field, string>, trustRemoteCode: boolean) {
  const localPath = values.localPath.trim();
  return {
    id: values.id.trim(),
    label: values.label,
    servedName: values.servedName.trim(),
    localPath,
    tensorParallel: Number(values.tensorParallel),
    ...(trustRemoteCode ? { trustRemoteCode: localPath } : {}),
    vllm: {
      gpuMemoryUtilization: Number(values.gpuMemoryUtilization),
      ...(values.maxModelLen.trim() ? { maxModelLen: Number(values.maxModelLen) } : {}),
      ...(trustRemoteCode ? { extraArgs: [TRUST_REMOTE_CODE] } : {}),
    },
  };
}

/** Field-named problems from the shared schema: `{ localPath: 'must be an absolute path' }`. */
function problems(
  schema: typeof ModelDefSchema,
  values: Record<Field, string>,
): Partial<Record<Field | 'form', string>> {
  const result = v.safeParse(schema, toModel(values, false));
  if (result.success) return {};
  const found: Partial<Record<Field | 'form', string>> = {};
  for (const issue of result.issues) {
    const key = (issue.path?.at(-1)?.key ?? 'form') as Field | 'form';
    found[key in EMPTY ? key : 'form'] ??= issue.message;
  }
  return found;
}

/** Add a model that already sits in a folder on Spark 1, checked as you type. */
export function ModelForm(props: {
  schema: typeof ModelDefSchema;
  roots: string[];
  onAdded: () => Promise<void>;
}) {
  const [values, setValues] = useState(EMPTY);
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [serverError, setServerError] = useState('');
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState('');
  const [trustRemoteCode, setTrustRemoteCode] = useState(false);
  const found = problems(props.schema, values);
  const outsideRoots =
    values.localPath.trim() !== '' &&
    props.roots.length > 0 &&
    !props.roots.some((root) => values.localPath.trim().startsWith(`${root}/`));

  const set = (field: Field) => (event: Event) => {
    setValues({ ...values, [field]: (event.target as HTMLInputElement).value });
    setTouched({ ...touched, [field]: true });
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    setTouched({ id: true, label: true, servedName: true, localPath: true });
    setAdded('');
    const parsed = v.safeParse(props.schema, toModel(values, trustRemoteCode));
    if (!parsed.success) return;
    setBusy(true);
    setServerError('');
    const response = await api.api.catalog.$post({ json: parsed.output });
    setBusy(false);
    if (!response.ok) return setServerError(await errorMessage(response, 'the model was not added'));
    setAdded(values.label);
    setValues(EMPTY);
    setTrustRemoteCode(false);
    setTouched({});
    await props.onAdded();
  };

  const input = (field: Field, label: string, hint: string, attrs: Record<string, string> = {}) => {
    const problem = touched[field] ? found[field] : undefined;
    return (
      <div class="field">
        <label for={`model-${field}`}>{label}</label>
        <input
          id={`model-${field}`}
          name={field}
          value={values[field]}
          onInput={set(field)}
          aria-invalid={problem ? 'true' : 'false'}
          aria-describedby={`model-${field}-hint`}
          {...attrs}
        />
        <span id={`model-${field}-hint`} class={problem ? 'error small' : 'muted small'}>
          {problem ?? hint}
        </span>
      </div>
    );
  };

  return (
    <form
      class="model-form"
      onSubmit={(event: Event) => void submit(event)}
      aria-labelledby="add-model-title"
      noValidate
    >
      <h3 id="add-model-title">Add a local model</h3>
      {input('id', 'Id', 'lowercase letters, digits and dashes, e.g. my-llama')}
      {input('label', 'Name', 'shown in the picker')}
      {input('servedName', 'Served name', 'the name clients send as "model"')}
      {input(
        'localPath',
        'Folder on Spark 1',
        props.roots.length > 0 ? `inside ${props.roots.join(' or ')}` : 'an absolute path',
        { placeholder: props.roots[0] ? `${props.roots[0]}/my-model` : '/home/spark/models/my-model' },
      )}
      {outsideRoots && (
        <p class="warning small">This folder is outside the model roots; the server will refuse it.</p>
      )}
      <div class="field">
        <label for="model-tensorParallel">GPUs</label>
        <select id="model-tensorParallel" value={values.tensorParallel} onChange={set('tensorParallel')}>
          <option value="1">1 Spark (TP=1)</option>
          <option value="2">2 Sparks (TP=2)</option>
          <option value="4">4 Sparks (TP=4)</option>
          <option value="8">8 Sparks (TP=8)</option>
        </select>
      </div>
      {input('maxModelLen', 'Max context (tokens)', 'optional', { inputmode: 'numeric' })}
      {input('gpuMemoryUtilization', 'GPU memory share', '0.05 to 0.98', { inputmode: 'decimal' })}
      <label class="check">
        <input
          type="checkbox"
          checked={trustRemoteCode}
          onChange={() => setTrustRemoteCode(!trustRemoteCode)}
        />{' '}
        Let this folder's own Python code run (--trust-remote-code); only for models you trust
      </label>
      {found.form && Object.keys(touched).length > 0 && <p class="error small">{found.form}</p>}
      {serverError && (
        <p class="error" role="alert">
          {serverError}
        </p>
      )}
      {added && (
        <p class="ok" role="status">
          Added {added}. It is in the picker now.
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Checking the folder…' : 'Add model'}
      </button>
    </form>
  );
}
