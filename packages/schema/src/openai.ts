import * as v from 'valibot';

/**
 * The request bodies of the OpenAI-compatible routes (`/v1`), as far as the gateway reads them:
 * it routes by `model` and relays the rest to the upstream untouched, so every object is loose.
 * They describe the API in /api/openapi.json; the upstream validates the fields it owns.
 */
const ModelNameSchema = v.pipe(v.string('must be text'), v.nonEmpty('must not be empty'));

export const ChatCompletionBodySchema = v.looseObject({
  model: ModelNameSchema,
  messages: v.array(v.looseObject({ role: v.string(), content: v.optional(v.unknown()) })),
  stream: v.optional(v.boolean()),
});

export const CompletionBodySchema = v.looseObject({
  model: ModelNameSchema,
  prompt: v.union([v.string(), v.array(v.string())]),
  stream: v.optional(v.boolean()),
});

export const ResponsesBodySchema = v.looseObject({
  model: ModelNameSchema,
  input: v.union([v.string(), v.array(v.looseObject({}))]),
  stream: v.optional(v.boolean()),
});

export const EmbeddingsBodySchema = v.looseObject({
  model: v.optional(v.string()),
  input: v.union([v.string(), v.array(v.string())]),
});

export const SpeechBodySchema = v.looseObject({
  model: v.optional(v.string()),
  input: v.string(),
  voice: v.optional(v.string()),
  response_format: v.optional(v.string()),
});

/** multipart/form-data fields of `/v1/audio/transcriptions`. */
export const TranscriptionFormSchema = v.looseObject({
  file: v.string(),
  model: v.optional(v.string()),
  language: v.optional(v.string()),
  response_format: v.optional(v.string()),
});

export const ModelObjectSchema = v.looseObject({
  id: v.string(),
  object: v.literal('model'),
  created: v.number(),
  owned_by: v.string(),
});

export const ModelListSchema = v.object({
  object: v.literal('list'),
  data: v.array(ModelObjectSchema),
});

/** Every error a `/v1` route answers. */
export const OpenAiErrorBodySchema = v.object({
  error: v.object({
    message: v.string(),
    type: v.string(),
    param: v.nullable(v.string()),
    code: v.nullable(v.union([v.string(), v.number()])),
  }),
});
