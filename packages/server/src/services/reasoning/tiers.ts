import type { ReasoningTier } from '@spark-control/schema';
import type { ChatReply, OpenAiChat } from '../../adapters/llm/openai-chat.js';
import type { ScrubbedText } from '../privacy/scrubbed.js';
import { adapterFor } from './model-adapters.js';
import { modelReply, type ModelText, type PromptText } from './prompt-text.js';
import type { ReasoningTask } from './tasks.js';

/** The task, the input, and for a re-ask the tier's own reply with what was wrong with it. */
export interface TierPrompt<TInput extends string> {
  task: ReasoningTask;
  input: TInput;
  reask?: { reply: ModelText; errors: PromptText } | undefined;
}

export interface TierCallOptions {
  signal: AbortSignal;
  timeoutMs: number;
  jsonSchema?: { name: string; schema: Record<string, unknown> } | undefined;
}

export interface TierReply extends Omit<ChatReply, 'content'> {
  content: ModelText;
}

/**
 * One rung of the fallback ladder. `call` is a property, not a method, so its parameter is
 * checked contravariantly: a `CloudTier` is not a `LocalTier` and never takes a plain string.
 */
export interface Tier<TInput extends string> {
  readonly name: ReasoningTier;
  readonly kind: 'cloud' | 'local';
  readonly chat: OpenAiChat;
  readonly call: (prompt: TierPrompt<TInput>, options: TierCallOptions) => Promise<TierReply>;
  /** The model this tier asks (the local tier learns it from `/models`). */
  readonly model: (options: { signal: AbortSignal; timeoutMs: number }) => Promise<string>;
}

/** Text leaves the LAN here: only scrubbed input is accepted. */
export type CloudTier = Tier<ScrubbedText>;
/** The cluster's own vLLM: the text stays on the LAN. */
export type LocalTier = Tier<string>;

export function cloudTier(name: 'primary' | 'fallback', chat: OpenAiChat, model: string): CloudTier {
  return chatTier<ScrubbedText>(name, 'cloud', chat, () => Promise.resolve(model));
}

export function localTier(chat: OpenAiChat, model?: string): LocalTier {
  let served: Promise<string> | undefined;
  const resolve = (options: { signal: AbortSignal; timeoutMs: number }) => {
    if (model) return Promise.resolve(model);
    // vLLM serves one model; ask which, and ask again after a failure (a swap may be under way).
    served ??= chat.listModels(options).then((ids) => {
      const first = ids[0];
      if (!first) throw new Error(`${chat.baseUrl} serves no model`);
      return first;
    });
    return served.catch((error: unknown) => {
      served = undefined;
      throw error;
    });
  };
  return chatTier<string>('local', 'local', chat, resolve);
}

function chatTier<TInput extends string>(
  name: ReasoningTier,
  kind: 'cloud' | 'local',
  chat: OpenAiChat,
  model: Tier<TInput>['model'],
): Tier<TInput> {
  return {
    name,
    kind,
    chat,
    model,
    call: async (prompt, options) => {
      const modelId = await model(options);
      const adapted = adapterFor(modelId, kind).build(prompt);
      const reply = await chat.complete({
        model: modelId,
        messages: adapted.messages,
        temperature: prompt.task.temperature,
        topP: prompt.task.topP,
        maxTokens: prompt.task.maxTokens,
        extraBody: adapted.extraBody,
        jsonSchema: options.jsonSchema,
        signal: options.signal,
        timeoutMs: options.timeoutMs,
      });
      return { ...reply, content: modelReply(reply.content) };
    },
  };
}
