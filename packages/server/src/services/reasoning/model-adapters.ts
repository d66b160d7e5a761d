import type { ChatMessage } from '../../adapters/llm/openai-chat.js';
import type { ReasoningTask } from './tasks.js';

/** What a tier sends: the messages and the model's own reasoning controls. */
export interface AdaptedRequest {
  messages: ChatMessage[];
  extraBody: Record<string, unknown>;
}

export interface PromptParts {
  task: ReasoningTask;
  input: string;
  reask?: { reply: string; errors: string } | undefined;
}

/** How one model family takes instructions and switches thinking on or off (nvidia-nim.md). */
export interface ModelAdapter {
  readonly name: string;
  build(parts: PromptParts): AdaptedRequest;
}

const withReask = (messages: ChatMessage[], parts: PromptParts): ChatMessage[] =>
  parts.reask
    ? [
        ...messages,
        { role: 'assistant', content: parts.reask.reply },
        { role: 'user', content: parts.reask.errors },
      ]
    : messages;

/** Instructions as the system message, thinking through the chat template (Nemotron 3 Super, vLLM). */
const chatTemplateThinking = (name: string, withBudget: boolean): ModelAdapter => ({
  name,
  build: (parts) => ({
    messages: withReask(
      [
        { role: 'system', content: parts.task.instructions },
        { role: 'user', content: parts.input },
      ],
      parts,
    ),
    extraBody: {
      chat_template_kwargs: { enable_thinking: parts.task.thinking },
      ...(withBudget && parts.task.thinking && parts.task.reasoningBudget !== undefined
        ? { reasoning_budget: parts.task.reasoningBudget }
        : {}),
    },
  }),
});

/** The system message is only the switch; every instruction goes into the user message. */
const systemSwitch = (name: string, on: string, off: string): ModelAdapter => ({
  name,
  build: (parts) => ({
    messages: withReask(
      [
        { role: 'system', content: parts.task.thinking ? on : off },
        { role: 'user', content: `${parts.task.instructions}\n\n${parts.input}` },
      ],
      parts,
    ),
    extraBody: {},
  }),
});

const plain: ModelAdapter = {
  name: 'plain',
  build: (parts) => ({
    messages: withReask(
      [
        { role: 'system', content: parts.task.instructions },
        { role: 'user', content: parts.input },
      ],
      parts,
    ),
    extraBody: {},
  }),
};

export const MODEL_ADAPTERS = {
  nemotron3Super: chatTemplateThinking('nemotron-3-super', true),
  nemotronSuper49b: systemSwitch(
    'llama-3.3-nemotron-super-49b-v1',
    'detailed thinking on',
    'detailed thinking off',
  ),
  nemotronSuper49bV15: systemSwitch('llama-3.3-nemotron-super-49b-v1.5', '/think', '/no_think'),
  localVllm: chatTemplateThinking('local-vllm', false),
  plain,
} as const;

/** The adapter for a model id; the local tier always uses the vLLM chat-template switch. */
export function adapterFor(model: string, kind: 'cloud' | 'local'): ModelAdapter {
  if (kind === 'local') return MODEL_ADAPTERS.localVllm;
  const id = model.toLowerCase();
  if (id.includes('llama-3.3-nemotron-super-49b-v1.5')) return MODEL_ADAPTERS.nemotronSuper49bV15;
  if (id.includes('llama-3.3-nemotron-super-49b')) return MODEL_ADAPTERS.nemotronSuper49b;
  if (id.includes('nemotron-3-super')) return MODEL_ADAPTERS.nemotron3Super;
  return MODEL_ADAPTERS.plain;
}
