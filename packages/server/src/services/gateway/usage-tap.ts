import type { RequestUsage } from '../usage/usage-meter.js';

const USAGE_KEY = Buffer.from('"usage"');
const EVENT_END = /\r?\n\r?\n/;

/**
 * Reads the token counts out of a relayed event stream. Only blocks holding a `"usage"` key are
 * looked at (a quote inside generated text is escaped, so the bare key is always a JSON key).
 * With `strip`, the usage-only chunk (`"choices":[]`) the gateway asked for is cut out, so the
 * client gets exactly the bytes the upstream sends without `include_usage`.
 */
export function usageTap(usage: RequestUsage, strip: boolean): (block: Buffer) => Buffer {
  return (block) => {
    if (!block.includes(USAGE_KEY)) return block;
    const text = block.toString('utf8');
    let kept = '';
    let rest = text;
    let changed = false;
    while (rest.length > 0) {
      const end = EVENT_END.exec(rest);
      const cut = end ? end.index + end[0].length : rest.length;
      const event = rest.slice(0, cut);
      rest = rest.slice(cut);
      if (event.includes('"usage"') && readUsage(event, usage) && strip) {
        changed = true;
        continue;
      }
      kept += event;
    }
    return changed ? Buffer.from(kept, 'utf8') : block;
  };
}

/** Counts the event's usage; true when it is a usage-only chat or completion chunk. */
function readUsage(event: string, usage: RequestUsage): boolean {
  const data = event
    .split(/\r?\n/)
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).trimStart())
    .join('\n');
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null) return false;
  const body = parsed as { usage?: unknown; choices?: unknown; response?: { usage?: unknown } };
  if (body.response?.usage) usage.countTokens(body.response.usage);
  if (!body.usage) return false;
  usage.countTokens(body.usage);
  return Array.isArray(body.choices) && body.choices.length === 0;
}
