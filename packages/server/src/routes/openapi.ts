import { Hono } from 'hono';
import type { AppEnv } from '../http/context.js';
import { openApiDocument } from '../http/openapi.js';
import { API_OPERATIONS } from './operations.js';

/** `GET /api/openapi.json`: the document, built once (any credential, like the rest of /api). */
export function openApiRoutes(deps: { version: string }) {
  let document: ReturnType<typeof openApiDocument> | undefined;
  return new Hono<AppEnv>().get('/', (c) =>
    c.json((document ??= openApiDocument(API_OPERATIONS, deps.version))),
  );
}
