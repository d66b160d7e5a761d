import * as v from 'valibot';
import { NumberRangeSchema } from './fields.js';

/** Every error the API returns has one of these codes; the HTTP status follows from it. */
export const API_ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SWAP_IN_PROGRESS: 409,
  LEASED: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UPSTREAM_FAILED: 502,
  UNAVAILABLE: 503,
  UPSTREAM_TIMEOUT: 504,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

export interface ApiErrorBody {
  /** Some codes add fields, e.g. SWAP_IN_PROGRESS carries the running swap's `swapId`. */
  error: { code: ApiErrorCode; message: string; requestId: string; [detail: string]: string | number | null };
}

export const TOKEN_SCOPES = ['control', 'gateway', 'privacy', 'reasoning', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const LoginBodySchema = v.strictObject({
  password: v.pipe(
    v.string('must be text'),
    v.nonEmpty('must not be blank'),
    v.maxLength(1024, 'is too long'),
  ),
});

export const CreateTokenBodySchema = v.strictObject({
  name: v.pipe(
    v.string('must be text'),
    v.trim(),
    v.nonEmpty('must not be blank'),
    v.maxLength(80, 'must be at most 80 characters'),
  ),
  scopes: v.pipe(
    v.array(
      v.picklist(TOKEN_SCOPES, `must be one of ${TOKEN_SCOPES.join(', ')}`),
      'must be a list of scopes',
    ),
    v.nonEmpty('must name at least one scope'),
  ),
  /** Left out: the token never expires. */
  expiresInDays: v.optional(NumberRangeSchema(1, 3650, { integer: true, unit: 'days' })),
});

export interface ApiTokenInfo {
  id: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  createdAt: string;
  lastUsedAt: string | null;
  /** Null: never expires. */
  expiresAt: string | null;
}

/** The body of every error an `/api` route answers (the wire form of `ApiErrorBody`). */
export const ApiErrorBodySchema = v.object({
  error: v.looseObject({
    code: v.picklist(Object.keys(API_ERROR_STATUS) as ApiErrorCode[]),
    message: v.string(),
    requestId: v.string(),
  }),
});
