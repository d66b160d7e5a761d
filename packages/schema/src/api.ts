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

const TokenNameSchema = v.pipe(
  v.string('must be text'),
  v.trim(),
  v.nonEmpty('must not be blank'),
  v.maxLength(80, 'must be at most 80 characters'),
);

const TokenScopesSchema = v.pipe(
  v.array(v.picklist(TOKEN_SCOPES, `must be one of ${TOKEN_SCOPES.join(', ')}`), 'must be a list of scopes'),
  v.nonEmpty('must name at least one scope'),
);

/** The served model names a token may use on the gateway; left out, every model. */
const TokenModelsSchema = v.pipe(
  v.array(
    v.pipe(
      v.string('must be model names'),
      v.trim(),
      v.nonEmpty('must not hold a blank name'),
      v.maxLength(200, 'must hold names of at most 200 characters'),
    ),
    'must be a list of model names',
  ),
  v.nonEmpty('must name at least one model'),
  v.maxLength(100, 'must name at most 100 models'),
);

/** Gateway limits of one token: requests per minute and tokens per rolling 24 hours. */
export const TokenLimitsSchema = v.strictObject({
  rpm: v.optional(NumberRangeSchema(1, 100_000, { integer: true, unit: 'requests' })),
  tokensPerDay: v.optional(NumberRangeSchema(1, 1_000_000_000_000, { integer: true, unit: 'tokens' })),
});
export type TokenLimits = v.InferOutput<typeof TokenLimitsSchema>;

export const CreateTokenBodySchema = v.strictObject({
  name: TokenNameSchema,
  scopes: TokenScopesSchema,
  /** Left out: the token never expires. */
  expiresInDays: v.optional(NumberRangeSchema(1, 3650, { integer: true, unit: 'days' })),
  models: v.optional(TokenModelsSchema),
  limits: v.optional(TokenLimitsSchema),
});

/** A token's edits: `null` lifts a model restriction; a limit left out of `limits` is lifted. */
export const PatchTokenBodySchema = v.pipe(
  v.strictObject({
    name: v.optional(TokenNameSchema),
    scopes: v.optional(TokenScopesSchema),
    models: v.optional(v.nullable(TokenModelsSchema)),
    limits: v.optional(TokenLimitsSchema),
  }),
  v.check((body) => Object.keys(body).length > 0, 'name at least one of name, scopes, models, limits'),
);

export interface ApiTokenInfo {
  id: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  createdAt: string;
  lastUsedAt: string | null;
  /** Null: never expires. */
  expiresAt: string | null;
  /** Null: every model. */
  models: string[] | null;
  limits: TokenLimits;
}

/** `GET /api/usage?hours=`: how far back, 1 to 720 hours (30 days). */
export const UsageQuerySchema = v.object({
  hours: v.optional(
    v.pipe(v.string(), v.transform(Number), NumberRangeSchema(1, 720, { integer: true, unit: 'hours' })),
    '24',
  ),
});

/** Gateway use of one key and model over the asked window. */
export interface UsageRow {
  /** Null: the dashboard session. */
  tokenId: string | null;
  /** The token's name, `dashboard` for the session, `(deleted)` for a token no longer stored. */
  tokenName: string;
  model: string;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  /** Requests answered 4xx or 5xx (429 refusals included). */
  errors: number;
  /** Mean time to the end of the answer, streams included. */
  latencyAvgMs: number;
}

/** The body of every error an `/api` route answers (the wire form of `ApiErrorBody`). */
export const ApiErrorBodySchema = v.object({
  error: v.looseObject({
    code: v.picklist(Object.keys(API_ERROR_STATUS) as ApiErrorCode[]),
    message: v.string(),
    requestId: v.string(),
  }),
});
