/**
 * Compile-time guarantees, checked by `tsc` (typecheck): each `@ts-expect-error` fails the build
 * if the line below it ever compiles.
 */
import type { ScrubbedText } from '../privacy/scrubbed.js';
import type { PromptText, ModelText } from './prompt-text.js';
import type { ReasoningTask } from './tasks.js';
import type { CloudTier, LocalTier, TierCallOptions } from './tiers.js';

declare const cloud: CloudTier;
declare const local: LocalTier;
declare const task: ReasoningTask;
declare const options: TierCallOptions;
declare const scrubbed: ScrubbedText;
declare const reply: ModelText;
declare const errors: PromptText;
declare const userText: string;

export async function cloudTakesOnlyScrubbedText(): Promise<void> {
  await cloud.call({ task, input: scrubbed }, options);
  await cloud.call({ task, input: scrubbed, reask: { reply, errors } }, options);

  // @ts-expect-error raw text must not reach a cloud tier
  await cloud.call({ task, input: userText }, options);
  // @ts-expect-error nor a string literal
  await cloud.call({ task, input: 'Quorra Tanngrisnir, quorra@example.com' }, options);
  // @ts-expect-error nor raw text smuggled in as the re-ask errors
  await cloud.call({ task, input: scrubbed, reask: { reply, errors: userText } }, options);
  // @ts-expect-error nor as the previous reply
  await cloud.call({ task, input: scrubbed, reask: { reply: userText, errors } }, options);
}

export function cloudIsNotLocal(): LocalTier {
  // @ts-expect-error a cloud tier cannot be used where a local tier (plain text) is expected
  const asLocal: LocalTier = cloud;
  return asLocal;
}

export async function localTakesAnyText(): Promise<void> {
  await local.call({ task, input: userText }, options);
}
