import { ModelDefSchema, type ModelSwapDurations, type PlacedCatalogModel } from '@spark-control/schema';
import { useEffect, useState } from 'hono/jsx/dom';
import { api, errorMessage } from '../api.js';
import { duration } from '../format.js';
import { fitWords } from '../placements.js';
import { ModelForm } from './ModelForm.js';

const PART_WORDS: [keyof ModelSwapDurations['median'], string][] = [
  ['stop', 'stop'],
  ['memoryReleased', 'memory freed'],
  ['launch', 'launch'],
  ['weights', 'weights'],
  ['warmup', 'warm-up'],
  ['firstToken', 'first token'],
];

/** How long a swap to this model typically takes, and where the time goes. */
function TypicalSwap(props: { durations: ModelSwapDurations | undefined }) {
  const { durations } = props;
  if (!durations || durations.median.ready === undefined) return null;
  const parts = PART_WORDS.filter(([part]) => durations.median[part] !== undefined).map(
    ([part, words]) => `${words} ${duration(durations.median[part] ?? 0)}`,
  );
  return (
    <div class="small" data-typical-swap>
      A swap here takes about <strong>{duration(durations.median.ready)}</strong>
      <span class="muted">
        {' '}
        ({parts.join(' · ')}; median of {durations.swaps})
      </span>
    </div>
  );
}

/** The model catalog: list, add a local model (ModelForm), delete with confirmation. */
export function CatalogPanel(props: { reloadKey: number; onChanged: () => void }) {
  const [models, setModels] = useState<PlacedCatalogModel[]>([]);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [roots, setRoots] = useState<string[]>([]);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [deleteFiles, setDeleteFiles] = useState(false);
  const [confirmText, setConfirmText] = useState('');
  const [error, setError] = useState('');
  const [durations, setDurations] = useState<Map<string, ModelSwapDurations>>(new Map());

  const load = async () => {
    const response = await api.api.catalog.$get();
    if (!response.ok) return setError(await errorMessage(response, 'the catalog is unavailable'));
    const body = await response.json();
    setModels(body.models);
    setWarnings(body.warnings);
    const timed = await api.api.swap.durations.$get();
    if (timed.ok) setDurations(new Map((await timed.json()).models.map((model) => [model.modelId, model])));
  };
  useEffect(() => {
    void load();
    void (async () => {
      const response = await api.api.settings.$get();
      if (response.ok) setRoots((await response.json()).settings.vllm.modelRoots);
    })();
  }, [props.reloadKey]);

  const remove = async (model: PlacedCatalogModel) => {
    setError('');
    const response = await api.api.catalog[':id'].$delete({
      param: { id: model.id },
      query: deleteFiles ? { deleteFiles: 'true', confirm: confirmText } : { deleteFiles: 'false' },
    });
    if (!response.ok) return setError(await errorMessage(response, 'the model could not be deleted'));
    setDeleting(null);
    await load();
    props.onChanged();
  };

  return (
    <section class="card" aria-labelledby="catalog-title">
      <h2 id="catalog-title">Model catalog</h2>
      {warnings.map((warning) => (
        <p class="warning small">{warning}</p>
      ))}
      <ul class="catalog-list">
        {models.map((model) => (
          <li data-catalog-id={model.id}>
            <div>
              <strong>{model.label}</strong> <span class="muted mono small">{model.id}</span>
              <div class="muted small mono">{model.hfRepo ?? model.localPath}</div>
              <div
                class={`small ${model.fits.some((fit) => fit.problem === null) ? '' : 'warning'}`}
                data-fits
              >
                {fitWords(model.fits)}
              </div>
              <TypicalSwap durations={durations.get(model.id)} />
              {model.trustRemoteCode && (
                <div class="warning small" data-trust-remote-code>
                  Runs this repository's own Python code (--trust-remote-code), confirmed for{' '}
                  <span class="mono">{model.trustRemoteCode}</span>
                </div>
              )}
            </div>
            {deleting === model.id ? (
              <div class="confirm" role="alertdialog" aria-label={`Delete ${model.label}?`}>
                <p>Remove {model.label} from the catalog?</p>
                {model.source === 'hf' && (
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={deleteFiles}
                      onChange={(event: Event) => setDeleteFiles((event.target as HTMLInputElement).checked)}
                    />{' '}
                    Also delete the downloaded weights on the Sparks
                  </label>
                )}
                {deleteFiles && (
                  <>
                    <label for={`confirm-${model.id}`}>Type {model.id} to confirm</label>
                    <input
                      id={`confirm-${model.id}`}
                      value={confirmText}
                      onInput={(event: Event) => setConfirmText((event.target as HTMLInputElement).value)}
                    />
                  </>
                )}
                <div class="row">
                  <button class="danger" onClick={() => void remove(model)}>
                    Delete
                  </button>
                  <button class="secondary" onClick={() => setDeleting(null)}>
                    Keep it
                  </button>
                </div>
              </div>
            ) : (
              <button
                class="secondary small-button"
                aria-label={`Delete ${model.label}`}
                onClick={() => {
                  setDeleting(model.id);
                  setDeleteFiles(false);
                  setConfirmText('');
                }}
              >
                Delete
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <ModelForm
        schema={ModelDefSchema}
        roots={roots}
        onAdded={async () => {
          await load();
          props.onChanged();
        }}
      />
    </section>
  );
}
