declare const promptText: unique symbol;

/**
 * Text this program wrote itself: task instructions from the prompts directory, fixed control
 * phrases, re-ask messages built from validation errors. With `ScrubbedText`, the only text a
 * cloud tier accepts.
 */
export type PromptText = string & { readonly [promptText]: true };

/** For the prompts directory and for literals in this folder only; never for caller input. */
export function ownText(text: string): PromptText {
  return text as PromptText;
}

/** The re-ask after an unusable reply: what was wrong, by field, and the rule to answer with JSON only. */
export function reaskText(errors: readonly string[]): PromptText {
  const listed = errors.slice(0, 8).map((error) => `- ${error.slice(0, 300)}`);
  return ownText(
    `Your reply could not be used:\n${listed.join('\n')}\nAnswer again with only the JSON object, every field present and valid.`,
  );
}

declare const modelText: unique symbol;

/** A reply exactly as a tier returned it; it may go back to that tier in a re-ask. */
export type ModelText = string & { readonly [modelText]: true };

/** For the tier that received the reply only. */
export function modelReply(text: string): ModelText {
  return text as ModelText;
}
