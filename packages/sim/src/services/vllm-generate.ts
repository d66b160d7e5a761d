import { randomUUID } from 'node:crypto';
import { composeReasoning, composeReply, tokenize, type ComposedReply } from './reply.js';

/** What one request will produce, token by token. */
export interface GenerationPlan {
  reasoning: string[];
  content: string[];
  finish: 'stop' | 'length';
  stopReason: string | null;
  /** A scripted in-stream error (`SIM_STREAM_ERROR: <message>` in the prompt). */
  streamError: string | undefined;
}

export function planGeneration(input: {
  prompt: string;
  schema: { schema: unknown } | undefined;
  withReasoning: boolean;
  maxTokens: number;
  stop: string[];
  /** Cap on thinking tokens (NVIDIA's `reasoning_budget`). */
  reasoningBudget?: number;
}): GenerationPlan {
  const reply: ComposedReply = composeReply(input.prompt, input.schema);
  let text = reply.text;
  let stopReason: string | null = null;
  for (const s of input.stop) {
    const at = s === '' ? -1 : text.indexOf(s);
    if (at >= 0) {
      text = text.slice(0, at);
      stopReason = s;
    }
  }
  let reasoning = input.withReasoning ? tokenize(composeReasoning(input.prompt)) : [];
  if (input.reasoningBudget !== undefined) reasoning = reasoning.slice(0, Math.max(0, input.reasoningBudget));
  let content = tokenize(text);
  let finish: 'stop' | 'length' = reply.finish ?? 'stop';
  if (reasoning.length >= input.maxTokens) {
    reasoning = reasoning.slice(0, input.maxTokens);
    content = [];
    finish = 'length';
  } else if (reasoning.length + content.length > input.maxTokens) {
    content = content.slice(0, input.maxTokens - reasoning.length);
    finish = 'length';
  }
  const errorLine = input.prompt.split('\n').find((l) => l.trimStart().startsWith('SIM_STREAM_ERROR:'));
  return {
    reasoning,
    content,
    finish,
    stopReason,
    streamError: errorLine?.trimStart().slice('SIM_STREAM_ERROR:'.length).trim(),
  };
}

export const completionTokens = (plan: GenerationPlan) => plan.reasoning.length + plan.content.length;

export const newId = (prefix: string) => `${prefix}-${randomUUID().replaceAll('-', '')}`;

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** OpenAI-style error body as current vLLM sends it. */
export function openAiError(message: string, type: string, code: number, param: string | null = null) {
  return { error: { message, type, param, code } };
}

/** Validates the context budget; returns an error message or the effective max_tokens. */
export function contextBudget(
  promptTokens: number,
  requested: number | undefined,
  maxModelLen: number,
): { maxTokens: number } | { error: string } {
  if (requested === undefined) {
    if (promptTokens >= maxModelLen)
      return {
        error: `This model's maximum context length is ${maxModelLen} tokens. However, your request has ${promptTokens} input tokens. Please reduce the length of the input messages.`,
      };
    return { maxTokens: maxModelLen - promptTokens };
  }
  if (promptTokens + requested > maxModelLen)
    return {
      error: `This model's maximum context length is ${maxModelLen} tokens. However, you requested ${promptTokens + requested} tokens (${promptTokens} in the messages, ${requested} in the completion). Please reduce the length of the messages or completion.`,
    };
  return { maxTokens: requested };
}
