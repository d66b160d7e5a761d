const OPEN = /<think>/i;
const CLOSE = /<\/think>/i;

export type ThinkStrip = { ok: true; text: string; stripped: boolean } | { ok: false; error: string };

/**
 * Removes reasoning from a reply (rule 1): every `<think>…</think>` block, and everything before
 * a `</think>` whose opening tag was in the prompt template. An unclosed `<think>` means the
 * model never reached its answer.
 */
export function stripThinking(content: string): ThinkStrip {
  let rest = content;
  let kept = '';
  let stripped = false;
  for (;;) {
    const open = OPEN.exec(rest);
    const close = CLOSE.exec(rest);
    if (!open && !close) return { ok: true, text: kept + rest, stripped };
    stripped = true;
    if (close && (!open || close.index < open.index)) {
      // Reasoning whose opening tag was in the template: everything so far was thinking.
      kept = '';
      rest = rest.slice(close.index + close[0].length);
      continue;
    }
    if (!open) return { ok: true, text: kept + rest, stripped };
    const after = rest.slice(open.index + open[0].length);
    const end = CLOSE.exec(after);
    if (!end)
      return { ok: false, error: 'the reply ends inside <think>: the model never reached its answer' };
    kept += rest.slice(0, open.index);
    rest = after.slice(end.index + end[0].length);
  }
}
