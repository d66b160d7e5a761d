import {
  ChatCompletionBodySchema,
  CompletionBodySchema,
  EmbeddingsBodySchema,
  ModelListSchema,
  ModelObjectSchema,
  ResponsesBodySchema,
  SpeechBodySchema,
  TranscriptionFormSchema,
} from '@spark-control/schema';
import type { ApiOperation } from '../http/openapi.js';
import { RerankBodySchema } from '../services/gateway/rerank.js';

const json = (description: string, status = 200) => ({ status, description });

/** The OpenAI-compatible routes (`/v1`) for `/api/openapi.json`; errors in OpenAI's shape. */
export const OPENAI_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'GET',
    path: '/v1/models',
    summary: 'Served models',
    access: 'gateway',
    response: { ...json('the list'), schema: ModelListSchema },
  },
  {
    method: 'GET',
    path: '/v1/models/:id{.+}',
    summary: 'One served model',
    access: 'gateway',
    response: { ...json('the model'), schema: ModelObjectSchema },
  },
  {
    method: 'POST',
    path: '/v1/chat/completions',
    summary: 'Chat completion (streams with stream: true)',
    access: 'gateway',
    body: ChatCompletionBodySchema,
    response: json('the completion, or Server-Sent Events'),
  },
  {
    method: 'POST',
    path: '/v1/completions',
    summary: 'Text completion',
    access: 'gateway',
    body: CompletionBodySchema,
    response: json('the completion, or Server-Sent Events'),
  },
  {
    method: 'POST',
    path: '/v1/responses',
    summary: 'Responses API',
    access: 'gateway',
    body: ResponsesBodySchema,
    response: json('the response, or Server-Sent Events'),
  },
  {
    method: 'POST',
    path: '/v1/embeddings',
    summary: 'Embeddings',
    access: 'gateway',
    body: EmbeddingsBodySchema,
    response: json('the embeddings'),
  },
  {
    method: 'POST',
    path: '/v1/rerank',
    summary: 'Rerank documents',
    access: 'gateway',
    body: RerankBodySchema,
    response: json('results, best first'),
  },
  {
    method: 'POST',
    path: '/v1/audio/transcriptions',
    summary: 'Speech to text',
    access: 'gateway',
    multipart: true,
    body: TranscriptionFormSchema,
    response: json('the transcript'),
  },
  {
    method: 'POST',
    path: '/v1/audio/speech',
    summary: 'Text to speech',
    access: 'gateway',
    body: SpeechBodySchema,
    response: { ...json('audio'), contentType: 'application/octet-stream' },
  },
];
