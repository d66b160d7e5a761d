import { ApiErrorBodySchema, OpenAiErrorBodySchema, type TokenScope } from '@spark-control/schema';
import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';
import { DEPRECATED_ALIASES } from './deprecated.js';

/** Who may call an operation: as in docs/api.md's table and the scope sweep. */
export type Access = 'open' | 'any' | TokenScope | 'metrics';

/** One route of the app as the OpenAPI document describes it; `path` is written as hono lists it. */
export interface ApiOperation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  access: Access;
  /** A JSON body, or a multipart/form-data one with `multipart`. */
  body?: GenericSchema;
  multipart?: boolean;
  /** Path parameters by name; a parameter not named here is any text. */
  params?: Record<string, GenericSchema>;
  query?: Record<string, GenericSchema>;
  /** The success answer; `schema` left out: JSON whose shape docs/api.md describes. */
  response: {
    status: number;
    description: string;
    schema?: GenericSchema;
    /** application/json when left out; `null` for no body (204). */
    contentType?: string | null;
  };
}

const convert = (schema: GenericSchema): JsonSchema => {
  // valibot checks that JSON Schema cannot say (v.check, transforms) are left out of the document.
  const { $schema: _dialect, ...rest } = toJsonSchema(schema, {
    target: 'draft-2020-12',
    typeMode: 'input',
    errorMode: 'ignore',
  });
  return rest;
};

/** `/api/x/:id{.+}` → `/api/x/{id}` */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z_]+)(?:\{[^}]*\})?/g, '{$1}');

const pathParams = (path: string) => [...path.matchAll(/:([A-Za-z_]+)/g)].map((match) => match[1] ?? '');

function security(access: Access): Record<string, string[]>[] | undefined {
  if (access === 'open') return [];
  const scopes = access === 'any' ? [] : [access === 'metrics' ? 'admin' : access];
  return [{ bearer: scopes }, { session: [] }];
}

function operationObject(op: ApiOperation, deprecated: boolean) {
  const openAi = op.path.startsWith('/v1');
  const errorRef = { $ref: openAi ? '#/components/schemas/OpenAiError' : '#/components/schemas/Error' };
  const errorResponse = (description: string) => ({
    description,
    content: { 'application/json': { schema: errorRef } },
  });
  const parameters = [
    ...pathParams(op.path).map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: op.params?.[name] ? convert(op.params[name]) : { type: 'string' },
    })),
    ...Object.entries(op.query ?? {}).map(([name, schema]) => ({
      name,
      in: 'query',
      required: false,
      schema: convert(schema),
    })),
  ];
  const { response } = op;
  const contentType = response.contentType === undefined ? 'application/json' : response.contentType;
  return {
    operationId: `${op.method.toLowerCase()}${openApiPath(op.path).replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    summary: op.summary,
    tags: [openAi ? 'openai' : (op.path.split('/')[2] ?? 'health')],
    ...(deprecated ? { deprecated: true } : {}),
    security: security(op.access),
    'x-scope': op.access,
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: {
              [op.multipart ? 'multipart/form-data' : 'application/json']: { schema: convert(op.body) },
            },
          },
        }
      : {}),
    responses: {
      [String(response.status)]: {
        description: response.description,
        ...(contentType
          ? { content: { [contentType]: { schema: response.schema ? convert(response.schema) : {} } } }
          : {}),
      },
      ...(op.access === 'open'
        ? {}
        : { '401': errorResponse('no, an unknown, revoked or expired credential') }),
      ...(op.access === 'open' || op.access === 'any'
        ? {}
        : { '403': errorResponse('the token lacks the scope') }),
      default: errorResponse('an error'),
    },
  };
}

/** The earlier package's paths (http/deprecated.ts) for the operations they alias. */
function aliasesOf(operations: readonly ApiOperation[]): { op: ApiOperation; deprecated: boolean }[] {
  return operations.flatMap((op) =>
    DEPRECATED_ALIASES.filter(
      ({ successor }) => op.path === successor || op.path.startsWith(`${successor}/`),
    ).map(({ alias, successor }) => ({
      op: { ...op, path: alias + op.path.slice(successor.length) },
      deprecated: true,
    })),
  );
}

/** The OpenAPI 3.1 document of the operations, their JSON Schemas generated from the valibot schemas. */
export function openApiDocument(operations: readonly ApiOperation[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { op, deprecated } of [
    ...operations.map((op) => ({ op, deprecated: false })),
    ...aliasesOf(operations),
  ]) {
    const path = openApiPath(op.path);
    paths[path] ??= {};
    paths[path][op.method.toLowerCase()] = operationObject(op, deprecated);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Spark Control',
      version,
      description: 'The HTTP API (/api) and the OpenAI-compatible gateway (/v1). docs/api.md has the prose.',
    },
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'an API token `sc_…`' },
        session: { type: 'apiKey', in: 'cookie', name: 'sc_session', description: 'the dashboard session' },
      },
      schemas: { Error: convert(ApiErrorBodySchema), OpenAiError: convert(OpenAiErrorBodySchema) },
    },
  };
}
