import { useEffect, useState } from 'hono/jsx/dom';
import { errorMessage } from '../api.js';
import { reasoningApi } from '../clients.js';

type Task = { id: string; input: string; source: string };
const SWAP_TRIAGE_EXAMPLE = JSON.stringify(
  { cause: 'oom', logTail: 'torch.OutOfMemoryError: CUDA out of memory.', model: 'qwen3-30b-a3b' },
  null,
  2,
);
type Run = { tier: string; outcome: string; latencyMs: number; model: string; result: unknown };

/** Run a reasoning task by hand and see which tier answered, how well, and how fast. */
export function ReasoningPanel() {
  const [tasks, setTasks] = useState<Task[]>([]);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [task, setTask] = useState('');
  const [input, setInput] = useState('Hi, I am looking to buy a 2-bedroom flat near the river, budget 400k.');
  const [run, setRun] = useState<Run | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    void (async () => {
      const response = await reasoningApi.tasks.$get();
      if (!response.ok) return setError(await errorMessage(response, 'reasoning is unavailable'));
      const body = await response.json();
      const list = body.tasks;
      setTasks(list);
      setWarnings([...body.warnings]);
      setTask((list.find((candidate) => candidate.input === 'text') ?? list[0])?.id ?? '');
    })();
  }, []);

  const selected = tasks.find((candidate) => candidate.id === task);
  const pick = (id: string) => {
    setTask(id);
    const structured = tasks.find((candidate) => candidate.id === id)?.input !== 'text';
    // A structured task gets an example of its input (today only swap_triage takes JSON).
    if (structured && !input.trim().startsWith('{')) setInput(SWAP_TRIAGE_EXAMPLE);
  };
  const go = async () => {
    setBusy(true);
    setError('');
    setRun(null);
    let parsed: unknown = input;
    if (selected?.input !== 'text') {
      try {
        parsed = JSON.parse(input) as unknown;
      } catch {
        setBusy(false);
        return setError('This task takes JSON input.');
      }
    }
    const response = await reasoningApi[':task'].$post({ param: { task }, json: { input: parsed } });
    setBusy(false);
    if (!response.ok) return setError(await errorMessage(response, 'the task failed'));
    setRun(await response.json());
  };

  return (
    <section class="card" aria-labelledby="reasoning-title">
      <h2 id="reasoning-title">Reasoning playground</h2>
      {warnings.map((warning) => (
        <p class="warning small">Prompt file skipped: {warning}</p>
      ))}
      <label for="reasoning-task">Task</label>
      <select
        id="reasoning-task"
        value={task}
        onChange={(event: Event) => pick((event.target as HTMLSelectElement).value)}
      >
        {tasks.map((candidate) => (
          <option value={candidate.id}>
            {candidate.id} ({candidate.input}
            {candidate.source === 'owner' ? ', your prompt' : ''})
          </option>
        ))}
      </select>
      <label for="reasoning-input">Input{selected && selected.input !== 'text' ? ' (JSON)' : ''}</label>
      <textarea
        id="reasoning-input"
        rows={4}
        value={input}
        onInput={(event: Event) => setInput((event.target as HTMLTextAreaElement).value)}
      />
      <button disabled={busy || !task} onClick={() => void go()}>
        {busy ? 'Running…' : 'Run'}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {run && (
        <div role="status">
          <p class="badges">
            <span class="badge">tier: {run.tier}</span>
            <span
              class={`badge ${run.outcome === 'strict' ? 'good' : run.outcome === 'failed' ? 'bad' : ''}`}
            >
              outcome: {run.outcome}
            </span>
            <span class="badge">{run.latencyMs} ms</span>
            <span class="badge mono">{run.model}</span>
          </p>
          <pre class="log wrap-text">{JSON.stringify(run.result, null, 2)}</pre>
        </div>
      )}
    </section>
  );
}
