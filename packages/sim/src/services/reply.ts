/**
 * Deterministic "model output" shared by the simulated vLLM and the NVIDIA-like cloud.
 * A user message line `SIM_REPLY: <text>` scripts the answer exactly (a JSON string literal
 * such as `SIM_REPLY: "a\nb"` is decoded first); `SIM_FINISH: length` forces finish_reason length.
 */

export interface ChatMessage {
  role: string;
  content?: unknown;
}

/** Splits text into token-like pieces (a word with its leading space, or one punctuation mark). */
export function tokenize(text: string): string[] {
  return text.match(/\s*[\p{L}\p{N}_]+|\s*[^\s\p{L}\p{N}_]|\s+$/gu) ?? [];
}

export const countTokens = (text: string): number => tokenize(text).length;

export function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return (content as unknown[])
      .map((part) => {
        const text = part && typeof part === 'object' && 'text' in part ? part.text : undefined;
        return typeof text === 'string' ? text : '';
      })
      .join('\n');
  }
  return '';
}

/** Prompt tokens of a chat, including a small per-message template overhead like real chat templates. */
export function chatPromptTokens(messages: ChatMessage[]): number {
  return messages.reduce((sum, m) => sum + 4 + countTokens(messageText(m.content)), 2);
}

export function lastUserText(messages: ChatMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i];
    if (message?.role === 'user') return messageText(message.content);
  }
  return messageText(messages.at(-1)?.content);
}

export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const FILLER = [
  'The',
  'simulated',
  'Spark',
  'answers',
  'deterministically',
  'from',
  'your',
  'prompt',
  'so',
  'tests',
  'can',
  'rely',
  'on',
  'it',
];

function scripted(text: string, key: string): string | undefined {
  const line = text.split('\n').find((l) => l.trimStart().startsWith(`${key}:`));
  if (line === undefined) return undefined;
  const value = line
    .trimStart()
    .slice(key.length + 1)
    .replace(/^ /, '');
  if (value.startsWith('"')) {
    try {
      const decoded: unknown = JSON.parse(value);
      if (typeof decoded === 'string') return decoded;
    } catch {
      // not a JSON literal: use it verbatim
    }
  }
  return value;
}

export interface ComposedReply {
  text: string;
  /** Set when the prompt scripted a finish reason. */
  finish?: 'length' | 'stop';
}

type JsonSchema = Record<string, unknown>;

function words(text: string, n: number): string {
  return text.split(/\s+/).filter(Boolean).slice(0, n).join(' ');
}

/** A plausible value for a JSON schema, derived from the prompt. */
export function valueForSchema(schema: unknown, prompt: string, depth = 0): unknown {
  const s = (schema && typeof schema === 'object' ? schema : {}) as JsonSchema;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[fnv1a(prompt) % s.enum.length];
  if ('const' in s) return s.const;
  const anyOf = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(anyOf) && anyOf.length > 0) return valueForSchema(anyOf[0], prompt, depth);
  const type = Array.isArray(s.type) ? (s.type[0] as unknown) : s.type;
  switch (type) {
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries(props))
        out[key] = valueForSchema(sub, `${key} ${prompt}`, depth + 1);
      return out;
    }
    case 'array': {
      const min = typeof s.minItems === 'number' ? s.minItems : 1;
      return depth > 4
        ? []
        : Array.from({ length: Math.max(1, min) }, (_, i) =>
            valueForSchema(s.items, `${i} ${prompt}`, depth + 1),
          );
    }
    case 'integer':
      return typeof s.minimum === 'number' ? s.minimum : fnv1a(prompt) % 10;
    case 'number':
      return typeof s.minimum === 'number' ? s.minimum : (fnv1a(prompt) % 100) / 100;
    case 'boolean':
      return fnv1a(prompt) % 2 === 0;
    case 'null':
      return null;
    default:
      return words(prompt, 8) || 'text';
  }
}

/** The JSON schema requested through `response_format` (or vLLM's `structured_outputs.json`), if any. */
export function requestedSchema(body: Record<string, unknown>): { schema: unknown } | undefined {
  const format = body.response_format as { type?: string; json_schema?: { schema?: unknown } } | undefined;
  if (format?.type === 'json_schema') return { schema: format.json_schema?.schema ?? {} };
  if (format?.type === 'json_object')
    return { schema: { type: 'object', properties: { answer: { type: 'string' } } } };
  const structured = body.structured_outputs as { json?: unknown } | undefined;
  if (structured?.json !== undefined) return { schema: structured.json };
  return undefined;
}

export function composeReply(prompt: string, schema?: { schema: unknown }): ComposedReply {
  const finish = scripted(prompt, 'SIM_FINISH') === 'length' ? ('length' as const) : undefined;
  const reply = scripted(prompt, 'SIM_REPLY');
  if (reply !== undefined) return { text: reply, ...(finish ? { finish } : {}) };
  const gist = words(prompt, 12);
  let text: string;
  if (schema) text = JSON.stringify(valueForSchema(schema.schema, gist));
  else {
    const hash = fnv1a(prompt);
    const filler = FILLER.slice(0, 4 + (hash % (FILLER.length - 4))).join(' ');
    text = `You asked: "${gist}". ${filler}.`;
  }
  return { text, ...(finish ? { finish } : {}) };
}

export function composeReasoning(prompt: string): string {
  return `The user wrote about "${words(prompt, 6)}". I will answer directly and concisely.`;
}
